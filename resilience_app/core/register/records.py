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
    likelihood: int | None = None  # 1..5, None until rated
    impact: int | None = None
    trend: str = "unknown"  # rising | stable | falling | unknown
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
