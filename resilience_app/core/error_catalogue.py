"""Every error a user can be shown, by code: one catalogue, each code with its message and hint.

Two kinds of code live here:
- `ErrorCode`: what stops an action (a locked database, a backup that cannot be written); raised as
  a `UserFacingError` made by `user_error(code, **values)`;
- `ProblemCode`: what the content loader finds in a content file, reported as a located `Problem`.

Codes are stable: tests, the command line's output, the documentation and users rely on them.
Messages are templates marked for translation and rendered in the current language when raised, so
the same code reads in Arabic in an Arabic window. A code with more than one wording (a hint that
depends on whether a backup exists) names each wording as a variant of the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import N_, N_plural, _, ngettext


@dataclass(frozen=True)
class ErrorText:
    """A message and a hint, as templates marked for translation; `plural` makes the message count-dependent."""

    message: str
    hint: str = ""
    plural: str = ""  # the message's plural form, chosen by the `count` value


_RESTORE_THE_BACKUP = N_(
    "Restore it from a backup: in the app, choose a backup when asked; on the command line, "
    "run “resilience-app backups”, then “resilience-app restore-backup 1”."
)
_CONTENT_ERRORS = N_plural("The content files have {count} error.", "The content files have {count} errors.")
_EXPORT_AGAIN = N_("Choose another folder or file name, check there is free space, and export again.")
_NOTHING_CHANGED_FREE_SPACE = N_("Free some space on that disk or check that it is not read-only, then try again. Nothing was changed.")

ERRORS: Mapping[ErrorCode, ErrorText] = {
    ErrorCode.ALREADY_OPEN: ErrorText(
        N_("The assessments in {folder} are already open in another window of the app."),
        N_("Switch to that window, or close it and try again. Nothing was changed."),
    ),
    ErrorCode.ASSESSMENT_NOT_FOUND: ErrorText(
        N_("Assessment {id} does not exist (it may have been deleted)."),
        N_("Run “resilience-app list” to see the assessments there are."),
    ),
    ErrorCode.COMPARED_WITH_ITSELF: ErrorText(
        N_("Assessment {id} cannot be compared with itself."),
        N_("Give the earlier round first, then the later one: “resilience-app compare EARLIER_ID LATER_ID”."),
    ),
    ErrorCode.COMPARED_IN_REVERSE: ErrorText(
        N_("Assessment {first} ({first_date}) comes after assessment {second} ({second_date}), so it cannot be the earlier round."),
        N_("Give the earlier round first: “resilience-app compare {second} {first}”."),
    ),
    ErrorCode.BACKUP_DAMAGED: ErrorText(N_("The backup of {moment} is damaged itself and cannot be restored."), N_("Choose an older backup.")),
    ErrorCode.BACKUP_FAILED: ErrorText(
        N_("A backup could not be written to {folder}, so nothing was imported."), _NOTHING_CHANGED_FREE_SPACE
    ),
    ErrorCode.BACKUP_NOT_FOUND: ErrorText(
        N_("There is no backup “{choice}”."),
        N_("Run “resilience-app backups” to see the backups there are, numbered from the newest."),
    ),
    ErrorCode.BAD_DATABASE_URL: ErrorText(
        N_("“{url}” is not a database address this app can use."),
        N_("Use a SQLAlchemy URL such as sqlite:///path/to/file.sqlite3, or leave --database out."),
    ),
    ErrorCode.CONTENT_INVALID: ErrorText(
        _CONTENT_ERRORS[0],
        N_("Run “resilience-app validate-content” to see every problem, then correct the files."),
        plural=_CONTENT_ERRORS[1],
    ),
    ErrorCode.CONTRIBUTOR_NOT_FOUND: ErrorText(N_("This contributor, or their answer, no longer exists (it may have been removed).")),
    ErrorCode.DATA_DIR_NOT_PRIVATE: ErrorText(
        N_("The folder {folder} belongs to another user, so the assessments would not be private there."),
        N_("Choose another folder with --data-dir."),
    ),
    ErrorCode.DATA_DIR_UNWRITABLE: ErrorText(
        N_("The folder {folder} cannot be written to."),
        N_("Choose another folder with --data-dir, or check its permissions and free space."),
    ),
    ErrorCode.DATABASE_CORRUPT: ErrorText(N_("The database {path} is damaged and cannot be opened."), _RESTORE_THE_BACKUP),
    ErrorCode.DATABASE_FOREIGN: ErrorText(
        N_("The file {path} is a database of another program, not of this app."),
        N_("Choose the app's own database, or leave --database out. Nothing was changed in that file."),
    ),
    ErrorCode.DATABASE_LOCKED: ErrorText(
        N_("The database {path} is in use by another program."), N_("Close the other window or program using it, then try again.")
    ),
    ErrorCode.DATABASE_MISSING: ErrorText(
        N_("The database {path} is missing or empty, but this folder held assessments before."),
        N_(
            "It may have been moved or deleted. Put the file back, or restore the newest backup: in the app, choose it when asked; "
            "on the command line, run “resilience-app backups”, then “resilience-app restore-backup 1”."
        ),
    ),
    ErrorCode.DATABASE_MOVED: ErrorText(
        N_("The database {path} was moved, replaced or deleted by another program while the app was using it; nothing more can be saved to it."),
        N_("Everything saved until then was kept as a backup ({name}). Close the app and open it again; it will offer that backup."),
    ),
    ErrorCode.DATABASE_NEWER: ErrorText(
        N_("The database {path} was last used by a newer version of the app (its data format {revision} is unknown to this version)."),
        N_("Open it with the newer version of the app. Nothing was changed in the database."),
    ),
    ErrorCode.DATABASE_READ_ONLY: ErrorText(
        N_("The database {path} is read-only."), N_("Copy it to a folder you can write to, or check its permissions.")
    ),
    ErrorCode.DATABASE_UNAVAILABLE: ErrorText(
        N_("The database {path} could not be used: {reason}"), N_("Check the database address and that the database is reachable.")
    ),
    ErrorCode.DATABASE_UNREACHABLE: ErrorText(
        N_("The database {path} cannot be opened."), N_("Check that its folder exists and that you may write to it.")
    ),
    ErrorCode.DISK_FULL: ErrorText(
        N_("The disk holding {path} is full or failing; nothing more can be saved there."),
        N_("Free some space, then try again. What was saved before is safe."),
    ),
    ErrorCode.EVIDENCE_COPY_FAILED: ErrorText(
        N_("The file {name} could not be copied into the assessment's evidence folder."),
        N_("Check that there is free space in {folder}, then try again."),
    ),
    ErrorCode.EVIDENCE_FILE_MISSING: ErrorText(
        N_("The file attached to “{title}” cannot be opened."), N_("It may have been moved out of the evidence folder {folder}.")
    ),
    ErrorCode.EVIDENCE_NOT_OPENED: ErrorText(
        N_("The file attached to “{title}” is a program or a kind of file the app does not open."),
        N_("Its folder is shown instead; open it there only if you trust where it came from."),
    ),
    ErrorCode.CROSSWALK_MISSING: ErrorText(
        N_("No installed crosswalk “{id}” maps this assessment's framework."),
        N_("Run “resilience-app content --json” to see the crosswalks there are."),
    ),
    ErrorCode.EXPORT_FAILED: ErrorText(N_("The document could not be saved as {path}: {reason}"), _EXPORT_AGAIN),
    ErrorCode.FRAMEWORK_MISSING: ErrorText(
        N_("The framework “{id}” is not among the installed content."), N_("Install the content version this assessment was made with.")
    ),
    ErrorCode.IMPORT_UNREADABLE: ErrorText(N_("The file could not be read: {reason}")),
    # The message of refused input is the first refused field's own (`InvalidInputError.field_errors`).
    ErrorCode.INVALID_INPUT: ErrorText("{first}"),
    ErrorCode.NO_BACKUPS: ErrorText(N_("Backups are kept only for the app's own database file.")),
    ErrorCode.NO_SECTION: ErrorText(N_("Choose at least one section for the document.")),
    ErrorCode.PARTICIPANTS_EXPORT_FAILED: ErrorText(N_("The file could not be saved: {reason}")),
    ErrorCode.QUESTION_NOT_FOUND: ErrorText(N_("The question “{id}” is not part of this assessment's framework.")),
    ErrorCode.REGISTER_ENTRY_NOT_FOUND: ErrorText(N_("This entry no longer exists (it may have been removed).")),
    ErrorCode.RESTORE_FAILED: ErrorText(
        N_("The backup of {moment} could not be restored."),
        N_("Free some space on the disk or check that it is not read-only, then try again. The current database was left as it was."),
    ),
    ErrorCode.UNKNOWN_DOCUMENT: ErrorText(N_("Unknown document: {name}."), N_("Documents: {choices}")),
    ErrorCode.UNKNOWN_SECTION: ErrorText(N_("Unknown section: {names}."), N_("Sections: {choices}")),
    ErrorCode.UNSUPPORTED_LANGUAGE: ErrorText(N_("The brief can be exported in English (en) or Arabic (ar).")),
    ErrorCode.WORKBOOK_EXPORT_FAILED: ErrorText(N_("The workbook could not be saved as {path}: {reason}"), _EXPORT_AGAIN),
    ErrorCode.WORKBOOK_NOT_SENT: ErrorText(
        N_("The app has no record of sending this workbook from this assessment, so its answers cannot be matched to a contributor."),
        N_(
            "Import it on the computer the workbook was exported from, or export a new workbook for the contributor and ask them "
            "to copy their answers into it. Nothing was imported."
        ),
    ),
    ErrorCode.WORKBOOK_OTHER_ASSESSMENT: ErrorText(
        N_("This workbook was made for another assessment, not for {city}."), N_("Import it into the assessment it was made for. Nothing was imported.")
    ),
    ErrorCode.WORKBOOK_OTHER_FRAMEWORK: ErrorText(
        N_("This workbook asks the questions of another framework ({found}), not of this assessment's ({expected})."),
        N_("Nothing was imported."),
    ),
    ErrorCode.WORKBOOK_REFUSED: ErrorText("{reason}", N_("Nothing was imported.")),
    ErrorCode.WORKSHOP_ENTRY_NOT_FOUND: ErrorText(N_("This part of the workshop no longer exists (it may have been removed).")),
}

# Other wordings of a code, by (code, variant): the code, and so what the app does about it, stays the same.
VARIANTS: Mapping[tuple[ErrorCode, str], ErrorText] = {
    (ErrorCode.BACKUP_FAILED, "before-migration"): ErrorText(
        N_("A backup could not be written to {folder}, so the database was not updated to this version."), _NOTHING_CHANGED_FREE_SPACE
    ),
    (ErrorCode.BACKUP_FAILED, "before-restore"): ErrorText(
        N_("A backup of the current database could not be written to {folder}, so nothing was restored."), _NOTHING_CHANGED_FREE_SPACE
    ),
    (ErrorCode.DATABASE_MISSING, "no-backups"): ErrorText(
        ERRORS[ErrorCode.DATABASE_MISSING].message,
        N_(
            "It may have been moved or deleted. Put the file back, or start with an empty database "
            "(in the app, when asked; on the command line, with --start-empty)."
        ),
    ),
    (ErrorCode.DATABASE_MOVED, "not-rescued"): ErrorText(
        ERRORS[ErrorCode.DATABASE_MOVED].message, N_("Close the app and open it again, then check the file and its backups.")
    ),
    (ErrorCode.RESTORE_FAILED, "set-aside"): ErrorText(
        N_("The damaged database {path} could not be moved aside, so nothing was restored."),
        N_("Check that its folder is not read-only, then try again."),
    ),
    (ErrorCode.UNSUPPORTED_LANGUAGE, "workbook"): ErrorText(N_("The workbook can be exported in English (en) or Arabic (ar).")),
}


class ProblemCode(StrEnum):
    """What is wrong in a content file, as a stable code; `PROBLEMS` holds each one's message and hint."""

    FILE_UNREADABLE = "file-unreadable"
    YAML_SYNTAX = "yaml-syntax"
    NOT_A_MAPPING = "not-a-mapping"
    NOT_A_LIST = "not-a-list"
    UNSUPPORTED_SCHEMA = "unsupported-schema"
    UNKNOWN_KIND = "unknown-kind"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    WRONG_TYPE = "wrong-type"
    MISSING_TRANSLATION = "missing-translation"
    UNKNOWN_LANGUAGE = "unknown-language"
    INVALID_ID = "invalid-id"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"
    INVALID_VALUE = "invalid-value"
    BAD_THRESHOLDS = "bad-thresholds"
    NO_CONTENT = "no-content"
    EMPTY_LIST = "empty-list"
    OUT_OF_RANGE = "out-of-range"
    NOT_A_FILE = "not-a-file"
    TOO_LARGE = "too-large"
    BAD_VERSION = "bad-version"
    EMPTY_MAPPING = "empty-mapping"


