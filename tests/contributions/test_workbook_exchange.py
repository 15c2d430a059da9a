"""Department workbooks out to the contributors and back in, through the service (issue 18).

A workbook is exported for a contributor's assigned questions, filled the way a department fills it
(openpyxl here, LibreOffice Calc once), previewed and imported: each contributor's answers kept as theirs,
the answer on record taken only where offered, every change in the history, and importing again changes nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.contributions.workbook_import import DISAGREES, EMPTY, NEW, REFUSED, SAME, UPDATED
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.i18n import using_language
from resilience_app.core.services import ResilienceService
from tests.contributions.workbooks import filled, needs_soffice, through_libreoffice


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    details = AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil")
    return service.assessments.create_assessment(details).id


def _questions(service: ResilienceService, count: int) -> list[str]:
    return [question.id for question in service.framework().questions()][:count]


def _contributor(service: ResilienceService, assessment_id: int, name: str, language: str, question_ids: list[str]) -> ContributorRecord:
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft(name, "Water Authority", language))
    service.contributions.assign(contributor.id, question_ids)
    return contributor


def _rows(data: bytes) -> dict[str, int]:
    """Each question id of the workbook with its row on the questions sheet."""
    sheet = load_workbook(io.BytesIO(data)).worksheets[1]
    return {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}


def _exported(service: ResilienceService, contributor: ContributorRecord, tmp_path: Path) -> bytes:
    path = tmp_path / f"workbook-{contributor.id}.xlsx"
    service.contributions.export_workbook(contributor.id, path)
    return path.read_bytes()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_filled_workbook_comes_back_as_the_contributors_answers(service: ResilienceService, assessment_id: int, tmp_path: Path, language: str) -> None:
    first, second, third = _questions(service, 3)
    contributor = _contributor(service, assessment_id, "Rania Haddad", language, [first, second, third])
    data = _exported(service, contributor, tmp_path)
    rows = _rows(data)
    assert list(rows) == [first, second, third]
    level = "4" if language == "en" else "٤"
    returned = filled(data, {rows[first]: {"level": level, "confidence": "High" if language == "en" else "عالية", "justification": "=SUM(A1)", "evidence": "Annual report 2025"}})
    [status] = service.contributions.statuses(assessment_id)
    assert status.last_sent is not None and not status.returned

    with using_language(language):
        preview = service.contributions.preview_workbook(assessment_id, returned)
    outcomes = {row.question_id: row.outcome for row in preview.rows}
    assert outcomes == {first: NEW, second: EMPTY, third: EMPTY}
    assert preview.offered == (first,)
    assert service.contributions.contributions(assessment_id) == {}, "a preview stores nothing"

    imported = service.contributions.import_workbook(preview)
    assert (imported.stored, imported.taken_on_record) == (1, 1)
    [contribution] = service.contributions.contributions(assessment_id)[first]
    assert contribution.answer.level == 4 and contribution.answer.confidence == "high"
    assert contribution.answer.justification == "=SUM(A1)", "a formula-looking justification is kept as text"
    on_record = service.assessments.answers(assessment_id)[first].answer
    assert on_record.level == 4
    [evidence] = service.assessments.evidence(assessment_id)[first]
    assert evidence.reference == "Annual report 2025"
    fields = [change.field for change in service.assessments.answer_history(assessment_id, first)]
    assert "contribution" in fields and "level" in fields
    [status] = service.contributions.statuses(assessment_id)
    assert status.returned and status.answered == 1

    backups = len(service.backups.list())
    again = service.contributions.preview_workbook(assessment_id, returned)
    assert {row.outcome for row in again.rows} == {SAME, EMPTY}
    assert service.contributions.import_workbook(again).stored == 0
    assert len(service.backups.list()) == backups, "importing the same workbook again changes nothing"
    assert len(service.assessments.answer_history(assessment_id, first)) == len(fields)


def test_a_second_contributor_who_answers_differently_is_a_disagreement_not_an_overwrite(
    service: ResilienceService, assessment_id: int, tmp_path: Path
) -> None:
    [question] = _questions(service, 1)
    water = _contributor(service, assessment_id, "Rania Haddad", "en", [question])
    planning = _contributor(service, assessment_id, "Sami Nasser", "ar", [question])
    water_data, planning_data = _exported(service, water, tmp_path), _exported(service, planning, tmp_path)
    first = service.contributions.preview_workbook(assessment_id, filled(water_data, {2: {"level": "4"}}))
    assert [(row.outcome, row.offer_on_record) for row in first.rows] == [(NEW, False)], "asked of two on purpose: not taken before both reply"
    service.contributions.import_workbook(first)
    service.assessments.save_answer(assessment_id, question, AnswerDraft(status="level", level=4))

    preview = service.contributions.preview_workbook(assessment_id, filled(planning_data, {2: {"level": "٢"}}))
    [row] = preview.rows
    assert row.outcome == DISAGREES and not row.offer_on_record
    service.contributions.import_workbook(preview)
    assert service.assessments.answers(assessment_id)[question].answer.level == 4, "the answer on record stays"
    assert {record.answer.level for record in service.contributions.contributions(assessment_id)[question]} == {4, 2}
    [disagreement] = service.contributions.disagreements(assessment_id)
    assert disagreement.question_id == question and disagreement.spread == 2

    changed = service.contributions.preview_workbook(assessment_id, filled(planning_data, {2: {"level": "3"}}))
    assert [row.outcome for row in changed.rows] == [DISAGREES]
    service.contributions.import_workbook(changed)
    assert {record.answer.level for record in service.contributions.contributions(assessment_id)[question]} == {4, 3}
    lines = [change for change in service.assessments.answer_history(assessment_id, question) if change.field == "contribution"]
    assert [(line.old_value, line.new_value) for line in lines][-1] == ("2", "3")
    assert "Sami Nasser" in lines[-1].changed_by


def test_a_value_alone_gives_its_level_and_a_bad_cell_is_refused_where_it_is(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    numeric = next(question for question in service.framework().questions() if question.numeric is not None and question.numeric.maximum is not None)
    plain = next(question.id for question in service.framework().questions() if question.numeric is None)
    contributor = _contributor(service, assessment_id, "Rania Haddad", "en", [plain, numeric.id])
    data = _exported(service, contributor, tmp_path)
    rows = _rows(data)
    assert numeric.numeric is not None and numeric.numeric.maximum is not None
    too_big = numeric.numeric.maximum + 1
    preview = service.contributions.preview_workbook(
        assessment_id, filled(data, {rows[numeric.id]: {"value": too_big}, rows[plain]: {"justification": "We think so"}})
    )
    outcomes = {row.question_id: row for row in preview.rows}
    assert outcomes[numeric.id].outcome == REFUSED and outcomes[numeric.id].problem.startswith(f"\u2068Questions!{LETTERS['value']}{rows[numeric.id]}")
    assert outcomes[plain].outcome == NEW and outcomes[plain].answer is not None, "words without a level are kept"
    assert (outcomes[plain].answer.status, outcomes[plain].answer.justification) == ("dont_know", "We think so")

    threshold = numeric.numeric.thresholds[1]
    preview = service.contributions.preview_workbook(assessment_id, filled(data, {rows[numeric.id]: {"value": threshold}}))
    row = next(row for row in preview.rows if row.question_id == numeric.id)
    assert row.outcome == NEW and row.answer is not None and row.answer.level == numeric.numeric.level_for(threshold)
    assert not row.warning

    other_level = 5 if numeric.numeric.level_for(threshold) != 5 else 1
    preview = service.contributions.preview_workbook(assessment_id, filled(data, {rows[numeric.id]: {"value": threshold, "level": str(other_level)}}))
    row = next(row for row in preview.rows if row.question_id == numeric.id)
    assert row.outcome == NEW and row.answer is not None and row.answer.level == other_level, "the level chosen is kept"
    assert f"gives level {numeric.numeric.level_for(threshold)}" in row.warning, "but the contradiction is pointed out"


def test_a_workbook_of_another_assessment_or_unknown_to_this_one_is_refused_with_nothing_stored(
    service: ResilienceService, assessment_id: int, tmp_path: Path
) -> None:
    [question] = _questions(service, 1)
    contributor = _contributor(service, assessment_id, "Rania Haddad", "en", [question])
    data = filled(_exported(service, contributor, tmp_path), {2: {"level": "3"}})
    other = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id
    with pytest.raises(UserFacingError) as refused:
        service.contributions.preview_workbook(other, data)
    assert refused.value.code == ErrorCode.WORKBOOK_OTHER_ASSESSMENT and "Zarqa" in str(refused.value)
    with pytest.raises(UserFacingError) as refused:
        service.contributions.preview_workbook(assessment_id, b"question,level\nq-1,3\n")
    assert refused.value.code == ErrorCode.WORKBOOK_REFUSED and refused.value.hint
    service.contributions.remove_contributor(contributor.id)
    with pytest.raises(UserFacingError) as refused:
        service.contributions.preview_workbook(assessment_id, data)
    assert refused.value.code == ErrorCode.WORKBOOK_NOT_SENT
    assert service.contributions.contributions(assessment_id) == {} and service.assessments.answers(assessment_id) == {}


def test_an_answer_given_since_the_preview_is_not_overwritten(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    [question] = _questions(service, 1)
    contributor = _contributor(service, assessment_id, "Rania Haddad", "en", [question])
    preview = service.contributions.preview_workbook(assessment_id, filled(_exported(service, contributor, tmp_path), {2: {"level": "2"}}))
    assert preview.offered == (question,)
    service.assessments.save_answer(assessment_id, question, AnswerDraft(status="level", level=5))
    imported = service.contributions.import_workbook(preview)
    assert imported.taken_on_record == 0
    assert service.assessments.answers(assessment_id)[question].answer.level == 5


def test_only_the_offers_the_cro_ticks_are_taken_on_record(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    first, second = _questions(service, 2)
    contributor = _contributor(service, assessment_id, "Rania Haddad", "en", [first, second])
    data = _exported(service, contributor, tmp_path)
    preview = service.contributions.preview_workbook(assessment_id, filled(data, {2: {"level": "2"}, 3: {"level": "Not applicable"}}))
    assert set(preview.offered) == {first, second}
    service.contributions.import_workbook(preview, on_record=[second])
    assert set(service.assessments.answers(assessment_id)) == {second}
    assert set(service.contributions.contributions(assessment_id)) == {first, second}


def test_a_workbook_needs_assigned_questions_and_a_folder_that_exists(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft("Rania Haddad"))
    with pytest.raises(InvalidInputError):
        service.contributions.export_workbook(contributor.id, tmp_path / "w.xlsx")
    service.contributions.assign(contributor.id, _questions(service, 1))
    with pytest.raises(UserFacingError) as refused:
        service.contributions.export_workbook(contributor.id, tmp_path / "missing" / "w.xlsx")
    assert refused.value.code == ErrorCode.WORKBOOK_EXPORT_FAILED
    assert service.contributions.statuses(assessment_id)[0].last_sent is None, "a workbook not written is not recorded as sent"


@needs_soffice
def test_a_workbook_saved_again_by_libreoffice_imports_as_the_same_answers(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    first, second = _questions(service, 2)
    contributor = _contributor(service, assessment_id, "سامي ناصر", "ar", [first, second])
    data = filled(_exported(service, contributor, tmp_path), {2: {"level": "٣", "justification": "حسب تقرير ٢٠٢٥"}, 3: {"level": "لا أعرف"}})
    direct = service.contributions.preview_workbook(assessment_id, data)
    through_calc = service.contributions.preview_workbook(assessment_id, through_libreoffice(data, tmp_path))
    assert [(row.question_id, row.outcome, row.answer) for row in through_calc.rows] == [(row.question_id, row.outcome, row.answer) for row in direct.rows]
    assert [row.outcome for row in direct.rows] == [NEW, NEW]
    assert UPDATED not in {row.outcome for row in direct.rows}
