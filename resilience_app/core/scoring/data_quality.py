"""How well the levels rest on data: per goal and overall, pure functions of the answers' data-quality fields.

Rules (also in the README), each share taken over the *levelled* answers of the group (a level from 1 to 5;
"not applicable", "don't know" and notes alone are left out):
- *measured*: the share whose source is measured data;
- *national*: the share whose data are at the scale of the country (not the city, nor the governorate or region);
- *older than five years*: the share whose data describe a year more than five years before the assessment's year
  (an assessment of 2024 counts data of 2018 and before, not 2019);
- an answer that does not state its source, scale or year counts in none of these shares, and the number stating
  each is kept beside them, so a small share is never read as a sure one;
- a group with no levelled answer has no shares (None, never 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from resilience_app.core.content.model import Framework

OLDER_THAN_YEARS = 5
MEASURED = "measured"
NATIONAL = "country"


@dataclass(frozen=True)
class DataQualityValue:
    """What the summary needs to know of one answer."""

    levelled: bool
    source_kind: str | None = None
    data_year: int | None = None
    data_scale: str | None = None


@dataclass(frozen=True)
class DataQualitySummary:
    levelled: int
    measured: int = 0
    national: int = 0
    older: int = 0  # data older than five years at the assessment's date
    source_stated: int = 0
    scale_stated: int = 0
    year_stated: int = 0

    def _share(self, count: int) -> float | None:
        return count / self.levelled if self.levelled else None

    @property
    def measured_share(self) -> float | None:
        return self._share(self.measured)

    @property
    def national_share(self) -> float | None:
        return self._share(self.national)

    @property
    def older_share(self) -> float | None:
        return self._share(self.older)


@dataclass(frozen=True)
class DataQualityProfile:
    goals: Mapping[str, DataQualitySummary]
    overall: DataQualitySummary


def is_older(data_year: int | None, assessment_year: int) -> bool:
    """Data describing `data_year` are older than five years at an assessment of `assessment_year`."""
    return data_year is not None and assessment_year - data_year > OLDER_THAN_YEARS


def summarise_data_quality(question_ids: Iterable[str], answers: Mapping[str, DataQualityValue], *, assessment_year: int) -> DataQualitySummary:
    levelled = [answers[question_id] for question_id in question_ids if question_id in answers and answers[question_id].levelled]
    return DataQualitySummary(
        levelled=len(levelled),
        measured=sum(value.source_kind == MEASURED for value in levelled),
        national=sum(value.data_scale == NATIONAL for value in levelled),
        older=sum(is_older(value.data_year, assessment_year) for value in levelled),
        source_stated=sum(value.source_kind is not None for value in levelled),
        scale_stated=sum(value.data_scale is not None for value in levelled),
        year_stated=sum(value.data_year is not None for value in levelled),
    )


def build_data_quality(framework: Framework, answers: Mapping[str, DataQualityValue], *, assessment_year: int) -> DataQualityProfile:
    goals = {
        goal.id: summarise_data_quality((q.id for i in goal.indicators for q in i.questions), answers, assessment_year=assessment_year)
        for goal in framework.goals()
    }
    overall = summarise_data_quality((q.id for q in framework.questions()), answers, assessment_year=assessment_year)
    return DataQualityProfile(goals=goals, overall=overall)
