"""The actions inventory, the discovery areas and the next steps of an assessment."""

from __future__ import annotations

import json
from typing import TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from resilience_app.core.assessment.repository import names_a_row
from resilience_app.core.register.records import (
    ActionDraft,
    ActionRecord,
    DiscoveryAreaDraft,
    DiscoveryAreaRecord,
    NextStepDraft,
    NextStepRecord,
)
from resilience_app.core.storage.id_lists import join_ids, split_ids, split_int_ids
from resilience_app.core.storage.models import ActionRow, DiscoveryAreaRow, NextStepRow

RowT = TypeVar("RowT", ActionRow, DiscoveryAreaRow, NextStepRow)


class PlanningRowNotFound(LookupError):
    pass


def _action_record(row: ActionRow) -> ActionRecord:
    draft = ActionDraft(
        title=row.title, owner=row.owner, status=row.status, timeframe=row.timeframe, budget_source=row.budget_source,
        goals=split_ids(row.goals), item_ids=split_int_ids(row.item_ids), qualities=split_ids(row.qualities), notes=row.notes,
    )
    return ActionRecord(id=row.id, assessment_id=row.assessment_id, action=draft)


def _fill_action(row: ActionRow, draft: ActionDraft) -> None:
    row.title, row.owner, row.status, row.timeframe = draft.title, draft.owner, draft.status, draft.timeframe
    row.budget_source, row.notes = draft.budget_source, draft.notes
    row.goals, row.item_ids, row.qualities = join_ids(draft.goals), join_ids(draft.item_ids), join_ids(draft.qualities)


def _step_record(row: NextStepRow) -> NextStepRecord:
    draft = NextStepDraft(what=row.what, owner=row.owner, due=row.due_on, status=row.status, area_id=row.area_id)
    return NextStepRecord(id=row.id, assessment_id=row.assessment_id, step=draft)


def _fill_step(row: NextStepRow, draft: NextStepDraft) -> None:
    row.what, row.owner, row.due_on, row.status, row.area_id = draft.what, draft.owner, draft.due, draft.status, draft.area_id


def _area_record(row: DiscoveryAreaRow) -> DiscoveryAreaRecord:
    reasoning = {language: tuple(lines) for language, lines in json.loads(row.reasoning or "{}").items()}
    draft = DiscoveryAreaDraft(
        title=row.title, rationale=row.rationale, goals=split_ids(row.goals), item_ids=split_int_ids(row.item_ids),
        status=row.status, origin=row.origin, reasoning=reasoning, questions=row.questions, data_needed=row.data_needed, partners=row.partners,
    )
    return DiscoveryAreaRecord(id=row.id, assessment_id=row.assessment_id, area=draft, updated_at=row.updated_at)


def _fill_area(row: DiscoveryAreaRow, draft: DiscoveryAreaDraft) -> None:
    row.title, row.rationale, row.status, row.origin = draft.title, draft.rationale, draft.status, draft.origin
    row.goals, row.item_ids = join_ids(draft.goals), join_ids(draft.item_ids)
    row.questions, row.data_needed, row.partners = draft.questions, draft.data_needed, draft.partners
    row.reasoning = json.dumps({language: list(lines) for language, lines in draft.reasoning.items()}, ensure_ascii=False)


class PlanningRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _get(self, model: type[RowT], row_id: int) -> RowT:
        row = self._session.get(model, row_id) if names_a_row(row_id) else None
        if row is None:
            raise PlanningRowNotFound(row_id)
        return row

    # -- actions
    def actions(self, assessment_id: int) -> list[ActionRecord]:
        rows = self._session.scalars(select(ActionRow).where(ActionRow.assessment_id == assessment_id).order_by(ActionRow.id))
        return [_action_record(row) for row in rows]

    def add_action(self, assessment_id: int, draft: ActionDraft) -> ActionRecord:
        row = ActionRow(assessment_id=assessment_id)
        _fill_action(row, draft)
        self._session.add(row)
        self._session.flush()
        return _action_record(row)

    def update_action(self, action_id: int, draft: ActionDraft) -> ActionRecord:
        row = self._get(ActionRow, action_id)
        _fill_action(row, draft)
        self._session.flush()
        return _action_record(row)

    def remove_action(self, action_id: int) -> None:
        self._session.delete(self._get(ActionRow, action_id))
        self._session.flush()

    # -- discovery areas
    def areas(self, assessment_id: int) -> list[DiscoveryAreaRecord]:
        rows = self._session.scalars(select(DiscoveryAreaRow).where(DiscoveryAreaRow.assessment_id == assessment_id).order_by(DiscoveryAreaRow.id))
        return [_area_record(row) for row in rows]

    def get_area(self, area_id: int) -> DiscoveryAreaRecord:
        return _area_record(self._get(DiscoveryAreaRow, area_id))

    def add_area(self, assessment_id: int, draft: DiscoveryAreaDraft) -> DiscoveryAreaRecord:
        row = DiscoveryAreaRow(assessment_id=assessment_id)
        _fill_area(row, draft)
        self._session.add(row)
        self._session.flush()
        return _area_record(row)

    def update_area(self, area_id: int, draft: DiscoveryAreaDraft) -> DiscoveryAreaRecord:
        row = self._get(DiscoveryAreaRow, area_id)
        _fill_area(row, draft)
        self._session.flush()
        return _area_record(row)

    def remove_areas(self, area_ids: list[int]) -> None:
        self._session.execute(delete(DiscoveryAreaRow).where(DiscoveryAreaRow.id.in_(area_ids)))

    def remove_app_proposals(self, assessment_id: int) -> None:
        """Drop the app's proposals the CRO has not acted on (accepted, rejected and own areas stay, and so do
        areas where the CRO wrote what Phase II must work on, `DiscoveryAreaDraft.has_phase_two_work`, or that a
        next step serves)."""
        served = select(NextStepRow.area_id).where(NextStepRow.assessment_id == assessment_id, NextStepRow.area_id.is_not(None))
        self._session.execute(
            delete(DiscoveryAreaRow).where(
                DiscoveryAreaRow.assessment_id == assessment_id, DiscoveryAreaRow.origin == "app", DiscoveryAreaRow.status == "proposed",
                DiscoveryAreaRow.questions == "", DiscoveryAreaRow.data_needed == "", DiscoveryAreaRow.partners == "",
                DiscoveryAreaRow.id.not_in(served),
            )
        )

    # -- next steps
    def next_steps(self, assessment_id: int) -> list[NextStepRecord]:
        rows = self._session.scalars(select(NextStepRow).where(NextStepRow.assessment_id == assessment_id).order_by(NextStepRow.id))
        return [_step_record(row) for row in rows]

    def get_next_step(self, step_id: int) -> NextStepRecord:
        return _step_record(self._get(NextStepRow, step_id))

    def add_next_step(self, assessment_id: int, draft: NextStepDraft) -> NextStepRecord:
        row = NextStepRow(assessment_id=assessment_id)
        _fill_step(row, draft)
        self._session.add(row)
        self._session.flush()
        return _step_record(row)

    def update_next_step(self, step_id: int, draft: NextStepDraft) -> NextStepRecord:
        row = self._get(NextStepRow, step_id)
        _fill_step(row, draft)
        self._session.flush()
        return _step_record(row)

    def remove_next_step(self, step_id: int) -> None:
        self._session.delete(self._get(NextStepRow, step_id))
        self._session.flush()

    def move_next_steps(self, from_area_ids: list[int], to_area_id: int) -> None:
        """The steps that served the areas `from_area_ids` serve `to_area_id` (the area they were merged into)."""
        self._session.execute(update(NextStepRow).where(NextStepRow.area_id.in_(from_area_ids)).values(area_id=to_area_id))
