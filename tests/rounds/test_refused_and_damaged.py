"""What rounds refuse (a round compared with itself or back to front, a follow-up dated before the round it follows
or called a baseline, a year no date field offers), and what they read when another tool has written odd values
into the file: every refusal is a plain message that changes nothing, and an unreadable optional value is read as
not stated instead of making the assessments unreachable."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.rounds.records import FollowUpOptions
from resilience_app.core.services import ResilienceService
from tests.rounds.conftest import FOLLOW_UP_DAY, questions_of


def test_a_round_compared_with_itself_or_back_to_front_is_refused_plainly(service: ResilienceService, baseline: int) -> None:
    follow_up = service.rounds.start_follow_up(baseline, today=FOLLOW_UP_DAY).record.id
    with pytest.raises(UserFacingError) as itself:
        service.rounds.compare(baseline, baseline)
    assert itself.value.code == ErrorCode.COMPARED_WITH_ITSELF
    with pytest.raises(UserFacingError) as reversed_:
        service.rounds.compare(follow_up, baseline)
    assert reversed_.value.code == ErrorCode.COMPARED_IN_REVERSE and "2026" in reversed_.value.message
    assert service.rounds.compare(baseline, follow_up).comparison.goals  # the right way round still works


def test_the_command_line_says_which_comes_first(capsys: pytest.CaptureFixture[str], app_paths: AppPaths, baseline: int, service: ResilienceService) -> None:
    follow_up = service.rounds.start_follow_up(baseline, today=FOLLOW_UP_DAY).record.id
    service.close()
    code = main(["--data-dir", str(app_paths.data_dir), "compare", str(follow_up), str(baseline)])
    _out, err = capsys.readouterr()
    assert code == 2 and f"compare {baseline} {follow_up}" in err and "Traceback" not in err


def test_a_follow_up_dated_before_the_round_it_follows_or_called_a_baseline_makes_nothing(service: ResilienceService, baseline: int) -> None:
    before = len(service.assessments.list_assessments())
    with pytest.raises(InvalidInputError) as too_early:
        service.rounds.start_follow_up(baseline, FollowUpOptions(date=dt.date(2023, 1, 1)))  # the baseline is of March 2024
    assert "round_date" in too_early.value.field_errors
    with pytest.raises(InvalidInputError) as baseline_kind:
        service.rounds.start_follow_up(baseline, FollowUpOptions(kind="baseline"), today=FOLLOW_UP_DAY)
    assert "round_kind" in baseline_kind.value.field_errors
    with pytest.raises(InvalidInputError) as year_one:
        service.rounds.start_follow_up(baseline, FollowUpOptions(date=dt.date(9999, 1, 1)))
    assert "round_date" in year_one.value.field_errors
    assert len(service.assessments.list_assessments()) == before
    assert service.rounds.round_of(baseline).series_key is None  # not even the baseline's round was set


def _tamper(app_paths: AppPaths, statement: str) -> None:
    with sqlite3.connect(app_paths.database_file) as connection:
        connection.execute(statement)


def test_unreadable_dates_and_data_quality_written_by_another_tool_read_as_not_stated(service: ResilienceService, app_paths: AppPaths,
                                                                                       baseline: int) -> None:
    follow_up = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_answers=True), today=FOLLOW_UP_DAY).record.id
    question_id = questions_of(service, 1)[0]
    service.close()
    _tamper(app_paths, f"UPDATE assessments SET round_date = 'garbage', assessment_date = '2024-13-45' WHERE id = {baseline}")
    _tamper(app_paths, f"UPDATE answers SET data_year = 'abc', source_kind = 'bogus', data_scale = 'planet' WHERE assessment_id = {follow_up}")
    reopened = ResilienceService.open(app_paths)
    try:
        assert {summary.id for summary in reopened.assessments.list_assessments()} == {baseline, follow_up}  # every assessment still there
        assert reopened.rounds.round_of(baseline).date is None
        answer = reopened.assessments.answers(follow_up)[question_id].answer
        assert (answer.source_kind, answer.data_year, answer.data_scale) == (None, None, None)
        assert reopened.assessments.data_quality(follow_up).overall.source_stated == 0
        reopened.assessments.save_answer(follow_up, question_id, AnswerDraft("level", 3, source_kind="measured", data_year=2025))  # editable again
        assert reopened.assessments.answers(follow_up)[question_id].answer.source_kind == "measured"
    finally:
        reopened.close()
