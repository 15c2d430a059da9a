"""Evidence rows; adding or removing one is also written to the question's history."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.records import EvidenceDraft, EvidenceRecord
from resilience_app.core.assessment.repository import names_a_row
from resilience_app.core.storage.models import AnswerChangeRow, EvidenceRow

HISTORY_FIELD = "evidence"


def _to_record(row: EvidenceRow) -> EvidenceRecord:
    return EvidenceRecord(
        id=row.id, assessment_id=row.assessment_id, question_id=row.question_id, title=row.title, reference=row.reference,
        file_name=row.file_name, original_name=row.original_name, file_size=row.file_size, created_at=row.created_at,
    )


class EvidenceNotFound(LookupError):
    pass


class EvidenceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, assessment_id: int, question_id: str, draft: EvidenceDraft, *, file_name: str | None, file_size: int | None, changed_by: str
    ) -> EvidenceRecord:
        row = EvidenceRow(
            assessment_id=assessment_id, question_id=question_id, title=draft.title, reference=draft.reference,
            file_name=file_name, original_name=draft.source_file.name if draft.source_file else None, file_size=file_size,
        )
        self._session.add(row)
        self._session.add(
            AnswerChangeRow(assessment_id=assessment_id, question_id=question_id, field=HISTORY_FIELD, old_value=None, new_value=draft.title, changed_by=changed_by)
        )
        self._session.flush()
        return _to_record(row)

    def get(self, evidence_id: int) -> EvidenceRecord:
        row = self._session.get(EvidenceRow, evidence_id) if names_a_row(evidence_id) else None
        if row is None:
            raise EvidenceNotFound(evidence_id)
        return _to_record(row)

    def remove(self, evidence_id: int, *, changed_by: str) -> EvidenceRecord:
        row = self._session.get(EvidenceRow, evidence_id) if names_a_row(evidence_id) else None
        if row is None:
            raise EvidenceNotFound(evidence_id)
        record = _to_record(row)
        self._session.add(
            AnswerChangeRow(
                assessment_id=row.assessment_id, question_id=row.question_id, field=HISTORY_FIELD, old_value=row.title, new_value=None, changed_by=changed_by
            )
        )
        self._session.delete(row)
        self._session.flush()
        return record

    def for_assessment(self, assessment_id: int) -> dict[str, list[EvidenceRecord]]:
        if not names_a_row(assessment_id):
            return {}
        rows = self._session.scalars(select(EvidenceRow).where(EvidenceRow.assessment_id == assessment_id).order_by(EvidenceRow.id))
        found: dict[str, list[EvidenceRecord]] = {}
        for row in rows:
            found.setdefault(row.question_id, []).append(_to_record(row))
        return found

    def stored_files(self) -> set[tuple[int, str]]:
        """The kept files every entry of every assessment names, as (assessment id, stored name)."""
        rows = self._session.execute(select(EvidenceRow.assessment_id, EvidenceRow.file_name).where(EvidenceRow.file_name.is_not(None)))
        return {(int(assessment_id), str(file_name)) for assessment_id, file_name in rows}

    def copy_all(self, from_assessment: int, to_assessment: int, *, question_ids: Collection[str] | None = None) -> list[EvidenceRecord]:
        """Copy the evidence of every question (or of `question_ids` only) to another assessment."""
        rows = [
            row for row in self._session.scalars(select(EvidenceRow).where(EvidenceRow.assessment_id == from_assessment))
            if question_ids is None or row.question_id in question_ids
        ]
        copies = [
            EvidenceRow(
                assessment_id=to_assessment, question_id=row.question_id, title=row.title, reference=row.reference,
                file_name=row.file_name, original_name=row.original_name, file_size=row.file_size,
            )
            for row in rows
        ]
        self._session.add_all(copies)
        self._session.flush()
        return [_to_record(row) for row in copies]
