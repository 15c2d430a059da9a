"""The two kinds of failure: expected failures of the world, and bugs.

A `UserFacingError` is something the user can understand and act on (a locked
database, an invalid content file, a full disk). It carries a translated message
and a hint, and is shown as a plain dialog or a plain line on the command line.
Anything else that escapes is a bug and is reported with the log file's location.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """What went wrong, as a stable code; `error_catalogue.ERRORS` holds each one's message and hint."""

    ALREADY_OPEN = "already-open"
    ASSESSMENT_NOT_FOUND = "assessment-not-found"
    BACKUP_DAMAGED = "backup-damaged"
    COMPARED_WITH_ITSELF = "compared-with-itself"
    COMPARED_IN_REVERSE = "compared-in-reverse"
    BACKUP_FAILED = "backup-failed"
    BACKUP_NOT_FOUND = "backup-not-found"
    BAD_DATABASE_URL = "bad-database-url"
    CONTRIBUTOR_NOT_FOUND = "contributor-not-found"
    CONTENT_INVALID = "content-invalid"
    DATA_DIR_NOT_PRIVATE = "data-dir-not-private"
    DATA_DIR_UNWRITABLE = "data-dir-unwritable"
    DATABASE_CORRUPT = "database-corrupt"
    DATABASE_FOREIGN = "database-foreign"
    DATABASE_LOCKED = "database-locked"
    DATABASE_MISSING = "database-missing"
    DATABASE_MOVED = "database-moved"
    DATABASE_NEWER = "database-newer"
    DATABASE_READ_ONLY = "database-read-only"
    DATABASE_UNAVAILABLE = "database-unavailable"
    DATABASE_UNREACHABLE = "database-unreachable"
    DISK_FULL = "disk-full"
    EVIDENCE_COPY_FAILED = "evidence-copy-failed"
    EVIDENCE_FILE_MISSING = "evidence-file-missing"
    EVIDENCE_NOT_OPENED = "evidence-not-opened"
    CROSSWALK_MISSING = "crosswalk-missing"
    EXPORT_FAILED = "export-failed"
    FRAMEWORK_MISSING = "framework-missing"
    IMPORT_UNREADABLE = "import-unreadable"
    INVALID_INPUT = "invalid-input"
    NO_BACKUPS = "no-backups"
    NO_SECTION = "no-section"
    PARTICIPANTS_EXPORT_FAILED = "participants-export-failed"
    QUESTION_NOT_FOUND = "question-not-found"
    REGISTER_ENTRY_NOT_FOUND = "register-entry-not-found"
    RESTORE_FAILED = "restore-failed"
    UNKNOWN_DOCUMENT = "unknown-document"
    UNKNOWN_SECTION = "unknown-section"
    UNSUPPORTED_LANGUAGE = "unsupported-language"
    WORKBOOK_EXPORT_FAILED = "workbook-export-failed"
    WORKBOOK_NOT_SENT = "workbook-not-sent"
    WORKBOOK_OTHER_ASSESSMENT = "workbook-other-assessment"
    WORKBOOK_OTHER_FRAMEWORK = "workbook-other-framework"
    WORKBOOK_REFUSED = "workbook-refused"
    WORKSHOP_ENTRY_NOT_FOUND = "workshop-entry-not-found"


class UserFacingError(Exception):
    """An expected failure, with a message and a hint already in the user's language."""

    def __init__(self, message: str, *, hint: str = "", code: ErrorCode) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InvalidInputError(UserFacingError):
    """Values typed by the user are not acceptable; `field_errors` maps field names to messages."""

    def __init__(self, field_errors: dict[str, str], *, message: str = "") -> None:
        first = next(iter(field_errors.values()), "")
        super().__init__(message or first, code=ErrorCode.INVALID_INPUT)
        self.field_errors = dict(field_errors)
