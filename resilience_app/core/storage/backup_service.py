"""Listing the database's backups and putting one back, for the GUI and the command line.

It works from the data folder alone, so it can restore a database too damaged to open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.formatting import format_moment, format_number
from resilience_app.core.i18n import N_, _, isolate, ngettext
from resilience_app.core.storage.backups import (
    Backup,
    BackupError,
    back_up_sqlite,
    backups_of,
    check_copy,
    move_with_log,
    restore_copy,
    set_aside,
)
from resilience_app.core.storage.database import database_file
from resilience_app.core.storage.errors import backup_failed_error

_log = logging.getLogger("resilience_app.backups")

REASON_NAMES = {
    "startup": N_("At start-up"),
    "before-migration": N_("Before an update of the app"),
    "before-import": N_("Before an import"),
    "before-restore": N_("Before a restore"),
    "rescued": N_("Saved when the database file was moved away"),
}


def reason_name(backup: Backup) -> str:
    return _(REASON_NAMES[backup.reason]) if backup.reason in REASON_NAMES else backup.reason


def describe(backup: Backup) -> str:
    """'24 Nov 2026, 09:12 · At start-up · 3 assessments · 1.2 MB' in the interface language."""
    size = format_number(backup.size / 1_000_000, decimals=1)
    if backup.assessments is None:
        held = _("cannot be read")
    else:
        held = ngettext("{count} assessment", "{count} assessments", backup.assessments).format(count=format_number(backup.assessments))
    return _("{moment} · {reason} · {held} · {size} MB").format(moment=taken_at_text(backup), reason=reason_name(backup), held=held, size=size)


def taken_at_text(backup: Backup) -> str:
    return format_moment(backup.taken_at.astimezone())  # the file name holds local time


@dataclass(frozen=True)
class BackupService:
    """The backups of one SQLite file (`database_file` is None for other databases: no backups)."""

    backups_dir: Path
    database_file: Path | None

    @classmethod
    def for_database(cls, backups_dir: Path, database_url: str) -> BackupService:
        """The backups of the database at `database_url`, without opening it (it may be damaged)."""
        return cls(backups_dir, database_file(database_url))

    @property
    def available(self) -> bool:
        return self.database_file is not None

    def list(self) -> list[Backup]:
        """Newest first."""
        return backups_of(self.database_file, self.backups_dir) if self.database_file else []

    def take(self, reason: str) -> None:
        """A copy before a risky step; `UserFacingError` (and the step must not run) when it cannot be written."""
        if self.database_file is None:
            return
        try:
            back_up_sqlite(self.database_file, self.backups_dir, reason=reason)
        except BackupError as error:
            _log.warning("Backup %s failed: %s", reason, error)
            raise backup_failed_error(self.backups_dir, reason=reason) from error

    def find(self, choice: str) -> Backup:
        """A backup by its number in `list` (1 is the newest) or by its file name."""
        backups = self.list()
        text = choice.strip()
        if text.isdigit() and 1 <= int(text) <= len(backups):
            return backups[int(text) - 1]
        named = [backup for backup in backups if backup.path.name == Path(text).name]
        if named:
            return named[0]
        raise user_error(ErrorCode.BACKUP_NOT_FOUND, choice=isolate(text))

    def restore(self, backup: Backup) -> None:
        """Put `backup` in place of the database; no connection may be open on it.

        A sound current database is first backed up itself ("before a restore"), so a
        restore can be undone; a damaged one is set aside beside it, never deleted.
        """
        database_file = self.database_file
        if database_file is None:
            raise user_error(ErrorCode.NO_BACKUPS)
        if not check_copy(backup.path):
            raise user_error(ErrorCode.BACKUP_DAMAGED, moment=taken_at_text(backup))
        set_aside_as = None
        if database_file.exists() and check_copy(database_file):
            self.take("before-restore")
        elif database_file.exists():
            set_aside_as = self._set_aside(database_file)
        try:
            restore_copy(backup.path, database_file)
        except BackupError as error:
            if set_aside_as is not None:
                move_with_log(set_aside_as, database_file)
            raise user_error(ErrorCode.RESTORE_FAILED, moment=taken_at_text(backup)) from error

    def set_damaged_aside(self) -> None:
        """Start afresh: the damaged database is renamed beside itself, never deleted."""
        if self.database_file is not None and self.database_file.exists():
            self._set_aside(self.database_file)

    @staticmethod
    def _set_aside(database_file: Path) -> Path:
        try:
            return set_aside(database_file)
        except BackupError as error:
            raise user_error(ErrorCode.RESTORE_FAILED, variant="set-aside", path=isolate(str(database_file))) from error
