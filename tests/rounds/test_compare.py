"""The comparison of two rounds, checked by hand on small frameworks."""

from __future__ import annotations

import pytest

from resilience_app.core.content.model import Dimension, Framework, Goal, Indicator, Quality, Question, Text
from resilience_app.core.rounds.compare import RoundAnswers, compare_rounds
from resilience_app.core.scoring import AnswerValue


def _text(words: str) -> Text:
    return Text({"en": words, "ar": words})


def _question(question_id: str) -> Question:
    return Question(question_id, _text(question_id), _text(""), _text(""), {}, ("robust",))


def framework(goals: dict[str, dict[str, list[str]]], *, version: str = "1") -> Framework:
    """A framework of one dimension: {goal id: {indicator id: [question ids]}}."""
    built = tuple(
        Goal(goal_id, number, _text(goal_id), _text(""), tuple(Indicator(indicator_id, indicator_id, _text(indicator_id), tuple(_question(q) for q in questions))
                                                             for indicator_id, questions in indicators.items()))
        for number, (goal_id, indicators) in enumerate(goals.items(), start=1)
    )
    return Framework("crf", version, _text("CRF"), _text(""), {}, (Quality("robust", _text("Robust"), _text("")),), (Dimension("health", _text("Health"), built),))


def level(value: int, confidence: str = "high") -> AnswerValue:
    return AnswerValue("level", value, confidence)  # type: ignore[arg-type]


TWO_GOALS = framework({"goal-1": {"ind-1": ["q1", "q2"]}, "goal-2": {"ind-2": ["q3", "q4"]}})


def test_both_rounds_equal_change_nothing() -> None:
    answers = {"q1": level(3), "q2": level(4), "q3": level(2, "low"), "q4": level(2)}
    comparison = compare_rounds(RoundAnswers(TWO_GOALS, answers), RoundAnswers(TWO_GOALS, answers))
    assert [(goal.id, goal.change, goal.verdict) for goal in comparison.goals] == [("goal-1", 0.0, "little_change"), ("goal-2", 0.0, "little_change")]
    assert comparison.goals[1].baseline == comparison.goals[1].follow_up
    assert comparison.goals[1].follow_up is not None and comparison.goals[1].follow_up.low_confidence_share == 0.5
    assert comparison.moved_up == comparison.moved_down == ()
    assert comparison.only_in_baseline == comparison.only_in_follow_up == ()


def test_a_level_that_rose_with_the_same_coverage_improved_and_its_questions_moved_up() -> None:
    before = {"q1": level(2), "q2": level(2), "q3": level(4), "q4": level(4)}
    after = {"q1": level(3), "q2": level(4), "q3": level(4), "q4": level(3)}
    comparison = compare_rounds(RoundAnswers(TWO_GOALS, before), RoundAnswers(TWO_GOALS, after))
    goal_1, goal_2 = comparison.goals
    assert goal_1.change == pytest.approx(1.5) and goal_1.verdict == "improved"
    assert goal_2.change == pytest.approx(-0.5) and goal_2.verdict == "declined"
    assert (goal_1.up, goal_1.down, goal_1.same) == (2, 0, 0) and (goal_2.up, goal_2.down, goal_2.same) == (0, 1, 1)
    dimension = comparison.dimensions[0]
    assert dimension.change == pytest.approx(0.5)
    assert dimension.verdict == "mixed"  # its goals moved beyond the band in opposite directions: its mean would hide them
    assert [(move.question_id, move.baseline_level, move.follow_up_level) for move in comparison.moved_up] == [("q1", 2, 3), ("q2", 2, 4)]
    assert [move.question_id for move in comparison.moved_down] == ["q4"]


def test_nothing_in_common_is_not_comparable_even_where_both_rounds_have_a_level() -> None:
    comparison = compare_rounds(RoundAnswers(TWO_GOALS, {"q1": level(2), "q3": level(2)}), RoundAnswers(TWO_GOALS, {"q2": level(5), "q4": level(5)}))
    for group in (*comparison.goals, *comparison.dimensions, *comparison.indicators, *comparison.qualities):
        assert (group.change, group.verdict, group.reason) == (None, "not_comparable", "nothing_in_common")
        assert group.baseline is not None and group.baseline.level == 2
    assert comparison.moved_up == comparison.moved_down == ()


