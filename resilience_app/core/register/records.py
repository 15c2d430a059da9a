"""Frozen values of the register, the actions inventory, the discovery areas and the next steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RegisterItemDraft:
    """What a user sets on one shock or stress of the register."""

    kind: str = "shock"  # shock | stress (taken from the catalogue for catalogue items)
    hazard_id: str | None = None  # the catalogue entry, or None for the city's own item
    name_en: str = ""  # the city's own item's name (catalogue items take the catalogue's)
    name_ar: str = ""
    # The two ratings, 1..5 each, None until rated; their product is the priority (1..25), so shocks and stresses
    # rank on one scale, each rated by what describes it (labels.RATING_TERMS names them by kind):
    likelihood: int | None = None  # a shock: its likelihood; a stress: its trend rating (1 easing fast .. 5 worsening fast)
    impact: int | None = None  # a shock: its impact; a stress: its severity (how heavily it weighs on the city today)
    # rising | stable | falling | unknown: the ranking's tie-break. A shock's is chosen; a stress's is derived from its
    # trend rating when the item is cleaned (rules.clean_item, ranking.trend_of_rating), never asked twice.
    trend: str = "unknown"
    scenario_probable: str = ""
    scenario_severe: str = ""
    goals: tuple[str, ...] = ()
    systems: str = ""
    groups_affected: str = ""
    confidence: str | None = None  # low | medium | high
    notes: str = ""
    sensitive: bool = False  # the item is kept out of the brief unless included at export


@dataclass(frozen=True)
class RegisterItemRecord:
    id: int
    assessment_id: int
    item: RegisterItemDraft
    override_rank: int | None = None
    override_reason: str = ""

    @property
    def is_rated(self) -> bool:
        return self.item.likelihood is not None and self.item.impact is not None

    @property
    def priority(self) -> int | None:
        likelihood, impact = self.item.likelihood, self.item.impact
        return likelihood * impact if likelihood is not None and impact is not None else None


@dataclass(frozen=True)
class RegisterLinkRecord:
    source_id: int  # triggers or aggravates
    target_id: int


@dataclass(frozen=True)
class ActionDraft:
    """An existing plan, programme or project."""

    title: str
    owner: str = ""
    status: str = "ongoing"  # planned | ongoing | completed | on_hold
    timeframe: str = ""
    budget_source: str = ""
    goals: tuple[str, ...] = ()
    item_ids: tuple[int, ...] = ()
    qualities: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ActionRecord:
    id: int
    assessment_id: int
    action: ActionDraft


@dataclass(frozen=True)
class DiscoveryAreaDraft:
    title: str
    rationale: str = ""
    goals: tuple[str, ...] = ()
    item_ids: tuple[int, ...] = ()
    status: str = "proposed"  # proposed | accepted | rejected
    origin: str = "own"  # app | edited (an app proposal the CRO changed) | own
    reasoning: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the app's reasons, per language
    # What Phase II must work on, as the CRO types it (several lines allowed in each)
    questions: str = ""  # the questions Phase II must answer, one a line
    data_needed: str = ""
    partners: str = ""  # the partners to involve

    @property
    def has_phase_two_work(self) -> bool:
        """The CRO has written what Phase II must work on here (proposing again keeps such an area)."""
        return bool(self.questions or self.data_needed or self.partners)


@dataclass(frozen=True)
class DiscoveryAreaRecord:
    id: int
    assessment_id: int
    area: DiscoveryAreaDraft
    updated_at: dt.datetime | None = None


@dataclass(frozen=True)
class NextStepDraft:
    """One of an assessment's next steps after the Preliminary Resilience Assessment."""

    what: str  # what is to be done
    owner: str = ""  # a person, department or partner, as typed
    due: dt.date | None = None
    status: str = "planned"  # planned | under_way | done
    area_id: int | None = None  # the discovery area it serves, if any


@dataclass(frozen=True)
class NextStepRecord:
    id: int
    assessment_id: int
    step: NextStepDraft
