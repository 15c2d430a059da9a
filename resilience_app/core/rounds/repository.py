"""The only code that reads and writes an assessment's round (its columns of the assessments table)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.repository import assessment_row
from resilience_app.core.rounds.records import RoundRecord
from resilience_app.core.storage.models import AssessmentRow


def _to_record(row: AssessmentRow) -> RoundRecord:
    return RoundRecord(assessment_id=row.id, series_key=row.series_key, kind=row.round_kind, date=row.round_date)


class RoundRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, assessment_id: int) -> AssessmentRow:
        return assessment_row(self._session, assessment_id)

    def every_round(self) -> dict[int, RoundRecord]:
        """Each assessment's round, by assessment id."""
        return {row.id: _to_record(row) for row in self._session.scalars(select(AssessmentRow))}

    def get(self, assessment_id: int) -> RoundRecord:
        return _to_record(self._row(assessment_id))

    def set(self, assessment_id: int, *, series_key: str, kind: str, date: dt.date | None) -> RoundRecord:
        row = self._row(assessment_id)
        row.series_key, row.round_kind, row.round_date = series_key, kind, date
        self._session.flush()
        return _to_record(row)

    def series(self, series_key: str) -> list[RoundRecord]:
        """The rounds of a series, oldest first (by date, those without one last, then by id)."""
        rows = self._session.scalars(select(AssessmentRow).where(AssessmentRow.series_key == series_key))
        return sorted((_to_record(row) for row in rows), key=lambda found: (found.date is None, found.date or dt.date.min, found.assessment_id))
