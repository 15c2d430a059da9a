"""Cells that cannot be read: each one located and explained, its row giving no answer, the other rows read."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from resilience_app.core.contributions.workbook import CellProblem, WorkbookReading, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_cells import Vocabulary, read_confidence, read_level, read_number
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.i18n import translate_in, using_language
from tests.contributions.workbooks import Raw, filled, level_names, request
from tests.property.support import has_arabic_letters

MADE = request("en")
KNOWN = [question.question_id for question in MADE.questions]
WORKBOOK = write_workbook(MADE)
QUANTITATIVE_ROW = next(row for row, question in enumerate(MADE.questions, start=2) if question.unit)
VOCABULARY = Vocabulary.of([*level_names("en").items(), *level_names("ar").items()])


def read(answers: dict[int, dict[str, object]], data: bytes = WORKBOOK) -> WorkbookReading:
    return read_workbook(filled(data, answers), known_question_ids=KNOWN)


def rows_answered(reading: WorkbookReading) -> list[int]:
    return [answer.cell_row for answer in reading.answers]


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("level", "7", "“\u20687\u2069” is not a level"),
        ("level", 7, "is not a level"),
        ("level", 2.5, "is not a level"),
        ("level", True, "is not a level"),
        ("level", "3.5", "is not a level"),
        ("level", "3 · Good", "is not a level"),  # a number and another level's name
        ("level", "#N/A", "is not a level"),
        ("confidence", "very", "is not a confidence"),
        ("confidence", 3, "is not a confidence"),
        ("justification", "x" * 20_001, "Keep this under 20,000 characters."),
        # a lone surrogate reaches a cell written escaped, as Excel writes the characters XML cannot hold
        ("justification", Raw("broken _xD800_ half"), "is broken"),
        ("evidence", "e" * 1001, "Keep this under 1,000 characters."),
        ("answered_by", "a" * 201, "Keep this under 200 characters."),
        ("value", "a lot", "is not a number"),  # a question that takes no number, here
    ],
)
def test_a_cell_that_cannot_be_read_is_located_and_its_row_gives_no_answer(key: str, value: object, words: str) -> None:
    reading = read({3: {key: value}})
    assert len(reading.problems) == 1
    problem = reading.problems[0]
    assert problem.cell == f"Questions!{LETTERS[key]}3"
    assert words in problem.message or (key == "value" and problem.message == "This question takes no number.")
    assert 3 not in rows_answered(reading)
    assert rows_answered(reading) == [row for row in range(2, 2 + len(KNOWN)) if row != 3]


@pytest.mark.parametrize(("value", "message"), [("a lot", "“a lot” is not a number."), ("١2", "mixes two kinds of digits"), ("1e9", "is not a number")])
def test_a_value_that_is_not_a_number_is_refused_with_the_app_s_own_message(value: str, message: str) -> None:
    reading = read({QUANTITATIVE_ROW: {"value": value}})
    assert [problem.cell for problem in reading.problems] == [f"Questions!{LETTERS['value']}{QUANTITATIVE_ROW}"]
    assert message in reading.problems[0].message


def test_every_problem_of_a_row_is_reported() -> None:
    reading = read({2: {"level": "nine", "confidence": "sure", "value": "ten"}})
    assert [problem.cell for problem in reading.problems] == [f"Questions!{LETTERS[key]}2" for key in ("level", "value", "confidence")]


def test_rows_that_were_swapped_are_not_read() -> None:
    """Answers stay with the question the department saw: a row whose id is not the one written there is not read."""
    reading = read({2: {"question_id": KNOWN[1], "level": "3"}, 3: {"question_id": KNOWN[0], "level": "4"}})
    assert [problem.cell for problem in reading.problems] == ["Questions!A2", "Questions!A3"]
    assert KNOWN[0] in reading.problems[0].message and KNOWN[1] in reading.problems[0].message
    assert 2 not in rows_answered(reading) and 3 not in rows_answered(reading)


def test_an_emptied_id_cell_is_not_read() -> None:
    reading = read({4: {"question_id": None, "level": "3"}})
    assert reading.problems == (CellProblem("Questions!A4", reading.problems[0].message),)
    assert "its question id is gone" in reading.problems[0].message


def test_a_row_added_below_the_questions_is_reported_not_read() -> None:
    below = 2 + len(KNOWN) + 3
    reading = read({below: {"level": "3", "justification": "an extra answer"}})
    assert [problem.cell for problem in reading.problems] == [f"Questions!A{below}"]
    assert "not one of the workbook's questions" in reading.problems[0].message
    assert len(reading.answers) == len(KNOWN)


def test_a_deleted_row_is_reported_at_every_row_that_moved() -> None:
    book = load_workbook(io.BytesIO(WORKBOOK))
    book.worksheets[1].delete_rows(4)
    output = io.BytesIO()
    book.save(output)
    reading = read_workbook(output.getvalue(), known_question_ids=KNOWN)
    assert [problem.cell for problem in reading.problems] == [f"Questions!A{row}" for row in range(4, 2 + len(KNOWN))]
    assert rows_answered(reading) == [2, 3]


def test_problems_read_in_arabic_in_an_arabic_window_located_on_the_arabic_sheet() -> None:
    made = request("ar")
    data = filled(write_workbook(made), {2: {"level": "٧"}})
    with using_language("ar"):
        reading = read_workbook(data, known_question_ids=[question.question_id for question in made.questions])
    assert [problem.cell for problem in reading.problems] == [f"{translate_in('ar', 'Questions')}!{LETTERS['level']}2"]
    assert has_arabic_letters(reading.problems[0].message) and "٧" in reading.problems[0].message


# --- one cell at a time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ("", None)),
        ("  ", ("", None)),
        ("\u200f", ("", None)),
        (3, ("level", 3)),
        (3.0, ("level", 3)),
        ("3", ("level", 3)),
        ("٣", ("level", 3)),
        ("۳", ("level", 3)),
        (" 3.0 ", ("level", 3)),
        ("3 · Partly in place", ("level", 3)),
        ("3 – Partly in place", ("level", 3)),
        ("3. partly in place", ("level", 3)),
        ("٣ – قائم جزئياً", ("level", 3)),
        ("قائم جزئيا", ("level", 3)),  # without the tanween, as often typed
        ("PARTLY  IN PLACE", ("level", 3)),
        ("Good", ("level", 4)),
        ("جيد", ("level", 4)),
        ("Not applicable", ("not_applicable", None)),
        ("not applicable", ("not_applicable", None)),
        ("N/A", ("not_applicable", None)),
        ("لا ينطبق", ("not_applicable", None)),
        ("Don't know", ("dont_know", None)),
        ("لا أعرف", ("dont_know", None)),
        ("لا اعرف", ("dont_know", None)),
        ("?", ("dont_know", None)),
        ("؟", ("dont_know", None)),
    ],
)
def test_a_level_is_read_in_either_language_and_any_digits(value: object, expected: tuple[str, int | None]) -> None:
    assert read_level(value, VOCABULARY) == expected


@pytest.mark.parametrize(("value", "expected"), [("High", "high"), ("عالية", "high"), (" medium ", "medium"), ("منخفضة", "low"), (None, None), ("", None)])
def test_a_confidence_is_read_in_either_language(value: object, expected: str | None) -> None:
    assert read_confidence(value, VOCABULARY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3.5", "3.5"), ("٣٫٥", "3.5"), ("۳.۵", "3.5"), ("1,250", "1250"), ("١٬٢٥٠", "1250"), (12.25, "12.25"), (40.0, "40"), (7, "7"),
     (1e21, "1000000000000000000000"), (0.1, "0.1"), ("  ", None), (None, None)],
)
def test_a_number_is_read_in_any_digits_as_plain_ascii(value: object, expected: str | None) -> None:
    assert read_number(value) == expected
