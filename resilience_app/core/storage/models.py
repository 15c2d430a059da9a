"""The database tables as SQLAlchemy 2.x typed models. Only repositories touch these."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, MetaData, String, Text, UniqueConstraint, false, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from resilience_app.core.storage.language_text import LanguageText
from resilience_app.core.storage.tolerant_date import TolerantDate

# Stable constraint names make migrations (batch mode on SQLite) reproducible.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class AssessmentRow(Base):
    """One city's self-assessment against one version of a framework."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    city_name_en: Mapped[str] = mapped_column(String(200), default="")
    city_name_ar: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(LanguageText(200), default="")
    population: Mapped[int | None]
    assessment_date: Mapped[dt.date | None] = mapped_column(TolerantDate)
    cro_name: Mapped[str] = mapped_column(LanguageText(200), default="")
    framework_id: Mapped[str] = mapped_column(String(100))
    framework_version: Mapped[str] = mapped_column(String(50))
    notes: Mapped[str] = mapped_column(LanguageText(), default="")
    notes_sensitive: Mapped[bool] = mapped_column(default=False, server_default=false())
    is_sample: Mapped[bool] = mapped_column(default=False)
    # The rounds of one city's assessment over time share a series key (a random hex text, never an id a
    # later assessment could reuse); each round has a kind (baseline | mid_term | follow_up) and a date.
    series_key: Mapped[str | None] = mapped_column(String(32), index=True)
    round_kind: Mapped[str | None] = mapped_column(String(20))
    round_date: Mapped[dt.date | None] = mapped_column(TolerantDate)
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp()
    )


class AnswerRow(Base):
    """The current answer to one question of one assessment."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id", name="uq_answers_assessment_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))  # level | not_applicable | dont_know
    level: Mapped[int | None]
    numeric_value: Mapped[str | None] = mapped_column(String(50))  # a Decimal, kept exactly as text
    justification: Mapped[str] = mapped_column(LanguageText(), default="")
    confidence: Mapped[str | None] = mapped_column(String(10))  # low | medium | high
    answered_by: Mapped[str] = mapped_column(LanguageText(200), default="")
    sensitive: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Carried over from an earlier round and not yet confirmed or changed: it counts as answered, never as reviewed.
    carried_over: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The quality of the answer's data, each optional: measured | estimate | expert_judgement | perception, the
    # year the data describe, and city | governorate_region | country.
    source_kind: Mapped[str | None] = mapped_column(String(20))
    data_year: Mapped[int | None]
    data_scale: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class AnswerChangeRow(Base):
    """One change to one field of an answer: who, when, old -> new (the per-question history)."""

    __tablename__ = "answer_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(LanguageText())
    new_value: Mapped[str | None] = mapped_column(LanguageText())
    changed_by: Mapped[str] = mapped_column(LanguageText(200), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())


class EvidenceRow(Base):
    """One piece of evidence behind an answer: a reference, and optionally a copied file."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(LanguageText(300))
    reference: Mapped[str] = mapped_column(LanguageText(), default="")
    file_name: Mapped[str | None] = mapped_column(String(200))
    original_name: Mapped[str | None] = mapped_column(String(300))
    file_size: Mapped[int | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())


