"""The one way a use case opens the database: a unit of work in which a row that vanished becomes a plain message.

Every service method that reads or writes opens exactly one of these (reads and writes of one user action
share it, so nothing changes between them); only the storage layer itself calls `Database.session()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.orm import Session

from resilience_app.core.errors import UserFacingError
from resilience_app.core.storage.database import Database

# A lookup error a repository raises for a row that is not there -> the message the user reads instead.
GoneMessages = Mapping[type[LookupError], Callable[[LookupError], UserFacingError]]


@contextmanager
def unit_of_work(database: Database, gone: GoneMessages) -> Iterator[Session]:
    """A session of `database`, committed at the end; a lookup error named in `gone` becomes its message."""
    try:
        with database.session() as session:
            yield session
    except LookupError as missing:
        for kind, message in gone.items():
            if isinstance(missing, kind):
                raise message(missing) from None
        raise
