"""Contributors, their assignments and answers, and the CRO settling where they disagree (issue 18)."""

from __future__ import annotations

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft
from resilience_app.core.contributions.repository import ContributionRepository
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.services import ResilienceService


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد")).id


def _contribute(service: ResilienceService, contributor_id: int, question_id: str, answer: AnswerDraft) -> None:
    """What an imported workbook stores: the contributor's own answer, beside the answer on record."""
    with service.database.session() as session:
        ContributionRepository(session).save_contribution(contributor_id, question_id, answer, evidence="", workbook_id=None)


def test_a_contributor_needs_a_name_and_is_not_added_twice(service: ResilienceService, assessment_id: int) -> None:
    contributions = service.contributions
    water = contributions.add_contributor(assessment_id, ContributorDraft("  Water Authority  ", "Utilities", "ar"))
    assert water.name == "Water Authority" and water.label() == "Water Authority (Utilities)"
    with pytest.raises(InvalidInputError) as refused:
        contributions.add_contributor(assessment_id, ContributorDraft("water authority", "utilities"))
    assert "name" in refused.value.field_errors
    with pytest.raises(InvalidInputError) as refused:
        contributions.add_contributor(assessment_id, ContributorDraft("", language="fr"))
    assert set(refused.value.field_errors) == {"name", "language"}
    assert [record.name for record in contributions.contributors(assessment_id)] == ["Water Authority"]


def test_goals_indicators_and_questions_assign_their_questions_once(service: ResilienceService, assessment_id: int) -> None:
    framework = service.framework()
    goal = next(iter(framework.goals()))
    indicator = goal.indicators[0]
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft("Health Directorate"))
    assigned = service.contributions.assign(contributor.id, [goal.id, indicator.id, indicator.questions[0].id])
    in_goal = [question.id for indicator in goal.indicators for question in indicator.questions]
    assert assigned == in_goal
    with pytest.raises(InvalidInputError) as refused:
        service.contributions.assign(contributor.id, ["goal-99"])
    assert "goal-99" in refused.value.field_errors["scope"]
    [status] = service.contributions.statuses(assessment_id)
    assert status.assigned == frozenset(in_goal) and status.answered == 0 and status.last_sent is None


def test_contributions_disagree_widest_first_and_the_cro_settles_them(service: ResilienceService, assessment_id: int) -> None:
    first, second, third = (question.id for question in list(service.framework().questions())[:3])
    contributions = service.contributions
    water = contributions.add_contributor(assessment_id, ContributorDraft("Water Authority"))
    health = contributions.add_contributor(assessment_id, ContributorDraft("Health Directorate"))
    _contribute(service, water.id, first, AnswerDraft("level", 2, justification="Pumps fail in summer", confidence="medium"))
    _contribute(service, health.id, first, AnswerDraft("level", 3))
    _contribute(service, water.id, second, AnswerDraft("level", 1))
    _contribute(service, health.id, second, AnswerDraft("not_applicable"))
    _contribute(service, water.id, third, AnswerDraft("level", 4))
    _contribute(service, health.id, third, AnswerDraft("level", 4, justification="Same level, other reasons"))

    assert [(entry.question_id, entry.spread) for entry in contributions.disagreements(assessment_id)] == [(second, 4), (first, 1)]
    taken = contributions.take_contribution(assessment_id, water.id, first)
    assert taken.answer.level == 2 and taken.answer.justification == "Pumps fail in summer"
    assert service.assessments.answer_history(assessment_id, first)[-1].changed_by == "from the workbook of Water Authority"
    assert [entry.question_id for entry in contributions.disagreements(assessment_id)] == [second], "taking one settles the question"
    [settled_first] = [entry for entry in contributions.disagreements(assessment_id, include_settled=True) if entry.question_id == first]
    assert settled_first.settled and {record.answer.level for record in settled_first.contributions} == {2, 3}

    settled = contributions.settle(assessment_id, second, 1, "Agreed at the focal points' meeting")
    assert settled.answer.level == 1 and settled.answer.justification == "Agreed at the focal points' meeting", "no justification yet: the reason"
    agreed_again = contributions.settle(assessment_id, first, 3, "The health directorate's figures cover every district")
    assert agreed_again.answer.justification == "Pumps fail in summer", "the justification on record stays"
    last = service.assessments.answer_history(assessment_id, first)[-1]
    assert (last.field, last.new_value, last.changed_by) == ("consensus", "The health directorate's figures cover every district", "consensus of the contributors")
    assert contributions.disagreements(assessment_id) == []
    with pytest.raises(InvalidInputError):
        contributions.settle(assessment_id, second, 2, "   ")


def test_an_edit_of_the_answer_on_record_settles_nothing_and_a_changed_contribution_reopens(service: ResilienceService, assessment_id: int) -> None:
    question = next(service.framework().questions()).id
    water = service.contributions.add_contributor(assessment_id, ContributorDraft("Water Authority"))
    health = service.contributions.add_contributor(assessment_id, ContributorDraft("Health Directorate"))
    _contribute(service, water.id, question, AnswerDraft("level", 2))
    _contribute(service, health.id, question, AnswerDraft("level", 4))
    service.assessments.save_answer(assessment_id, question, AnswerDraft("level", 3, justification="typo fixed"))
    assert [entry.question_id for entry in service.contributions.disagreements(assessment_id)] == [question]
    service.contributions.settle(assessment_id, question, 3, "Met and agreed")
    assert service.contributions.disagreements(assessment_id) == []
    _contribute(service, health.id, question, AnswerDraft("level", 4, justification="new words, same level"))
    assert service.contributions.disagreements(assessment_id) == [], "new words for the same level reopen nothing"
    _contribute(service, health.id, question, AnswerDraft("level", 5))
    assert [entry.question_id for entry in service.contributions.disagreements(assessment_id)] == [question]


def test_a_removed_contributor_takes_their_answers_but_not_those_on_record(service: ResilienceService, assessment_id: int) -> None:
    question = next(service.framework().questions()).id
    water = service.contributions.add_contributor(assessment_id, ContributorDraft("Water Authority"))
    _contribute(service, water.id, question, AnswerDraft("level", 2))
    service.contributions.take_contribution(assessment_id, water.id, question)
    service.contributions.remove_contributor(water.id)
    assert service.contributions.contributions(assessment_id) == {}
    assert service.assessments.answers(assessment_id)[question].answer.level == 2
    with pytest.raises(UserFacingError) as gone:
        service.contributions.take_contribution(assessment_id, water.id, question)
    assert gone.value.code == "contributor-not-found"


def test_the_contributor_of_another_assessment_cannot_settle_this_one(service: ResilienceService, assessment_id: int) -> None:
    question = next(service.framework().questions()).id
    other = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id
    stranger = service.contributions.add_contributor(other, ContributorDraft("Civil Defence"))
    _contribute(service, stranger.id, question, AnswerDraft("level", 5))
    with pytest.raises(UserFacingError):
        service.contributions.take_contribution(assessment_id, stranger.id, question)
    assert question not in service.assessments.answers(assessment_id)