def test_one_side_empty_gives_no_change_and_says_which_side() -> None:
    answers = {"q1": level(3), "q2": level(4), "q3": level(2), "q4": level(2)}
    forward = compare_rounds(RoundAnswers(TWO_GOALS, {}), RoundAnswers(TWO_GOALS, answers))
    assert {(goal.change, goal.reason) for goal in forward.goals} == {(None, "no_level_in_baseline")}
    assert forward.goals[0].follow_up is not None and forward.goals[0].follow_up.level == 3.5
    backward = compare_rounds(RoundAnswers(TWO_GOALS, answers), RoundAnswers(TWO_GOALS, {}))
    assert {(goal.change, goal.reason) for goal in backward.goals} == {(None, "no_level_in_follow_up")}
    neither = compare_rounds(RoundAnswers(TWO_GOALS, {}), RoundAnswers(TWO_GOALS, {"q1": AnswerValue("dont_know")}))
    assert {goal.reason for goal in neither.goals} == {"no_level_in_either"}


def test_a_goal_whose_coverage_fell_is_flagged_not_called_improved() -> None:
    goal = framework({"goal-1": {"ind-1": [f"q{number}" for number in range(10)]}})
    before = {f"q{number}": level(2) for number in range(10)}
    after = {f"q{number}": level(4) for number in range(6)} | {"q6": AnswerValue("dont_know")}  # 60% of the coverage it had
    compared = compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, after)).goals[0]
    assert compared.change == 2.0
    assert compared.verdict == "coverage_fell" and compared.coverage_fell
    assert compared.baseline is not None and compared.follow_up is not None
    assert (compared.baseline.coverage, compared.follow_up.coverage) == (1.0, 0.6)


def test_the_change_is_like_for_like_a_question_answered_in_one_round_only_moves_nothing() -> None:
    goal = framework({"goal-1": {"ind-1": ["q1", "q2", "q3", "q4"]}})
    before = {"q1": level(2), "q2": level(2), "q3": level(2), "q4": level(5)}
    after = {"q1": level(2), "q2": level(2), "q3": level(2), "q4": AnswerValue("dont_know")}
    compared = compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, after)).goals[0]
    assert compared.baseline is not None and compared.baseline.level == pytest.approx(2.75)  # each round's own level, for context
    assert compared.change == 0.0 and compared.levelled_in_both == 3  # yet nothing answered in both moved


def test_too_few_questions_levelled_in_both_rounds_is_not_comparable() -> None:
    goal = framework({"goal-1": {"ind-1": [f"q{number}" for number in range(9)]}})
    before = {f"q{number}": level(3) for number in range(9)}
    after = {"q0": level(1)} | {f"q{number}": AnswerValue("not_applicable") for number in range(1, 9)}
    compared = compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, after)).goals[0]
    assert (compared.change, compared.reason, compared.levelled_in_both, compared.questions) == (None, "too_few_in_common", 1, 9)
    four_of_nine = {f"q{number}": level(4) for number in range(4)}
    assert compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, four_of_nine)).goals[0].reason == "too_few_in_common"  # under half
    five_of_nine = {f"q{number}": level(4) for number in range(5)}
    assert compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, five_of_nine)).goals[0].change == 1.0


def test_a_small_move_is_little_or_no_change_whichever_way() -> None:
    goal = framework({"goal-1": {"ind-1": [f"q{number}" for number in range(5)]}})
    before = {f"q{number}": level(3) for number in range(5)}
    up_a_fifth = before | {"q0": level(4)}
    down_a_fifth = before | {"q0": level(2)}
    up_two_fifths = before | {"q0": level(4), "q1": level(4)}
    quarter = framework({"goal-1": {"ind-1": [f"q{number}" for number in range(4)]}})
    fours = {f"q{number}": level(3) for number in range(4)}
    assert compare_rounds(RoundAnswers(quarter, fours), RoundAnswers(quarter, fours | {"q0": level(4)})).goals[0].verdict == "improved"  # +0.25 reads +0.3
    verdicts = [compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, after)).goals[0].verdict for after in (up_a_fifth, down_a_fifth, up_two_fifths)]
    assert verdicts == ["little_change", "little_change", "improved"]


