"""The quality of each answer's data in the department workbooks (issue 21): the kind of source, the year the data
describe and their scale go out filled in from the answer on record, in the contributor's language, and come back
with the contribution; taking it carries them to the answer on record, where a cell left empty changes nothing.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.answer_rules import latest_data_year
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.contributions.workbook import WorkbookRequest, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_import import DISAGREES, NEW, SAME
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet_text import text_from_cell
from tests.contributions.workbooks import filled, needs_soffice, request, through_libreoffice, written_in_format
from tests.property.support import has_arabic_letters

OTHER = {"en": "ar", "ar": "en"}


def cell_text(cell: object) -> str:
    """A text cell as the department sees it (a leading apostrophe or escape undone), "" when empty."""
    value = getattr(cell, "value", None)
    return text_from_cell(value) if isinstance(value, str) else ""


def _with_record(language: str) -> WorkbookRequest:
    """The test workbook with the first question's data quality on record filled in."""
    made = request(language)
    first = dataclasses.replace(made.questions[0], source_kind="measured", data_year=2022, data_scale="country")
    return dataclasses.replace(made, questions=[first, *made.questions[1:]])


def _ids(made: WorkbookRequest) -> list[str]:
    return [question.question_id for question in made.questions]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_three_columns_go_out_in_the_language_filled_in_from_the_record(language: str) -> None:
    book = load_workbook(io.BytesIO(write_workbook(_with_record(language))))
    questions = book.worksheets[1]
    headers = [cell_text(questions[f"{LETTERS[key]}1"]) for key in ("source_kind", "data_year", "data_scale")]
    kind, year, scale = (questions[f"{LETTERS[key]}2"] for key in ("source_kind", "data_year", "data_scale"))
    assert cell_text(kind) == translate_in(language, "Measured data") and cell_text(scale) == translate_in(language, "Country level")
    assert year.value == 2022 and year.number_format == "0", "a year, never 2,022"
    assert all(questions[f"{LETTERS[key]}3"].value is None for key in ("source_kind", "data_year", "data_scale")), "nothing on record"
    assert all(not questions[f"{LETTERS[key]}2"].protection.locked for key in ("source_kind", "data_year", "data_scale"))
    if language == "ar":
        assert all(map(has_arabic_letters, headers + [cell_text(kind), cell_text(scale)]))
        assert questions.sheet_view.rightToLeft
    else:
        assert headers == ["Source of the data", "Year of the data", "Scale of the data"]
    [whole] = [validation for validation in questions.data_validations.dataValidation if validation.type == "whole"]
    assert str(whole.sqref) == f"{LETTERS['data_year']}2:{LETTERS['data_year']}9"
    assert (whole.formula1, whole.formula2, whole.errorStyle) == ("1950", str(latest_data_year()), "warning")
    cover = "\n".join(cell_text(cell) for row in book.worksheets[0].iter_rows() for cell in row if cell.value)
    assert all(header in cover for header in headers), "the instructions say what the three columns are for"
    assert translate_in(language, "Governorate or region level") in cover


@pytest.mark.parametrize("language", ["en", "ar"])
def test_what_a_department_types_in_the_three_columns_reads_back(language: str) -> None:
    other = OTHER[language]
    made = _with_record(language)
    typed = filled(write_workbook(made), {
        2: {"level": "3"},  # the record's data quality left as filled in
        3: {"level": "4", "source_kind": translate_in(other, "An estimate"), "data_year": "٢٠١٩", "data_scale": "CITY"},  # other language, Arabic digits, a code
        4: {"level": "2", "source_kind": "expert_judgement", "data_year": 2024.0, "data_scale": translate_in(other, "Governorate or region level")},
        5: {"level": "1", "source_kind": translate_in(language, "A perception"), "data_year": "۲۰۲۳"},  # Persian digits
    })
    reading = read_workbook(typed, known_question_ids=_ids(made))
    assert reading.problems == ()
    found = {answer.cell_row: (answer.level, answer.source_kind, answer.data_year, answer.data_scale) for answer in reading.answers}
    assert found[2] == (3, "measured", 2022, "country")
    assert found[3] == (4, "estimate", 2019, "city")
    assert found[4] == (2, "expert_judgement", 2024, "governorate_region")
    assert found[5] == (1, "perception", 2023, None)
    assert found[6] == (None, None, None, None)
    assert all(answer.unread == () for answer in reading.answers)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_value_that_cannot_be_read_is_refused_with_its_cell_and_the_rest_of_the_row_is_read(language: str) -> None:
    made = request(language)
    typed = filled(write_workbook(made), {
        2: {"level": "3", "source_kind": "sometimes", "data_year": "20x2", "data_scale": "the planet"},
        3: {"level": "4", "data_year": 1850},
        4: {"level": "banana", "data_year": 3000},  # a row refused for its level still names its other bad cells
    })
    with using_language(language):
        reading = read_workbook(typed, known_question_ids=_ids(made))
    by_row = {answer.cell_row: answer for answer in reading.answers}
    sheet = reading.questions_sheet
    first = by_row[2]
    assert (first.level, first.source_kind, first.data_year, first.data_scale) == (3, None, None, None)
    assert [problem.cell for problem in first.unread] == [f"{sheet}!{LETTERS[key]}2" for key in ("source_kind", "data_year", "data_scale")]
    assert [problem.cell for problem in by_row[3].unread] == [f"{sheet}!{LETTERS['data_year']}3"] and by_row[3].level == 4
    assert 4 not in by_row
    assert [problem.cell for problem in reading.problems] == [f"{sheet}!{LETTERS[key]}4" for key in ("level", "data_year")]
    messages = [problem.message.replace("\u2068", "").replace("\u2069", "") for problem in [*first.unread, *by_row[3].unread]]
    if language == "ar":
        assert all(map(has_arabic_letters, messages))
    else:
        assert messages[0].startswith("“sometimes” is not a kind of source. Choose measured data")
        assert messages[1].startswith("“20x2” is not a year. Enter the year the data describe, from 1950 to")
        assert messages[2].startswith("“the planet” is not a scale. Choose city, governorate or region")
        assert messages[3].startswith("Enter the year the data describe, from 1950 to")


