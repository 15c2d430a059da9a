"""Proposing candidate discovery areas: where weak goals, high-priority shocks and stresses and
thin action coverage meet.

Rules (also in the README):
- a goal is *weak* when its level (the mean of its answers' levels) is below 3, the middle
  of the scale; a goal with no level yet is not called weak;
- the *high-priority* shocks and stresses are the first five of the register's ranking
  (CRO overrides included); an item *disrupts* the goals recorded on it, except that a
  catalogue entry whose nature is *vulnerability* (a capacity shortfall such as informal
  settlements) is no pressure on the goals whose indicators already measure it (its
  `mirrors`): there it is the weakness the goal's level shows, not a second signal;
- a goal's action coverage is *thin* when fewer than two actions address it; actions on
  hold do not count;
- each goal meeting at least two of these three signals is a candidate; candidates are
  ordered by signals met, then by level (lowest first, unknown last), then by the number
  of high-priority items disrupting them, then in framework order; the first four are
  proposed, one area per goal, with the high-priority items that disrupt it.
Fewer than three proposals means the data do not point to more; the CRO adds their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from resilience_app.core.content.model import Hazard
from resilience_app.core.formatting import format_list, format_number, format_percent
from resilience_app.core.i18n import N_, ngettext_in, translate_in
from resilience_app.core.register.labels import name_list

WEAK_BELOW = 3.0
HIGH_PRIORITY_COUNT = 5
THIN_BELOW = 2
MAX_PROPOSALS = 4
MIN_SIGNALS = 2


@dataclass(frozen=True)
class GoalStanding:
    """What the profile says of one goal."""

    goal_id: str
    level: float | None
    coverage: float | None


@dataclass(frozen=True)
class Proposal:
    goal_id: str
    standing: GoalStanding
    weak: bool
    disrupting_items: tuple[int, ...]  # high-priority items disrupting the goal, in rank order
    item_ranks: Mapping[int, int]
    action_count: int

    @property
    def thin(self) -> bool:
        return self.action_count < THIN_BELOW

    @property
    def signals(self) -> int:
        return self.weak + bool(self.disrupting_items) + self.thin


def pressure_goals(goals: Sequence[str], hazard: Hazard | None) -> tuple[str, ...]:
    """The goals among an item's `goals` it counts as pressure on: all of them, unless its catalogue
    entry (`hazard`, None for the city's own item) is a vulnerability, which leaves out the goals it mirrors."""
    return hazard.pressure_goals(tuple(goals)) if hazard is not None and hazard.nature == "vulnerability" else tuple(goals)


def propose_areas(
    goals: Sequence[GoalStanding],
    ranked_item_ids: Sequence[int],
    item_goals: Mapping[int, Sequence[str]],
    action_counts: Mapping[str, int],
) -> list[Proposal]:
    """Up to four proposals, strongest case first. `ranked_item_ids` are the rated items in rank order."""
    top = list(ranked_item_ids[:HIGH_PRIORITY_COUNT])
    ranks = {item_id: position for position, item_id in enumerate(top, start=1)}
    candidates = []
    for standing in goals:
        proposal = Proposal(
            goal_id=standing.goal_id,
            standing=standing,
            weak=standing.level is not None and standing.level < WEAK_BELOW,
            disrupting_items=tuple(item_id for item_id in top if standing.goal_id in item_goals.get(item_id, ())),
            item_ranks=ranks,
            action_count=action_counts.get(standing.goal_id, 0),
        )
        if proposal.signals >= MIN_SIGNALS:
            candidates.append(proposal)
    order = {standing.goal_id: position for position, standing in enumerate(goals)}
    candidates.sort(
        key=lambda proposal: (
            -proposal.signals,
            proposal.standing.level if proposal.standing.level is not None else 6.0,
            -len(proposal.disrupting_items),
            order[proposal.goal_id],
        )
    )
    return candidates[:MAX_PROPOSALS]


# -- the proposal in words ---------------------------------------------------------------------

TITLE_WITH_ITEMS = N_("{items} — {goal}")
WEAK_REASON = N_("Weak goal: its answers average {level} of {top}, below the middle of the scale ({coverage} of its questions have a level).")
RANK_TEXT = N_("no. {rank}")
NOT_WEAK_REASON = N_("Its answers average {level} of {top}, not below the middle of the scale.")
NO_LEVEL_REASON = N_("Its level is not known yet: no question of this goal has a level.")
NO_PRESSURE_REASON = N_("None of the {count} highest-priority shocks and stresses disrupts it.")
WEAK_PART = N_("level {level} of {top}")
PRESSURE_PART = N_("disrupted by {items}")
RATIONALE_JOINER = N_("; ")


def _action_reason(count: int, language: str) -> str:
    if count == 0:
        return translate_in(language, N_("Thin action coverage: no action in the inventory addresses it."))
    if count == 1:
        return translate_in(language, N_("Thin action coverage: only one action in the inventory addresses it."))
    return ngettext_in(
        language, "Action coverage: {count} action in the inventory addresses it.", "Action coverage: {count} actions in the inventory address it.", count
    ).format(count=format_number(count, language=language))


def _action_part(count: int, language: str) -> str:
    if count == 0:
        return translate_in(language, N_("no action in the inventory"))
    return ngettext_in(language, "{count} action in the inventory", "{count} actions in the inventory", count).format(
        count=format_number(count, language=language)
    )


@dataclass(frozen=True)
class ProposalText:
    title: str
    rationale: str
    reasons: tuple[str, ...]


def describe(proposal: Proposal, goal_name: str, item_name: Callable[[int], str], language: str) -> ProposalText:
    """The proposal's title, one-line rationale and reasons, in `language`."""
    standing = proposal.standing
    level = format_number(standing.level, language=language, decimals=1) if standing.level is not None else ""
    names = [item_name(item_id) for item_id in proposal.disrupting_items]
    top = format_number(5, language=language)
    reasons = []
    parts = []
    if proposal.weak:
        coverage = format_percent(standing.coverage or 0.0, language=language)
        reasons.append(translate_in(language, WEAK_REASON).format(level=level, top=top, coverage=coverage))
        parts.append(translate_in(language, WEAK_PART).format(level=level, top=top))
    elif standing.level is not None:
        reasons.append(translate_in(language, NOT_WEAK_REASON).format(level=level, top=top))
    else:
        reasons.append(translate_in(language, NO_LEVEL_REASON))
    if names:
        ranks = [
            translate_in(language, RANK_TEXT).format(rank=format_number(proposal.item_ranks[item_id], language=language))
            for item_id in proposal.disrupting_items
        ]
        pressure = ngettext_in(
            language,
            "Under pressure: {items} disrupts it ({ranks} in the ranking of shocks and stresses).",
            "Under pressure: {items} disrupt it ({ranks} in the ranking of shocks and stresses).",
            len(names),
        )
        reasons.append(pressure.format(items=name_list(names, language), ranks=format_list(ranks, language=language)))
        parts.append(translate_in(language, PRESSURE_PART).format(items=name_list(names, language)))
    else:
        reasons.append(translate_in(language, NO_PRESSURE_REASON).format(count=format_number(HIGH_PRIORITY_COUNT, language=language)))
    reasons.append(_action_reason(proposal.action_count, language))
    if proposal.thin:
        parts.append(_action_part(proposal.action_count, language))
    title = (
        translate_in(language, TITLE_WITH_ITEMS).format(items=names[0], goal=goal_name)
        if names
        else goal_name
    )
    rationale = translate_in(language, RATIONALE_JOINER).join(parts)
    return ProposalText(title=title, rationale=rationale[:1].upper() + rationale[1:], reasons=tuple(reasons))
