"""The workbook as a department opens it: its language and direction, what is locked, the drop-down lists,
how it prints, and no text that a spreadsheet could run as a formula."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from resilience_app.core.assessment.labels import DATA_SCALE_NAMES, SOURCE_KIND_NAMES
from resilience_app.core.contributions.workbook import WorkbookQuestion, write_workbook
from resilience_app.core.contributions.workbook_layout import COLUMNS, DATA_SHEET, FORMAT_VERSION, LETTERS
from resilience_app.core.i18n import translate_in
from resilience_app.core.spreadsheet_text import cell_text
from tests.contributions.workbooks import level_names, request
from tests.property.support import has_arabic_letters

ARABIC_INDIC = re.compile("[٠-٩]")


def opened(language: str, **changes: object) -> Workbook:
    return load_workbook(io.BytesIO(write_workbook(request(language, **changes))))


HOSTILE = ["=HYPERLINK(\"http://example.invalid\",\"open\")", "+1-2", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "#N/A"]


def hostile_request() -> dict[str, object]:
    questions = list(request("en").questions)
    questions[0] = dataclasses.replace(questions[0], prompt=HOSTILE[0], guidance=HOSTILE[1], goal=HOSTILE[2], answered_by=HOSTILE[4],
                                       scenarios={1: HOSTILE[3], 3: HOSTILE[5], 5: "=1"})
    return {"questions": questions, "city": "=2+2", "contributor_department": "@dept", "contributor_name": "-Rania", "return_to": "+962"}


def test_no_text_is_stored_as_a_formula_and_each_keeps_excel_s_apostrophe() -> None:
    data = write_workbook(request("en", **hostile_request()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        styles = archive.read("xl/styles.xml").decode()
    assert all("<f>" not in sheet and "<f " not in sheet for sheet in sheets)
    for text in ["=HYPERLINK", "+1-2", "@SUM(A1:A9)", "=cmd|", "=2+2", "#N/A"]:
        assert any(re.search(f'<c r="[A-Z]+[0-9]+"[^>]* t="inlineStr"><is><t>{re.escape(text)}', sheet) for sheet in sheets), text
    assert 'quotePrefix="1"' in styles
    book = load_workbook(io.BytesIO(data))
    questions = book.worksheets[1]
    assert questions["D2"].value == HOSTILE[0] and questions["D2"].data_type == "s" and questions["D2"].quotePrefix
    assert questions[f"{LETTERS['scenario_3']}2"].value == "#N/A" and questions[f"{LETTERS['scenario_3']}2"].data_type == "s"


def test_cell_text_keeps_what_a_cell_can_hold() -> None:
    assert cell_text("a\x00b\x1fc\ufffe\ud800") == "abc"
    assert cell_text("line\nbreak\ttab") == "line\nbreak\ttab"
    assert cell_text("_x0041_ stays") == "_x005F_x0041_ stays"
    assert len(cell_text("x" * 40_000)) == 32_767


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sheets_read_in_the_workbook_s_language_and_direction(language: str) -> None:
    book = opened(language)
    cover, questions, data = book.worksheets
    assert data.title == DATA_SHEET and data.sheet_state == "hidden"
    assert (cover.title, questions.title) == (("Instructions", "Questions") if language == "en" else ("التعليمات", translate_in("ar", "Questions")))
    assert all(bool(sheet.sheet_view.rightToLeft) == (language == "ar") for sheet in book.worksheets)
    headers = [questions.cell(1, column).value for column in range(1, len(COLUMNS) + 1)]
    labels = [cover.cell(row, 1).value for row in range(1, cover.max_row + 1) if cover.cell(row, 1).value]
    if language == "ar":
        assert all(has_arabic_letters(str(text)) for text in headers + labels)
        numbers = [cover.cell(row, 2).value for row in (6, 8)]  # the deadline, the number of questions
        assert all(ARABIC_INDIC.search(str(number)) and not re.search("[0-9]", str(number)) for number in numbers)
        assert "٢٤" in str(cover["B6"].value)
    else:
        assert headers[:4] == ["Question id", "Goal", "Indicator", "Question"]
        assert cover["B6"].value == "24 November 2026"
    cover_text = " ".join(str(cell.value) for row in cover.iter_rows() for cell in row if cell.value)
    assert all(name in cover_text for name in level_names(language).values())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_only_the_answer_cells_can_be_typed_into_and_no_sheet_has_a_password(language: str) -> None:
    book = opened(language)
    assert all(sheet.protection.sheet and not sheet.protection.password for sheet in book.worksheets)
    assert book.security is not None and book.security.lockStructure and not book.security.workbookPassword
    questions = book.worksheets[1]
    made = request(language)
    for row, question in enumerate(made.questions, start=2):
        for column in COLUMNS:
            cell = questions[f"{LETTERS[column.key]}{row}"]
            typed_into = column.answer and (column.key != "value" or bool(question.unit))
            assert cell.protection.locked is not typed_into, (row, column.key)
    closed = next(row for row, question in enumerate(made.questions, start=2) if not question.unit)
    assert questions[f"{LETTERS['value']}{closed}"].fill.start_color.rgb.endswith("BFBFBF")  # greyed
    assert questions[f"{LETTERS['justification']}2"].number_format == "@"  # "=1+1" typed there stays text
    assert questions[f"{LETTERS['answered_by']}2"].value == made.questions[0].answered_by


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_level_confidence_source_and_scale_are_chosen_from_lists_in_the_language(language: str) -> None:
    book = opened(language)
    questions, data = book.worksheets[1], book[DATA_SHEET]
    lists = [validation for validation in questions.data_validations.dataValidation if validation.type == "list"]
    assert len(lists) == 4
    choices = {}
    for validation in lists:
        sheet_name, cells = validation.formula1.split("!")
        assert sheet_name == DATA_SHEET
        first, last = cells.replace("$", "").split(":")
        choices[str(validation.sqref).split(":")[0].rstrip("0123456789")] = [cell.value for row in data[first:last] for cell in row]
    levels, confidences = choices[LETTERS["level"]], choices[LETTERS["confidence"]]
    kinds, scales = choices[LETTERS["source_kind"]], choices[LETTERS["data_scale"]]
    if language == "en":
        assert levels == [f"{number} · {name}" for number, name in level_names("en").items()] + ["Not applicable", "Don't know"]
        assert confidences == ["Low", "Medium", "High"]
        assert kinds == ["Measured data", "An estimate", "Expert judgement", "A perception"]
        assert scales == ["City level", "Governorate or region level", "Country level"]
    else:
        assert levels[0] == f"١ – {level_names('ar')[1]}" and levels[-2:] == ["لا ينطبق", "لا أعرف"]
        assert confidences == ["منخفضة", "متوسطة", "عالية"]
        assert kinds == [translate_in("ar", name) for name in SOURCE_KIND_NAMES.values()] and all(map(has_arabic_letters, kinds + scales))
        assert scales == [translate_in("ar", name) for name in DATA_SCALE_NAMES.values()]
    assert all(validation.errorStyle == "warning" and validation.showDropDown is False for validation in lists)  # a typed digit is allowed


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_sheet_prints_across_an_a4_page(language: str) -> None:
    cover, questions, _data = opened(language).worksheets
    for sheet, orientation in ((cover, "portrait"), (questions, "landscape")):
        assert int(sheet.page_setup.paperSize or 0) == int(sheet.PAPERSIZE_A4)
        assert sheet.page_setup.orientation == orientation
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert questions.print_title_rows == "$1:$1"  # the header row on every page
    assert questions.freeze_panes == "A2"
    assert all(questions.row_dimensions[row].height for row in range(1, 2 + len(request(language).questions)))


def test_the_data_sheet_says_what_the_workbook_is() -> None:
    data = opened("en")[DATA_SHEET]
    records = {row[0]: row[1:] for row in data.iter_rows(max_col=4, values_only=True) if row[0]}
    assert records["format"][:2] == ("resilience-app/department-workbook", str(FORMAT_VERSION))
    assert records["workbook_id"][0] == "0123456789abcdef0123456789abcdef"
    assert records["assessment_id"][0] == "7"
    assert records["language"][0] == "en" and records["questions_sheet"][0] == "Questions"
    placed = [row[1:3] for row in data.iter_rows(max_col=4, values_only=True) if row[0] == "question"]
    assert placed == [(question.question_id, str(row)) for row, question in enumerate(request("en").questions, start=2)]


@pytest.mark.parametrize(
    "changes",
    [
        {"language": "fr"},
        {"workbook_id": "not-a-uuid"},
        {"level_names": {1: "one"}},
        {"questions": [WorkbookQuestion("q-1", "g", "i", "p", "", {1: "a"})] * 2},
        {"questions": [WorkbookQuestion("", "g", "i", "p", "", {1: "a"})]},
        {"questions": [WorkbookQuestion("q-1", "g", "i", "p", "", {6: "a level the framework does not have"})]},
    ],
)
def test_a_request_no_workbook_can_hold_is_a_programming_error(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        write_workbook(dataclasses.replace(request("en"), **changes))  # type: ignore[arg-type]


def test_the_workbook_s_texts_follow_its_language_not_the_window_s() -> None:
    from resilience_app.core.i18n import using_language

    with using_language("ar"):
        english = load_workbook(io.BytesIO(write_workbook(request("en"))))
    assert english.worksheets[1].title == "Questions"
    assert not has_arabic_letters(str(english.worksheets[0]["A3"].value))