def test_a_workbook_of_the_first_format_reads_without_the_data_quality() -> None:
    """A workbook sent before the three columns existed (format 1) still comes back: whatever lies beyond its columns is not read."""
    made = request("en")
    typed = {2: {"level": "3", "source_kind": "sometimes", "data_year": "soon"}}  # where format 2 has them, beyond format 1's columns
    older = filled(written_in_format(1, made), typed, version=2)
    reading = read_workbook(older, known_question_ids=_ids(made))
    assert reading.problems == ()
    answer = reading.answers[0]
    assert (answer.level, answer.source_kind, answer.data_year, answer.unread) == (3, None, None, ())


# --- Through the service -------------------------------------------------------------------------------------


MEASURED_2022_CITY = {"source_kind": "measured", "data_year": 2022, "data_scale": "city"}


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    details = AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil")
    return service.assessments.create_assessment(details).id


def _contributor(service: ResilienceService, assessment_id: int, language: str, question_ids: list[str], name: str = "Rania Haddad") -> ContributorRecord:
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft(name, "Water Authority", language))
    service.contributions.assign(contributor.id, question_ids)
    return contributor


def _exported(service: ResilienceService, contributor: ContributorRecord, tmp_path: Path) -> bytes:
    path = tmp_path / f"workbook-{contributor.id}.xlsx"
    service.contributions.export_workbook(contributor.id, path)
    return path.read_bytes()


def _data_quality(answer: AnswerDraft) -> tuple[object, object, object]:
    return answer.source_kind, answer.data_year, answer.data_scale


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_imported_workbook_sets_the_data_quality_on_record_and_keeps_what_it_leaves_empty(
    service: ResilienceService, assessment_id: int, tmp_path: Path, language: str
) -> None:
    first, second = [question.id for question in service.framework().questions()][:2]
    # The CRO noted the source and the year before anyone answered (no level yet), and nothing for the second question.
    service.assessments.save_answer(assessment_id, first, AnswerDraft(status="", source_kind="measured", data_year=2019))
    contributor = _contributor(service, assessment_id, language, [first, second])
    data = _exported(service, contributor, tmp_path)
    sheet = load_workbook(io.BytesIO(data)).worksheets[1]
    assert cell_text(sheet[f"{LETTERS['source_kind']}2"]) == translate_in(language, "Measured data")
    assert sheet[f"{LETTERS['data_year']}2"].value == 2019 and sheet[f"{LETTERS['data_scale']}2"].value is None

    returned = filled(data, {
        2: {"level": "4", "source_kind": None, "data_year": "٢٠٢٣", "data_scale": translate_in(language, "City level")},  # kind emptied
        3: {"level": "2", "source_kind": translate_in(OTHER[language], "An estimate")},
    })
    with using_language(language):
        preview = service.contributions.preview_workbook(assessment_id, returned)
    rows = {row.question_id: row for row in preview.rows}
    assert (rows[first].outcome, rows[second].outcome) == (NEW, NEW)
    assert preview.offered == (first, second)
    assert dict(rows[first].data_quality_changes) == {"data_year": (2019, 2023), "data_scale": (None, "city")}
    assert dict(rows[second].data_quality_changes) == {"source_kind": (None, "estimate")}
    assert rows[first].warning and (language == "en") != has_arabic_letters(rows[first].warning)
    if language == "en":
        assert rows[first].warning.replace("\u2068", "").replace("\u2069", "") == (
            "If taken on record, it changes the quality of the data: Year of the data: 2019 → 2023; Scale of the data: — → City level"
        )

    imported = service.contributions.import_workbook(preview)
    assert (imported.stored, imported.taken_on_record) == (2, 2)
    contributions = service.contributions.contributions(assessment_id)
    assert _data_quality(contributions[first][0].answer) == (None, 2023, "city"), "the contribution keeps what the workbook said"
    on_record = service.assessments.answers(assessment_id)
    assert on_record[first].answer.level == 4
    assert _data_quality(on_record[first].answer) == ("measured", 2023, "city"), "the emptied kind of source is kept"
    assert _data_quality(on_record[second].answer) == ("estimate", None, None)
    history = {(change.field, change.old_value, change.new_value) for change in service.assessments.answer_history(assessment_id, first)}
    assert {("data_year", "2019", "2023"), ("data_scale", None, "city")} <= history
    assert not any(field == "source_kind" for field, _old, _new in history if _old == "measured")

    again = service.contributions.preview_workbook(assessment_id, returned)
    assert {row.outcome for row in again.rows} == {SAME} and again.nothing_new
    assert service.contributions.import_workbook(again).stored == 0
    assert service.assessments.answers(assessment_id) == on_record, "importing the same workbook again changes nothing"