def test_a_change_resting_on_mostly_low_confidence_answers_is_flagged() -> None:
    goal = framework({"goal-1": {"ind-1": ["q1", "q2", "q3"]}})
    before = {"q1": level(2), "q2": level(2), "q3": level(2)}
    unsure = {"q1": level(4, "low"), "q2": level(4, "low"), "q3": level(4)}
    one_unsure = {"q1": level(4, "low"), "q2": level(4), "q3": level(4)}
    assert compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, unsure)).goals[0].low_confidence
    assert not compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, one_unsure)).goals[0].low_confidence  # a third: not more


def test_coverage_falling_by_no_more_than_the_threshold_is_not_flagged() -> None:
    goal = framework({"goal-1": {"ind-1": [f"q{number}" for number in range(10)]}})
    before = {f"q{number}": level(2) for number in range(10)}
    after = {f"q{number}": level(3) for number in range(9)}  # 100% → 90%: exactly the threshold
    assert compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, after)).goals[0].verdict == "improved"
    fewer = {f"q{number}": level(3) for number in range(8)}  # 100% → 80%
    assert compare_rounds(RoundAnswers(goal, before), RoundAnswers(goal, fewer)).goals[0].verdict == "coverage_fell"


def test_a_question_removed_between_versions_is_listed_and_not_compared() -> None:
    older = framework({"goal-1": {"ind-1": ["q1", "q2"]}, "goal-2": {"ind-2": ["q3"]}}, version="1")
    newer = framework({"goal-1": {"ind-1": ["q1", "q2-new"]}, "goal-3": {"ind-3": ["q5"]}}, version="2")
    before = {"q1": level(2), "q2": level(1), "q3": level(3)}
    after = {"q1": level(3), "q2-new": level(5), "q5": level(4)}
    comparison = compare_rounds(RoundAnswers(older, before), RoundAnswers(newer, after))
    assert comparison.only_in_baseline == ("q2", "q3")
    assert comparison.only_in_follow_up == ("q2-new", "q5")
    assert [move.question_id for move in comparison.moved_up] == ["q1"]  # q2 and q2-new are different questions
    by_goal = {goal.id: goal for goal in comparison.goals}
    assert [goal.id for goal in comparison.goals] == ["goal-1", "goal-3", "goal-2"]  # the follow-up's order, then the baseline's own
    assert (by_goal["goal-1"].levelled_in_both, by_goal["goal-1"].change, by_goal["goal-1"].reason) == (1, None, "too_few_in_common")
    assert (by_goal["goal-2"].follow_up, by_goal["goal-2"].change, by_goal["goal-2"].reason) == (None, None, "not_in_follow_up")
    assert (by_goal["goal-3"].baseline, by_goal["goal-3"].change, by_goal["goal-3"].reason) == (None, None, "not_in_baseline")


def test_not_applicable_and_dont_know_never_move_a_question() -> None:
    before = {"q1": level(2), "q2": AnswerValue("not_applicable"), "q3": level(2)}
    after = {"q1": AnswerValue("dont_know"), "q2": level(5), "q3": level(2)}
    comparison = compare_rounds(RoundAnswers(TWO_GOALS, before), RoundAnswers(TWO_GOALS, after))
    assert comparison.moved_up == comparison.moved_down == ()
    goal_1 = comparison.goals[0]
    assert goal_1.reason == "nothing_in_common" and goal_1.change is None


def test_a_group_whose_answers_are_still_to_review_says_so_rather_than_no_level() -> None:
    answers = {"q1": level(3), "q2": level(4), "q3": level(2), "q4": level(2)}
    carried = compare_rounds(RoundAnswers(TWO_GOALS, answers), RoundAnswers(TWO_GOALS, {"q3": level(3), "q4": level(3)}, frozenset({"q1", "q2"})))
    goal_1, goal_2 = carried.goals
    assert (goal_1.change, goal_1.reason) == (None, "still_to_review")  # its answers carried over, not yet reviewed
    assert goal_2.change == 1.0 and goal_2.reason is None
