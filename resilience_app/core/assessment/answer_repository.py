"""Answers and their history: every save records each changed field as old -> new."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_rules import readable_data_quality
from resilience_app.core.assessment.records import AnswerChange, AnswerDraft, AnswerRecord
from resilience_app.core.storage.models import AnswerChangeRow, AnswerRow

ANSWER_FIELDS = tuple(field.name for field in dataclasses.fields(AnswerDraft))
CARRIED_OVER_FIELD = "carried_over"  # the history's name for the mark on an answer carried over from an earlier round


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _is_blank(value: object) -> bool:
    """No value worth a history line: nothing, empty text, or a mark that is off."""
    return value is None or value == "" or value is False


def _to_record(row: AnswerRow) -> AnswerRecord:
    return AnswerRecord(
        question_id=row.question_id,
        answer=readable_data_quality(AnswerDraft(**{name: getattr(row, name) for name in ANSWER_FIELDS})),
        carried_over=bool(row.carried_over),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class AnswerRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, assessment_id: int, question_id: str) -> AnswerRow | None:
        return self._session.scalar(
            select(AnswerRow).where(AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id)
        )

    def save(self, assessment_id: int, question_id: str, draft: AnswerDraft, *, changed_by: str) -> AnswerRecord:
        """Store `draft` as the answer, adding one history entry per field that changed.

        An answer carried over from an earlier round is reviewed by being saved, changed or not: its mark goes,
        and the history says who confirmed it and when.
        """
        row = self._row(assessment_id, question_id)
        old = AnswerDraft(status="") if row is None else _to_record(row).answer
        if row is None:
            row = AnswerRow(assessment_id=assessment_id, question_id=question_id)
            self._session.add(row)
        for name in ANSWER_FIELDS:
            before, after = getattr(old, name), getattr(draft, name)
            if before != after and not (row.id is None and _is_blank(after)):
                self._session.add(
                    AnswerChangeRow(
                        assessment_id=assessment_id, question_id=question_id, field=name,
                        old_value=_text(before) if before != "" else None, new_value=_text(after), changed_by=changed_by,
                    )
                )
            setattr(row, name, after)
        if row.carried_over:
            self._session.add(self._carried_over_line(assessment_id, question_id, carried=False, changed_by=changed_by))
        row.carried_over = False
        self._session.flush()
        return _to_record(row)

    def _carried_over_line(self, assessment_id: int, question_id: str, *, carried: bool, changed_by: str) -> AnswerChangeRow:
        return AnswerChangeRow(
            assessment_id=assessment_id, question_id=question_id, field=CARRIED_OVER_FIELD,
            old_value=str(not carried), new_value=str(carried), changed_by=changed_by,
        )

    def clear(self, assessment_id: int, question_id: str, *, changed_by: str) -> None:
        """Remove the answer (the question becomes unanswered), recording each value that goes."""
        row = self._row(assessment_id, question_id)
        if row is None:
            return
        for name in ANSWER_FIELDS:
            before = getattr(row, name)
            if not _is_blank(before):
                self._session.add(
                    AnswerChangeRow(assessment_id=assessment_id, question_id=question_id, field=name, old_value=_text(before), new_value=None, changed_by=changed_by)
                )
        self._session.delete(row)
        self._session.flush()

    def note(self, assessment_id: int, question_id: str, field: str, old: str | None, new: str | None, *, changed_by: str) -> None:
        """A history line about the question that is not a field of the answer on record: a contributor's answer
        ("contribution") or how the contributors agreed ("consensus")."""
        self._session.add(
            AnswerChangeRow(assessment_id=assessment_id, question_id=question_id, field=field, old_value=old, new_value=new, changed_by=changed_by)
        )
        self._session.flush()

    def for_assessment(self, assessment_id: int) -> dict[str, AnswerRecord]:
        rows = self._session.scalars(select(AnswerRow).where(AnswerRow.assessment_id == assessment_id))
        return {row.question_id: _to_record(row) for row in rows}

    def history(self, assessment_id: int, question_id: str) -> list[AnswerChange]:
        rows = self._session.scalars(
            select(AnswerChangeRow)
            .where(AnswerChangeRow.assessment_id == assessment_id, AnswerChangeRow.question_id == question_id)
            .order_by(AnswerChangeRow.changed_at, AnswerChangeRow.id)
        )
        return [
            AnswerChange(row.question_id, row.field, row.old_value, row.new_value, row.changed_by, row.changed_at)
            for row in rows
        ]

    def answered_question_ids(self, *, carried_over_only: bool = False) -> dict[int, set[str]]:
        """For every assessment, the questions it has an answer for (to compute progress in one query); with
        `carried_over_only`, those whose answers were carried over from an earlier round and are still to review."""
        found: dict[int, set[str]] = {}
        query = select(AnswerRow.assessment_id, AnswerRow.question_id).where(AnswerRow.status != "")
        if carried_over_only:
            query = query.where(AnswerRow.carried_over.is_(True))
        for assessment_id, question_id in self._session.execute(query):
            found.setdefault(assessment_id, set()).add(question_id)
        return found

    def copy_all(
        self, from_assessment: int, to_assessment: int, *, question_ids: Collection[str] | None = None, carry_over: bool = False, changed_by: str = ""
    ) -> int:
        """Copy the answers (of `question_ids` only, when given) to another assessment; how many were copied.

        A duplicate keeps each answer's mark as it was. With `carry_over` (a follow-up round) every copy is marked
        carried over — to review, with a history line saying so.
        """
        rows = [
            row for row in self._session.scalars(select(AnswerRow).where(AnswerRow.assessment_id == from_assessment))
            if question_ids is None or row.question_id in question_ids
        ]
        for row in rows:
            self._session.add(
                AnswerRow(
                    assessment_id=to_assessment, question_id=row.question_id, carried_over=carry_over or row.carried_over,
                    **{name: getattr(row, name) for name in ANSWER_FIELDS},
                )
            )
            if carry_over:
                self._session.add(self._carried_over_line(to_assessment, row.question_id, carried=True, changed_by=changed_by))
        self._session.flush()
        return len(rows)

    def carried_over_question_ids(self, assessment_id: int) -> set[str]:
        """The questions whose answers were carried over from an earlier round and are still to review."""
        query = select(AnswerRow.question_id).where(AnswerRow.assessment_id == assessment_id, AnswerRow.carried_over.is_(True), AnswerRow.status != "")
        return set(self._session.scalars(query))
