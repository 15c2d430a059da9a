"""How the register and the actions inventory moved between two rounds of an assessment. Pure functions.

A shock or stress is the same in both rounds when it is the same catalogue entry, or, for the city's own items,
when they share a name in either language (case and spacing ignored): a follow-up that carried the register over
keeps both, and a CRO who retyped an item finds it matched. An action is the same when its title is. Items are
matched one to one, in the later register's order, so two later items never claim the same earlier one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from resilience_app.core.register.records import ActionRecord, RegisterItemDraft, RegisterItemRecord
from resilience_app.core.search_text import normalise_for_search


@dataclass(frozen=True)
class ItemMove:
    """An item in both registers whose rank differs (None: not ranked in that round, its rating missing)."""

    earlier: RegisterItemRecord
    later: RegisterItemRecord
    earlier_rank: int | None
    later_rank: int | None

    @property
    def rerated(self) -> bool:
        """Its likelihood or impact changed; otherwise its rank moved with the rest of the register (new items, links)."""
        before, after = self.earlier.item, self.later.item
        return (before.likelihood, before.impact) != (after.likelihood, after.impact)


@dataclass(frozen=True)
class StatusChange:
    earlier: ActionRecord
    later: ActionRecord


@dataclass(frozen=True)
class RegisterChange:
    """The later round's register and actions against the earlier round's."""

    earlier_count: int  # items in the earlier register
    later_count: int
    new: tuple[RegisterItemRecord, ...]  # in the later register only
    gone: tuple[RegisterItemRecord, ...]  # in the earlier register only
    reranked: tuple[ItemMove, ...]  # in both, ranked differently; the later rank first, unranked last
    status_changes: tuple[StatusChange, ...]  # actions in both inventories whose status changed, in the later order
    actions_in_both: int
    new_actions: tuple[ActionRecord, ...] = ()  # in the later inventory only
    gone_actions: tuple[ActionRecord, ...] = ()  # in the earlier inventory only
    earlier_ranks: Mapping[int, int] = field(default_factory=dict)  # each ranked item's rank, by item id
    later_ranks: Mapping[int, int] = field(default_factory=dict)

    @property
    def has_register(self) -> bool:
        return bool(self.earlier_count or self.later_count)


def item_keys(draft: RegisterItemDraft) -> frozenset[str]:
    """What identifies an item across rounds: its catalogue entry, else each of its own names."""
    if draft.hazard_id:
        return frozenset({"catalogue:" + draft.hazard_id})
    return frozenset("own:" + _folded(name) for name in (draft.name_en, draft.name_ar) if _folded(name))


def compare_registers(
    earlier: Sequence[RegisterItemRecord],
    later: Sequence[RegisterItemRecord],
    *,
    earlier_ranks: Mapping[int, int],
    later_ranks: Mapping[int, int],
    earlier_actions: Sequence[ActionRecord] = (),
    later_actions: Sequence[ActionRecord] = (),
) -> RegisterChange:
    """The new, gone and re-ranked items (ranks by item id) and the actions whose status changed."""
    unmatched = list(earlier)
    pairs: list[tuple[RegisterItemRecord, RegisterItemRecord]] = []
    new: list[RegisterItemRecord] = []
    for item in later:
        keys = item_keys(item.item)
        match = next((candidate for candidate in unmatched if keys & item_keys(candidate.item)), None)
        if match is None:
            new.append(item)
        else:
            unmatched.remove(match)
            pairs.append((match, item))
    moves = [ItemMove(before, after, earlier_ranks.get(before.id), later_ranks.get(after.id)) for before, after in pairs]
    reranked = sorted((move for move in moves if move.earlier_rank != move.later_rank),
                      key=lambda move: (move.later_rank is None, move.later_rank or 0))
    changes, in_both = compare_actions(earlier_actions, later_actions)
    earlier_titles = {_folded(action.action.title) for action in earlier_actions}
    later_titles = {_folded(action.action.title) for action in later_actions}
    return RegisterChange(
        earlier_count=len(earlier), later_count=len(later), new=tuple(new), gone=tuple(unmatched), reranked=tuple(reranked),
        status_changes=changes, actions_in_both=in_both, earlier_ranks=dict(earlier_ranks), later_ranks=dict(later_ranks),
        new_actions=tuple(action for action in later_actions if _folded(action.action.title) not in earlier_titles),
        gone_actions=tuple(action for action in earlier_actions if _folded(action.action.title) not in later_titles),
    )


def compare_actions(earlier: Sequence[ActionRecord], later: Sequence[ActionRecord]) -> tuple[tuple[StatusChange, ...], int]:
    """The actions of both inventories (matched by title) whose status changed, and how many are in both."""
    by_title: dict[str, ActionRecord] = {}
    for action in earlier:
        by_title.setdefault(_folded(action.action.title), action)
    changes: list[StatusChange] = []
    in_both = 0
    for action in later:
        before = by_title.pop(_folded(action.action.title), None)
        if before is None:
            continue
        in_both += 1
        if before.action.status != action.action.status:
            changes.append(StatusChange(before, action))
    return tuple(changes), in_both


def _folded(text: str) -> str:
    return " ".join(normalise_for_search(text).split())
