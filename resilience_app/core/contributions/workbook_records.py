"""The frozen values a department workbook is written from and read back into."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from resilience_app.core.contributions.workbook_layout import FORMAT_VERSION


@dataclass(frozen=True)
class WorkbookQuestion:
    """One question as the workbook shows it; every text is already in the workbook's language."""

    question_id: str  # stable id, e.g. "q-1.1.a"
    goal: str  # "1 · Minimal human vulnerability"
    indicator: str  # "1.1 · Safe and affordable housing"
    prompt: str
    guidance: str
    scenarios: Mapping[int, str]  # level -> what the city looks like at that level: levels 1, 3 and 5, and 2 and 4 where described
    unit: str = ""  # non-empty for a quantitative question: the value's unit, and its value cell is open
    answered_by: str = ""  # written into the "answered by" cell beforehand
    # The answer on record's data quality, written beforehand (as codes; the writer names them in the workbook's language).
    source_kind: str | None = None
    data_year: int | None = None
    data_scale: str | None = None


@dataclass(frozen=True)
class WorkbookRequest:
    """Everything a department's workbook holds."""

    workbook_id: str  # a uuid4 hex string made by the caller
    assessment_id: int
    city: str
    framework_id: str
    framework_version: str
    contributor_name: str
    contributor_department: str
    language: str  # "en" or "ar": every text the workbook holds is in this language
    deadline: dt.date | None
    return_to: str  # whom to send it back to (the CRO's name and contact)
    level_names: Mapping[int, str]  # 1..5 -> the level's name in the workbook's language (from the framework)
    questions: Sequence[WorkbookQuestion]
    # language -> 1..5 -> name, for the other languages: kept in the workbook so that a level typed by its
    # name in another language ("Good" in an Arabic workbook) still reads back. Optional.
    other_level_names: Mapping[str, Mapping[int, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnedAnswer:
    """One question's row as the department filled it in."""

    question_id: str
    cell_row: int  # the Excel row number of this question on the questions sheet
    status: str  # "level" | "not_applicable" | "dont_know" | "" (left empty)
    level: int | None
    numeric_value: str | None  # as typed, in plain ASCII decimal notation ("٣٫٥" -> "3.5"); None when empty
    confidence: str | None  # "low" | "medium" | "high" | None
    justification: str
    evidence: str  # the evidence reference text, "" when empty
    answered_by: str
    # The data quality (`AnswerDraft`'s codes); None where the cell is empty, or the workbook (format 1) has no such column.
    source_kind: str | None = None
    data_year: int | None = None
    data_scale: str | None = None
    # Data-quality cells that could not be read: left as not stated, while the rest of the row is read (they are optional).
    unread: tuple[CellProblem, ...] = ()


@dataclass(frozen=True)
class CellProblem:
    """A cell whose content cannot be read; its row gives no answer."""

    cell: str  # "Questions!I12", with the sheet's name in the workbook's language
    message: str  # translated into the current language


@dataclass(frozen=True)
class WorkbookReading:
    """What a returned workbook says: its identity, the answers that read cleanly and the cells that did not."""

    workbook_id: str
    assessment_id: int
    framework_id: str
    framework_version: str
    contributor_name: str
    language: str
    answers: tuple[ReturnedAnswer, ...]  # one per question row that reads cleanly (empty rows too, with status "")
    problems: tuple[CellProblem, ...]  # cells refused, each located; a row with a problem gives no answer
    unknown_question_ids: tuple[str, ...]  # questions of the workbook not among the caller's known ids (no answers)
    questions_sheet: str = ""  # the questions sheet's name, as the workbook has it (to locate a cell: "Questions!I12")
    format_version: int = FORMAT_VERSION  # the workbook's, whose columns (`workbook_layout.layout_for`) locate its cells


class WorkbookRefused(Exception):
    """The whole file is refused, nothing of it read; str(error) is a translated, plain message.

    `reason` is a stable code saying why (the `REFUSAL_REASONS` of `workbook_reader`).
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