class RegisterItemRow(Base):
    """One shock or stress in an assessment's register: from the catalogue (`hazard_id`) or the city's own."""

    __tablename__ = "register_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    hazard_id: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))  # shock | stress
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ar: Mapped[str] = mapped_column(String(200), default="")
    likelihood: Mapped[int | None]
    impact: Mapped[int | None]
    trend: Mapped[str] = mapped_column(String(10), default="unknown")
    scenario_probable: Mapped[str] = mapped_column(LanguageText(), default="")
    scenario_severe: Mapped[str] = mapped_column(LanguageText(), default="")
    goals: Mapped[str] = mapped_column(Text, default="")  # goal ids, space-separated
    systems: Mapped[str] = mapped_column(LanguageText(), default="")
    groups_affected: Mapped[str] = mapped_column(LanguageText(), default="")
    confidence: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str] = mapped_column(LanguageText(), default="")
    sensitive: Mapped[bool] = mapped_column(default=False, server_default=false())
    override_rank: Mapped[int | None]
    override_reason: Mapped[str] = mapped_column(LanguageText(), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class RegisterLinkRow(Base):
    """`source` triggers or aggravates `target` (two items of the same register)."""

    __tablename__ = "register_links"
    __table_args__ = (UniqueConstraint("source_id", "target_id", name="uq_register_links_source_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("register_items.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("register_items.id", ondelete="CASCADE"))


class ActionRow(Base):
    """An existing plan, programme or project of the city (the actions inventory)."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(LanguageText(300))
    owner: Mapped[str] = mapped_column(LanguageText(300), default="")
    status: Mapped[str] = mapped_column(String(20))  # planned | ongoing | completed | on_hold
    timeframe: Mapped[str] = mapped_column(LanguageText(100), default="")
    budget_source: Mapped[str] = mapped_column(LanguageText(300), default="")
    goals: Mapped[str] = mapped_column(Text, default="")  # goal ids, space-separated
    item_ids: Mapped[str] = mapped_column(Text, default="")  # register item ids, space-separated
    qualities: Mapped[str] = mapped_column(Text, default="")  # quality ids, space-separated
    notes: Mapped[str] = mapped_column(LanguageText(), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class DiscoveryAreaRow(Base):
    """A candidate discovery area: proposed by the app or added by the CRO, then accepted or rejected."""

    __tablename__ = "discovery_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(LanguageText(300))
    rationale: Mapped[str] = mapped_column(LanguageText(), default="")
    goals: Mapped[str] = mapped_column(Text, default="")  # goal ids, space-separated
    item_ids: Mapped[str] = mapped_column(Text, default="")  # register item ids, space-separated
    status: Mapped[str] = mapped_column(String(20))  # proposed | accepted | rejected
    origin: Mapped[str] = mapped_column(String(20))  # app | edited | own
    reasoning: Mapped[str] = mapped_column(Text, default="")  # JSON: {language: [sentence, ...]}
    questions: Mapped[str] = mapped_column(LanguageText(), default="", server_default="")  # what Phase II must answer, one a line
    data_needed: Mapped[str] = mapped_column(LanguageText(), default="", server_default="")
    partners: Mapped[str] = mapped_column(LanguageText(), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class NextStepRow(Base):
    """A next step after the Preliminary Resilience Assessment: what is to be done, by whom, by when."""

    __tablename__ = "next_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(LanguageText(500))
    owner: Mapped[str] = mapped_column(LanguageText(300), default="")
    due_on: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(20))  # planned | under_way | done
    area_id: Mapped[int | None] = mapped_column(ForeignKey("discovery_areas.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class WorkshopRow(Base):
    """A workshop held for an assessment (the agenda-setting workshop, or a later one)."""

    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(LanguageText(300))
    held_on: Mapped[dt.date | None]
    venue: Mapped[str] = mapped_column(LanguageText(300), default="")
    notes: Mapped[str] = mapped_column(LanguageText(), default="")
    own_sectors: Mapped[str] = mapped_column(Text, default="")  # JSON list of names
    notes_sensitive: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())


class WorkshopGroupRow(Base):
    """A table of participants working together during the exercises."""

    __tablename__ = "workshop_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(LanguageText(100))


class ParticipantRow(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(LanguageText(200), default="")
    organisation: Mapped[str] = mapped_column(LanguageText(300), default="")
    sector: Mapped[str] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(10), default="")
    age_band: Mapped[str] = mapped_column(String(20), default="")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("workshop_groups.id", ondelete="SET NULL"))


class WorkshopSessionRow(Base):
    __tablename__ = "workshop_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(LanguageText(300))


class ExerciseRow(Base):
    __tablename__ = "exercises"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_sessions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # dot_vote | ranking
    title: Mapped[str] = mapped_column(LanguageText(300))
    dots_per_group: Mapped[int] = mapped_column(default=0)
    duration_minutes: Mapped[int] = mapped_column(default=0)
    item_ids: Mapped[str] = mapped_column(Text, default="")  # register item ids, space-separated


class DotVoteRow(Base):
    """How many dots one group placed on one goal."""

    __tablename__ = "dot_votes"
    __table_args__ = (UniqueConstraint("exercise_id", "group_id", "goal_id", name="uq_dot_votes_exercise_group_goal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("workshop_groups.id", ondelete="CASCADE"))
    goal_id: Mapped[str] = mapped_column(String(100))
    dots: Mapped[int]


class GroupRatingRow(Base):
    """One group's likelihood and impact for one shortlisted register item."""

    __tablename__ = "group_ratings"
    __table_args__ = (UniqueConstraint("exercise_id", "group_id", "item_id", name="uq_group_ratings_exercise_group_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("workshop_groups.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("register_items.id", ondelete="CASCADE"))
    likelihood: Mapped[int | None]
    impact: Mapped[int | None]


class RoomRatingRow(Base):
    """The room's rating of a register item, applied from a ranking exercise (kept beside the CRO's own)."""

    __tablename__ = "room_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("register_items.id", ondelete="CASCADE"), unique=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"), index=True)
    likelihood: Mapped[float] = mapped_column(Float)
    impact: Mapped[float] = mapped_column(Float)
    groups: Mapped[int]
    applied_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())


