"""Rounds of one series: starting a follow-up, carrying answers and the register over, reviewing them, and what
duplicating or deleting a round does to the series."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from alembic import command

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.records import ActionDraft
from resilience_app.core.rounds.records import FollowUpOptions, RoundDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import HEAD_REVISION, Database, alembic_config
from tests.rounds.conftest import FOLLOW_UP_DAY, IRBID, questions_of


def test_a_follow_up_keeps_the_city_and_links_both_rounds_the_original_becoming_the_baseline(service: ResilienceService, baseline: int) -> None:
    follow_up = service.rounds.start_follow_up(baseline, today=FOLLOW_UP_DAY)
    record = follow_up.record
    assert (record.details.city_name_en, record.details.city_name_ar, record.details.population) == ("Irbid", "إربد", 500_000)  # never "(copy)"
    assert record.details.assessment_date == FOLLOW_UP_DAY
    series = service.rounds.series_of(record.id)
    assert [(found.assessment_id, found.kind, found.date) for found in series] == [(baseline, "baseline", dt.date(2024, 3, 1)), (record.id, "follow_up", FOLLOW_UP_DAY)]
    assert service.rounds.series_of(baseline) == series
    # Nothing is carried over unless asked.
    assert service.assessments.answers(record.id) == {} and service.assessments.evidence(record.id) == {}
    assert service.register.items(record.id) == [] and service.register.actions(record.id) == []
    assert follow_up.carried_answers == 0


def test_a_second_follow_up_joins_the_same_series_and_the_baseline_stays_the_baseline(service: ResilienceService, baseline: int) -> None:
    first = service.rounds.start_follow_up(baseline, FollowUpOptions(kind="mid_term"), today=dt.date(2025, 3, 1)).record
    second = service.rounds.start_follow_up(first.id, today=FOLLOW_UP_DAY).record
    assert [(found.assessment_id, found.kind) for found in service.rounds.series_of(baseline)] == [
        (baseline, "baseline"), (first.id, "mid_term"), (second.id, "follow_up")
    ]


def test_carried_answers_are_marked_to_review_until_saved_again_and_never_count_as_reviewed(service: ResilienceService, baseline: int) -> None:
    follow_up = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_answers=True), changed_by="Lina", today=FOLLOW_UP_DAY)
    new_id = follow_up.record.id
    first, second, third = questions_of(service, 3)
    answers = service.assessments.answers(new_id)
    assert follow_up.carried_answers == 3
    assert {question_id: (stored.answer.level, stored.carried_over) for question_id, stored in answers.items()} == {
        first: (2, True), second: (3, True), third: (4, True)
    }
    assert [evidence.title for evidence in service.assessments.evidence(new_id)[first]] == ["Water authority report 2023"]
    profile = service.assessments.profile(new_id)
    assert (profile.overall.answered, profile.overall.carried_over, profile.overall.reviewed) == (3, 3, 0)
    assert profile.to_review_questions == (first, second, third)

    # Saving the same answer through the normal path confirms it; saving a change does too.
    service.assessments.save_answer(new_id, first, answers[first].answer, changed_by="Lina")
    service.assessments.save_answer(new_id, second, AnswerDraft("level", 4, justification="New pumping station", confidence="medium"))
    profile = service.assessments.profile(new_id)
    assert (profile.overall.answered, profile.overall.reviewed) == (3, 2)
    assert profile.to_review_questions == (third,)
    assert not service.assessments.answers(new_id)[first].carried_over
    history = [(change.field, change.old_value, change.new_value, change.changed_by) for change in service.assessments.answer_history(new_id, first)]
    assert history == [("carried_over", "False", "True", "Lina"), ("carried_over", "True", "False", "Lina")]
    # The baseline's own answers were never marked.
    assert not any(stored.carried_over for stored in service.assessments.answers(baseline).values())


def test_the_register_actions_and_areas_are_carried_over_and_an_actions_status_is_updated_not_retyped(service: ResilienceService, baseline: int) -> None:
    new_id = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_register=True), today=FOLLOW_UP_DAY).record.id
    [item] = service.register.items(new_id)
    [action] = service.register.actions(new_id)
    assert (action.action.title, action.action.status, action.action.item_ids) == ("Non-revenue water programme", "ongoing", (item.id,))
    assert [area.area.title for area in service.register.areas(new_id)] == ["Water security"]
    service.register.update_action(new_id, action.id, ActionDraft(action.action.title, status="completed", item_ids=action.action.item_ids))
    assert service.register.actions(baseline)[0].action.status == "ongoing"  # the baseline keeps what was true then
    assert service.assessments.answers(new_id) == {}


def test_the_round_can_be_set_and_a_bad_kind_is_refused_naming_the_field_changing_nothing(service: ResilienceService, baseline: int) -> None:
    assert service.rounds.round_of(baseline).in_series is False
    with pytest.raises(InvalidInputError) as refused:
        service.rounds.set_round(baseline, RoundDraft("final"))
    assert set(refused.value.field_errors) == {"round_kind"}
    assert service.rounds.round_of(baseline).kind is None
    with pytest.raises(InvalidInputError):
        service.rounds.start_follow_up(baseline, FollowUpOptions(kind="final"))
    assert len(service.assessments.list_assessments()) == 1
    set_round = service.rounds.set_round(baseline, RoundDraft("baseline", dt.date(2024, 1, 15)))
    assert (set_round.kind, set_round.date, set_round.in_series) == ("baseline", dt.date(2024, 1, 15), True)


def test_a_duplicate_belongs_to_no_series_and_keeps_the_marks_of_answers_still_to_review(service: ResilienceService, baseline: int) -> None:
    new_id = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_answers=True), today=FOLLOW_UP_DAY).record.id
    copy = service.assessments.duplicate_assessment(new_id)
    assert copy.details.city_name_en == "Irbid (copy)"
    assert service.rounds.round_of(copy.id).in_series is False
    assert len(service.rounds.series_of(baseline)) == 2
    assert service.assessments.profile(copy.id).overall.reviewed == 0


def test_deleting_the_baseline_leaves_the_follow_up_standing_as_a_follow_up(service: ResilienceService, baseline: int) -> None:
    new_id = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_answers=True, carry_register=True), today=FOLLOW_UP_DAY).record.id
    service.assessments.delete_assessment(baseline)
    [alone] = service.rounds.series_of(new_id)
    assert (alone.assessment_id, alone.kind, alone.date) == (new_id, "follow_up", FOLLOW_UP_DAY)
    assert len(service.assessments.answers(new_id)) == 3 and len(service.register.actions(new_id)) == 1
    with pytest.raises(UserFacingError) as gone:
        service.rounds.compare(baseline, new_id)
    assert gone.value.code == "assessment-not-found"
    # A new assessment made after the deletion never joins the old series.
    fresh = service.assessments.create_assessment(IRBID)
    assert service.rounds.round_of(fresh.id).in_series is False


def test_a_follow_up_of_an_assessment_that_does_not_exist_is_the_plain_message(service: ResilienceService) -> None:
    with pytest.raises(UserFacingError) as gone:
        service.rounds.start_follow_up(404)
    assert gone.value.code == "assessment-not-found"
    assert service.assessments.list_assessments() == []


def test_the_comparison_leaves_out_answers_still_to_review(service: ResilienceService, baseline: int) -> None:
    new_id = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_answers=True), today=FOLLOW_UP_DAY).record.id
    first = questions_of(service, 1)[0]
    untouched = service.rounds.compare(baseline, new_id)
    assert untouched.follow_up.to_review == 3
    goal_id = service.framework().placement(first).goal.id
    goal = next(goal for goal in untouched.comparison.goals if goal.id == goal_id)
    assert (goal.change, goal.reason) == (None, "still_to_review")  # carried over, not yet seen: nothing to compare, and said why
    service.assessments.save_answer(new_id, first, AnswerDraft("level", 5, confidence="high"))
    reviewed = service.rounds.compare(baseline, new_id)
    assert reviewed.follow_up.to_review == 2
    assert [(move.question_id, move.baseline_level, move.follow_up_level) for move in reviewed.comparison.moved_up] == [(first, 2, 5)]


def test_a_database_of_the_previous_version_opens_with_every_assessment_alone_and_no_answer_to_review(app_paths: AppPaths) -> None:
    app_paths.ensure_writable()
    older = Database(app_paths.default_database_url())
    config = alembic_config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0009")
        connection.exec_driver_sql("insert into assessments (id, city_name_en, city_name_ar, country, cro_name, framework_id, framework_version, "
                                   "notes, is_sample) values (1, 'Irbid', '', '', '', 'crf', '1', '', 0)")
        for question_id in ("q-1.1.a", "q-dropped"):  # the second, a question the current framework no longer has
            connection.exec_driver_sql("insert into answers (assessment_id, question_id, status, level, justification, answered_by) "
                                       f"values (1, '{question_id}', 'level', 3, 'kept', '')")
    older.dispose()
    service = ResilienceService.open(app_paths)
    try:
        assert service.rounds.round_of(1).in_series is False
        stored = service.assessments.answers(1)["q-1.1.a"]
        assert (stored.answer.level, stored.answer.justification, stored.carried_over) == (3, "kept", False)
        follow_up = service.rounds.start_follow_up(1, FollowUpOptions(carry_answers=True))  # the assessment has no date: it follows the day it was made, today
        assert service.rounds.round_of(1).kind == "baseline"
        # The follow-up takes the framework's current version; only the questions it still has are carried, by id.
        assert follow_up.record.framework_version == service.framework().version != "1"
        assert follow_up.carried_answers == 1 and set(service.assessments.answers(follow_up.record.id)) == {"q-1.1.a"}
    finally:
        service.close()
    with sqlite3.connect(app_paths.database_file) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (HEAD_REVISION,)
