"""Prioritising shocks and stresses, checked by hand: priority, tie-breaks, overrides, links."""

from __future__ import annotations

import pytest

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.register import Link, RankOverride, RatedItem, connectedness, most_connected, rank_items
from resilience_app.core.register.ranking import check_link, check_rating

DROUGHT = RatedItem("drought", likelihood=4, impact=5, trend="rising")  # 20
HEAT = RatedItem("heat", likelihood=5, impact=4, trend="stable")  # 20
FLOOD = RatedItem("flood", likelihood=3, impact=5, trend="falling")  # 15
POWER = RatedItem("power-cuts", likelihood=5, impact=3, trend="rising")  # 15
UNREST = RatedItem("unrest", likelihood=2, impact=4, trend="unknown")  # 8
REGISTER = [DROUGHT, HEAT, FLOOD, POWER, UNREST]


def ids(ranked) -> list[str]:  # type: ignore[no-untyped-def]
    return [entry.item.item_id for entry in ranked]


def test_priority_first_then_trend_when_nothing_is_linked() -> None:
    # 20 vs 20: drought is rising, heat stable; 15 vs 15: power cuts rising, flood falling.
    assert ids(rank_items(REGISTER)) == ["drought", "heat", "power-cuts", "flood", "unrest"]
    assert [entry.rank for entry in rank_items(REGISTER)] == [1, 2, 3, 4, 5]


def test_connectedness_breaks_ties_before_trend() -> None:
    links = [Link("heat", "power-cuts"), Link("power-cuts", "heat"), Link("heat", "unrest"), Link("flood", "unrest")]
    assert connectedness([item.item_id for item in REGISTER], links) == {"drought": 0, "heat": 2, "flood": 1, "power-cuts": 1, "unrest": 2}
    # heat (2 links) now beats drought (0); flood and power cuts both have 1: trend decides.
    assert ids(rank_items(REGISTER, links)) == ["heat", "drought", "power-cuts", "flood", "unrest"]
    assert most_connected([item.item_id for item in REGISTER], links, count=2) == ["heat", "unrest"]


def test_overrides_move_items_and_keep_the_reason() -> None:
    overrides = [RankOverride("unrest", 1, "Elections next year"), RankOverride("drought", 4, "Covered by the national plan")]
    ranked = rank_items(REGISTER, overrides=overrides)
    assert ids(ranked) == ["unrest", "heat", "power-cuts", "drought", "flood"]
    assert ranked[0].override is not None and ranked[0].override.reason == "Elections next year"
    assert ranked[1].override is None


def test_two_overrides_to_the_same_rank_keep_the_order_given_and_ranks_are_clamped() -> None:
    ranked = rank_items(REGISTER, overrides=[RankOverride("flood", 2, "a"), RankOverride("unrest", 2, "b"), RankOverride("heat", 99, "c")])
    assert ids(ranked) == ["drought", "flood", "unrest", "power-cuts", "heat"]


def test_bad_ratings_and_links_are_refused_with_a_message() -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_rating(RatedItem("x", likelihood=0, impact=6))
    assert set(caught.value.field_errors) == {"likelihood", "impact"}
    with pytest.raises(InvalidInputError):
        check_link(Link("heat", "heat"), ["heat"])
    with pytest.raises(InvalidInputError):
        check_link(Link("heat", "locusts"), ["heat"])
    assert connectedness(["heat"], [Link("heat", "heat")]) == {"heat": 0}


def test_an_empty_register_ranks_nothing() -> None:
    assert rank_items([]) == [] and most_connected([], []) == []
