"""Department workbooks (.xlsx), written for a department and read back: the public names in one place.

`write_workbook` makes the file; `read_workbook` reads a returned one, refusing the whole file
(`WorkbookRefused`) or reporting each cell it cannot read (`CellProblem`). Pure: no database, no Qt.
"""

from __future__ import annotations

from resilience_app.core.contributions.workbook_reader import read_workbook
from resilience_app.core.contributions.workbook_records import (
    CellProblem,
    ReturnedAnswer,
    WorkbookQuestion,
    WorkbookReading,
    WorkbookRefused,
    WorkbookRequest,
)
from resilience_app.core.contributions.workbook_writer import write_workbook

__all__ = [
    "CellProblem",
    "ReturnedAnswer",
    "WorkbookQuestion",
    "WorkbookReading",
    "WorkbookRefused",
    "WorkbookRequest",
    "read_workbook",
    "write_workbook",
]
