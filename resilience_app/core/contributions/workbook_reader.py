"""Read a returned department workbook: every answer that reads cleanly, every cell that does not, located.

The file is refused whole (`WorkbookRefused`, nothing of it read) when it is not a safe .xlsx archive
(`workbook_archive`), when it is not a workbook the app wrote (no hidden data sheet, or no format marker),
when that data sheet was changed, when the questions sheet is missing, has too many rows or its columns
were moved, and when a question appears on two rows. Otherwise each question's row is read on its own:
a row the data sheet does not place there (rows moved, added or deleted, an id changed) or with a cell
that cannot be read gives a `CellProblem` for each such cell and no answer; the other rows give answers. The
data-quality cells are optional: one that cannot be read is kept with the row's answer (`ReturnedAnswer.unread`),
not as stated, and the rest of the row is read.

The row's question is the one the data sheet recorded for that row, and the row's locked id cell must
still show it: so an answer is never taken for a question other than the one the department saw.
Formulas are never calculated: openpyxl gives the value the spreadsheet program saved with the formula
(what the department saw), or nothing.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import warnings
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from resilience_app.core.assessment.answer_rules import LEVELS
from resilience_app.core.contributions.workbook_archive import check_archive
from resilience_app.core.contributions.workbook_cells import (
    DIRECTION_CONTROLS,
    CellUnreadable,
    CellValue,
    Vocabulary,
    is_empty,
    percent_shown,
    quoted,
    read_confidence,
    read_data_scale,
    read_data_year,
    read_id,
    read_level,
    read_number,
    read_source_kind,
    read_text,
    shown,
)
from resilience_app.core.contributions.workbook_layout import (
    DATA_QUALITY_COLUMNS,
    DATA_QUALITY_SINCE,
    DATA_SHEET,
    FIRST_QUESTION_ROW,
    FORMAT_MARKER,
    FORMAT_VERSION,
    HEADER_ROW,
    HEADERS,
    MAX_DATA_ROWS,
    MAX_ID_LENGTH,
    MAX_ROWS,
    QUANTITATIVE,
    RECORD_COLUMN,
    RECORD_COLUMNS,
    RECORD_FORMAT,
    RECORD_LEVEL_NAME,
    RECORD_QUESTION,
    SCALAR_RECORDS,
    TEXT_LIMITS,
    Layout,
    layout_for,
)
from resilience_app.core.contributions.workbook_records import CellProblem, ReturnedAnswer, WorkbookReading, WorkbookRefused
from resilience_app.core.contributions.workbook_refusals import REFUSAL_REASONS, refused
from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _, isolate, translate_in
from resilience_app.core.spreadsheet_text import text_from_cell

__all__ = ["REFUSAL_REASONS", "read_workbook"]

_log = logging.getLogger("resilience_app.contributions")

_WORKBOOK_ID = re.compile("[0-9a-f]{32}", re.ASCII)
_WHOLE_NUMBER = re.compile("[0-9]{1,18}", re.ASCII)
_MAX_RECORD_TEXT = 1_000  # a name or an id on the data sheet: far longer is not what the app wrote
_MAX_SHEET_NAME = 31  # Excel's limit

Row = tuple[CellValue, ...]
Read = TypeVar("Read")


@dataclass(frozen=True)
class _Placed:
    """A question as the data sheet places it."""

    question_id: str
    row: int
    quantitative: bool


@dataclass(frozen=True)
class _Metadata:
    identity: WorkbookReading  # what the workbook is, its answers still empty
    questions_sheet: str
    headers: dict[str, str]  # column key -> its header as written
    header_rows: dict[str, int]  # column key -> the data sheet's row recording it
    vocabulary: Vocabulary
    questions: dict[int, _Placed]  # row -> the question the app wrote there, in the order written
    layout: Layout  # the columns of the workbook's format version, which may be older than the app's


def read_workbook(data: bytes, *, known_question_ids: Collection[str]) -> WorkbookReading:
    """What the returned workbook `data` says; raises `WorkbookRefused` when it is refused whole (see the module)."""
    check_archive(data)
    with _opened(data) as book:
        if DATA_SHEET not in book.sheetnames:
            raise refused("not-ours", sheet=DATA_SHEET)
        metadata = _metadata(_rows(book, DATA_SHEET, rows=MAX_DATA_ROWS + 1, columns=RECORD_COLUMNS))
        if metadata.questions_sheet not in book.sheetnames:
            raise refused("questions-missing", sheet=isolate(metadata.questions_sheet))
        rows = _rows(book, metadata.questions_sheet, rows=MAX_ROWS + 1, columns=len(metadata.layout.columns))
    sheet = metadata.questions_sheet
    if len(rows) > MAX_ROWS and any(not is_empty(value) for value in rows[MAX_ROWS]):
        raise refused("too-many-rows", sheet=isolate(sheet), count=format_number(MAX_ROWS))
    _check_headers(rows, metadata)
    _check_duplicates(rows, sheet)
    known = frozenset(known_question_ids)
    answers: list[ReturnedAnswer] = []
    problems: list[CellProblem] = []
    for row_number, row in _question_rows(rows, metadata):
        placed = metadata.questions.get(row_number)
        if placed is not None and placed.question_id not in known and read_id(row[0]) == placed.question_id:
            continue  # a question the caller does not have: listed as unknown, its cells not read
        answer, found = _read_row(row_number, row, placed, metadata)
        problems += found
        if answer is not None:
            answers.append(answer)
    return dataclasses.replace(
        metadata.identity,
        answers=tuple(answers),
        problems=tuple(problems),
        unknown_question_ids=tuple(placed.question_id for placed in metadata.questions.values() if placed.question_id not in known),
        questions_sheet=metadata.questions_sheet,
        format_version=metadata.layout.version,
    )


# --- openpyxl, kept to two functions: whatever it raises on these bytes means a damaged file ----------


@contextmanager
def _opened(data: bytes) -> Iterator[Workbook]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of parts it leaves out (extensions, drawings): nothing it reads
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # noqa: BLE001 - a parser fed foreign bytes: any failure means the file cannot be read
            _log.info("Workbook refused: openpyxl cannot open it (%r)", error)
            raise refused("damaged") from None
        try:
            yield book
        finally:
            book.close()


def _rows(book: Workbook, name: str, *, rows: int, columns: int) -> list[Row]:
    """The values of the sheet's first `rows` rows and `columns` columns (formulas as last calculated).

    A number shown as a percentage is read as the number shown: "45%" typed into a cell is kept by Excel and
    Calc as 0.45 with a percentage format, and read as 45 (the unit beside it already says "%").
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            sheet = book[name]
            values: list[Row] = [
                (tuple(_shown_number(cell) for cell in row) + (None,) * columns)[:columns]
                for row in sheet.iter_rows(min_row=1, max_row=rows, max_col=columns)
            ]
        except Exception as error:  # noqa: BLE001 - as in `_opened`
            _log.info("Workbook refused: openpyxl cannot read the sheet %r (%r)", name, error)
            raise refused("damaged") from None
    return values[:rows]


