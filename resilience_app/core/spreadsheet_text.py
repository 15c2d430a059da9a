"""Text in spreadsheet cells: written so that no spreadsheet runs it as a formula, read back as it was typed.

Every text the app writes into an .xlsx goes through `put_text` (department workbooks, exports). openpyxl
stores a Python string that starts with "=" as a formula, and "#N/A" as an error value; `put_text` stores
the cell as a string whatever it holds, and marks one that starts like a formula (=, +, -, @) with
Excel's own leading apostrophe (the cell format's `quotePrefix`), so editing the cell in Excel later
keeps it text instead of turning it into a formula. The text itself is unchanged: no visible apostrophe,
no invisible character in front of it.
"""

from __future__ import annotations

import re

from openpyxl.cell.cell import Cell, MergedCell

FORMULA_START = ("=", "+", "-", "@")  # a cell typed with one of these first is read as a formula by Excel and Calc
MAX_CELL_CHARACTERS = 32_767  # Excel's limit; a longer cell makes Excel repair the file when it opens it

# Characters XML 1.0 cannot hold at all: a cell holding one makes the file unreadable.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# OOXML writes characters XML cannot hold as "_xHHHH_"; a text that holds such a sequence literally is
# written with its underscore escaped ("_x005F_"), as Excel does, so Excel shows it as typed.
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_LITERAL_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def cell_text(value: str) -> str:
    """`value` as a cell can hold it: no characters XML cannot carry, at most Excel's 32,767 characters,
    and a literal "_xHHHH_" escaped so that Excel does not read it as an escaped character."""
    text = _NOT_IN_XML.sub("", value)[:MAX_CELL_CHARACTERS]
    return _LITERAL_ESCAPE.sub("_x005F_", text)


def put_text(cell: Cell | MergedCell, value: str) -> None:
    """Write `value` into `cell` as text, never as a formula or an error value (see the module's docstring)."""
    if not isinstance(cell, Cell):
        raise TypeError(f"{cell.coordinate} is merged into another cell and holds no text of its own")
    cell.value = cell_text(value)
    cell.data_type = "s"  # openpyxl made "=…" a formula ("f") and "#N/A" an error ("e"): a string it is
    if starts_like_formula(value):
        cell.quotePrefix = True


def text_from_cell(value: str) -> str:
    """A text read from a cell with its "_xHHHH_" escapes (written by Excel and Calc) turned back into characters."""
    return _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), value) if "_x" in value else value
