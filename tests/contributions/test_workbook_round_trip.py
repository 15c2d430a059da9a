"""A department workbook written, filled in as a department would, and read back: exactly the answers typed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.core.contributions.workbook import ReturnedAnswer, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.i18n import translate_in
from tests.contributions.workbooks import WORKBOOK_ID, filled, level_names, needs_soffice, request, through_libreoffice

OTHER = {"en": "ar", "ar": "en"}


def typed_answers(language: str) -> dict[int, dict[str, object]]:
    """What a department types, row by row, in a workbook of `language`: levels named in the other language, other
    digit scripts, a justification that looks like a formula, figures for the quantitative questions."""
    other = OTHER[language]
    return {
        2: {
            "level": level_names(other)[3],  # a level's name in the other language
            "confidence": translate_in(other, "High"),
            "justification": "=SUM(A1:A3) households counted in the 2024 census",
            "evidence": "@Census 2024, table 3",
            "answered_by": "Lina Saleh",
        },
        3: {"level": "٤", "confidence": "medium", "justification": "+ the new housing fund"},  # an Arabic-Indic digit
        4: {"level": translate_in(other, "Not applicable"), "justification": "-"},
        5: {"level": "۲", "confidence": translate_in(other, "Low")},  # a Persian digit
        6: {"level": f"5 · {level_names(other)[5]}", "answered_by": None},  # the choice as the other language writes it
        7: {"level": translate_in(other, "Don't know").upper()},
        8: {"level": f"١ – {level_names('ar')[1]}", "value": "١٢٫٥"},  # the Arabic drop-down choice, an Arabic decimal
        9: {"level": 3, "value": 40.0},  # typed as numbers
    }


def expected_answers(language: str) -> list[ReturnedAnswer]:
    prefilled = "Water Authority" if language == "en" else "سلطة المياه"
    made = request(language)
    ids = [question.question_id for question in made.questions]

    def answer(row: int, status: str, level: int | None = None, **values: object) -> ReturnedAnswer:
        fields: dict[str, object] = {"numeric_value": None, "confidence": None, "justification": "", "evidence": "", "answered_by": prefilled}
        fields.update(values)
        return ReturnedAnswer(question_id=ids[row - 2], cell_row=row, status=status, level=level, **fields)  # type: ignore[arg-type]

    return [
        answer(2, "level", 3, confidence="high", justification="=SUM(A1:A3) households counted in the 2024 census",
               evidence="@Census 2024, table 3", answered_by="Lina Saleh"),
        answer(3, "level", 4, confidence="medium", justification="+ the new housing fund"),
        answer(4, "not_applicable", justification="-"),
        answer(5, "level", 2, confidence="low"),
        answer(6, "level", 5, answered_by=""),
        answer(7, "dont_know"),
        answer(8, "level", 1, numeric_value="12.5"),
        answer(9, "level", 3, numeric_value="40"),
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_what_a_department_types_reads_back_exactly(language: str) -> None:
    made = request(language)
    data = filled(write_workbook(made), typed_answers(language))
    reading = read_workbook(data, known_question_ids=[question.question_id for question in made.questions])
    assert reading.problems == ()
    assert list(reading.answers) == expected_answers(language)
    assert (reading.workbook_id, reading.assessment_id, reading.language) == (WORKBOOK_ID, 7, language)
    assert (reading.framework_id, reading.framework_version) == (made.framework_id, made.framework_version)
    assert reading.contributor_name == made.contributor_name
    assert reading.unknown_question_ids == ()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_workbook_sent_back_untouched_reads_as_empty_answers(language: str) -> None:
    made = request(language)
    reading = read_workbook(write_workbook(made), known_question_ids=[question.question_id for question in made.questions])
    assert [(answer.status, answer.level, answer.numeric_value, answer.confidence) for answer in reading.answers] == [("", None, None, None)] * len(
        made.questions
    )
    assert [answer.cell_row for answer in reading.answers] == list(range(2, 2 + len(made.questions)))
    assert {answer.answered_by for answer in reading.answers} == {made.questions[0].answered_by}


def test_a_formula_is_never_calculated_its_saved_value_is_read() -> None:
    """openpyxl saves a formula without a value: nothing is read. A spreadsheet program saves the value it showed."""
    made = request("en")
    book = load_workbook(io.BytesIO(write_workbook(made)))
    book.worksheets[1][f"{LETTERS['justification']}2"] = "=1+2"  # a real formula this time
    book.worksheets[1][f"{LETTERS['level']}2"] = '=CONCATENATE("3", "")'
    output = io.BytesIO()
    book.save(output)
    reading = read_workbook(output.getvalue(), known_question_ids=[question.question_id for question in made.questions])
    assert reading.problems == ()
    assert (reading.answers[0].status, reading.answers[0].justification) == ("", "")


def test_questions_the_caller_does_not_know_are_listed_not_read() -> None:
    made = request("en")
    ids = [question.question_id for question in made.questions]
    data = filled(write_workbook(made), {2: {"level": "nonsense"}, 3: {"level": "2"}})
    reading = read_workbook(data, known_question_ids=ids[1:])
    assert reading.unknown_question_ids == (ids[0],)
    assert reading.problems == ()  # its cells are not read at all
    assert [answer.question_id for answer in reading.answers] == ids[1:]


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_workbook_saved_by_libreoffice_reads_as_the_same(language: str, tmp_path: Path) -> None:
    made = request(language)
    data = filled(write_workbook(made), typed_answers(language))
    saved = through_libreoffice(data, tmp_path)
    known = [question.question_id for question in made.questions]
    assert read_workbook(saved, known_question_ids=known) == read_workbook(data, known_question_ids=known)
    book = load_workbook(io.BytesIO(saved))
    assert [sheet.sheet_state for sheet in book.worksheets] == ["visible", "visible", "hidden"]  # "hidden" survives Calc
    assert all(sheet.protection.sheet for sheet in book.worksheets)
    assert all(bool(sheet.sheet_view.rightToLeft) == (language == "ar") for sheet in book.worksheets)


def test_a_percentage_typed_into_the_value_cell_reads_as_the_number_shown() -> None:
    """Excel and Calc keep "45%" typed into a cell as 0.45 shown as a percentage: the department meant 45."""
    made = request("en")
    row = next(row for row, question in enumerate(made.questions, start=2) if question.unit)
    book = load_workbook(io.BytesIO(write_workbook(made)))
    cell = book.worksheets[1][f"{LETTERS['value']}{row}"]
    cell.value, cell.number_format = 0.45, "0%"
    output = io.BytesIO()
    book.save(output)
    reading = read_workbook(output.getvalue(), known_question_ids=[question.question_id for question in made.questions])
    assert next(answer for answer in reading.answers if answer.cell_row == row).numeric_value == "45"
