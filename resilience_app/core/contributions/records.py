"""Frozen values of the contributions feature (never live ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.every_language import in_every_language, in_language


@dataclass(frozen=True)
class ContributorDraft:
    """What the CRO types about a contributor."""

    name: str
    department: str = ""
    language: str = "ar"  # the language of the workbooks sent to them
    contact: str = ""


@dataclass(frozen=True)
class ContributorRecord:
    id: int
    assessment_id: int
    contributor: ContributorDraft
    created_at: dt.datetime

    @property
    def name(self) -> str:
        return self.contributor.name

    def label(self, language: str | None = None) -> str:
        """"Name (Department)", or the name alone, in `language` (by default the current one) where the app wrote
        them in every language (`core.every_language`)."""
        name, department = in_language(self.contributor.name, language), in_language(self.contributor.department, language)
        return f"{name} ({department})" if department else name

    def label_in_every_language(self) -> str:
        """The label kept in every language, for a text the app stores (a history line, an evidence title)."""
        return in_every_language(self.label)


@dataclass(frozen=True)
class WorkbookRecord:
    """A workbook sent to a contributor; `returned_at` once answers came back from it."""

    id: str
    contributor_id: int
    language: str
    question_ids: tuple[str, ...]
    deadline: dt.date | None
    sent_at: dt.datetime
    returned_at: dt.datetime | None


@dataclass(frozen=True)
class ContributionRecord:
    """One contributor's answer to one question; `evidence` is the reference they gave, as text."""

    contributor_id: int
    question_id: str
    answer: AnswerDraft
    evidence: str
    workbook_id: str | None
    updated_at: dt.datetime
    settled_at: dt.datetime | None = None  # when the CRO took a contribution on record or set the agreed level
