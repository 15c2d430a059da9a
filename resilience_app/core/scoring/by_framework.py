"""The profile grouped by an external framework's items (UNDRR's essentials, Sendai's targets, SDG 11's targets).

Rules (also in the README, "The profile by framework"):
- an item gathers the indicators a crosswalk maps to it; an indicator mapped to several items counts in each;
- an indicator's *level* is the mean of the levels of its questions; the item's *level* is the mean of its
  indicators' levels (each indicator weighs the same, however many questions it has), with how many of its
  indicators have a level;
- an item flagged `no_level` (an outcome the framework does not measure, such as Sendai's loss targets A to D) lists its
  indicators but has no level;
- the item's *coverage* (shown as "Questions answered") is the share of its indicators' applicable questions (all but "not applicable") that
  have a level;
- every level stays on the framework's scale of 1 to 5 (`SCALE`): it is never converted to another framework's
  scale, such as the UNDRR scorecard's 0 to 5, because the two measure different things.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from resilience_app.core.content.model import Crosswalk, CrosswalkItem, Framework, Indicator
from resilience_app.core.scoring.profile import AnswerValue, GroupSummary, summarise

SCALE = (1, 5)  # the framework's own levels: what every level here is measured on


@dataclass(frozen=True)
class IndicatorResult:
    """One mapped indicator and the summary of its questions' answers."""

    indicator: Indicator
    summary: GroupSummary


@dataclass(frozen=True)
class ItemResult:
    """An external framework's item: the indicators mapped to it, their coverage and their mean level (1-5)."""

    item: CrosswalkItem
    indicators: tuple[IndicatorResult, ...]
    coverage: float | None  # None when no mapped question is applicable (or nothing is mapped)
    level: float | None  # mean of the indicators' levels, on the framework's 1-5 scale; None for a `no_level` item
    levelled_indicators: int

    @property
    def mapped(self) -> int:
        return len(self.indicators)


@dataclass(frozen=True)
class FrameworkProfile:
    """The profile grouped by one crosswalk's items, in the crosswalk's order."""

    crosswalk: Crosswalk
    items: tuple[ItemResult, ...]
    scale: tuple[int, int] = SCALE


def group_by_crosswalk(framework: Framework, crosswalk: Crosswalk, answers: Mapping[str, AnswerValue]) -> FrameworkProfile:
    """The answers' profile grouped by the items of `crosswalk` (indicators the framework lacks are skipped)."""
    indicators = {indicator.id: indicator for indicator in framework.indicators()}
    results = []
    for item in crosswalk.items:
        mapped = [
            IndicatorResult(indicators[indicator_id], summarise((question.id for question in indicators[indicator_id].questions), answers))
            for indicator_id in crosswalk.indicators_of(item.id)
            if indicator_id in indicators
        ]
        levels = [result.summary.level for result in mapped if result.summary.level is not None]
        levelled = sum(result.summary.levelled for result in mapped)
        applicable = sum(result.summary.total - result.summary.not_applicable for result in mapped)
        results.append(
            ItemResult(
                item=item,
                indicators=tuple(mapped),
                coverage=levelled / applicable if applicable else None,
                level=statistics.fmean(levels) if levels and not item.no_level else None,
                levelled_indicators=len(levels),
            )
        )
    return FrameworkProfile(crosswalk, tuple(results))