def _shown_number(cell: object) -> CellValue:
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in str(getattr(cell, "number_format", "")):
        return percent_shown(value)
    return value


# --- The hidden data sheet ------------------------------------------------------------------------


def _changed(detail: str) -> WorkbookRefused:
    return refused("data-changed", sheet=DATA_SHEET, detail=detail)


def _cell_detail(row: int, column: int = 1) -> str:
    return _("cell {cell}").format(cell=isolate(f"{DATA_SHEET}!{get_column_letter(column)}{row}"))


def _metadata(rows: Sequence[Row]) -> _Metadata:
    """The data sheet's records, checked; raises `WorkbookRefused` unless they are whole and as the app writes them."""
    records = [(number, tuple(_record_text(value) for value in row)) for number, row in enumerate(rows, start=1)]
    if not records or records[0][1][:2] != (RECORD_FORMAT, FORMAT_MARKER):
        raise refused("not-ours", sheet=DATA_SHEET)
    version = records[0][1][2]
    if not _WHOLE_NUMBER.fullmatch(version) or int(version) < 1:
        raise _changed(_cell_detail(1, 3))
    if int(version) > FORMAT_VERSION:
        raise refused("newer", version=isolate(version))
    layout = layout_for(int(version))
    if len(records) > MAX_DATA_ROWS and any(records[MAX_DATA_ROWS][1]):
        raise _changed(_cell_detail(MAX_DATA_ROWS + 1))
    scalars: dict[str, tuple[int, str]] = {}
    headers: dict[str, str] = {}
    header_rows: dict[str, int] = {}
    level_names: list[tuple[int, str]] = []
    questions: list[_Placed] = []
    placed_rows: set[int] = set()
    placed_ids: set[str] = set()
    for number, (kind, *values) in records[1:]:
        if kind in SCALAR_RECORDS:
            if kind in scalars:
                raise _changed(_cell_detail(number))
            scalars[kind] = (number, values[0])
        elif kind == RECORD_COLUMN:
            key, letter, header = values[:3]
            if key in layout.letters and letter != layout.letters[key]:
                raise _changed(_cell_detail(number, 3))
            headers[key], header_rows[key] = header, number
        elif kind == RECORD_LEVEL_NAME:
            level_names.append(_level_name(number, values))
        elif kind == RECORD_QUESTION:
            placed = _question(number, values)
            if placed.question_id in placed_ids or placed.row in placed_rows:
                raise _changed(_cell_detail(number, 2))  # a question placed twice, or two on one row
            placed_ids.add(placed.question_id)
            placed_rows.add(placed.row)
            questions.append(placed)
    if int(version) < DATA_QUALITY_SINCE and any(key in headers for key in DATA_QUALITY_COLUMNS):
        # Only a workbook of version 2 or later lists the data-quality columns: its version was lowered by hand, which
        # would leave the department's source, year and scale unread without a word.
        raise _changed(_("the format version in cell {cell} was changed").format(cell=isolate(f"{DATA_SHEET}!C1")))
    missing = [name for name in SCALAR_RECORDS if name not in scalars] + [key for key in layout.checked_columns if key not in headers]
    if missing:
        raise _changed(_("“{record}” is missing").format(record=missing[0]))
    identity = WorkbookReading(
        workbook_id=_scalar(scalars, "workbook_id", lambda text: bool(_WORKBOOK_ID.fullmatch(text))),
        assessment_id=int(_scalar(scalars, "assessment_id", lambda text: bool(_WHOLE_NUMBER.fullmatch(text)) and int(text) > 0)),
        framework_id=_scalar(scalars, "framework_id", lambda text: 0 < len(text) <= MAX_ID_LENGTH),
        framework_version=_scalar(scalars, "framework_version", lambda text: 0 < len(text) <= MAX_ID_LENGTH),
        contributor_name=_scalar(scalars, "contributor_name", lambda text: len(text) <= _MAX_RECORD_TEXT),
        language=_scalar(scalars, "language", lambda text: text in SUPPORTED_LANGUAGES),
        answers=(),
        problems=(),
        unknown_question_ids=(),
    )
    return _Metadata(
        identity=identity,
        # Its name begins every cell's location in a message: a direction control in it would turn the message around.
        questions_sheet=_scalar(scalars, "questions_sheet", lambda text: 0 < len(text) <= _MAX_SHEET_NAME and not DIRECTION_CONTROLS.search(text)),
        headers=headers,
        header_rows=header_rows,
        vocabulary=Vocabulary.of(level_names),
        questions={placed.row: placed for placed in questions},
        layout=layout,
    )


