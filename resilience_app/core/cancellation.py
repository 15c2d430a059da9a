"""Cancelling long work at the one point where it is safe: before a finished file is moved into place.

The caller of a long job (the GUI's background worker) runs it inside `cancellable(is_cancelled)`;
`writing_in_place` asks `raise_if_cancelled()` once the export is written to its temporary file and
before it replaces the target. A cancelled export so leaves nothing behind and an existing file of the
same name whole, and a unit of work around it rolls back (a workbook is not recorded as sent).
The check is a context variable, so jobs on other threads (and work with no job at all) are not affected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_is_cancelled: ContextVar[Callable[[], bool] | None] = ContextVar("is_cancelled", default=None)


class Cancelled(Exception):  # noqa: N818 - what happened, not an error
    """The user cancelled the job; whatever it wrote is discarded."""


@contextmanager
def cancellable(is_cancelled: Callable[[], bool]) -> Iterator[None]:
    """Work in this block stops with `Cancelled` at its next safe point once `is_cancelled()` is true."""
    token = _is_cancelled.set(is_cancelled)
    try:
        yield
    finally:
        _is_cancelled.reset(token)


def raise_if_cancelled() -> None:
    """`Cancelled` if the job this runs in was cancelled (nothing when no job asked for it)."""
    check = _is_cancelled.get()
    if check is not None and check():
        raise Cancelled
