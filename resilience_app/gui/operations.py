"""Every mutating user action goes through `run_operation`: call a core service, route its
expected failures to a plain dialog, and announce what changed so only affected views refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from resilience_app.core.errors import UserFacingError
from resilience_app.gui.errors import show_user_error

T = TypeVar("T")


class ChangeBus(QObject):
    """Broadcasts what an operation changed.

    Signals:
        assessments_changed(): the list of assessments or an assessment's details changed.
    """

    assessments_changed = Signal()


def reporting(failed: SignalInstance, change: Callable[[], object]) -> Callable[[], None]:
    """`change` as a slot that sends a `UserFacingError` to `failed` (a view's signal) instead of raising."""

    def run() -> None:
        try:
            change()
        except UserFacingError as error:
            failed.emit(error)

    return run


def run_operation(parent: QWidget, action: Callable[[], T], *, bus: ChangeBus, changes_assessments: bool = True) -> T | None:
    """Run `action`; on a `UserFacingError` show it and return None, else announce the change."""
    try:
        result = action()
    except UserFacingError as error:
        show_user_error(parent, error)
        return None
    if changes_assessments:
        bus.assessments_changed.emit()
    return result