def _record_text(value: CellValue) -> str:
    """A data sheet value: the app writes only texts there, so anything else reads as "" and fails its check."""
    return text_from_cell(value) if isinstance(value, str) else ""


def _scalar(scalars: dict[str, tuple[int, str]], name: str, valid: Callable[[str], bool]) -> str:
    number, text = scalars[name]
    if not valid(text):
        raise _changed(_cell_detail(number, 2))
    return text


def _level_name(number: int, values: Sequence[str]) -> tuple[int, str]:
    _language, level, name = values[:3]
    if not (level.isascii() and level.isdigit() and int(level) in LEVELS) or not 0 < len(name) <= _MAX_RECORD_TEXT:
        raise _changed(_cell_detail(number, 3))
    return int(level), name


def _question(number: int, values: Sequence[str]) -> _Placed:
    question_id, row, kind = values[:3]
    if not 0 < len(question_id) <= MAX_ID_LENGTH or question_id != question_id.strip() or DIRECTION_CONTROLS.search(question_id):
        raise _changed(_cell_detail(number, 2))
    if not _WHOLE_NUMBER.fullmatch(row) or not FIRST_QUESTION_ROW <= int(row) <= MAX_ROWS or kind not in ("", QUANTITATIVE):
        raise _changed(_cell_detail(number, 3))
    return _Placed(question_id, int(row), kind == QUANTITATIVE)


# --- The questions sheet --------------------------------------------------------------------------


def _check_headers(rows: Sequence[Row], metadata: _Metadata) -> None:
    """The answer columns are where the app put them: their headers are still those it wrote."""
    layout = metadata.layout
    header = rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else (None,) * len(layout.columns)
    for key in layout.checked_columns:
        found = header[layout.indexes[key]]
        if not isinstance(found, str) or text_from_cell(found) != metadata.headers[key]:
            if isinstance(found, str) and text_from_cell(found) in _app_headers(key):
                # The sheet shows the header the app writes: the hidden sheet's record of it is what was changed.
                raise _changed(_cell_detail(metadata.header_rows[key], 4))
            raise refused(
                "columns-changed", sheet=isolate(metadata.questions_sheet), column=isolate(layout.letters[key]),
                header=quoted(metadata.headers[key]),
            )


