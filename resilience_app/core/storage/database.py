"""The engine, sessions, start-up checks and migrations of the app's database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from resilience_app.core import resources
from resilience_app.core.errors import UserFacingError
from resilience_app.core.storage.backups import BackupError, DamagedDatabaseError, back_up_sqlite
from resilience_app.core.storage.errors import (
    backup_failed_error,
    bad_url_error,
    corrupt_error,
    database_error,
    database_moved_error,
    foreign_database_error,
    newer_database_error,
)
from resilience_app.core.storage.file_guard import FileGuard
from resilience_app.core.storage.sqlite_file import FileKind, inspect_database_file

if TYPE_CHECKING:
    from alembic.config import Config

_log = logging.getLogger("resilience_app.storage")

# The newest migration in storage/migrations/versions. Start-up compares it with the stored
# revision itself: importing Alembic (with Mako and SQLAlchemy's other dialects) only to read
# two strings cost a tenth of a second on every start. A test checks it against Alembic's head.
HEAD_REVISION = "0013"
# Every revision this version can open (and migrate to HEAD). A database at any other revision
# was written by a newer version of the app: it is refused, never opened or backed up "before an update".
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013"})


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling commits CREATE TABLE and ALTER at once, so a
    # migration killed half-way left tables without their revision and the app could never
    # open the file again (tools/torture.py --sweep-opening found it). SQLAlchemy's recipe
    # for pysqlite: no implicit transactions from the driver, an explicit BEGIN from us.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=2000")
    cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.migrations_dir()))
    return config


def stored_revision(connection: Connection) -> str | None:
    """The migration the database is at, or None for a new, empty one (what Alembic would read)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _raised_reading_a_row(error: BaseException) -> bool:
    """True when `error` came out of SQLAlchemy turning a stored value into a Python one.

    A value that cannot be bound (a number too large for SQLite) fails inside the driver's
    `execute`: that is bad input, not damage, and is left to the caller.
    """
    frames = []
    traceback = error.__traceback__
    while traceback is not None:
        frames.append(traceback.tb_frame)
        traceback = traceback.tb_next
    sqlalchemy_frames = [frame for frame in frames if str(frame.f_globals.get("__name__", "")).startswith("sqlalchemy.")]
    if not sqlalchemy_frames:
        return False
    return not any(frame.f_code.co_name.startswith("do_execute") for frame in sqlalchemy_frames)


def database_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for memory or another database); `UserFacingError` for a bad URL."""
    try:
        parsed = make_url(url)
    except Exception as error:  # noqa: BLE001 - any parse failure is the user's URL
        raise bad_url_error(url) from error
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    name = parsed.database
    if parsed.query.get("uri") == "true" and name.startswith("file:"):  # sqlite:///file:/path?mode=ro&uri=true
        name = name.removeprefix("file:").partition("?")[0]
        if name in ("", ":memory:") or parsed.query.get("mode") == "memory":
            return None
    return Path(name)


class Database:
    """One engine per database; `session()` opens a unit of work that commits or rolls back."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            parsed = make_url(url)
            self.engine: Engine = create_engine(parsed)
        except Exception as error:  # noqa: BLE001 - any parse/driver failure is the user's URL
            raise bad_url_error(url) from error
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.file = database_file(url)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.backup_problem = ""  # why the last start-up copy could not be taken, if it could not
        self._guard = FileGuard(self.file, self.engine) if self.file is not None else None
        self._backups_dir: Path | None = None

    @property
    def location(self) -> str:
        return str(self.file) if self.file else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action; storage failures come out as `UserFacingError`.

        Stored data that cannot be read back (a date that is not a date) is damage, told as
        such with the way to a backup. The files are checked (`FileGuard`) before the unit of work
        begins, so a change is never written into a file that was moved away, and after the commit.
        """
        self._check_files()
        session = self._sessions()
        try:
            yield session
            session.commit()
        except exc.SQLAlchemyError as error:
            session.rollback()
            raise self._translate(error) from error
        except (ValueError, TypeError, OverflowError) as error:
            session.rollback()
            if _raised_reading_a_row(error):
                _log.error("Stored data of %s cannot be read: %r", self.location, error)
                raise corrupt_error(self.location) from error
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self._check_files()

    def _check_files(self) -> None:
        if self._guard is not None:
            self._guard.check(self._backups_dir)  # rescues a moved file and marks the database moved
        self._refuse_if_moved()

    def _refuse_if_moved(self) -> None:
        if self._guard is not None and self._guard.moved:
            raise database_moved_error(self.location, rescued_to=self._guard.rescued_to)

    def _translate(self, error: BaseException) -> BaseException:
        return database_error(error, location=self.location) or error

    def open(self, *, backups_dir: Path | None) -> None:
        """Check the database, back it up, and bring its schema to the newest revision.

        A start-up copy that cannot be written (full disk, read-only media) does not stop
        the app: `backup_problem` says so and the window shows it. A migration never runs
        without its copy.
        """
        self.backup_problem = ""
        if backups_dir is not None:
            self._backups_dir = backups_dir
        if self.file is not None:
            self._refuse_what_is_not_ours(self.file)
        try:
            with self.engine.connect() as connection:
                current = stored_revision(connection)
            if self.file is not None and backups_dir is not None and current is not None:
                self._back_up(backups_dir, migrating=current != HEAD_REVISION)
            if current != HEAD_REVISION:
                self.migrate()
        except UserFacingError:
            raise
        except exc.SQLAlchemyError as error:
            raise self._translate(error) from error
        if self._guard is not None:
            self._guard.start()

    def _refuse_what_is_not_ours(self, file: Path) -> None:
        """A damaged file, another program's database or a newer version's is refused before any connection changes it."""
        state = inspect_database_file(file, known_revisions=KNOWN_REVISIONS, own_table="assessments")
        if state.kind is FileKind.DAMAGED:
            _log.warning("The database %s is damaged: %s", file, state.reason)
            raise corrupt_error(self.location)
        if state.kind is FileKind.FOREIGN:
            raise foreign_database_error(self.location)
        if state.kind is FileKind.NEWER:
            raise newer_database_error(self.location, revision=state.revision or "")

    def _back_up(self, backups_dir: Path, *, migrating: bool) -> None:
        assert self.file is not None
        try:
            back_up_sqlite(self.file, backups_dir, reason="before-migration" if migrating else "startup")
        except DamagedDatabaseError as error:  # the copy, read whole, fails where the first check passed
            raise corrupt_error(self.location) from error
        except BackupError as error:
            _log.warning("No start-up backup of %s: %s", self.file, error)
            if migrating:
                raise backup_failed_error(backups_dir, reason="before-migration") from error
            self.backup_problem = str(error)

    def migrate(self) -> None:
        from alembic import command

        config = alembic_config()
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        _log.info("Database %s is at the newest schema", self.location)

    def dispose(self) -> None:
        self.engine.dispose()
