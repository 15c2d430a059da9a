"""Frozen values of the rounds feature: an assessment's place in its series, and what a follow-up takes along."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilience_app.core.assessment.records import AssessmentRecord
from resilience_app.core.rounds.compare import RoundComparison


@dataclass(frozen=True)
class RoundRecord:
    """Where an assessment stands in its series: none (`series_key` None) for an assessment on its own."""

    assessment_id: int
    series_key: str | None
    kind: str | None  # baseline | mid_term | follow_up (rules.ROUND_KINDS)
    date: dt.date | None

    @property
    def in_series(self) -> bool:
        return self.series_key is not None


@dataclass(frozen=True)
class RoundDraft:
    """What a user sets on a round: its kind and its date."""

    kind: str
    date: dt.date | None = None


@dataclass(frozen=True)
class FollowUpOptions:
    """What a follow-up takes from the assessment it follows, besides the city's details."""

    carry_answers: bool = False  # each answer (and its evidence) marked carried over — to review
    carry_register: bool = False  # shocks and stresses, actions (their status to update), discovery areas, next steps
    kind: str = "follow_up"
    date: dt.date | None = None  # the follow-up round's date; today when None


@dataclass(frozen=True)
class FollowUp:
    """The follow-up just started, its round, and how many answers it carried over to review."""

    record: AssessmentRecord
    round: RoundRecord
    carried_answers: int


@dataclass(frozen=True)
class ComparedRound:
    record: AssessmentRecord
    round: RoundRecord
    to_review: int  # answers carried over into it and still to review: left out of the comparison


@dataclass(frozen=True)
class RoundsCompared:
    """Two assessments compared as rounds: the earlier one as the baseline."""

    baseline: ComparedRound
    follow_up: ComparedRound
    comparison: RoundComparison
