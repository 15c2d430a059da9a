"""Frozen values the storage layer hands out (never live ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AssessmentDetails:
    """What a user types about an assessment (creating it or editing its details)."""

    city_name_en: str = ""
    city_name_ar: str = ""
    country: str = ""
    population: int | None = None
    assessment_date: dt.date | None = None
    cro_name: str = ""
    notes: str = ""
    notes_sensitive: bool = False  # kept out of the brief unless included at export


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    details: AssessmentDetails
    framework_id: str
    framework_version: str
    is_sample: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    def city_name(self, language: str) -> str:
        """The city's name in `language`, or in the other language when that one is empty."""
        preferred = self.details.city_name_ar if language == "ar" else self.details.city_name_en
        return preferred or self.details.city_name_en or self.details.city_name_ar


@dataclass(frozen=True)
class AnswerDraft:
    """What a user sets on one question: a level, "not applicable" or "don't know", and the rest."""

    status: str  # level | not_applicable | dont_know, or "" while only notes are kept
    level: int | None = None
    numeric_value: str | None = None
    justification: str = ""
    confidence: str | None = None  # low | medium | high
    answered_by: str = ""
    sensitive: bool = False  # its details are kept out of the brief unless included at export
    source_kind: str | None = None  # measured | estimate | expert_judgement | perception; None: not stated
    data_year: int | None = None  # the year the data describe
    data_scale: str | None = None  # city | governorate_region | country; None: not stated


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    answer: AnswerDraft
    created_at: dt.datetime
    updated_at: dt.datetime
    carried_over: bool = False  # carried over from an earlier round, not yet confirmed or changed: to review


@dataclass(frozen=True)
class AnswerChange:
    question_id: str
    field: str
    old_value: str | None
    new_value: str | None
    changed_by: str
    changed_at: dt.datetime


@dataclass(frozen=True)
class EvidenceDraft:
    """A reference a user attaches to an answer: a title, where to find it, and optionally a file."""

    title: str
    reference: str = ""  # a link or a document reference
    source_file: Path | None = None  # copied into the assessment's evidence folder


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    assessment_id: int
    question_id: str
    title: str
    reference: str
    file_name: str | None  # the name the copy is kept under, None when no file is attached
    original_name: str | None
    file_size: int | None
    created_at: dt.datetime
