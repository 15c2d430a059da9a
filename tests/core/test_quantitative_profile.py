"""The quantitative profile's rules, checked by hand on the real framework's figure questions."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.content.model import Framework, Question
from resilience_app.core.scoring.quantitative import build_quantitative


@dataclass(frozen=True)
class Answer:
    status: str
    level: int | None = None
    numeric_value: str | None = None


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_content([resources.forms_dir()]).content.frameworks[0]


def _figure_questions(framework: Framework) -> list[Question]:
    return [question for question in framework.questions() if question.numeric is not None]


def test_nothing_answered_lists_every_figure_question_per_goal_in_framework_order(framework: Framework) -> None:
    profile = build_quantitative(framework, {})
    assert [row.question_id for row in profile.rows] == [question.id for question in _figure_questions(framework)]
    assert profile.total == len(_figure_questions(framework)) >= 45 and profile.answered == 0 and profile.withheld == 0
    goal_order = [goal.id for goal in framework.goals()]
    assert [goal.goal_id for goal in profile.goals] == [goal_id for goal_id in goal_order if goal_id in {g.goal_id for g in profile.goals}]
    assert all(row.level is None and row.value_level is None and not row.has_value for row in profile.rows)
    first = profile.rows[0]
    assert first.number == framework.placement(first.question_id).number


def test_the_value_gives_its_level_by_the_thresholds_and_the_recorded_level_is_kept_beside_it(framework: Framework) -> None:
    question = _figure_questions(framework)[0]
    scale = question.numeric
    assert scale is not None
    lowest, *_, highest = sorted(scale.thresholds)
    best = highest if scale.better == "higher" else lowest  # passes every threshold: level 5
    answers = {question.id: Answer("level", 2, str(best))}
    row = build_quantitative(framework, answers).rows[0]
    assert row.value_level == 5 and row.level == 2 and row.level_differs
    assert row.has_value and str(row.value) == str(best)
    agreeing = build_quantitative(framework, {question.id: Answer("level", 5, str(best))}).rows[0]
    assert not agreeing.level_differs


def test_a_status_without_a_value_and_a_value_without_a_level(framework: Framework) -> None:
    first, second, third = _figure_questions(framework)[:3]
    answers = {first.id: Answer("dont_know"), second.id: Answer("", None, "12"), third.id: Answer("level", 3, "")}
    rows = {row.question_id: row for row in build_quantitative(framework, answers).rows}
    assert rows[first.id].level is None and not rows[first.id].has_value
    assert rows[second.id].has_value and rows[second.id].level is None and rows[second.id].value_level is not None
    assert rows[third.id].level == 3 and not rows[third.id].has_value and rows[third.id].value_level is None


def test_an_unreadable_value_has_no_level_but_is_still_shown(framework: Framework) -> None:
    question = _figure_questions(framework)[0]
    row = build_quantitative(framework, {question.id: Answer("level", 3, "abc")}).rows[0]
    assert row.has_value and row.value is None and row.value_level is None


def test_a_withheld_question_shows_nothing_but_counts_in_the_total(framework: Framework) -> None:
    first, second = _figure_questions(framework)[:2]
    answers = {first.id: Answer("level", 4, "10"), second.id: Answer("level", 3, "5")}
    profile = build_quantitative(framework, answers, withheld={first.id})
    rows = {row.question_id: row for row in profile.rows}
    assert rows[first.id].withheld and rows[first.id].answer is None and not rows[first.id].has_value
    assert profile.total == len(_figure_questions(framework)) and profile.answered == 1 and profile.withheld == 1
    assert sum(goal.answered for goal in profile.goals) == 1
