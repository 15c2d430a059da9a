"""How the register and the actions moved between two rounds: pure rules on small hand-made cases, then the service
on a real follow-up whose register was carried over and updated."""

from __future__ import annotations

from resilience_app.core.register.records import ActionDraft, ActionRecord, RegisterItemDraft, RegisterItemRecord
from resilience_app.core.register.round_change import compare_actions, compare_registers
from resilience_app.core.rounds.records import FollowUpOptions
from resilience_app.core.services import ResilienceService
from tests.rounds.conftest import FOLLOW_UP_DAY


def _item(item_id: int, *, hazard: str | None = None, en: str = "", ar: str = "") -> RegisterItemRecord:
    return RegisterItemRecord(item_id, 1, RegisterItemDraft(hazard_id=hazard, name_en=en, name_ar=ar))


def _action(action_id: int, title: str, status: str) -> ActionRecord:
    return ActionRecord(action_id, 1, ActionDraft(title, status=status))


def test_nothing_in_common_makes_every_later_item_new_and_every_earlier_one_gone() -> None:
    earlier = [_item(1, hazard="flood"), _item(2, en="Market fire")]
    later = [_item(11, hazard="drought"), _item(12, en="Bridge collapse")]
    changed = compare_registers(earlier, later, earlier_ranks={1: 1, 2: 2}, later_ranks={11: 1})
    assert [item.id for item in changed.new] == [11, 12]
    assert [item.id for item in changed.gone] == [1, 2]
    assert changed.reranked == ()


def test_one_side_empty_and_both_empty() -> None:
    only_later = compare_registers([], [_item(11, hazard="flood")], earlier_ranks={}, later_ranks={11: 1})
    assert [item.id for item in only_later.new] == [11] and only_later.gone == () and only_later.has_register
    nothing = compare_registers([], [], earlier_ranks={}, later_ranks={})
    assert not nothing.has_register


def test_a_catalogue_item_matches_by_entry_and_an_own_item_by_either_name_whatever_the_case_and_spacing() -> None:
    earlier = [_item(1, hazard="flood"), _item(2, en="Market  Fire"), _item(3, ar="انهيار جسر")]
    later = [_item(13, en="Bridge collapse", ar="انهيار  جسر"), _item(12, en="market fire"), _item(11, hazard="flood")]
    changed = compare_registers(earlier, later, earlier_ranks={1: 1, 2: 2, 3: 3}, later_ranks={11: 1, 12: 2, 13: 3})
    assert changed.new == () and changed.gone == () and changed.reranked == ()


def test_an_own_item_named_like_a_catalogue_entry_is_not_taken_for_it() -> None:
    changed = compare_registers([_item(1, hazard="flood")], [_item(11, en="flood")], earlier_ranks={}, later_ranks={})
    assert [item.id for item in changed.new] == [11] and [item.id for item in changed.gone] == [1]


def test_items_are_matched_one_to_one() -> None:
    changed = compare_registers([_item(1, en="Heat")], [_item(11, en="Heat"), _item(12, en="heat")], earlier_ranks={}, later_ranks={})
    assert [item.id for item in changed.new] == [12] and changed.gone == ()


def test_rank_changes_list_the_later_rank_first_and_an_item_no_longer_ranked_last() -> None:
    earlier = [_item(1, hazard="flood"), _item(2, hazard="drought"), _item(3, hazard="heatwave"), _item(4, hazard="earthquake")]
    later = [_item(11, hazard="flood"), _item(12, hazard="drought"), _item(13, hazard="heatwave"), _item(14, hazard="earthquake")]
    changed = compare_registers(earlier, later, earlier_ranks={1: 1, 2: 2, 3: 3, 4: 4}, later_ranks={11: 3, 12: 2, 13: 1})
    assert [(move.later.id, move.earlier_rank, move.later_rank) for move in changed.reranked] == [(13, 3, 1), (11, 1, 3), (14, 4, None)]


def test_actions_match_by_title_and_only_a_changed_status_is_listed() -> None:
    earlier = [_action(1, "Non-revenue water programme", "planned"), _action(2, "Early warning SMS", "ongoing"), _action(3, "Gone", "ongoing")]
    later = [_action(11, "early warning sms", "ongoing"), _action(12, "Non-revenue  water programme", "completed"), _action(13, "New", "planned")]
    changes, in_both = compare_actions(earlier, later)
    assert in_both == 2
    assert [(change.earlier.id, change.later.id, change.later.action.status) for change in changes] == [(1, 12, "completed")]


def test_the_service_compares_a_carried_register_after_the_cro_updated_it(service: ResilienceService, baseline: int) -> None:
    follow_up = service.rounds.start_follow_up(baseline, FollowUpOptions(carry_register=True), today=FOLLOW_UP_DAY).record.id
    action = service.register.actions(follow_up)[0]
    service.register.update_action(follow_up, action.id, ActionDraft(action.action.title, status="completed"))
    service.register.add_item(follow_up, RegisterItemDraft(kind="stress", name_en="Influx of displaced families"))
    changed = service.register.round_change(baseline, follow_up)
    assert [service.register.item_name(item, "en") for item in changed.new] == ["Influx of displaced families"]
    assert changed.gone == ()
    assert [(change.earlier.action.status, change.later.action.status) for change in changed.status_changes] == [("ongoing", "completed")]


def test_actions_new_or_no_longer_in_the_inventory_are_listed() -> None:
    earlier = [_action(1, "Storm drains", "planned"), _action(2, "Old market fire plan", "ongoing")]
    later = [_action(11, "storm drains", "completed"), _action(12, "Heat plan", "planned")]
    changed = compare_registers([], [], earlier_ranks={}, later_ranks={}, earlier_actions=earlier, later_actions=later)
    assert [action.id for action in changed.new_actions] == [12] and [action.id for action in changed.gone_actions] == [2]
    assert [change.later.id for change in changed.status_changes] == [11]
