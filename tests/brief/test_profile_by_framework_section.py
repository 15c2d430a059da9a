"""The profile by framework in the documents and the Excel export: the same grouping as the Profile's By framework page,
on the CRF's own 1–5 scale, labelled so."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.labels import crosswalk_level_text, fit_text
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import Heading, Paragraph, Table
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.services import ResilienceService
from tests.brief.conftest import EXPORT_DAY, LANGUAGES
from tests.brief.docx_reader import needs_soffice, open_docx, to_pdf
from tests.brief.pdf_reader import needs_poppler, page_text, plain


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_optional_section_gives_each_frameworks_items_with_the_crf_level(sample_service: tuple[ResilienceService, dict[str, int]],
                                                                             language: str) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language], language=language, today=EXPORT_DAY)
    crosswalks = service.assessments.crosswalks(ids[language])
    assert len(crosswalks) >= 4 and "by_framework" in [section.id for section in build_brief(data, language, document="pra").sections]  # the PRA carries it by default, the brief may
    section = build_brief(data, language, ["by_framework"], "pra").sections[0]
    headings = [block.text for block in section.blocks if isinstance(block, Heading)]
    tables = [block for block in section.blocks if isinstance(block, Table)]
    assert headings == [crosswalk.name.in_language(language) for crosswalk in crosswalks]
    for crosswalk, table in zip(crosswalks, tables, strict=True):
        grouped = service.assessments.profile_by_framework(ids[language], crosswalk.id)
        assert table.header == tuple(translate_in(language, words) for words in (
            "Ref.", "Item", "Fit", "Indicators mapped", "Indicators with a level", "Questions answered", "CRF level (1–5)"))
        with using_language(language):
            assert [row[-1] for row in table.rows] == [
                crosswalk_level_text(result.item, result.level, result.levelled_indicators) for result in grouped.items]
            assert [row[2] for row in table.rows] == [fit_text(result.item) for result in grouped.items]
            for row, result in zip(table.rows, grouped.items, strict=True):  # each row names its indicators' numbers
                assert all(localise_digits(indicator.indicator.number, language=language) in row[3] for indicator in result.indicators)
    # Each framework's notes (what its mapping cannot claim) are printed under its heading, before its table.
    paragraphs = [block.text for block in section.blocks if isinstance(block, Paragraph)]
    assert all(crosswalk.notes is not None and crosswalk.notes.in_language(language) in paragraphs for crosswalk in crosswalks)
    sendai = next(table for crosswalk, table in zip(crosswalks, tables, strict=True) if crosswalk.id == "sendai-framework")
    assert sendai.rows[0][-1] == translate_in(language, "No CRF level: an outcome counted as losses")


def test_the_workbook_has_a_sheet_of_the_profile_by_framework(service: ResilienceService, tmp_path: Path) -> None:
    from resilience_app.core.sample import create_sample

    record = create_sample(service, "en")
    path = service.export_xlsx(record.id, language="en", path=tmp_path / "sample.xlsx").path
    sheet = load_workbook(path)["Profile by framework"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    undrr = next(crosswalk for crosswalk in service.assessments.crosswalks(record.id) if "undrr" in crosswalk.id)
    grouped = service.assessments.profile_by_framework(record.id, undrr.id)
    assert {"Fit", "Questions answered", "Indicators"} <= set(header) and "Coverage" not in header
    levels = {row["Item id"]: row["CRF level (1–5)"] for row in rows if row["Framework id"] == undrr.id}
    fits = {row["Item id"]: row["Fit"] for row in rows}
    assert fits["sdg-11.c"] == "Thin" and fits["undrr-e10"] == fits["undrr-e02"] == "Partial" and fits["undrr-e01"] == "Full"
    assert {row["Item id"]: row["CRF level (1–5)"] for row in rows if row["Item id"].startswith("sendai-target-")}["sendai-target-a"] is None
    assert levels == {result.item.id: pytest.approx(result.level) if result.level is not None else None for result in grouped.items}


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_word_and_pdf_documents_carry_the_section_as_tables_a_reader_can_use(sample_service: tuple[ResilienceService, dict[str, int]],
                                                                                 language: str, tmp_path: Path) -> None:
    service, ids = sample_service
    sections = ["by_framework"]
    word = service.export_brief_docx(ids[language], language=language, document="pra", sections=sections, path=tmp_path / "pra.docx", today=EXPORT_DAY).path
    pdf = service.export_brief(ids[language], language=language, document="pra", sections=sections, path=tmp_path / "pra.pdf", today=EXPORT_DAY).path
    crosswalks = service.assessments.crosswalks(ids[language])
    document = open_docx(word)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert [crosswalk.name.in_language(language) for crosswalk in crosswalks] == headings[: len(crosswalks)]
    header = [translate_in(language, "Ref."), translate_in(language, "Item"), translate_in(language, "Fit")]
    tables = [table for table in document.tables if [cell.text for cell in table.rows[0].cells][:3] == header]
    assert len(tables) == len(crosswalks)
    undrr = service.assessments.profile_by_framework(ids[language], crosswalks[0].id)
    with using_language(language):
        assert [row.cells[-1].text for row in tables[0].rows[1:]] == [
            crosswalk_level_text(result.item, result.level, result.levelled_indicators) for result in undrr.items]
    (tmp_path / "printed").mkdir()
    printed = {"word": plain(page_text(to_pdf([word], tmp_path / "printed")[word])), "pdf": plain(page_text(pdf))}
    no_level = plain(translate_in(language, "No CRF level: an outcome counted as losses"))
    for text in printed.values():  # what LibreOffice prints of the Word file, and the PDF, both say it
        # pdftotext may give a right-to-left table cell's words in another order: every word is there
        assert set(no_level.split()) <= set(text.split()) and set(plain(crosswalks[0].name.in_language(language)).split()) <= set(text.split())
