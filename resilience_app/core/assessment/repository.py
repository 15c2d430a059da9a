"""Repositories: the only code that reads and writes rows; they return frozen records."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.records import AssessmentDetails, AssessmentRecord
from resilience_app.core.storage.models import AssessmentRow


def names_a_row(row_id: object) -> bool:
    """Whether `row_id` could be a row's id: a whole number SQLite can hold (64 bits, not True).

    Any other (10**30, 2.5, "abc") names no row, so a lookup by it "does not exist",
    instead of an OverflowError from the database driver.
    """
    return type(row_id) is int and -(2**63) <= row_id < 2**63


_DETAIL_FIELDS = tuple(field.name for field in dataclasses.fields(AssessmentDetails))


def _to_record(row: AssessmentRow) -> AssessmentRecord:
    details = AssessmentDetails(**{name: getattr(row, name) for name in _DETAIL_FIELDS})
    return AssessmentRecord(
        id=row.id,
        details=details,
        framework_id=row.framework_id,
        framework_version=row.framework_version,
        is_sample=row.is_sample,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class AssessmentNotFound(LookupError):
    pass


def assessment_row(session: Session, assessment_id: int) -> AssessmentRow:
    """The assessment's row, or AssessmentNotFound (an id that cannot name a row included)."""
    row = session.get(AssessmentRow, assessment_id) if names_a_row(assessment_id) else None
    if row is None:
        raise AssessmentNotFound(assessment_id)
    return row


class AssessmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, assessment_id: int) -> AssessmentRow:
        return assessment_row(self._session, assessment_id)

    def list(self) -> list[AssessmentRecord]:
        rows = self._session.scalars(select(AssessmentRow).order_by(AssessmentRow.updated_at.desc(), AssessmentRow.id.desc()))
        return [_to_record(row) for row in rows]

    def get(self, assessment_id: int) -> AssessmentRecord:
        return _to_record(self._row(assessment_id))

    def add(self, details: AssessmentDetails, *, framework_id: str, framework_version: str, is_sample: bool = False) -> AssessmentRecord:
        row = AssessmentRow(
            **dataclasses.asdict(details), framework_id=framework_id, framework_version=framework_version, is_sample=is_sample
        )
        self._session.add(row)
        self._session.flush()
        return _to_record(row)

    def update_details(self, assessment_id: int, details: AssessmentDetails) -> AssessmentRecord:
        row = self._row(assessment_id)
        for name in _DETAIL_FIELDS:
            setattr(row, name, getattr(details, name))
        self._session.flush()
        return _to_record(row)

    def delete(self, assessment_id: int) -> None:
        self._session.delete(self._row(assessment_id))
        self._session.flush()