class ContributorRow(Base):
    """A department or person who answers part of an assessment, usually through a workbook."""

    __tablename__ = "contributors"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(LanguageText(200))
    department: Mapped[str] = mapped_column(LanguageText(300), default="")
    language: Mapped[str] = mapped_column(String(5), default="ar")
    contact: Mapped[str] = mapped_column(LanguageText(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())


class AssignmentRow(Base):
    """One question assigned to one contributor (the same question may go to several, on purpose)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("contributor_id", "question_id", name="uq_assignments_contributor_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contributor_id: Mapped[int] = mapped_column(ForeignKey("contributors.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(100))


class WorkbookRow(Base):
    """A workbook sent to a contributor: its id travels inside the file and comes back with the answers."""

    __tablename__ = "workbooks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    contributor_id: Mapped[int] = mapped_column(ForeignKey("contributors.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(5))
    question_ids: Mapped[str] = mapped_column(Text)  # the questions it asked, comma-separated
    deadline: Mapped[dt.date | None]
    sent_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, server_default=func.current_timestamp())
    returned_at: Mapped[dt.datetime | None]


class ContributionRow(Base):
    """One contributor's answer to one question, kept beside the answer on record and never overwriting another's."""

    __tablename__ = "contributions"
    __table_args__ = (UniqueConstraint("contributor_id", "question_id", name="uq_contributions_contributor_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contributor_id: Mapped[int] = mapped_column(ForeignKey("contributors.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    level: Mapped[int | None]
    numeric_value: Mapped[str | None] = mapped_column(String(50))
    confidence: Mapped[str | None] = mapped_column(String(10))
    justification: Mapped[str] = mapped_column(LanguageText(), default="")
    evidence: Mapped[str] = mapped_column(LanguageText(), default="")
    answered_by: Mapped[str] = mapped_column(LanguageText(200), default="")
    workbook_id: Mapped[str | None] = mapped_column(String(32))
    settled_at: Mapped[dt.datetime | None]  # when the CRO took a contribution on record or set the agreed level
    source_kind: Mapped[str | None] = mapped_column(String(20))  # the data quality, as on an answer (migration 0012)
    data_year: Mapped[int | None]
    data_scale: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[dt.datetime] = mapped_column(default=_utc_now, onupdate=_utc_now, server_default=func.current_timestamp())
