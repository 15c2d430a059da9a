"""Prioritising the register's shocks and stresses.

Rules (groundwork for the register; written in the README when its screens land):
- an item's *priority* is the product of its two ratings (each 1–5, so 1–25): a shock's
  likelihood × impact, a stress's severity × trend rating (stored in the impact and likelihood
  fields, `records.RegisterItemDraft`), so shocks and stresses rank on one scale;
- a stress's trend (the tie-break below) follows its trend rating: 4–5 rising, 3 stable,
  1–2 falling, unknown while it is not rated (`trend_of_rating`);
- *connectedness* counts the other items it is linked to, in either direction
  ("triggers or aggravates"), each neighbour once;
- the ranking sorts by priority, then connectedness, then trend (rising before stable
  before unknown before falling), then the order the items were added;
- a CRO's *override* moves an item to the rank they chose, with the reason kept; the
  other items keep their order around it. Overrides are applied from rank 1 down, so
  each lands where it asked; two items asking for the same rank keep the order given.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import _

Trend = Literal["rising", "stable", "unknown", "falling"]
TRENDS: tuple[Trend, ...] = ("rising", "stable", "unknown", "falling")  # also the tie-break order
ItemId = TypeVar("ItemId", bound=Hashable)  # the register uses row ids; anything hashable and distinct works


def trend_of_rating(rating: int | None) -> Trend:
    """A stress's trend from its trend rating (1 easing fast, 2 easing, 3 stable, 4 worsening, 5 worsening fast)."""
    if rating is None:
        return "unknown"
    return "rising" if rating >= 4 else "stable" if rating == 3 else "falling"


@dataclass(frozen=True)
class RatedItem(Generic[ItemId]):
    item_id: ItemId
    likelihood: int
    impact: int
    trend: Trend = "unknown"

    @property
    def priority(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class Link(Generic[ItemId]):
    """`source` triggers or aggravates `target`."""

    source: ItemId
    target: ItemId


@dataclass(frozen=True)
class RankOverride(Generic[ItemId]):
    item_id: ItemId
    rank: int  # 1 is the highest priority
    reason: str


@dataclass(frozen=True)
class RankedItem(Generic[ItemId]):
    rank: int
    item: RatedItem[ItemId]
    connections: int
    override: RankOverride[ItemId] | None = None


def check_rating(item: RatedItem[ItemId]) -> None:
    problems = {}
    for field in ("likelihood", "impact"):
        if not 1 <= getattr(item, field) <= 5:
            problems[field] = _("Choose a level from 1 to 5.")
    if item.trend not in TRENDS:
        problems["trend"] = _("Choose rising, stable, falling or unknown.")
    if problems:
        raise InvalidInputError(problems)


def check_link(link: Link[ItemId], item_ids: Iterable[ItemId]) -> None:
    known = set(item_ids)
    if link.source == link.target:
        raise InvalidInputError({"target": _("An item cannot trigger or aggravate itself.")})
    if link.source not in known or link.target not in known:
        raise InvalidInputError({"target": _("Both items must be in the register.")})


def connectedness(item_ids: Iterable[ItemId], links: Iterable[Link[ItemId]]) -> dict[ItemId, int]:
    """For each item, how many other items it is linked to, in either direction."""
    neighbours: dict[ItemId, set[ItemId]] = {item_id: set() for item_id in item_ids}
    for link in links:
        if link.source != link.target and link.source in neighbours and link.target in neighbours:
            neighbours[link.source].add(link.target)
            neighbours[link.target].add(link.source)
    return {item_id: len(found) for item_id, found in neighbours.items()}


def most_connected(item_ids: Sequence[ItemId], links: Iterable[Link[ItemId]], count: int = 3) -> list[ItemId]:
    """The most connected items (ties in register order); items with no link are never listed."""
    counts = connectedness(item_ids, links)
    linked = [item_id for item_id in item_ids if counts[item_id]]
    return sorted(linked, key=lambda item_id: -counts[item_id])[:count]


def rank_items(
    items: Sequence[RatedItem[ItemId]], links: Iterable[Link[ItemId]] = (), overrides: Iterable[RankOverride[ItemId]] = ()
) -> list[RankedItem[ItemId]]:
    counts = connectedness((item.item_id for item in items), links)
    order = {item.item_id: position for position, item in enumerate(items)}
    automatic = sorted(
        items, key=lambda item: (-item.priority, -counts[item.item_id], TRENDS.index(item.trend), order[item.item_id])
    )
    by_id = {item.item_id: item for item in items}
    chosen = {override.item_id: override for override in overrides if override.item_id in by_id}
    given = {item_id: position for position, item_id in enumerate(chosen)}
    ranked = [item for item in automatic if item.item_id not in chosen]
    # Same rank asked twice: the one given later is inserted first, so the earlier ends up above it.
    for override in sorted(chosen.values(), key=lambda override: (override.rank, -given[override.item_id])):
        position = min(max(override.rank, 1), len(ranked) + 1) - 1
        ranked.insert(position, by_id[override.item_id])
    return [
        RankedItem(rank=position, item=item, connections=counts[item.item_id], override=chosen.get(item.item_id))
        for position, item in enumerate(ranked, start=1)
    ]