def test_taking_a_contribution_keeps_the_data_quality_it_leaves_empty(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    """The bug this fixes: taking a contribution on record wiped the kind of source, year and scale already on record."""
    first = next(iter(service.framework().questions())).id
    service.assessments.save_answer(assessment_id, first, AnswerDraft(status="level", level=2, **MEASURED_2022_CITY))  # type: ignore[arg-type]
    contributor = _contributor(service, assessment_id, "en", [first])
    data = _exported(service, contributor, tmp_path)
    returned = filled(data, {2: {"level": "4", "source_kind": None, "data_year": None, "data_scale": None}})  # all three emptied
    preview = service.contributions.preview_workbook(assessment_id, returned)
    [row] = preview.rows
    assert row.outcome == DISAGREES and not row.offer_on_record and not row.data_quality_changes and not row.warning
    service.contributions.import_workbook(preview)
    assert _data_quality(service.assessments.answers(assessment_id)[first].answer) == ("measured", 2022, "city"), "a disagreement waits"

    before = len(service.assessments.answer_history(assessment_id, first))
    taken = service.contributions.take_contribution(assessment_id, contributor.id, first)
    assert taken.answer.level == 4
    assert _data_quality(taken.answer) == ("measured", 2022, "city")
    fields = {change.field for change in service.assessments.answer_history(assessment_id, first)[before:]}
    assert "level" in fields and not {"source_kind", "data_year", "data_scale"} & fields, "nothing of the data quality wiped"


def test_taking_a_contribution_sets_the_data_quality_it_states(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    first = next(iter(service.framework().questions())).id
    service.assessments.save_answer(assessment_id, first, AnswerDraft(status="level", level=2, **MEASURED_2022_CITY))  # type: ignore[arg-type]
    contributor = _contributor(service, assessment_id, "ar", [first])
    returned = filled(_exported(service, contributor, tmp_path), {2: {"level": "٤", "data_year": "٢٠٢٤", "data_scale": translate_in("ar", "Country level")}})
    with using_language("ar"):
        preview = service.contributions.preview_workbook(assessment_id, returned)
    [row] = preview.rows
    assert dict(row.data_quality_changes) == {"data_year": (2022, 2024), "data_scale": ("city", "country")}
    service.contributions.import_workbook(preview)
    taken = service.contributions.take_contribution(assessment_id, contributor.id, first)
    assert (taken.answer.level, *_data_quality(taken.answer)) == (4, "measured", 2024, "country")
    history = [(change.field, change.old_value, change.new_value) for change in service.assessments.answer_history(assessment_id, first)]
    assert ("data_year", "2022", "2024") in history and ("data_scale", "city", "country") in history


@needs_soffice
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_three_columns_come_back_the_same_through_libreoffice(language: str, tmp_path: Path) -> None:
    made = _with_record(language)
    typed = filled(write_workbook(made), {
        3: {"level": "4", "source_kind": translate_in(language, "An estimate"), "data_year": "٢٠١٩" if language == "ar" else 2019,
            "data_scale": translate_in(language, "City level")},
    })
    direct = read_workbook(typed, known_question_ids=_ids(made))
    saved = read_workbook(through_libreoffice(typed, tmp_path), known_question_ids=_ids(made))
    assert saved.problems == () and saved.answers == direct.answers
    found = {answer.cell_row: (answer.source_kind, answer.data_year, answer.data_scale) for answer in saved.answers}
    assert found[2] == ("measured", 2022, "country") and found[3] == ("estimate", 2019, "city")
