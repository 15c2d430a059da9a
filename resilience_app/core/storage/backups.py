"""Consistent copies of the SQLite file, their rotation, and putting one back.

Copies are taken with SQLite's online backup API (safe with WAL and with a live
connection) at start-up, before migrations, before imports and before a restore,
and each copy passes SQLite's full `integrity_check` before it is kept: a copy that
fails it means the database itself is damaged (`DamagedDatabaseError`), and no
damaged copy ever joins the folder. Rotation keeps the newest `KEEP_LATEST` sound
copies, the newest of each of the last `KEEP_DAYS` days, and whatever the newer
copies hold, the newest `KEEP_WITH_DATA` copies that hold assessments and the one
that holds the most: an emptied or vanished database backed up at every start can
never rotate the copies with data out.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.storage.sqlite_file import READ_ERRORS, sqlite_file_problem

_COPY_ERRORS: tuple[type[Exception], ...] = (OSError, *READ_ERRORS)  # a copy that cannot be written or read

_log = logging.getLogger("resilience_app.storage")
KEEP_LATEST = 10
KEEP_DAYS = 7
KEEP_WITH_DATA = 3
REASONS = ("startup", "before-migration", "before-import", "before-restore", "rescued")
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.sqlite3$")


class BackupError(Exception):
    """A copy could not be written or read (full disk, read-only media, damaged copy)."""


class DamagedDatabaseError(BackupError):
    """The copy just taken fails SQLite's integrity check: the database it was taken from is damaged."""


@dataclass(frozen=True)
class Backup:
    """One copy in the backups folder."""

    path: Path
    taken_at: dt.datetime  # local time, as in the file name
    reason: str
    size: int
    assessments: int | None = None  # how many it holds; None when it cannot be read (damaged since)


