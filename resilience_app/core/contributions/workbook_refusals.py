"""Why a returned workbook is refused whole: each reason a stable code with its message, in one place."""

from __future__ import annotations

from collections.abc import Mapping

from resilience_app.core.contributions.workbook_records import WorkbookRefused
from resilience_app.core.i18n import N_, _

REFUSAL_REASONS: Mapping[str, str] = {
    "not-xlsx": N_(
        "The file is not an Excel workbook (.xlsx). Ask the department to save it in Excel or LibreOffice Calc as "
        "“Excel Workbook (.xlsx)” and to send it again."
    ),
    "encrypted": N_(
        "The file is protected by a password, or is an old Excel file (.xls). Ask the department to remove the password, "
        "or to save it as “Excel Workbook (.xlsx)”, and to send it again."
    ),
    "macros": N_(
        "The file holds macros (a program inside the workbook), so it was not opened. Ask the department to save it as "
        "“Excel Workbook (.xlsx)”, which leaves the macros out, and to send it again."
    ),
    "too-large": N_("The file is larger than {size} MB once unpacked, far larger than any department workbook, so it was not opened."),
    "damaged": N_("The file is damaged and cannot be read. Ask the department to send it again."),
    "unsafe": N_("The file is built in a way no spreadsheet program writes, so it was not opened. Ask the department to send it again."),
    "not-ours": N_(
        "This workbook was not made by the app for a department: its hidden sheet “{sheet}” is missing. Import the workbook "
        "the app made, once it is filled in."
    ),
    "newer": N_("This workbook was made by a newer version of the app (format {version}). Update the app to import it."),
    "data-changed": N_(
        "The workbook's hidden sheet “{sheet}” was changed ({detail}), so its answers cannot be matched to their questions. "
        "Ask the department for the workbook as the app sent it, filled in."
    ),
    "questions-missing": N_(
        "The workbook has no sheet “{sheet}” with the questions: it was renamed or deleted. Give the sheet its name back, or "
        "ask the department to send the workbook again."
    ),
    "columns-changed": N_(
        "Columns of the sheet “{sheet}” were added, deleted or moved (column {column} should be “{header}”), so the answers "
        "cannot be read from their places. Ask the department to undo the change and to send it again."
    ),
    "too-many-rows": N_("The sheet “{sheet}” has more than {count} rows, far more than a department workbook, so it was not read."),
    "duplicate-question": N_(
        "Question {question} appears more than once on the sheet “{sheet}” (rows {rows}), so it is not clear which answer "
        "counts. Ask the department to delete the extra rows and to send it again."
    ),
}


def refused(reason: str, /, **values: str) -> WorkbookRefused:
    """The refusal `reason` in the current language, with `values` filled into its message."""
    return WorkbookRefused(_(REFUSAL_REASONS[reason]).format(**values), reason=reason)