def _app_headers(key: str) -> set[str]:
    """The header the app writes over the column `key`, in every language."""
    return {translate_in(language, HEADERS[key]) for language in SUPPORTED_LANGUAGES}


def _check_duplicates(rows: Sequence[Row], sheet: str) -> None:
    rows_of: dict[str, list[int]] = {}
    for number, row in enumerate(rows[FIRST_QUESTION_ROW - 1 :], start=FIRST_QUESTION_ROW):
        if question_id := read_id(row[0]):
            rows_of.setdefault(question_id, []).append(number)
    for question_id, numbers in rows_of.items():
        if len(numbers) > 1:
            raise refused(
                "duplicate-question",
                question=quoted(question_id),
                sheet=isolate(sheet),
                rows=format_list([format_number(number) for number in numbers]),
            )


def _question_rows(rows: Sequence[Row], metadata: _Metadata) -> Iterator[tuple[int, Row]]:
    """Every row that holds something or that the data sheet places a question on, in order."""
    placed_rows = set(metadata.questions)
    empty: Row = (None,) * len(metadata.layout.columns)
    last = max([len(rows), *placed_rows])
    for number in range(FIRST_QUESTION_ROW, last + 1):
        row = rows[number - 1] if number <= len(rows) else empty
        if number in placed_rows or any(not is_empty(value) for value in row):
            yield number, row


def _at(metadata: _Metadata, key: str, row: int) -> str:
    return f"{metadata.questions_sheet}!{metadata.layout.letters[key]}{row}"


def _read_row(number: int, row: Row, placed: _Placed | None, metadata: _Metadata) -> tuple[ReturnedAnswer | None, list[CellProblem]]:
    """The row's answer, or the problems that keep it from giving one."""
    found_id = read_id(row[0])
    if placed is None:
        message = _("This row is not one of the workbook's questions (it was added, or rows were moved); its answers are not read.")
        return None, [CellProblem(_at(metadata, "question_id", number), message)]
    if found_id != placed.question_id:
        if found_id:
            message = _(
                "This row was written for question {expected} but now holds {found}: rows were moved, added or deleted, or the id "
                "was changed. Its answers are not read."
            ).format(expected=isolate(placed.question_id), found=shown(found_id))
        else:
            message = _(
                "This row was written for question {expected}, but its question id is gone: rows were moved, added or deleted. "
                "Its answers are not read."
            ).format(expected=isolate(placed.question_id))
        return None, [CellProblem(_at(metadata, "question_id", number), message)]
    problems: list[CellProblem] = []
    indexes = metadata.layout.indexes

    def cell(key: str, read: Callable[[CellValue], Read]) -> Read | None:
        try:
            return read(row[indexes[key]])
        except CellUnreadable as unreadable:
            problems.append(CellProblem(_at(metadata, key, number), str(unreadable)))
            return None

    status_and_level = cell("level", lambda value: read_level(value, metadata.vocabulary))
    numeric_value = cell("value", read_number if placed.quantitative else _no_number)
    confidence = cell("confidence", lambda value: read_confidence(value, metadata.vocabulary))
    texts = {key: cell(key, partial(read_text, limit=limit, language=metadata.identity.language)) for key, limit in TEXT_LIMITS.items()}
    # The data quality is optional: a cell of it that cannot be read is kept with the row, which still gives its answer.
    refused = len(problems)
    source_kind = data_year = data_scale = None
    if metadata.layout.version >= DATA_QUALITY_SINCE:  # a version 1 workbook has no such columns: whatever is there is not ours
        source_kind = cell("source_kind", lambda value: read_source_kind(value, metadata.vocabulary))
        data_year = cell("data_year", read_data_year)
        data_scale = cell("data_scale", lambda value: read_data_scale(value, metadata.vocabulary))
    if refused or status_and_level is None:
        return None, problems
    status, level = status_and_level
    answer = ReturnedAnswer(
        question_id=placed.question_id,
        cell_row=number,
        status=status,
        level=level,
        numeric_value=numeric_value,
        confidence=confidence,
        justification=texts["justification"] or "",
        evidence=texts["evidence"] or "",
        answered_by=texts["answered_by"] or "",
        source_kind=source_kind,
        data_year=data_year,
        data_scale=data_scale,
        unread=tuple(problems),  # only the data quality's: any other problem gives no answer
    )
    return answer, []


def _no_number(value: CellValue) -> str | None:
    """The value cell of a question that takes no number (locked, greyed) must stay empty."""
    if not is_empty(value):
        raise CellUnreadable(_("This question takes no number."))
    return None
