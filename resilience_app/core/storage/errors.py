"""Turn database failures of the world into clear, translated messages (texts in `core.error_catalogue`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import exc

from resilience_app.core.error_catalogue import VARIANTS, user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import isolate


def database_error(error: BaseException, *, location: str) -> UserFacingError | None:
    """The user-facing form of a storage failure, or None when it is a bug, not the world."""
    text = str(getattr(error, "orig", error)).lower()
    where = isolate(location)
    if isinstance(error, (exc.ArgumentError, exc.NoSuchModuleError)):
        return bad_url_error(location)
    if not isinstance(error, (exc.DBAPIError, sqlite3.Error)):
        return None
    if "locked" in text or "busy" in text:
        return user_error(ErrorCode.DATABASE_LOCKED, path=where)
    if "readonly" in text or "read-only" in text:
        return user_error(ErrorCode.DATABASE_READ_ONLY, path=where)
    if "disk is full" in text or "disk i/o" in text:
        return user_error(ErrorCode.DISK_FULL, path=where)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return corrupt_error(location)
    if "unable to open" in text:
        return user_error(ErrorCode.DATABASE_UNREACHABLE, path=where)
    if isinstance(error, exc.OperationalError):
        return user_error(ErrorCode.DATABASE_UNAVAILABLE, path=where, reason=str(getattr(error, "orig", error)))
    return None


def bad_url_error(url: str) -> UserFacingError:
    return user_error(ErrorCode.BAD_DATABASE_URL, url=isolate(url))


def corrupt_error(location: str) -> UserFacingError:
    return user_error(ErrorCode.DATABASE_CORRUPT, path=isolate(location))


def foreign_database_error(location: str) -> UserFacingError:
    return user_error(ErrorCode.DATABASE_FOREIGN, path=isolate(location))


def newer_database_error(location: str, *, revision: str) -> UserFacingError:
    return user_error(ErrorCode.DATABASE_NEWER, path=isolate(location), revision=isolate(revision))


def missing_database_error(location: str, *, has_backups: bool) -> UserFacingError:
    """The database is gone or empty while its backups or evidence files show it held assessments."""
    return user_error(ErrorCode.DATABASE_MISSING, variant="" if has_backups else "no-backups", path=isolate(location))


def database_moved_error(location: str, *, rescued_to: Path | None) -> UserFacingError:
    """Another program moved, replaced or deleted the database file while the app was using it."""
    if rescued_to is None:
        return user_error(ErrorCode.DATABASE_MOVED, variant="not-rescued", path=isolate(location))
    return user_error(ErrorCode.DATABASE_MOVED, path=isolate(location), name=isolate(rescued_to.name))


def backup_failed_error(backups_dir: Path, *, reason: str) -> UserFacingError:
    """The copy taken before a risky step (`reason` as in `backups.REASONS`) failed, so the step did not run."""
    variant = reason if (ErrorCode.BACKUP_FAILED, reason) in VARIANTS else ""  # before an import: the code's own wording
    return user_error(ErrorCode.BACKUP_FAILED, variant=variant, folder=isolate(str(backups_dir)))
