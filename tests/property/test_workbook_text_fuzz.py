"""Any text goes into the Excel workbook as that text: never a formula, never a broken file (1,000 generated inputs).

Texts from the whole of Unicode, many starting like a formula ("=", "+", "-", "@"), written by the
workbook's writer and read back: each cell holds the text as the app keeps it (`text_rules.clean_text`),
no sheet has a formula, and openpyxl opens the file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from resilience_app.core.spreadsheet.model import Column, Sheet, Workbook
from resilience_app.core.spreadsheet.xlsx import write_xlsx
from resilience_app.core.text_rules import clean_text
from tests.property.support import FUZZ

FORMULA_LIKE = st.sampled_from(["", "=", "+", "-", "@", "=cmd|' /C calc'!", "_x0041_"])
TEXT = st.builds(lambda start, rest: start + rest, FORMULA_LIKE, st.text(max_size=200))


@FUZZ
@given(texts=st.lists(TEXT, min_size=1, max_size=6), language=st.sampled_from(["en", "ar"]))
def test_any_text_is_written_as_that_text_and_never_as_a_formula(tmp_path: Path, texts: list[str], language: str) -> None:
    sheet = Sheet(key="texts", title="Texts", columns=(Column("Text"),), rows=tuple((text,) for text in texts))
    path = tmp_path / "texts.xlsx"
    write_xlsx(Workbook(language=language, title="Texts", sheets=(sheet,)), path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    cells = [row[0] for row in load_workbook(path).active.iter_rows(min_row=2, values_only=True)]  # type: ignore[union-attr]
    assert [unescape(cell) if cell is not None else "" for cell in cells] == [clean_text(text) for text in texts]
