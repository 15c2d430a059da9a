"""The profile rules, checked by hand on small cases, edge cases included."""

from __future__ import annotations

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.scoring import AnswerValue, build_profile, summarise


def level(value: int, confidence: str = "high") -> AnswerValue:
    return AnswerValue("level", value, confidence)  # type: ignore[arg-type]


def test_nothing_answered() -> None:
    summary = summarise(["a", "b", "c"], {})
    assert (summary.answered, summary.level, summary.coverage, summary.spread) == (0, None, 0.0, None)
    assert summary.progress == 0.0 and summary.low_confidence_share is None


def test_all_not_applicable_has_no_level_and_no_coverage() -> None:
    summary = summarise(["a", "b"], {"a": AnswerValue("not_applicable"), "b": AnswerValue("not_applicable")})
    assert summary.progress == 1.0
    assert summary.level is None and summary.coverage is None


def test_one_answer() -> None:
    summary = summarise(["a", "b", "c", "d"], {"b": level(4, "low")})
    assert summary.level == 4 and summary.spread == 0
    assert summary.coverage == 0.25 and summary.low_confidence_share == 1.0


def test_mean_spread_coverage_by_hand() -> None:
    answers = {"a": level(2), "b": level(4, "low"), "c": AnswerValue("dont_know"), "d": AnswerValue("not_applicable"), "e": level(3)}
    summary = summarise(["a", "b", "c", "d", "e", "f"], answers)
    assert summary.answered == 5 and summary.levelled == 3
    assert summary.level == pytest.approx(3.0)
    assert summary.spread == pytest.approx((2 / 3) ** 0.5)  # levels 2, 4, 3
    assert summary.coverage == pytest.approx(3 / 5)  # 6 questions, one not applicable
    assert summary.low_confidence_share == pytest.approx(1 / 3)
    assert (summary.lowest, summary.highest) == (2, 4)


def test_levels_outside_one_to_five_are_refused() -> None:
    with pytest.raises(ValueError):
        AnswerValue("level", 6)
    with pytest.raises(ValueError):
        AnswerValue("level", None)
    with pytest.raises(ValueError):
        AnswerValue("not_applicable", 3)


def test_profile_per_goal_dimension_and_quality_on_the_real_framework() -> None:
    framework = load_content([resources.forms_dir()]).content.frameworks[0]
    goal_1, goal_2 = list(framework.goals())[:2]
    answers = {q.id: level(5) for i in goal_1.indicators for q in i.questions}
    answers |= {q.id: level(1) for i in goal_2.indicators for q in i.questions}
    profile = build_profile(framework, answers)
    assert profile.goals["goal-1"].level == 5 and profile.goals["goal-1"].coverage == 1.0
    assert profile.goals["goal-2"].level == 1
    assert profile.goals["goal-3"].level is None
    health = profile.dimensions["health-wellbeing"]
    assert health.level == pytest.approx(3)  # the mean of its goals' levels, whatever their numbers of questions
    assert profile.ranked_goals() == ["goal-1", "goal-2"]
    assert sum(summary.total for summary in profile.goals.values()) == framework.question_count == profile.overall.total
    robust = profile.qualities["robust"]
    assert robust.total == sum("robust" in q.qualities for q in framework.questions())


def test_each_indicator_weighs_the_same_in_its_goal_however_many_questions_ask_about_it() -> None:
    framework = _framework()
    goal = next(goal for goal in framework.goals() if len({len(i.questions) for i in goal.indicators}) > 1)
    large = max(goal.indicators, key=lambda indicator: len(indicator.questions))
    small = min(goal.indicators, key=lambda indicator: len(indicator.questions))
    answers = {q.id: level(5) for q in large.questions} | {q.id: level(1) for q in small.questions}
    profile = build_profile(framework, answers)
    assert profile.indicators[large.id].level == 5 and profile.indicators[small.id].level == 1
    assert profile.goals[goal.id].level == pytest.approx(3)  # not pulled towards the indicator with more questions
    assert (profile.goals[goal.id].lowest, profile.goals[goal.id].highest) == (1, 5)
    one_each = {large.questions[0].id: level(5), small.questions[0].id: level(1)} | {q.id: level(2) for q in small.questions[1:]}
    small_level = (1 + 2 * (len(small.questions) - 1)) / len(small.questions)
    assert build_profile(framework, one_each).goals[goal.id].level == pytest.approx((5 + small_level) / 2)


def test_a_quality_weighs_each_indicator_the_same() -> None:
    framework = _framework()
    quality = framework.qualities[0].id
    carrying = [indicator for indicator in framework.indicators() if sum(quality in q.qualities for q in indicator.questions) >= 2]
    single = next(indicator for indicator in framework.indicators() if sum(quality in q.qualities for q in indicator.questions) == 1)
    answers = {q.id: level(5) for q in carrying[0].questions if quality in q.qualities}
    answers |= {q.id: level(1) for q in single.questions if quality in q.qualities}
    assert build_profile(framework, answers).qualities[quality].level == pytest.approx(3)


def _framework():  # type: ignore[no-untyped-def]
    return load_content([resources.forms_dir()]).content.frameworks[0]


def _goal_questions(framework, goal_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    goal = next(goal for goal in framework.goals() if goal.id == goal_id)
    return [q.id for i in goal.indicators for q in i.questions]


def test_strongest_and_weakest_goals_never_overlap() -> None:
    framework = _framework()
    levels = {"goal-1": 2, "goal-2": 5, "goal-3": 4, "goal-4": 1, "goal-5": 3}
    answers = {q: level(value) for goal_id, value in levels.items() for q in _goal_questions(framework, goal_id)}
    profile = build_profile(framework, answers)
    assert profile.strongest_goals() == ["goal-2", "goal-3"]
    assert profile.weakest_goals() == ["goal-4", "goal-1"]
    one_goal = build_profile(framework, {q: level(3) for q in _goal_questions(framework, "goal-1")})
    assert one_goal.strongest_goals() == [] and one_goal.weakest_goals() == []
    assert build_profile(framework, {}).strongest_goals() == []


def test_questions_to_revisit_are_low_confidence_or_without_evidence() -> None:
    framework = _framework()
    first, second, third, fourth = _goal_questions(framework, "goal-1")[:4]
    answers = {
        first: AnswerValue("level", 3, "low", has_evidence=True),
        second: AnswerValue("level", 4, "high", has_evidence=False),
        third: AnswerValue("not_applicable"),
        fourth: AnswerValue("level", 2, "high", has_evidence=True),
    }
    profile = build_profile(framework, answers)
    assert profile.low_confidence_questions == (first,)
    assert profile.unevidenced_questions == (second,)
