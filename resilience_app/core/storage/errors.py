"""Turn database failures of the world into clear, translated messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import exc

from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _, isolate


def database_error(error: BaseException, *, location: str) -> UserFacingError | None:
    """The user-facing form of a storage failure, or None when it is a bug, not the world."""
    text = str(getattr(error, "orig", error)).lower()
    where = isolate(location)
    if isinstance(error, (exc.ArgumentError, exc.NoSuchModuleError)):
        return bad_url_error(location)
    if not isinstance(error, (exc.DBAPIError, sqlite3.Error)):
        return None
    if "locked" in text or "busy" in text:
        return UserFacingError(
            _("The database {path} is in use by another program.").format(path=where),
            hint=_("Close the other window or program using it, then try again."),
            code="database-locked",
        )
    if "readonly" in text or "read-only" in text:
        return UserFacingError(
            _("The database {path} is read-only.").format(path=where),
            hint=_("Copy it to a folder you can write to, or check its permissions."),
            code="database-read-only",
        )
    if "disk is full" in text or "disk i/o" in text:
        return UserFacingError(
            _("The disk holding {path} is full or failing; nothing more can be saved there.").format(path=where),
            hint=_("Free some space, then try again. What was saved before is safe."),
            code="disk-full",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return corrupt_error(location)
    if "unable to open" in text:
        return UserFacingError(
            _("The database {path} cannot be opened.").format(path=where),
            hint=_("Check that its folder exists and that you may write to it."),
            code="database-unreachable",
        )
    if isinstance(error, exc.OperationalError):
        return UserFacingError(
            _("The database {path} could not be used: {reason}").format(path=where, reason=str(getattr(error, "orig", error))),
            hint=_("Check the database address and that the database is reachable."),
            code="database-unavailable",
        )
    return None


def bad_url_error(url: str) -> UserFacingError:
    return UserFacingError(
        _("“{url}” is not a database address this app can use.").format(url=isolate(url)),
        hint=_("Use a SQLAlchemy URL such as sqlite:///path/to/file.sqlite3, or leave --database out."),
        code="bad-database-url",
    )


def corrupt_error(location: str) -> UserFacingError:
    return UserFacingError(
        _("The database {path} is damaged and cannot be opened.").format(path=isolate(location)),
        hint=_("Restore it from a backup: in the app, choose a backup when asked; on the command line, run “resilience-app backups”, then “resilience-app restore-backup 1”."),
        code="database-corrupt",
    )


def foreign_database_error(location: str) -> UserFacingError:
    return UserFacingError(
        _("The file {path} is a database of another program, not of this app.").format(path=isolate(location)),
        hint=_("Choose the app's own database, or leave --database out. Nothing was changed in that file."),
        code="database-foreign",
    )


def newer_database_error(location: str, *, revision: str) -> UserFacingError:
    return UserFacingError(
        _("The database {path} was last used by a newer version of the app (its data format {revision} is unknown to this version).").format(
            path=isolate(location), revision=isolate(revision)
        ),
        hint=_("Open it with the newer version of the app. Nothing was changed in the database."),
        code="database-newer",
    )


def missing_database_error(location: str, *, has_backups: bool) -> UserFacingError:
    """The database is gone or empty while its backups or evidence files show it held assessments."""
    return UserFacingError(
        _("The database {path} is missing or empty, but this folder held assessments before.").format(path=isolate(location)),
        hint=(
            _("It may have been moved or deleted. Put the file back, or restore the newest backup: in the app, choose it when asked; on the command line, run “resilience-app backups”, then “resilience-app restore-backup 1”.")
            if has_backups
            else _("It may have been moved or deleted. Put the file back, or start with an empty database (in the app, when asked; on the command line, with --start-empty).")
        ),
        code="database-missing",
    )


def database_moved_error(location: str, *, rescued_to: Path | None) -> UserFacingError:
    """Another program moved, replaced or deleted the database file while the app was using it."""
    if rescued_to is not None:
        hint = _("Everything saved until then was kept as a backup ({name}). Close the app and open it again; it will offer that backup.").format(
            name=isolate(rescued_to.name)
        )
    else:
        hint = _("Close the app and open it again, then check the file and its backups.")
    return UserFacingError(
        _("The database {path} was moved, replaced or deleted by another program while the app was using it; nothing more can be saved to it.").format(
            path=isolate(location)
        ),
        hint=hint,
        code="database-moved",
    )


def backup_failed_error(backups_dir: Path, *, reason: str) -> UserFacingError:
    """The copy taken before a risky step (`reason` as in `backups.REASONS`) failed, so the step did not run."""
    messages = {
        "before-migration": _("A backup could not be written to {folder}, so the database was not updated to this version."),
        "before-import": _("A backup could not be written to {folder}, so nothing was imported."),
        "before-restore": _("A backup of the current database could not be written to {folder}, so nothing was restored."),
    }
    return UserFacingError(
        messages.get(reason, messages["before-import"]).format(folder=isolate(str(backups_dir))),
        hint=_("Free some space on that disk or check that it is not read-only, then try again. Nothing was changed."),
        code="backup-failed",
    )
