"""The register's rows: items, their interconnections and the CRO's rank overrides."""

from __future__ import annotations

import dataclasses

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.repository import names_a_row
from resilience_app.core.register.records import RegisterItemDraft, RegisterItemRecord, RegisterLinkRecord
from resilience_app.core.storage.id_lists import join_ids, split_ids
from resilience_app.core.storage.models import RegisterItemRow, RegisterLinkRow

_PLAIN_FIELDS = tuple(field.name for field in dataclasses.fields(RegisterItemDraft) if field.name != "goals")


class RegisterItemNotFound(LookupError):
    pass


def _to_record(row: RegisterItemRow) -> RegisterItemRecord:
    draft = RegisterItemDraft(**{name: getattr(row, name) for name in _PLAIN_FIELDS}, goals=split_ids(row.goals))
    return RegisterItemRecord(
        id=row.id, assessment_id=row.assessment_id, item=draft, override_rank=row.override_rank, override_reason=row.override_reason
    )


def _fill(row: RegisterItemRow, draft: RegisterItemDraft) -> None:
    for name in _PLAIN_FIELDS:
        setattr(row, name, getattr(draft, name))
    row.goals = join_ids(draft.goals)


class RegisterRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, item_id: int) -> RegisterItemRow:
        row = self._session.get(RegisterItemRow, item_id) if names_a_row(item_id) else None
        if row is None:
            raise RegisterItemNotFound(item_id)
        return row

    def items(self, assessment_id: int) -> list[RegisterItemRecord]:
        """The items in the order they were added."""
        rows = self._session.scalars(select(RegisterItemRow).where(RegisterItemRow.assessment_id == assessment_id).order_by(RegisterItemRow.id))
        return [_to_record(row) for row in rows]

    def get(self, item_id: int) -> RegisterItemRecord:
        return _to_record(self._row(item_id))

    def add(self, assessment_id: int, draft: RegisterItemDraft) -> RegisterItemRecord:
        row = RegisterItemRow(assessment_id=assessment_id, override_reason="")
        _fill(row, draft)
        self._session.add(row)
        self._session.flush()
        return _to_record(row)

    def update(self, item_id: int, draft: RegisterItemDraft) -> RegisterItemRecord:
        row = self._row(item_id)
        _fill(row, draft)
        self._session.flush()
        return _to_record(row)

    def remove(self, item_id: int) -> None:
        self._session.delete(self._row(item_id))
        self._session.flush()

    def set_override(self, item_id: int, rank: int | None, reason: str) -> RegisterItemRecord:
        row = self._row(item_id)
        row.override_rank, row.override_reason = rank, reason
        self._session.flush()
        return _to_record(row)

    def links(self, assessment_id: int) -> list[RegisterLinkRecord]:
        rows = self._session.scalars(select(RegisterLinkRow).where(RegisterLinkRow.assessment_id == assessment_id).order_by(RegisterLinkRow.id))
        return [RegisterLinkRecord(row.source_id, row.target_id) for row in rows]

    def set_link(self, assessment_id: int, link: RegisterLinkRecord, present: bool) -> None:
        exists = select(RegisterLinkRow).where(RegisterLinkRow.source_id == link.source_id, RegisterLinkRow.target_id == link.target_id)
        row = self._session.scalar(exists)
        if present and row is None:
            self._session.add(RegisterLinkRow(assessment_id=assessment_id, source_id=link.source_id, target_id=link.target_id))
        elif not present and row is not None:
            self._session.delete(row)
        self._session.flush()

    def remove_links_of(self, item_id: int) -> None:
        self._session.execute(delete(RegisterLinkRow).where(or_(RegisterLinkRow.source_id == item_id, RegisterLinkRow.target_id == item_id)))
