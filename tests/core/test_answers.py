"""Saving answers: validated, kept with their history, counted in progress and the profile."""

from __future__ import annotations

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


@pytest.fixture
def service(app_paths: AppPaths):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


def first_numeric_question(service: ResilienceService):  # type: ignore[no-untyped-def]
    return next(q for q in service.framework().questions() if q.numeric is not None)


def test_saving_answers_moves_progress_and_profile(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    goal_1 = next(service.framework().goals())
    questions = [q for i in goal_1.indicators for q in i.questions]
    for question in questions:
        service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=4, confidence="high"))
    [summary] = service.assessments.list_assessments()
    assert summary.answered == len(questions)
    assert summary.progress == pytest.approx(len(questions) / service.framework().question_count)
    profile = service.assessments.profile(record.id)
    assert profile.goals["goal-1"].level == 4 and profile.goals["goal-1"].coverage == 1.0
    assert profile.goals["goal-2"].level is None


def test_every_change_is_kept_in_the_history(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = next(service.framework().questions())
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=2, answered_by="Water department"))
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=3, answered_by="Water department", justification="New survey"))
    changes = [(c.field, c.old_value, c.new_value) for c in service.assessments.answer_history(record.id, question.id)]
    assert changes == [
        ("status", None, "level"), ("level", None, "2"), ("answered_by", None, "Water department"),
        ("level", "2", "3"), ("justification", None, "New survey"),
    ]
    assert service.assessments.answer_history(record.id, question.id)[0].changed_by == "Water department"


def test_numeric_answers_accept_arabic_indic_digits_and_refuse_nonsense(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = first_numeric_question(service)
    saved = service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=3, numeric_value="٤٢"))
    assert saved.answer.numeric_value == "42"
    for bad in ("lots", "4٢"):
        with pytest.raises(InvalidInputError) as caught:
            service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=3, numeric_value=bad))
        assert "numeric_value" in caught.value.field_errors
    assert service.assessments.answers(record.id)[question.id].answer.numeric_value == "42"  # nothing changed


@pytest.mark.parametrize(
    "draft", [AnswerDraft(status="level", level=6), AnswerDraft(status="level"), AnswerDraft(status="maybe"), AnswerDraft(status="dont_know", level=2)]
)
def test_invalid_answers_change_nothing(service: ResilienceService, draft: AnswerDraft) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = next(service.framework().questions())
    with pytest.raises(InvalidInputError):
        service.assessments.save_answer(record.id, question.id, draft)
    assert service.assessments.answers(record.id) == {}


def test_duplicate_copies_answers_and_delete_removes_them(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = next(service.framework().questions())
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="not_applicable"))
    copy = service.assessments.duplicate_assessment(record.id)
    assert service.assessments.answers(copy.id)[question.id].answer.status == "not_applicable"
    service.assessments.delete_assessment(record.id)
    with service.database.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text("select count(*) from answers where assessment_id = :id"), {"id": record.id}).scalar() == 0


def test_values_outside_a_question_bounds_name_the_bounds(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = next(q for q in service.framework().questions() if q.numeric and q.numeric.minimum is not None and q.numeric.maximum is not None)
    with pytest.raises(InvalidInputError) as caught:
        service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=3, numeric_value="-1"))
    message = caught.value.field_errors["numeric_value"]
    assert message.startswith("Enter a value between")
    assert service.assessments.answers(record.id) == {}


def test_notes_kept_before_an_answer_do_not_count_as_answered(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    question = next(service.framework().questions())
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="", justification="Ask the water utility"))
    assert service.assessments.answers(record.id)[question.id].answer.justification == "Ask the water utility"
    assert service.assessments.list_assessments()[0].answered == 0
    assert service.assessments.profile(record.id).overall.answered == 0
    with pytest.raises(InvalidInputError):
        service.assessments.save_answer(record.id, question.id, AnswerDraft(status="", level=3))


def test_a_change_with_nobody_named_is_the_cros_in_the_history(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt", cro_name="Hala Khoury"))
    question = next(service.framework().questions())
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="level", level=2))
    service.assessments.clear_answer(record.id, question.id)
    assert {change.changed_by for change in service.assessments.answer_history(record.id, question.id)} == {"Hala Khoury"}
