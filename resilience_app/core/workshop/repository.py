"""Workshops and everything recorded during them."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from resilience_app.core.assessment.repository import names_a_row
from resilience_app.core.storage.id_lists import join_ids, split_int_ids
from resilience_app.core.storage.models import (
    DotVoteRow,
    ExerciseRow,
    GroupRatingRow,
    ParticipantRow,
    RoomRatingRow,
    WorkshopGroupRow,
    WorkshopRow,
    WorkshopSessionRow,
)
from resilience_app.core.workshop.records import (
    ExerciseDraft,
    ExerciseRecord,
    GroupRating,
    GroupRecord,
    ParticipantDraft,
    ParticipantRecord,
    RoomRating,
    SessionRecord,
    WorkshopDraft,
    WorkshopRecord,
)

Row = TypeVar("Row")
_PARTICIPANT_FIELDS = ("sector", "name", "organisation", "gender", "age_band", "group_id")


class WorkshopRowNotFound(LookupError):
    pass


def _workshop(row: WorkshopRow) -> WorkshopRecord:
    draft = WorkshopDraft(row.title, row.held_on, row.venue, row.notes, tuple(json.loads(row.own_sectors or "[]")), row.notes_sensitive)
    return WorkshopRecord(row.id, row.assessment_id, draft)


def _participant(row: ParticipantRow) -> ParticipantRecord:
    return ParticipantRecord(row.id, row.workshop_id, ParticipantDraft(**{name: getattr(row, name) for name in _PARTICIPANT_FIELDS}))


def _exercise(row: ExerciseRow) -> ExerciseRecord:
    draft = ExerciseDraft(row.kind, row.title, row.session_id, row.dots_per_group, row.duration_minutes, split_int_ids(row.item_ids))
    return ExerciseRecord(row.id, row.workshop_id, draft)


class WorkshopRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _get(self, model: type[Row], row_id: int) -> Row:
        row = self._session.get(model, row_id) if names_a_row(row_id) else None
        if row is None:
            raise WorkshopRowNotFound(row_id)
        return row

    def _all(self, model: Any, column: Any, value: int) -> list[Any]:
        return list(self._session.scalars(select(model).where(column == value).order_by(model.id)))

    def _flush(self, row: Row) -> Row:
        self._session.add(row)
        self._session.flush()
        return row

    # -- workshops
    def workshops(self, assessment_id: int) -> list[WorkshopRecord]:
        return [_workshop(row) for row in self._all(WorkshopRow, WorkshopRow.assessment_id, assessment_id)]

    def workshop(self, workshop_id: int) -> WorkshopRecord:
        return _workshop(self._get(WorkshopRow, workshop_id))

    def save_workshop(self, assessment_id: int, draft: WorkshopDraft, workshop_id: int | None = None) -> WorkshopRecord:
        row = self._get(WorkshopRow, workshop_id) if workshop_id else WorkshopRow(assessment_id=assessment_id)
        row.title, row.held_on, row.venue, row.notes, row.notes_sensitive = draft.title, draft.held_on, draft.venue, draft.notes, draft.notes_sensitive
        row.own_sectors = json.dumps(list(draft.own_sectors), ensure_ascii=False)
        return _workshop(self._flush(row))

    def remove_workshop(self, workshop_id: int) -> None:
        self._session.delete(self._get(WorkshopRow, workshop_id))
        self._session.flush()

    # -- groups
    def groups(self, workshop_id: int) -> list[GroupRecord]:
        return [GroupRecord(row.id, row.workshop_id, row.name) for row in self._all(WorkshopGroupRow, WorkshopGroupRow.workshop_id, workshop_id)]

    def group(self, group_id: int) -> GroupRecord:
        row = self._get(WorkshopGroupRow, group_id)
        return GroupRecord(row.id, row.workshop_id, row.name)

    def save_group(self, workshop_id: int, name: str, group_id: int | None = None) -> GroupRecord:
        row = self._get(WorkshopGroupRow, group_id) if group_id else WorkshopGroupRow(workshop_id=workshop_id)
        row.name = name
        self._flush(row)
        return GroupRecord(row.id, row.workshop_id, row.name)

    def remove_group(self, group_id: int) -> None:
        self._session.delete(self._get(WorkshopGroupRow, group_id))
        self._session.flush()

    # -- participants
    def participants(self, workshop_id: int) -> list[ParticipantRecord]:
        return [_participant(row) for row in self._all(ParticipantRow, ParticipantRow.workshop_id, workshop_id)]

    def participant(self, participant_id: int) -> ParticipantRecord:
        return _participant(self._get(ParticipantRow, participant_id))

    def save_participant(self, workshop_id: int, draft: ParticipantDraft, participant_id: int | None = None) -> ParticipantRecord:
        row = self._get(ParticipantRow, participant_id) if participant_id else ParticipantRow(workshop_id=workshop_id)
        for name in _PARTICIPANT_FIELDS:
            setattr(row, name, getattr(draft, name))
        return _participant(self._flush(row))

    def remove_participant(self, participant_id: int) -> None:
        self._session.delete(self._get(ParticipantRow, participant_id))
        self._session.flush()

    # -- sessions and exercises
    def sessions(self, workshop_id: int) -> list[SessionRecord]:
        return [SessionRecord(row.id, row.workshop_id, row.title) for row in self._all(WorkshopSessionRow, WorkshopSessionRow.workshop_id, workshop_id)]

    def session_record(self, session_id: int) -> SessionRecord:
        row = self._get(WorkshopSessionRow, session_id)
        return SessionRecord(row.id, row.workshop_id, row.title)

    def save_session(self, workshop_id: int, title: str, session_id: int | None = None) -> SessionRecord:
        row = self._get(WorkshopSessionRow, session_id) if session_id else WorkshopSessionRow(workshop_id=workshop_id)
        row.title = title
        self._flush(row)
        return SessionRecord(row.id, row.workshop_id, row.title)

    def remove_session(self, session_id: int) -> None:
        self._session.delete(self._get(WorkshopSessionRow, session_id))
        self._session.flush()

    def exercises(self, workshop_id: int) -> list[ExerciseRecord]:
        return [_exercise(row) for row in self._all(ExerciseRow, ExerciseRow.workshop_id, workshop_id)]

    def exercise(self, exercise_id: int) -> ExerciseRecord:
        return _exercise(self._get(ExerciseRow, exercise_id))

    def save_exercise(self, workshop_id: int, draft: ExerciseDraft, exercise_id: int | None = None) -> ExerciseRecord:
        row = self._get(ExerciseRow, exercise_id) if exercise_id else ExerciseRow(workshop_id=workshop_id)
        row.kind, row.title, row.session_id = draft.kind, draft.title, draft.session_id
        row.dots_per_group, row.duration_minutes, row.item_ids = draft.dots_per_group, draft.duration_minutes, join_ids(draft.item_ids)
        return _exercise(self._flush(row))

    def remove_exercise(self, exercise_id: int) -> None:
        self._session.delete(self._get(ExerciseRow, exercise_id))
        self._session.flush()

    def forget_item(self, item_id: int) -> None:
        """Take a register item that is being removed off every shortlist."""
        for row in self._session.scalars(select(ExerciseRow).where(ExerciseRow.item_ids != "")):
            kept = tuple(other for other in split_int_ids(row.item_ids) if other != item_id)
            row.item_ids = join_ids(kept)
        self._session.flush()

    # -- what the groups entered
    def dot_votes(self, exercise_id: int) -> dict[tuple[int, str], int]:
        return {(row.group_id, row.goal_id): row.dots for row in self._all(DotVoteRow, DotVoteRow.exercise_id, exercise_id)}

    def set_dots(self, exercise_id: int, group_id: int, goal_id: str, dots: int) -> None:
        found = select(DotVoteRow).where(DotVoteRow.exercise_id == exercise_id, DotVoteRow.group_id == group_id, DotVoteRow.goal_id == goal_id)
        row = self._session.scalar(found)
        if dots == 0:
            if row is not None:
                self._session.delete(row)
        elif row is None:
            self._session.add(DotVoteRow(exercise_id=exercise_id, group_id=group_id, goal_id=goal_id, dots=dots))
        else:
            row.dots = dots
        self._session.flush()

    def ratings(self, exercise_id: int) -> list[GroupRating]:
        rows = self._all(GroupRatingRow, GroupRatingRow.exercise_id, exercise_id)
        return [GroupRating(row.group_id, row.item_id, row.likelihood, row.impact) for row in rows]

    def set_rating(self, exercise_id: int, rating: GroupRating) -> None:
        found = select(GroupRatingRow).where(
            GroupRatingRow.exercise_id == exercise_id, GroupRatingRow.group_id == rating.group_id, GroupRatingRow.item_id == rating.item_id
        )
        row = self._session.scalar(found) or GroupRatingRow(exercise_id=exercise_id, group_id=rating.group_id, item_id=rating.item_id)
        row.likelihood, row.impact = rating.likelihood, rating.impact
        self._flush(row)

    # -- the room's ratings applied to the register
    def room_ratings(self, item_ids: list[int]) -> dict[int, RoomRating]:
        rows = self._session.scalars(select(RoomRatingRow).where(RoomRatingRow.item_id.in_(item_ids)))
        return {row.item_id: RoomRating(row.item_id, row.exercise_id, row.likelihood, row.impact, row.groups, row.applied_at) for row in rows}

    def replace_room_ratings(self, ratings: list[RoomRating]) -> None:
        item_ids = [rating.item_id for rating in ratings]
        self._session.execute(delete(RoomRatingRow).where(RoomRatingRow.item_id.in_(item_ids)))
        for rating in ratings:
            self._session.add(
                RoomRatingRow(
                    item_id=rating.item_id, exercise_id=rating.exercise_id, likelihood=rating.likelihood,
                    impact=rating.impact, groups=rating.groups, applied_at=rating.applied_at,
                )
            )
        self._session.flush()
