"""One unit of work in which a row that vanished meanwhile becomes a plain message, not a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from resilience_app.core.errors import UserFacingError
from resilience_app.core.storage.database import Database


@contextmanager
def unit_of_work(database: Database, missing: tuple[type[LookupError], ...], gone: Callable[[], UserFacingError]) -> Iterator[Session]:
    """A session of `database`; a `missing` lookup error raised inside becomes `gone()`."""
    try:
        with database.session() as session:
            yield session
    except missing:
        raise gone() from None
