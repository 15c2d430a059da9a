"""What the room said, computed from what the groups entered.

Rules (the README's "Workshop mode" section says the same):
- a goal's *dots* are the dots every group placed on it; goals are ranked by dots, then by how
  many groups chose them, then in framework order; goals with equal dots and groups share a rank;
- an item's *room priority* is the mean, over the groups that rated it, of each group's
  likelihood × impact (1–25); its *spread* is the highest group priority minus the lowest;
  items are ranked by room priority, then smaller spread (more agreement), then shortlist order;
- *perceptions vs assessment*: the room's priorities are the goals ranked in the top four of the
  dot vote (a third of the twelve goals); the assessment's weaknesses are the four goals with the
  lowest level. Each goal is then in both, one of the two, or neither.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

from resilience_app.core.workshop.records import GroupRating

PERCEPTION_TOP = 4

Verdict = Literal["both", "room_only", "assessment_only", "neither", "not_assessed"]


@dataclass(frozen=True)
class GoalTally:
    goal_id: str
    dots: int
    groups: int  # groups that placed at least one dot on the goal
    share: float  # of all the dots placed (0 when none were)
    rank: int  # 1 = most dots; equal dots and groups share a rank


def tally_dots(votes: Mapping[tuple[int, str], int], goal_ids: Sequence[str]) -> list[GoalTally]:
    """The goals ranked by the dots of every group. `votes` maps (group id, goal id) to dots."""
    dots = dict.fromkeys(goal_ids, 0)
    groups = dict.fromkeys(goal_ids, 0)
    for (_group, goal_id), count in votes.items():
        if goal_id in dots and count > 0:
            dots[goal_id] += count
            groups[goal_id] += 1
    total = sum(dots.values())
    order = sorted(goal_ids, key=lambda goal_id: (-dots[goal_id], -groups[goal_id], goal_ids.index(goal_id)))
    tallies: list[GoalTally] = []
    for position, goal_id in enumerate(order, start=1):
        previous = tallies[-1] if tallies else None
        tied = previous is not None and (previous.dots, previous.groups) == (dots[goal_id], groups[goal_id])
        rank = previous.rank if tied and previous else position
        tallies.append(GoalTally(goal_id, dots[goal_id], groups[goal_id], dots[goal_id] / total if total else 0.0, rank))
    return tallies


def dots_of_group(votes: Mapping[tuple[int, str], int], group_id: int) -> int:
    return sum(count for (group, _goal), count in votes.items() if group == group_id)


@dataclass(frozen=True)
class RoomItem:
    item_id: int
    rank: int
    likelihood: float  # mean over the groups that rated the item
    impact: float
    priority: float  # mean of each group's likelihood × impact
    lowest: int  # the lowest group priority
    highest: int
    groups: int  # groups that rated the item

    @property
    def spread(self) -> int:
        return self.highest - self.lowest


@dataclass(frozen=True)
class RoomRanking:
    ranked: list[RoomItem]
    unrated: list[int]  # shortlisted items no group has fully rated yet


def room_ranking(ratings: Sequence[GroupRating], item_ids: Sequence[int]) -> RoomRanking:
    """The shortlist ranked by the groups' ratings; a rating counts once it has both likelihood and impact."""
    complete: dict[int, list[tuple[int, int]]] = {item_id: [] for item_id in item_ids}  # (likelihood, impact) per group
    for rating in ratings:
        if rating.item_id in complete and rating.likelihood is not None and rating.impact is not None:
            complete[rating.item_id].append((rating.likelihood, rating.impact))
    items = []
    for item_id, given in complete.items():
        if not given:
            continue
        priorities = [likelihood * impact for likelihood, impact in given]
        items.append(
            RoomItem(
                item_id=item_id,
                rank=0,
                likelihood=fmean(likelihood for likelihood, _impact in given),
                impact=fmean(impact for _likelihood, impact in given),
                priority=fmean(priorities),
                lowest=min(priorities),
                highest=max(priorities),
                groups=len(given),
            )
        )
    items.sort(key=lambda item: (-item.priority, item.spread, item_ids.index(item.item_id)))
    ranked = [dataclasses.replace(item, rank=position) for position, item in enumerate(items, start=1)]
    return RoomRanking(ranked, [item_id for item_id, given in complete.items() if not given])


@dataclass(frozen=True)
class GoalPerception:
    goal_id: str
    dots: int
    room_rank: int | None  # None when the goal got no dot
    level: float | None  # the questionnaire's level for the goal, None when not assessed
    verdict: Verdict


def compare_perceptions(tallies: Sequence[GoalTally], levels: Mapping[str, float | None], top: int = PERCEPTION_TOP) -> list[GoalPerception]:
    """Each goal of `levels` (framework order) as the room sees it beside the questionnaire's level.

    With `top` or fewer goals levelled the questionnaire cannot single out its weakest, so none is.
    """
    by_goal = {tally.goal_id: tally for tally in tallies}
    room = {tally.goal_id for tally in tallies if tally.dots and tally.rank <= top}
    levelled = sorted(level for level in levels.values() if level is not None)
    cut = levelled[top - 1] if len(levelled) > top else None
    perceptions = []
    for goal_id, level in levels.items():
        tally = by_goal.get(goal_id)
        dots = tally.dots if tally else 0
        weak = cut is not None and level is not None and level <= cut
        verdict: Verdict
        if level is None:
            verdict = "not_assessed"
        elif goal_id in room:
            verdict = "both" if weak else "room_only"
        else:
            verdict = "assessment_only" if weak else "neither"
        perceptions.append(GoalPerception(goal_id, dots, tally.rank if tally and dots else None, level, verdict))
    return perceptions
