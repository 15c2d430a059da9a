"""Candidate discovery areas: the proposals worked out by hand from the rules in discovery.py."""

from __future__ import annotations

from resilience_app.core.register.discovery import GoalStanding, describe, propose_areas

# Six goals: levels, and which items (ranked 1..7) disrupt which goals.
GOALS = [
    GoalStanding("g1", 2.0, 1.0),  # weak
    GoalStanding("g2", 4.2, 1.0),  # strong
    GoalStanding("g3", 2.5, 0.5),  # weak
    GoalStanding("g4", None, None),  # no level yet
    GoalStanding("g5", 1.5, 0.8),  # weakest
    GoalStanding("g6", 2.9, 1.0),  # weak (just below 3)
]
RANKED = [10, 20, 30, 40, 50, 60, 70]  # item ids, rank 1 first; only the first five are high-priority
ITEM_GOALS = {10: ["g1", "g3"], 20: ["g2"], 30: ["g3", "g4"], 40: ["g4"], 50: [], 60: ["g5"], 70: ["g6"]}
ACTIONS = {"g1": 3, "g2": 0, "g3": 1, "g4": 0, "g5": 0, "g6": 1}


def test_goals_meeting_two_or_three_signals_are_proposed_strongest_case_first() -> None:
    proposals = propose_areas(GOALS, RANKED, ITEM_GOALS, ACTIONS)
    # By hand:
    # g1 weak + items 10 (2 signals; 3 actions, not thin)
    # g2 not weak, item 20, no action -> 2 signals
    # g3 weak + items 10, 30 + 1 action (thin) -> 3 signals
    # g4 no level, items 30, 40, no action -> 2 signals
    # g5 weak, item 60 is rank 6 (not high priority), no action -> 2 signals
    # g6 weak, item 70 rank 7, 1 action -> 2 signals
    # Order: g3 (3 signals); then the 2-signal goals by level: g5 1.5, g1 2.0, g6 2.9, g2 4.2, g4 unknown.
    assert [proposal.goal_id for proposal in proposals] == ["g3", "g5", "g1", "g6"]
    first = proposals[0]
    assert (first.weak, first.disrupting_items, first.action_count, first.thin, first.signals) == (True, (10, 30), 1, True, 3)
    assert proposals[1].disrupting_items == ()  # item 60 is ranked sixth: not high-priority


def test_a_goal_with_one_signal_is_never_proposed() -> None:
    goals = [GoalStanding("g1", 2.0, 1.0), GoalStanding("g2", 4.0, 1.0)]
    # g1: weak only (two actions, no item); g2: thin only.
    assert propose_areas(goals, [], {}, {"g1": 2, "g2": 0}) == []


def test_an_empty_assessment_gets_no_proposal() -> None:
    goals = [GoalStanding(f"g{n}", None, None) for n in range(1, 13)]
    assert propose_areas(goals, [], {}, {}) == []  # thin coverage alone is no reason


def test_ties_on_signals_and_level_go_to_the_goal_under_more_pressure_then_framework_order() -> None:
    goals = [GoalStanding("a", 2.0, 1.0), GoalStanding("b", 2.0, 1.0), GoalStanding("c", 2.0, 1.0)]
    item_goals = {1: ["c"], 2: ["b", "c"]}
    proposals = propose_areas(goals, [1, 2], item_goals, {"a": 0, "b": 0, "c": 0})
    assert [proposal.goal_id for proposal in proposals] == ["c", "b", "a"]


def test_at_most_four_areas_are_proposed() -> None:
    goals = [GoalStanding(f"g{n}", 1.0 + n / 10, 1.0) for n in range(8)]
    assert len(propose_areas(goals, [], {}, {})) == 4


def test_the_reasoning_names_the_level_the_items_with_their_ranks_and_the_actions() -> None:
    proposal = propose_areas(GOALS, RANKED, ITEM_GOALS, ACTIONS)[0]
    names = {10: "Water scarcity", 30: "Power cuts"}
    text = describe(proposal, "Public health", names.__getitem__, "en")
    assert text.title == "Water scarcity — Public health"  # the highest-ranked item names the area
    assert text.reasons == (
        "Weak goal: its answers average 2.5 of 5, below the middle of the scale (50% of its questions have a level).",
        "Under pressure: “Water scarcity” and “Power cuts” disrupt it (no. 1 and no. 3 in the ranking of shocks and stresses).",
        "Thin action coverage: only one action in the inventory addresses it.",
    )
    assert text.rationale == "Level 2.5 of 5; disrupted by “Water scarcity” and “Power cuts”; 1 action in the inventory"  # names quoted: one thing each


def test_the_reasoning_says_plainly_when_a_goal_has_no_level_yet() -> None:
    proposal = propose_areas([GoalStanding("g4", None, None)], RANKED, ITEM_GOALS, ACTIONS)[0]
    text = describe(proposal, "Goal four", {30: "Power cuts", 40: "Heat"}.__getitem__, "en")
    assert text.reasons[0] == "Its level is not known yet: no question of this goal has a level."
    assert text.rationale == "Disrupted by “Power cuts” and “Heat”; no action in the inventory"


def test_the_reasoning_is_written_in_the_language_asked_with_its_digits(language: str) -> None:
    proposal = next(p for p in propose_areas(GOALS, RANKED, ITEM_GOALS, ACTIONS) if p.goal_id == "g5")
    text = describe(proposal, "Goal five", str, language)
    assert len(text.reasons) == 3
    if language == "ar":
        assert "١٫٥" in text.reasons[0] and not any(digit in " ".join(text.reasons) for digit in "0123456789")
    else:
        assert text.reasons == (
            "Weak goal: its answers average 1.5 of 5, below the middle of the scale (80% of its questions have a level).",
            "None of the 5 highest-priority shocks and stresses disrupts it.",
            "Thin action coverage: no action in the inventory addresses it.",
        )
