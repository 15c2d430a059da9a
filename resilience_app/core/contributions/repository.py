"""The contributions' rows: contributors, assignments, workbooks sent and the answers they brought back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.assessment.repository import names_a_row
from resilience_app.core.contributions.records import ContributionRecord, ContributorDraft, ContributorRecord, WorkbookRecord
from resilience_app.core.contributions.rules import same_answer
from resilience_app.core.storage.id_lists import join_ids, split_ids
from resilience_app.core.storage.models import AssignmentRow, ContributionRow, ContributorRow, WorkbookRow


class ContributorNotFound(LookupError):
    pass


class WorkbookNotFound(LookupError):
    pass


def _contributor(row: ContributorRow) -> ContributorRecord:
    draft = ContributorDraft(name=row.name, department=row.department, language=row.language, contact=row.contact)
    return ContributorRecord(id=row.id, assessment_id=row.assessment_id, contributor=draft, created_at=row.created_at)


def _workbook(row: WorkbookRow) -> WorkbookRecord:
    return WorkbookRecord(
        id=row.id, contributor_id=row.contributor_id, language=row.language, question_ids=split_ids(row.question_ids),
        deadline=row.deadline, sent_at=row.sent_at, returned_at=row.returned_at,
    )


def _answer(row: ContributionRow) -> AnswerDraft:
    return AnswerDraft(
        status=row.status, level=row.level, numeric_value=row.numeric_value, justification=row.justification,
        confidence=row.confidence, answered_by=row.answered_by, source_kind=row.source_kind, data_year=row.data_year,
        data_scale=row.data_scale,
    )


def _contribution(row: ContributionRow) -> ContributionRecord:
    return ContributionRecord(row.contributor_id, row.question_id, _answer(row), row.evidence, row.workbook_id, row.updated_at, row.settled_at)


class ContributionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- contributors --------------------------------------------------------------------------

    def _contributor_row(self, contributor_id: int) -> ContributorRow:
        row = self._session.get(ContributorRow, contributor_id) if names_a_row(contributor_id) else None
        if row is None:
            raise ContributorNotFound(contributor_id)
        return row

    def contributors(self, assessment_id: int) -> list[ContributorRecord]:
        rows = self._session.scalars(select(ContributorRow).where(ContributorRow.assessment_id == assessment_id).order_by(ContributorRow.id))
        return [_contributor(row) for row in rows]

    def contributor(self, contributor_id: int) -> ContributorRecord:
        return _contributor(self._contributor_row(contributor_id))

    def save_contributor(self, assessment_id: int, draft: ContributorDraft, contributor_id: int | None = None) -> ContributorRecord:
        row = self._contributor_row(contributor_id) if contributor_id is not None else ContributorRow(assessment_id=assessment_id)
        row.name, row.department, row.language, row.contact = draft.name, draft.department, draft.language, draft.contact
        self._session.add(row)
        self._session.flush()
        return _contributor(row)

    def remove_contributor(self, contributor_id: int) -> None:
        self._session.delete(self._contributor_row(contributor_id))
        self._session.flush()

    # -- assignments -----------------------------------------------------------------------------

    def assignments(self, assessment_id: int) -> dict[int, frozenset[str]]:
        """Each contributor's assigned questions (contributors without any are absent)."""
        rows = self._session.execute(
            select(AssignmentRow.contributor_id, AssignmentRow.question_id)
            .join(ContributorRow, ContributorRow.id == AssignmentRow.contributor_id)
            .where(ContributorRow.assessment_id == assessment_id)
        )
        found: dict[int, set[str]] = {}
        for contributor_id, question_id in rows:
            found.setdefault(contributor_id, set()).add(question_id)
        return {contributor_id: frozenset(ids) for contributor_id, ids in found.items()}

    def assign(self, contributor_id: int, question_ids: Iterable[str]) -> None:
        have = set(self._session.scalars(select(AssignmentRow.question_id).where(AssignmentRow.contributor_id == contributor_id)))
        for question_id in dict.fromkeys(question_ids):
            if question_id not in have:
                self._session.add(AssignmentRow(contributor_id=contributor_id, question_id=question_id))
        self._session.flush()

    def unassign(self, contributor_id: int, question_ids: Iterable[str]) -> None:
        self._session.execute(
            delete(AssignmentRow).where(AssignmentRow.contributor_id == contributor_id, AssignmentRow.question_id.in_(list(question_ids)))
        )

    # -- workbooks ---------------------------------------------------------------------------------

    def workbooks(self, assessment_id: int) -> list[WorkbookRecord]:
        rows = self._session.scalars(
            select(WorkbookRow)
            .join(ContributorRow, ContributorRow.id == WorkbookRow.contributor_id)
            .where(ContributorRow.assessment_id == assessment_id)
            .order_by(WorkbookRow.sent_at)
        )
        return [_workbook(row) for row in rows]

    def workbook(self, workbook_id: str) -> WorkbookRecord:
        row = self._session.get(WorkbookRow, workbook_id) if isinstance(workbook_id, str) else None
        if row is None:
            raise WorkbookNotFound(workbook_id)
        return _workbook(row)

    def add_workbook(self, record: WorkbookRecord) -> WorkbookRecord:
        row = WorkbookRow(
            id=record.id, contributor_id=record.contributor_id, language=record.language, question_ids=join_ids(record.question_ids),
            deadline=record.deadline, sent_at=record.sent_at, returned_at=None,
        )
        self._session.add(row)
        self._session.flush()
        return _workbook(row)

    def mark_returned(self, workbook_id: str, when: dt.datetime) -> None:
        row = self._session.get(WorkbookRow, workbook_id)
        if row is None:
            raise WorkbookNotFound(workbook_id)
        row.returned_at = when
        self._session.flush()

    # -- contributions -------------------------------------------------------------------------------

    def contributions(self, assessment_id: int) -> dict[str, list[ContributionRecord]]:
        """Every question's contributions, in the order the contributors were added."""
        rows = self._session.scalars(
            select(ContributionRow)
            .join(ContributorRow, ContributorRow.id == ContributionRow.contributor_id)
            .where(ContributorRow.assessment_id == assessment_id)
            .order_by(ContributionRow.contributor_id)
        )
        found: dict[str, list[ContributionRecord]] = {}
        for row in rows:
            found.setdefault(row.question_id, []).append(_contribution(row))
        return found

    def mark_settled(self, assessment_id: int, question_id: str, when: dt.datetime) -> None:
        """Mark every contribution to the question as settled by the CRO (taken on record, or a level agreed)."""
        rows = self._session.scalars(
            select(ContributionRow)
            .join(ContributorRow, ContributorRow.id == ContributionRow.contributor_id)
            .where(ContributorRow.assessment_id == assessment_id, ContributionRow.question_id == question_id)
        )
        for row in rows:
            row.settled_at = when
        self._session.flush()

    def save_contribution(self, contributor_id: int, question_id: str, answer: AnswerDraft, *, evidence: str, workbook_id: str | None) -> bool:
        """Store the contributor's answer; False when it is exactly what was stored already (nothing written)."""
        row = self._session.scalars(
            select(ContributionRow).where(ContributionRow.contributor_id == contributor_id, ContributionRow.question_id == question_id)
        ).first()
        if row is not None and _answer(row) == answer and row.evidence == evidence:
            return False
        if row is not None and not same_answer(_answer(row), answer):
            row.settled_at = None  # a different answer is a disagreement to settle again
        row = row or ContributionRow(contributor_id=contributor_id, question_id=question_id)
        row.status, row.level, row.numeric_value = answer.status, answer.level, answer.numeric_value
        row.confidence, row.justification, row.answered_by = answer.confidence, answer.justification, answer.answered_by
        row.source_kind, row.data_year, row.data_scale = answer.source_kind, answer.data_year, answer.data_scale
        row.evidence, row.workbook_id = evidence, workbook_id
        self._session.add(row)
        self._session.flush()
        return True
