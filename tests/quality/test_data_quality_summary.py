"""The data-quality summary: shares of levelled answers resting on measured data, on the country's figures, and on
data older than five years, per goal and overall, worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.scoring import DataQualitySummary, DataQualityValue, summarise_data_quality
from resilience_app.core.scoring.data_quality import is_older
from resilience_app.core.services import ResilienceService

V = DataQualityValue


def test_shares_are_taken_over_levelled_answers_only() -> None:
    answers = {
        "a": V(True, "measured", 2023, "city"),
        "b": V(True, "measured", 2017, "country"),  # 7 years before 2024: older
        "c": V(True, "estimate", 2019, "country"),  # 5 years: not older
        "d": V(True),  # nothing stated: in no share, but counted in the whole
        "e": V(False, "measured", 2000, "country"),  # not applicable or don't know: left out
    }
    summary = summarise_data_quality(["a", "b", "c", "d", "e", "unanswered"], answers, assessment_year=2024)
    assert summary == DataQualitySummary(levelled=4, measured=2, national=2, older=1, source_stated=3, scale_stated=3, year_stated=3)
    assert (summary.measured_share, summary.national_share, summary.older_share) == (0.5, 0.5, 0.25)


def test_a_group_without_a_levelled_answer_has_no_shares_not_zero() -> None:
    summary = summarise_data_quality(["a"], {"a": V(False, "measured")}, assessment_year=2024)
    assert summary.levelled == 0 and (summary.measured_share, summary.national_share, summary.older_share) == (None, None, None)


@pytest.mark.parametrize(("year", "older"), [(2018, True), (2019, False), (2024, False), (2025, False), (None, False)])
def test_older_means_more_than_five_years_before_the_assessments_year(year: int | None, older: bool) -> None:
    assert is_older(year, 2024) is older


def test_the_service_gives_the_summary_per_goal_and_overall_aged_at_the_assessment_date(service: ResilienceService) -> None:
    assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt", assessment_date=dt.date(2024, 5, 1))).id
    goal_1, goal_2 = list(service.framework().goals())[:2]
    [q1, q2] = [q.id for i in goal_1.indicators for q in i.questions][:2]
    q3 = next(q.id for i in goal_2.indicators for q in i.questions)
    service.assessments.save_answer(assessment_id, q1, AnswerDraft("level", 2, source_kind="measured", data_year=2015, data_scale="country"))
    service.assessments.save_answer(assessment_id, q2, AnswerDraft("level", 4, source_kind="perception", data_year=2023, data_scale="city"))
    service.assessments.save_answer(assessment_id, q3, AnswerDraft("dont_know", source_kind="measured"))
    quality = service.assessments.data_quality(assessment_id)
    assert (quality.goals[goal_1.id].levelled, quality.goals[goal_1.id].measured_share) == (2, 0.5)
    assert (quality.goals[goal_1.id].national_share, quality.goals[goal_1.id].older_share) == (0.5, 0.5)
    assert quality.goals[goal_2.id].levelled == 0 and quality.goals[goal_2.id].measured_share is None
    assert (quality.overall.levelled, quality.overall.measured, quality.overall.older) == (2, 1, 1)