PROBLEMS: Mapping[ProblemCode, ErrorText] = {
    ProblemCode.FILE_UNREADABLE: ErrorText(N_("The file cannot be read: {reason}")),
    ProblemCode.YAML_SYNTAX: ErrorText(N_("The file is not valid YAML: {reason}"), N_("Check the indentation and quoting near this line.")),
    ProblemCode.NOT_A_MAPPING: ErrorText(N_("Expected a mapping of fields here, found {found}.")),
    ProblemCode.NOT_A_LIST: ErrorText(N_("Expected a list here, found {found}.")),
    ProblemCode.UNSUPPORTED_SCHEMA: ErrorText(N_("Schema version {found} is not supported; this app reads schema {expected}."), N_("Update the app, or write the file for schema 1.")),
    ProblemCode.UNKNOWN_KIND: ErrorText(N_("Unknown kind of content “{found}”."), N_("Use one of: framework, indicators, hazards, glossary, stakeholders, crosswalk.")),
    ProblemCode.MISSING_FIELD: ErrorText(N_("The field “{field}” is missing.")),
    ProblemCode.UNKNOWN_FIELD: ErrorText(N_("Unknown field “{field}”.")),
    ProblemCode.WRONG_TYPE: ErrorText(N_("The field “{field}” should be {expected}, found {found}.")),
    ProblemCode.MISSING_TRANSLATION: ErrorText(N_("The field “{field}” has no {language} text."), N_("Every user-visible text needs both English (en) and Arabic (ar).")),
    ProblemCode.UNKNOWN_LANGUAGE: ErrorText(N_("The field “{field}” has text in an unsupported language “{language}”.")),
    ProblemCode.INVALID_ID: ErrorText(N_("“{id}” is not a valid id."), N_("Use lower-case letters, digits, “-” and “.”, starting with a letter.")),
    ProblemCode.DUPLICATE_ID: ErrorText(N_("The id “{id}” is already used at {other}."), N_("Ids must be unique across the framework, the hazard catalogue, the glossary and the crosswalks; a crosswalk maps each indicator once.")),
    ProblemCode.UNKNOWN_REFERENCE: ErrorText(N_("“{id}” does not name a known {target}.")),
    ProblemCode.INVALID_VALUE: ErrorText(N_("The field “{field}” cannot be “{found}”; expected one of: {expected}.")),
    ProblemCode.BAD_THRESHOLDS: ErrorText(N_("The thresholds must be four numbers in {order} order.")),
    ProblemCode.NO_CONTENT: ErrorText(N_("No content files were found in {path}.")),
    ProblemCode.EMPTY_LIST: ErrorText(N_("The list “{field}” is empty.")),
    ProblemCode.OUT_OF_RANGE: ErrorText(N_("The field “{field}” must be between {low} and {high}.")),
    ProblemCode.NOT_A_FILE: ErrorText(N_("This is {found}, not an ordinary file; content files must be ordinary files."), N_("Name a folder or a .yaml file; a pipe, a device or a folder named .yaml is not read.")),
    ProblemCode.TOO_LARGE: ErrorText(N_("The file is larger than {limit} MB, the most a content file may be."), N_("Split the content into several smaller files.")),
    ProblemCode.BAD_VERSION: ErrorText(N_("“{found}” is not a content version."), N_("Write the version as quoted text of a year, a dot and a number, like \"2026.1\".")),
    ProblemCode.EMPTY_MAPPING: ErrorText(N_("The mapping of {id} names no item."), N_("List at least one item, or leave the indicator out when nothing corresponds to it.")),
}


def error_text(code: ErrorCode, variant: str = "") -> ErrorText:
    return VARIANTS[(code, variant)] if variant else ERRORS[code]


def render(template: str, values: Mapping[str, object]) -> str:
    """A template in the current language with `values` filled in ("" stays "")."""
    return _(template).format(**values) if template else ""


def user_error(code: ErrorCode, /, *, variant: str = "", **values: object) -> UserFacingError:
    """The error `code` (in its `variant` wording) in the current language, with `values` filled into message and hint."""
    text = error_text(code, variant)
    if text.plural:
        count = values["count"]
        assert isinstance(count, int)
        message = ngettext(text.message, text.plural, count).format(**values)
    else:
        message = render(text.message, values)
    return UserFacingError(message, hint=render(text.hint, values), code=code)
