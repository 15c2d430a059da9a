"""Notice when another program deletes, moves or replaces the database's files under the app.

SQLite goes on writing to files it has open even after they are gone from the folder,
and every change since is lost at the next crash or close:
- a deleted write-ahead log (`-wal`, or its index `-shm`) holds every save since the last
  checkpoint; checkpointing through the connection that still has it open writes those
  saves into the database file, and reconnecting makes SQLite start a new log;
- a database file moved, deleted or replaced (a sync tool, a restore from another copy of
  the app) leaves the app writing to a file nobody can open again; what it holds is copied
  into the backups folder, and the app refuses further changes until it is opened again.

Both are checked after every committed unit of work: two `stat` calls.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

_log = logging.getLogger("resilience_app.storage")
RESCUE_REASON = "rescued"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


class FileGuard:
    """Watches one SQLite file and its write-ahead log for one engine."""

    def __init__(self, database_file: Path, engine: Engine) -> None:
        self.file = database_file
        self._engine = engine
        self._identity: tuple[int, int] | None = None
        self._log_seen = False
        self.rescued_to: Path | None = None  # where the moved database's content was saved, once it was
        self._moved = False

    @property
    def moved(self) -> bool:
        """The file was moved, replaced or deleted while open: no change may be made any more."""
        return self._moved

    @property
    def _companions(self) -> tuple[Path, Path]:
        return self.file.with_name(self.file.name + "-wal"), self.file.with_name(self.file.name + "-shm")

    def start(self) -> None:
        """Remember the file the engine opened (after `Database.open`)."""
        self._identity = _identity(self.file)
        self._log_seen = False
        self.rescued_to = None
        self._moved = False

    def check(self, backups_dir: Path | None) -> bool:
        """After a commit: True when the files are where SQLite writes; else rescue what can be and return False."""
        if self._identity is None:
            return True
        if _identity(self.file) != self._identity:
            self._rescue_moved_database(backups_dir)
            return False
        present = all(companion.exists() for companion in self._companions)
        if present:
            self._log_seen = True
            return True
        if self._log_seen:
            self._checkpoint_vanished_log()
        return True

    def _checkpoint_vanished_log(self) -> None:
        _log.warning("The write-ahead log of %s was deleted by another program; writing its saves into the database", self.file)
        connection: Any = self._engine.raw_connection()
        try:
            connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        self._engine.dispose()  # the next connection starts a new log that other programs can see
        self._log_seen = False

    def _rescue_moved_database(self, backups_dir: Path | None) -> None:
        _log.error("The database %s was moved, replaced or deleted by another program while open", self.file)
        self._identity = None  # nothing more is checked: the database refuses every change from now on
        self._moved = True
        if backups_dir is None:
            self._engine.dispose()
            return
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backups_dir / f"{self.file.stem}-{stamp}-{RESCUE_REASON}.sqlite3"
        partial = target.with_name(f".{target.name}.partial")
        connection: Any = self._engine.raw_connection()
        try:
            backups_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            destination = sqlite3.connect(partial)
            try:
                connection.driver_connection.backup(destination)
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
            os.replace(partial, target)
            self.rescued_to = target
            _log.warning("Saved what the moved database held as %s", target)
        except (OSError, sqlite3.Error) as error:
            partial.unlink(missing_ok=True)
            _log.error("Could not save what the moved database held: %s", error)
        finally:
            connection.close()
            self._engine.dispose()
