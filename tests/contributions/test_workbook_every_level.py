"""Format 3 of the department workbook: a column for what each of the five levels looks like (format 2 had levels 1, 3
and 5), empty where a question does not describe the level; a workbook of format 1 or 2 still out with a department
reads back as before, each cell located in its own columns.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft
from resilience_app.core.contributions.workbook import WorkbookRequest, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_import import NEW, REFUSED
from resilience_app.core.contributions.workbook_layout import COLUMNS, DATA_SHEET, LETTERS, SCENARIO_LEVELS, layout_for
from resilience_app.core.contributions.workbook_records import WorkbookRefused
from resilience_app.core.i18n import translate_in
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_text, plain
from tests.contributions.workbooks import (
    edited,
    filled,
    level_names,
    needs_soffice,
    request,
    through_libreoffice,
    writing_format,
    written_in_format,
)

# What levels 2 and 4 look like for the first question: the question bank describes them from now on.
BETWEEN = {
    "en": {2: "A draft plan, not yet adopted", 4: "An adopted plan, partly carried out"},
    "ar": {2: "مسودة خطة لم تعتمد بعد", 4: "خطة معتمدة نفذ جزء منها"},  # no vowel marks: pdftotext splits a letter from its mark
}
# The questions sheet's columns as format 2 wrote them, frozen here: workbooks of it are still out with departments. Format 1
# had no data-quality columns (P to R) but has always been read as wide as format 2, without checking or reading them.
SECOND_FORMAT_LETTERS = {
    "question_id": "A", "goal": "B", "indicator": "C", "prompt": "D", "guidance": "E", "scenario_1": "F", "scenario_3": "G",
    "scenario_5": "H", "level": "I", "unit": "J", "value": "K", "confidence": "L", "justification": "M", "evidence": "N",
    "answered_by": "O", "source_kind": "P", "data_year": "Q", "data_scale": "R",
}


def described(language: str) -> WorkbookRequest:
    """The usual request, its first question describing all five levels; the others describe 1, 3 and 5 only (as a
    workbook of content that leaves a level undescribed would)."""
    made = request(language)
    first = made.questions[0]
    first = dataclasses.replace(first, scenarios={**first.scenarios, **BETWEEN[language]})
    others = [dataclasses.replace(q, scenarios={level: q.scenarios[level] for level in (1, 3, 5)}) for q in made.questions[1:]]
    return dataclasses.replace(made, questions=[first, *others])


def ids(made: WorkbookRequest) -> list[str]:
    return [question.question_id for question in made.questions]


def scenario_cells(sheet: Worksheet, row: int) -> list[object]:
    return [sheet[f"{LETTERS[f'scenario_{level}']}{row}"].value for level in SCENARIO_LEVELS]


def test_the_formats_keep_their_columns() -> None:
    assert layout_for(2).letters == layout_for(1).letters == SECOND_FORMAT_LETTERS
    assert set(layout_for(2).checked_columns) - set(layout_for(1).checked_columns) == {"source_kind", "data_year", "data_scale"}
    assert [column.key for column in COLUMNS[5:11]] == ["scenario_1", "scenario_2", "scenario_3", "scenario_4", "scenario_5", "level"]
    assert sum(column.width for column in COLUMNS) <= 275, "printed across A4 landscape at about three fifths of the size"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_level_has_its_column_empty_where_the_question_does_not_describe_it(language: str) -> None:
    made = described(language)
    book = load_workbook(io.BytesIO(write_workbook(made)))
    questions = book.worksheets[1]
    headers = scenario_cells(questions, 1)
    names = level_names(language)
    assert all(isinstance(header, str) and names[level] in header for level, header in zip(SCENARIO_LEVELS, headers, strict=True))
    first, second = made.questions[0].scenarios, made.questions[1].scenarios
    assert scenario_cells(questions, 2) == [first[level] for level in SCENARIO_LEVELS]
    assert scenario_cells(questions, 3) == [second[1], None, second[3], None, second[5]]
    assert questions.sheet_view.rightToLeft is (language == "ar")
    records = {row[1]: row[2] for row in book[DATA_SHEET].iter_rows(max_col=4, values_only=True) if row[0] in ("format", "column")}
    assert records["resilience-app/department-workbook"] == "3"
    assert records["scenario_2"] == "G" and records["level"] == "K" and records["data_scale"] == "T"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_third_format_workbook_reads_back_its_answers(language: str) -> None:
    made = described(language)
    typed = filled(write_workbook(made), {2: {"level": "2", "confidence": "high", "data_year": 2021}, 3: {"level": "٤"}})
    reading = read_workbook(typed, known_question_ids=ids(made))
    assert reading.problems == () and reading.format_version == 3
    answers = {answer.cell_row: answer for answer in reading.answers}
    assert (answers[2].level, answers[2].confidence, answers[2].data_year, answers[3].level) == (2, "high", 2021, 4)


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_libreoffice_keeps_and_prints_the_five_columns(language: str, tmp_path: Path) -> None:
    made = described(language)
    typed = filled(write_workbook(made), {2: {"level": "4", "justification": "Adopted in 2024"}})
    saved = through_libreoffice(typed, tmp_path)
    questions = load_workbook(io.BytesIO(saved)).worksheets[1]
    assert scenario_cells(questions, 2) == [made.questions[0].scenarios[level] for level in SCENARIO_LEVELS]
    assert read_workbook(saved, known_question_ids=ids(made)).answers == read_workbook(typed, known_question_ids=ids(made)).answers
    through_libreoffice(typed, tmp_path, to="pdf")
    words = set(plain(page_text(tmp_path / "out" / "workbook.pdf")).split())  # a description wraps in its narrow column
    for description in BETWEEN[language].values():
        assert set(plain(description).split()) <= words, description


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_second_format_workbook_still_reads_back_its_answers(language: str) -> None:
    made = described(language)
    older = written_in_format(2, made)
    questions = load_workbook(io.BytesIO(older)).worksheets[1]
    assert [questions[f"{letter}2"].value for letter in "FGH"] == [made.questions[0].scenarios[level] for level in (1, 3, 5)]
    typed = filled(older, {
        2: {"level": "4", "confidence": "medium", "justification": "Adopted in 2024", "data_year": 2022},
        3: {"level": "seven"},
    }, version=2)
    reading = read_workbook(typed, known_question_ids=ids(made))
    assert reading.format_version == 2
    [answer] = [answer for answer in reading.answers if answer.cell_row == 2]
    assert (answer.level, answer.confidence, answer.justification, answer.data_year) == (4, "medium", "Adopted in 2024", 2022)
    assert [problem.cell for problem in reading.problems] == [f"{translate_in(language, 'Questions')}!I3"], "located in its own columns"


def test_a_first_format_workbook_still_reads_back_its_answers() -> None:
    made = described("en")
    typed = filled(written_in_format(1, made), {2: {"level": "3", "evidence": "Plan 2023"}}, version=1)
    reading = read_workbook(typed, known_question_ids=ids(made))
    assert reading.problems == () and reading.format_version == 1
    assert (reading.answers[0].level, reading.answers[0].evidence, reading.answers[0].source_kind) == (3, "Plan 2023", None)


@pytest.mark.parametrize(("written", "said"), [(3, "2"), (2, "3")])
def test_a_workbook_whose_version_was_changed_is_refused(written: int, said: str) -> None:
    """Its columns are not where its version puts them: read as that version, answers would come from the wrong cells."""
    made = request("en")
    changed = edited(lambda book: book[DATA_SHEET].cell(1, 3, said), written_in_format(written, made))
    with pytest.raises(WorkbookRefused) as refusal:
        read_workbook(changed, known_question_ids=ids(made))
    assert refusal.value.reason == "data-changed"


def test_an_import_of_a_second_format_workbook_locates_a_refused_cell_in_its_columns(service: ResilienceService, tmp_path: Path) -> None:
    assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar")).id
    numeric = next(question for question in service.framework().questions() if question.numeric is not None and question.numeric.maximum is not None)
    assert numeric.numeric is not None and numeric.numeric.maximum is not None
    plain_question = next(question.id for question in service.framework().questions() if question.numeric is None)
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft("Rania Haddad", "Water Authority", "en"))
    service.contributions.assign(contributor.id, [plain_question, numeric.id])
    path = tmp_path / "workbook.xlsx"
    with writing_format(2):
        service.contributions.export_workbook(contributor.id, path)
    rows = {row[0].value: row[0].row for row in load_workbook(path).worksheets[1].iter_rows(min_row=2) if row[0].value}
    typed = filled(path.read_bytes(), {rows[numeric.id]: {"value": numeric.numeric.maximum + 1}, rows[plain_question]: {"level": "2"}}, version=2)
    outcomes = {row.question_id: row for row in service.contributions.preview_workbook(assessment_id, typed).rows}
    taken = outcomes[plain_question].answer
    assert outcomes[plain_question].outcome == NEW and taken is not None and taken.level == 2
    assert outcomes[numeric.id].outcome == REFUSED
    assert outcomes[numeric.id].problem.startswith(f"\u2068Questions!K{rows[numeric.id]}\u2069"), outcomes[numeric.id].problem
