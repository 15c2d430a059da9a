"""Write the workbook model as an Excel file (openpyxl): one table per sheet, as Excel and Power BI read them.

- Row 1 is the header: bold, frozen, with a filter on every column; below it one row per record.
- Numbers, dates and times and yes/no are written as such (Excel shows them in its own digits and
  words), never as text; a level with one decimal and a share as a percentage, as the app shows them.
- An Arabic workbook has every sheet right to left.
- A text the app writes that starts with "=", "+", "-" or "@" is written as text with Excel's quote
  prefix, so neither opening the file nor editing the cell later runs it as a formula; the text stays
  as typed (openpyxl would otherwise write a text starting with "=" as a formula).
- What XML cannot hold is dropped (`text_rules.clean_text`, the rule every typed text follows), a
  run Excel would decode as an escaped character ("_x0041_") is escaped itself, and a text longer
  than a cell keeps (32,767 UTF-16 units) is cut, saying so.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

from openpyxl import Workbook as ExcelWorkbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from resilience_app import __version__
from resilience_app.core.i18n import _, is_rtl, using_language
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet, Workbook
from resilience_app.core.text_rules import clean_text

FORMULA_START = ("=", "+", "-", "@")  # what makes Excel (or a CSV reader) read a cell as a formula
MAX_CELL_UNITS = 32_767  # UTF-16 code units Excel keeps in one cell
# Excel reads "_x0041_" in a text as the character it encodes ("A"); such a run typed by a user gets its "_"
# written as "_x005F_", so Excel and LibreOffice show it as typed (openpyxl reads the escaped form back).
_ESCAPE_LOOKALIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
NUMBER_FORMATS = {"level": "0.0", "share": "0%", "general": "General"}
DATE_FORMAT, MOMENT_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"  # the same in every language and locale
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT, PADDING = 15, 2  # points a line of a wrapped header takes; characters (and points) around a text
MIN_WIDTH, MAX_WORD = 6, 24  # characters: the narrowest column; the longest header word a column widens for
TOP, TOP_WRAPPED = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)


def write_xlsx(workbook: Workbook, path: Path) -> None:
    """Write `workbook` as the .xlsx file `path` (any existing file is replaced; the caller writes beside the target)."""
    with using_language(workbook.language):
        book = ExcelWorkbook()
        book.remove(book.active)  # type: ignore[arg-type]  # a new workbook always has its first sheet
        right_to_left = is_rtl(workbook.language)
        for sheet in workbook.sheets:
            _write_sheet(book.create_sheet(sheet.title), sheet, right_to_left=right_to_left)
        book.properties.title = safe_text(workbook.title)
        book.properties.creator = _("Resilience app {version}").format(version=__version__)
        book.properties.language = workbook.language
        book.save(path)


def _write_sheet(worksheet: Worksheet, sheet: Sheet, *, right_to_left: bool) -> None:
    worksheet.sheet_view.rightToLeft = right_to_left
    header_lines = 1
    for column_number, column in enumerate(sheet.columns, start=1):
        cell = _cell(worksheet, 1, column_number)
        put(cell, column.title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        width = _width(column, [row[column_number - 1] for row in sheet.rows])
        worksheet.column_dimensions[get_column_letter(column_number)].width = width
        header_lines = max(header_lines, math.ceil(len(column.title) / (width - PADDING)))
    worksheet.row_dimensions[1].height = LINE_HEIGHT * header_lines + PADDING
    for row_number, row in enumerate(sheet.rows, start=2):
        for column_number, (column, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            if value is not None:
                _put_value(_cell(worksheet, row_number, column_number), value, column)
    last = get_column_letter(len(sheet.columns))
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    worksheet.print_title_rows = "1:1"  # printed (or made a PDF), every page repeats the header
    worksheet.page_setup.orientation = "landscape"


def _width(column: Column, values: list[CellValue]) -> float:
    """As wide as the widest first line of the column's values (up to `column.width`) and its header's longest word."""
    widest = max((len(_shown(value).split("\n", 1)[0]) for value in values if value is not None), default=0)
    longest_word = max((len(word) for word in column.title.split()), default=0)
    return max(min(column.width, max(MIN_WIDTH, widest) + PADDING), min(longest_word, MAX_WORD) + PADDING)


def _shown(value: CellValue) -> str:
    if isinstance(value, dt.datetime):
        return MOMENT_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _cell(worksheet: Worksheet, row: int, column: int) -> Cell:
    cell = worksheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "a new sheet has no merged cells"
    return cell


def _put_value(cell: Cell, value: CellValue, column: Column) -> None:
    put(cell, value)
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, dt.datetime):
        cell.number_format = MOMENT_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, float):
        cell.number_format = NUMBER_FORMATS[column.number_format]
    cell.alignment = TOP_WRAPPED if isinstance(value, str) and "\n" in str(cell.value) else TOP


def put(cell: Cell, value: CellValue) -> None:
    """Set a cell; a text is always a text, however it starts (see the module's docstring)."""
    if not isinstance(value, str):
        cell.value = value
        return
    written = safe_text(value)
    cell.value = _ESCAPE_LOOKALIKE.sub("_x005F_", written)
    if written.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl made a text starting with "=" a formula
        cell.quotePrefix = True


def safe_text(value: str) -> str:
    """`value` as a cell can hold it: no characters XML refuses, no more than a cell keeps."""
    text = clean_text(value).encode("utf-8", "replace").decode("utf-8")  # a lone surrogate (never typed, maybe imported) as "?"
    if _units(text) <= MAX_CELL_UNITS:
        return text
    template = _("{text}… (shortened: the full text is in the app)")
    room = MAX_CELL_UNITS - _units(template.format(text=""))
    kept = text.encode("utf-16-le")[: room * 2].decode("utf-16-le", "ignore")  # a pair cut in half is dropped
    return template.format(text=kept)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
