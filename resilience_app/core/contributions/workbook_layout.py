"""Where everything sits in a department workbook: shared by the writer and the reader.

Three sheets: a cover with the instructions, the questions (one row per question, the answer cells
unlocked) and a hidden data sheet the reader trusts to say what the workbook is and which question
each row holds. The data sheet's name is the same in every language; the other two are translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from openpyxl.utils import get_column_letter

from resilience_app.core.assessment.answer_rules import MAX_TEXT_LENGTH
from resilience_app.core.assessment.details_rules import MAX_NAME_LENGTH
from resilience_app.core.assessment.evidence_rules import MAX_REFERENCE_LENGTH
from resilience_app.core.i18n import N_

FORMAT_MARKER = "resilience-app/department-workbook"
# Raised when the layout changes; a reader refuses a workbook of a newer format, and reads an older one with that
# version's columns (`layout_for`), as departments may return a workbook months after it was sent. Version 2 added the
# three data-quality columns after "Answered by"; version 3 describes levels 2 and 4 as well, in columns of their own
# between those of levels 1, 3 and 5, which moves every column after them.
FORMAT_VERSION = 3
DATA_QUALITY_SINCE = 2
EVERY_LEVEL_DESCRIBED_SINCE = 3

COVER_SHEET = N_("Instructions")
QUESTIONS_SHEET = N_("Questions")
DATA_SHEET = "resilience_app"  # hidden, not translated: found by this name in a workbook of any language

HEADER_ROW = 1
FIRST_QUESTION_ROW = 2
SCENARIO_LEVELS = (1, 2, 3, 4, 5)  # the levels a question may describe; each gets a column, empty where it is not described
_SCENARIO_LEVELS_BEFORE = (1, 3, 5)  # the levels of a workbook before version 3: only they were described

# The columns whose headers the reader checks (against the data sheet's record of them): a column
# inserted, deleted or moved before any of them would put answers in the wrong place.
CHECKED_COLUMNS = ("question_id", "level", "unit", "value", "confidence", "justification", "evidence", "answered_by")
# Checked too from format version 2, which added them; a version 1 workbook has none of them, and they are not read.
DATA_QUALITY_COLUMNS = ("source_kind", "data_year", "data_scale")


@dataclass(frozen=True)
class Column:
    key: str
    width: float  # in Excel's character widths
    answer: bool = False  # unlocked: the department fills it in


@dataclass(frozen=True)
class Layout:
    """The questions sheet's columns in one format version, in order, each with its letter and place in a row."""

    version: int
    columns: tuple[Column, ...]
    scenario_levels: tuple[int, ...]  # the levels whose descriptions have a column
    letters: Mapping[str, str]  # column key -> its letter
    indexes: Mapping[str, int]  # column key -> its 0-based place in a row of values
    checked_columns: tuple[str, ...]  # the columns whose headers the reader checks


@cache
def layout_for(version: int) -> Layout:
    """The columns of a workbook of format `version` (1 to FORMAT_VERSION). Only the order and the keys differ from
    version to version; the widths are those the writer uses now (the reader does not look at them).

    Format 1 has no data-quality columns, yet keeps them here, neither checked nor read: it has always been read as wide
    as format 2, and reads exactly as it did."""
    levels = SCENARIO_LEVELS if version >= EVERY_LEVEL_DESCRIBED_SINCE else _SCENARIO_LEVELS_BEFORE
    columns = (
        Column("question_id", 8),
        Column("goal", 10),
        Column("indicator", 12),
        Column("prompt", 24),
        Column("guidance", 18),
        *(Column(f"scenario_{level}", 15) for level in levels),
        Column("level", 14, answer=True),
        Column("unit", 10),
        Column("value", 9, answer=True),
        Column("confidence", 10, answer=True),
        Column("justification", 20, answer=True),
        Column("evidence", 14, answer=True),
        Column("answered_by", 12, answer=True),
        Column("source_kind", 13, answer=True),
        Column("data_year", 8, answer=True),
        Column("data_scale", 13, answer=True),
    )  # about 270 character widths in version 3: printed across A4 landscape at about three fifths of the size
    return Layout(
        version=version,
        columns=columns,
        scenario_levels=levels,
        letters=MappingProxyType({column.key: get_column_letter(index) for index, column in enumerate(columns, start=1)}),
        indexes=MappingProxyType({column.key: index for index, column in enumerate(columns)}),
        checked_columns=CHECKED_COLUMNS + (DATA_QUALITY_COLUMNS if version >= DATA_QUALITY_SINCE else ()),
    )


