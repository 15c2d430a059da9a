"""Frozen values of workshops: their participants, groups, sessions, exercises and what the groups entered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DOT_VOTE = "dot_vote"  # groups place dots on the goals where improvement is most needed
RANKING = "ranking"  # groups rate the likelihood and impact of shortlisted shocks and stresses
EXERCISE_KINDS = (DOT_VOTE, RANKING)

OWN_SECTOR_PREFIX = "own:"  # a sector the workshop added itself: "own:" + its name


@dataclass(frozen=True)
class WorkshopDraft:
    title: str
    held_on: dt.date | None = None
    venue: str = ""
    notes: str = ""
    own_sectors: tuple[str, ...] = ()  # sectors this workshop adds to the content's list, by name
    notes_sensitive: bool = False  # kept out of the brief unless included at export


@dataclass(frozen=True)
class WorkshopRecord:
    id: int
    assessment_id: int
    workshop: WorkshopDraft


@dataclass(frozen=True)
class GroupRecord:
    id: int
    workshop_id: int
    name: str


@dataclass(frozen=True)
class ParticipantDraft:
    """One person on the sign-in sheet; only the sector is required (anonymous participants are welcome)."""

    sector: str  # a content sector id, or OWN_SECTOR_PREFIX + name
    name: str = ""
    organisation: str = ""
    gender: str = ""  # woman | man | "" (not given)
    age_band: str = ""  # an AGE_BANDS id or "" (not given)
    group_id: int | None = None


@dataclass(frozen=True)
class ParticipantRecord:
    id: int
    workshop_id: int
    participant: ParticipantDraft


@dataclass(frozen=True)
class SessionRecord:
    id: int
    workshop_id: int
    title: str


@dataclass(frozen=True)
class ExerciseDraft:
    kind: str  # DOT_VOTE | RANKING
    title: str
    session_id: int
    dots_per_group: int = 0  # the allowance of a dot vote
    duration_minutes: int = 0  # 0: no timer
    item_ids: tuple[int, ...] = ()  # the register items shortlisted for a ranking


@dataclass(frozen=True)
class ExerciseRecord:
    id: int
    workshop_id: int
    exercise: ExerciseDraft

    @property
    def kind(self) -> str:
        return self.exercise.kind


@dataclass(frozen=True)
class GroupRating:
    """One group's rating of one shortlisted item."""

    group_id: int
    item_id: int
    likelihood: int | None
    impact: int | None


@dataclass(frozen=True)
class RoomRating:
    """The room's rating of a register item, applied from a ranking exercise: a source of its own."""

    item_id: int
    exercise_id: int
    likelihood: float
    impact: float
    groups: int
    applied_at: dt.datetime