def backups_of(database_file: Path, backups_dir: Path) -> list[Backup]:
    """The copies of `database_file`, newest first (files that are not ours are ignored)."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.glob(f"{database_file.stem}-*.sqlite3"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database_file.stem:
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(path=path, taken_at=taken_at, reason=match["reason"], size=size, assessments=assessments_in(path)))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def back_up_sqlite(database_file: Path, backups_dir: Path, *, reason: str, now: dt.datetime | None = None) -> Path | None:
    """Copy `database_file` into `backups_dir`, then rotate; `BackupError` when it cannot be written."""
    if not database_file.exists() or database_file.stat().st_size == 0:
        return None
    taken_at = now or dt.datetime.now()
    target = backups_dir / f"{database_file.stem}-{taken_at.strftime(_STAMP_FORMAT)}-{reason}.sqlite3"
    partial = target.with_name(f".{target.name}.partial")  # never listed, never counted as a copy
    try:
        backups_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove_partials(backups_dir)
        _copy_database(database_file, partial)
        if not check_copy(partial, thorough=True):
            raise DamagedDatabaseError(f"{database_file} fails SQLite's integrity check")
        os.replace(partial, target)
    except DamagedDatabaseError:
        partial.unlink(missing_ok=True)
        raise
    except _COPY_ERRORS as error:
        partial.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    _log.info("Backed up %s to %s (%s)", database_file, target, reason)
    rotate(database_file, backups_dir, today=taken_at.date())
    return target


def _remove_partials(backups_dir: Path) -> None:
    """Copies (and their journals) left half-written by an app that was killed while backing up."""
    for leftover in backups_dir.glob(".*.partial*"):
        leftover.unlink(missing_ok=True)


def rotate(database_file: Path, backups_dir: Path, *, today: dt.date) -> None:
    """Delete the copies no rule keeps (see the module's docstring); unreadable copies are never counted."""
    readable = [backup for backup in backups_of(database_file, backups_dir) if backup.assessments is not None]  # newest first
    keep = {backup.path for backup in readable[:KEEP_LATEST]}
    newest_of_day: dict[dt.date, Path] = {}
    for backup in readable:  # newest first, so the first seen of a day is its newest
        day = backup.taken_at.date()
        if (today - day).days < KEEP_DAYS:
            newest_of_day.setdefault(day, backup.path)
    keep |= set(newest_of_day.values())
    with_data = [backup for backup in readable if backup.assessments]
    keep |= {backup.path for backup in with_data[:KEEP_WITH_DATA]}
    if with_data:
        keep.add(max(with_data, key=lambda backup: backup.assessments or 0).path)  # the first, the newest, of equals
    for backup in readable:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads `path` and writes nothing beside it.

    A copy without a write-ahead log beside it is opened as immutable: SQLite then creates
    no `-wal` or `-shm` file next to it (older copies were taken in WAL mode).
    """
    has_log = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"file:{path}?mode=ro" if has_log else f"file:{path}?mode=ro&immutable=1", uri=True)


def assessments_in(path: Path) -> int | None:
    """How many assessments a copy holds (0 for a copy without the table), None when it is not a readable database."""
    try:
        connection = _read_only(path)
        try:
            return int(connection.execute("SELECT count(*) FROM assessments").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        return 0 if "no such table" in str(error) else None
    except READ_ERRORS:
        return None


def evidence_named_in(path: Path) -> set[tuple[int, str]] | None:
    """The evidence files (assessment id, stored name) a copy names; None when it cannot be read."""
    try:
        connection = _read_only(path)
        try:
            rows = connection.execute("SELECT assessment_id, file_name FROM evidence WHERE file_name IS NOT NULL").fetchall()
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        return set() if "no such table" in str(error) else None
    except READ_ERRORS:
        return None
    return {(int(assessment_id), str(file_name)) for assessment_id, file_name in rows}


def check_copy(path: Path, *, thorough: bool = False) -> bool:
    """True when `path` is a SQLite database that passes SQLite's quick check (`thorough`: the full integrity check).

    The quick check misses damage inside records (a flipped bit that turns "National" into
    "NationAl"); the integrity check reads every record and index, a few milliseconds a megabyte.
    """
    pragma = "PRAGMA integrity_check" if thorough else "PRAGMA quick_check"
    try:
        connection = _read_only(path)
        try:
            return bool(connection.execute(pragma).fetchone() == ("ok",)) and sqlite_file_problem(path) is None
        finally:
            connection.close()
    except READ_ERRORS:
        return False


def restore_copy(backup: Path, database_file: Path) -> None:
    """Put `backup` in place of `database_file` (no connection may be open on it).

    The copy is checked first and written beside the database before it replaces it
    in one rename, so a failure at any point leaves the current file as it was. The
    old file's write-ahead log goes with it: replayed onto the restored copy it would
    bring back the very changes the restore undoes.
    """
    if not check_copy(backup, thorough=True):
        raise BackupError(f"{backup} is not a sound copy")
    staging = database_file.with_name(database_file.name + ".restoring")
    try:
        staging.unlink(missing_ok=True)
        _copy_database(backup, staging)
        for suffix in ("-wal", "-shm"):
            database_file.with_name(database_file.name + suffix).unlink(missing_ok=True)
        os.replace(staging, database_file)
    except _COPY_ERRORS as error:
        staging.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    _log.info("Restored %s from %s", database_file, backup)


def set_aside(database_file: Path) -> Path:
    """Rename a damaged database (and its log) out of the way, keeping it for inspection."""
    stamp = dt.datetime.now().strftime(_STAMP_FORMAT)
    target = database_file.with_name(f"{database_file.stem}-damaged-{stamp}{database_file.suffix}")
    try:
        move_with_log(database_file, target)
    except OSError as error:
        raise BackupError(str(error)) from error
    _log.warning("Set the damaged database %s aside as %s", database_file, target)
    return target


def move_with_log(source: Path, target: Path) -> None:
    """Rename a database file together with its write-ahead log and shared-memory files."""
    os.replace(source, target)
    for suffix in ("-wal", "-shm"):
        companion = source.with_name(source.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))


def _copy_database(source_file: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API, reading the source without writing to it.

    The copy is a single file (rollback journal, not WAL): reading it later leaves nothing beside it.
    """
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    finally:
        source.close()