# The layout the writer uses: the current version's.
COLUMNS = layout_for(FORMAT_VERSION).columns
LETTERS = layout_for(FORMAT_VERSION).letters
INDEXES = layout_for(FORMAT_VERSION).indexes

HEADERS = {
    "question_id": N_("Question id"),
    "goal": N_("Goal"),
    "indicator": N_("Indicator"),
    "prompt": N_("Question"),
    "guidance": N_("Guidance"),
    "level": N_("Level"),
    "unit": N_("Unit"),
    "value": N_("Value"),
    "confidence": N_("Confidence"),
    "justification": N_("Justification"),
    "evidence": N_("Evidence"),
    "answered_by": N_("Answered by"),
    # The answer editor's names of the three data-quality fields (`assessment.labels.FIELD_NAMES`).
    "source_kind": N_("Source of the data"),
    "data_year": N_("Year of the data"),
    "data_scale": N_("Scale of the data"),
}
SCENARIO_HEADER = N_("What level {level} looks like")

# The longest text each answer cell may hold: the limits the app applies when the same text is typed in.
TEXT_LIMITS = {"justification": MAX_TEXT_LENGTH, "evidence": MAX_REFERENCE_LENGTH, "answered_by": MAX_NAME_LENGTH}

# The hidden data sheet: one record a row, its kind in column A, its values in B to D.
RECORD_COLUMNS = 4
RECORD_FORMAT = "format"  # FORMAT_MARKER, FORMAT_VERSION
RECORD_NOTE = "note"  # a translated line for whoever unhides the sheet
RECORD_QUESTION = "question"  # question id, its row, "quantitative" or ""
RECORD_COLUMN = "column"  # column key, its letter, its header as written (the reader checks the header is still there)
RECORD_LEVEL_NAME = "level_name"  # language, level, name
SCALAR_RECORDS = (
    "workbook_id", "assessment_id", "framework_id", "framework_version", "contributor_name", "language", "questions_sheet",
)
QUANTITATIVE = "quantitative"
# The drop-down lists' choices, in the workbook's language, below each other in these columns.
LEVEL_CHOICES_COLUMN = "F"
CONFIDENCE_CHOICES_COLUMN = "G"
SOURCE_KIND_CHOICES_COLUMN = "H"
DATA_SCALE_CHOICES_COLUMN = "I"

# What a returned file may be at most: far more than any department workbook (156 questions make ~60 kB).
MAX_FILE_BYTES = 50 * 1024 * 1024  # the file itself, and everything in it once unpacked
MAX_MEMBERS = 1_000  # files inside the archive
# XML elements ("<" counted) in any one file inside it: a department workbook of the whole framework has under 10,000
# in its largest. openpyxl holds a row's cells, a sheet's shared texts and its styles in memory at once, a few hundred
# bytes each: a sheet of a million empty cells in one row packs into well under a megabyte and would take gigabytes.
MAX_TAGS = 500_000
MAX_RATIO = 200  # how much larger than packed a large member may unpack to
RATIO_CHECKED_FROM = 1024 * 1024  # members unpacking to less than this are not checked for their ratio
MAX_ROWS = 5_000  # rows of the questions sheet
MAX_DATA_ROWS = MAX_ROWS + 200  # rows of the data sheet: the questions' records and the few others
MAX_ID_LENGTH = 200
