"""The workshop's use cases, reached as `ResilienceService.workshops`.

A workshop's exercises work on the register's shocks and stresses, so this feature reads the register
(never the other way round). Each method is one unit of work over the shared `CoreContext` and returns
frozen values; `snapshot` reads a whole workshop at once for the facilitator's screens and the projector,
and `snapshot_in` lets the brief read it inside its own unit of work.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.orm import Session

from resilience_app.core.assessment.service import ASSESSMENT_GONE, assessment_in, profile_in
from resilience_app.core.content import Content
from resilience_app.core.content.model import BalanceCheck, Framework, Sector
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.every_language import message_in_every_language
from resilience_app.core.i18n import N_, _, isolate
from resilience_app.core.register.repository import RegisterRepository
from resilience_app.core.scoring import ResilienceProfile
from resilience_app.core.workshop.labels import own_sector
from resilience_app.core.workshop.participants_csv import ParticipantsImport, read_participants_csv, write_participants_csv
from resilience_app.core.workshop.records import (
    DOT_VOTE,
    RANKING,
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
from resilience_app.core.workshop.repository import WorkshopRepository, WorkshopRowNotFound
from resilience_app.core.workshop.representation import Representation, check_representation
from resilience_app.core.workshop.results import (
    GoalPerception,
    GoalTally,
    RoomRanking,
    compare_perceptions,
    dots_of_group,
    room_ranking,
    tally_dots,
)
from resilience_app.core.workshop.rules import (
    MAX_GROUP_NAME_LENGTH,
    MAX_TITLE_LENGTH,
    check_dots,
    check_rating_level,
    clean_exercise,
    clean_name,
    clean_participant,
    clean_workshop,
    same_name,
)


@dataclass(frozen=True)
class WorkshopSnapshot:
    """A whole workshop as read in one go."""

    record: WorkshopRecord
    groups: list[GroupRecord]
    participants: list[ParticipantRecord]
    sessions: list[SessionRecord]
    exercises: list[ExerciseRecord]
    votes: dict[int, dict[tuple[int, str], int]] = field(default_factory=dict)  # exercise id -> (group, goal) -> dots
    ratings: dict[int, list[GroupRating]] = field(default_factory=dict)  # exercise id -> ratings

    @property
    def id(self) -> int:
        return self.record.id

    def group_name(self, group_id: int | None) -> str:
        return next((group.name for group in self.groups if group.id == group_id), "")

    def exercise(self, exercise_id: int) -> ExerciseRecord | None:
        return next((exercise for exercise in self.exercises if exercise.id == exercise_id), None)

    def dots_used(self, exercise_id: int, group_id: int) -> int:
        return dots_of_group(self.votes.get(exercise_id, {}), group_id)


def _gone(_missing: LookupError | None = None) -> UserFacingError:
    return user_error(ErrorCode.WORKSHOP_ENTRY_NOT_FOUND)


def snapshot_in(session: Session, workshop_id: int) -> WorkshopSnapshot:
    """A whole workshop, read in the caller's unit of work."""
    repository = WorkshopRepository(session)
    record = repository.workshop(workshop_id)  # first: a workshop that does not exist is told so
    exercises = repository.exercises(workshop_id)
    return WorkshopSnapshot(
        record=record,
        groups=repository.groups(workshop_id),
        participants=repository.participants(workshop_id),
        sessions=repository.sessions(workshop_id),
        exercises=exercises,
        votes={exercise.id: repository.dot_votes(exercise.id) for exercise in exercises if exercise.kind == DOT_VOTE},
        ratings={exercise.id: repository.ratings(exercise.id) for exercise in exercises if exercise.kind == RANKING},
    )


def room_ratings_in(session: Session, assessment_id: int) -> dict[int, RoomRating]:
    """The room's ratings applied to the assessment's register items, by item id, read in the caller's unit of work."""
    items = [item.id for item in RegisterRepository(session).items(assessment_id)]
    return WorkshopRepository(session).room_ratings(items)


def representation_of(snapshot: WorkshopSnapshot, content: Content) -> Representation:
    """Who was in the room, against the content's sectors and balance checks and the workshop's own sectors."""
    participants = [record.participant for record in snapshot.participants]
    return check_representation(participants, content.sectors, content.balance_checks, snapshot.record.workshop.own_sectors)


def forget_item(session: Session, item_id: int) -> None:
    """Take a register item that is being removed off every shortlist (the register's `item_removers`)."""
    WorkshopRepository(session).forget_item(item_id)


def dot_results_of(snapshot: WorkshopSnapshot, exercise_id: int, framework: Framework) -> list[GoalTally]:
    return tally_dots(snapshot.votes.get(exercise_id, {}), [goal.id for goal in framework.goals()])


def room_ranking_of(snapshot: WorkshopSnapshot, exercise_id: int) -> RoomRanking:
    exercise = snapshot.exercise(exercise_id)
    return room_ranking(snapshot.ratings.get(exercise_id, []), list(exercise.exercise.item_ids) if exercise else [])

# The session every new workshop starts with, named in every language (`core.every_language`).
FIRST_SESSION = N_("Session 1")


class WorkshopService:
    def __init__(self, context: CoreContext) -> None:
        self._context = context

    def _session(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work({**ASSESSMENT_GONE, WorkshopRowNotFound: _gone})

    # -- the content's sectors ---------------------------------------------------------------

    @cached_property
    def sectors(self) -> dict[str, Sector]:
        return {sector.id: sector for sector in self._context.content.sectors}

    @property
    def balance_checks(self) -> tuple[BalanceCheck, ...]:
        return self._context.content.balance_checks

    def _sector_names(self) -> list[str]:
        return [name for sector in self.sectors.values() for name in sector.name.translations.values()]

    # -- workshops ----------------------------------------------------------------------------

    def workshops(self, assessment_id: int) -> list[WorkshopRecord]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return WorkshopRepository(session).workshops(assessment_id)

    def add_workshop(self, assessment_id: int, draft: WorkshopDraft) -> WorkshopRecord:
        cleaned = clean_workshop(draft, content_sector_names=self._sector_names())
        with self._session() as session:
            assessment_in(session, assessment_id)
            repository = WorkshopRepository(session)
            record = repository.save_workshop(assessment_id, cleaned)
            repository.save_session(record.id, message_in_every_language(FIRST_SESSION))
            return record

    def update_workshop(self, workshop_id: int, draft: WorkshopDraft) -> WorkshopRecord:
        cleaned = clean_workshop(draft, content_sector_names=self._sector_names())
        with self._session() as session:
            repository = WorkshopRepository(session)
            current = repository.workshop(workshop_id)
            in_use = {participant.participant.sector for participant in repository.participants(workshop_id)}
            dropped = [name for name in current.workshop.own_sectors if name not in cleaned.own_sectors and own_sector(name) in in_use]
            if dropped:
                raise InvalidInputError({"own_sectors": _("Participants are still in the sector “{name}”; move them first.").format(name=isolate(dropped[0]))})
            return repository.save_workshop(current.assessment_id, cleaned, workshop_id)

    def remove_workshop(self, workshop_id: int) -> None:
        with self._session() as session:
            WorkshopRepository(session).remove_workshop(workshop_id)

    def snapshot(self, workshop_id: int) -> WorkshopSnapshot:
        with self._session() as session:
            return snapshot_in(session, workshop_id)

    # -- groups and sessions ------------------------------------------------------------------

    def add_group(self, workshop_id: int, name: str) -> GroupRecord:
        return self._save_group(workshop_id, name, None)

    def rename_group(self, group_id: int, name: str) -> GroupRecord:
        with self._session() as session:
            workshop_id = WorkshopRepository(session).group(group_id).workshop_id
        return self._save_group(workshop_id, name, group_id)

    def _save_group(self, workshop_id: int, name: str, group_id: int | None) -> GroupRecord:
        with self._session() as session:
            repository = WorkshopRepository(session)
            others = [group.name for group in repository.groups(workshop_id) if group.id != group_id]
            cleaned = clean_name(
                name, others, when_missing=_("Give the group a name, such as “Table 1”."),
                when_taken=_("There is already a group called “{name}”."), limit=MAX_GROUP_NAME_LENGTH,
            )
            return repository.save_group(workshop_id, cleaned, group_id)

    def remove_group(self, group_id: int) -> None:
        """Remove a group with its dots and ratings; its participants stay, without a group."""
        with self._session() as session:
            WorkshopRepository(session).remove_group(group_id)

    def add_session(self, workshop_id: int, title: str) -> SessionRecord:
        return self._save_session(workshop_id, title, None)

    def rename_session(self, session_id: int, title: str) -> SessionRecord:
        with self._session() as session:
            workshop_id = WorkshopRepository(session).session_record(session_id).workshop_id
        return self._save_session(workshop_id, title, session_id)

    def _save_session(self, workshop_id: int, title: str, session_id: int | None) -> SessionRecord:
        with self._session() as session:
            repository = WorkshopRepository(session)
            others = [entry.title for entry in repository.sessions(workshop_id) if entry.id != session_id]
            cleaned = clean_name(
                title, others, when_missing=_("Give the session a title."),
                when_taken=_("There is already a session called “{name}”."), limit=MAX_TITLE_LENGTH,
            )
            return repository.save_session(workshop_id, cleaned, session_id)

    def remove_session(self, session_id: int) -> None:
        """Remove a session with its exercises; a workshop keeps at least one session."""
        with self._session() as session:
            repository = WorkshopRepository(session)
            if len(repository.sessions(repository.session_record(session_id).workshop_id)) <= 1:
                raise InvalidInputError({"session": _("A workshop keeps at least one session.")})
            repository.remove_session(session_id)

    # -- participants ----------------------------------------------------------------------

    def _clean_participant(self, repository: WorkshopRepository, workshop_id: int, draft: ParticipantDraft) -> ParticipantDraft:
        workshop = repository.workshop(workshop_id).workshop
        return clean_participant(
            draft, sector_ids=self.sectors, own_sectors=workshop.own_sectors, group_ids=[group.id for group in repository.groups(workshop_id)]
        )

    def add_participant(self, workshop_id: int, draft: ParticipantDraft) -> ParticipantRecord:
        with self._session() as session:
            repository = WorkshopRepository(session)
            return repository.save_participant(workshop_id, self._clean_participant(repository, workshop_id, draft))

    def update_participant(self, participant_id: int, draft: ParticipantDraft) -> ParticipantRecord:
        with self._session() as session:
            repository = WorkshopRepository(session)
            workshop_id = repository.participant(participant_id).workshop_id
            return repository.save_participant(workshop_id, self._clean_participant(repository, workshop_id, draft), participant_id)

    def remove_participant(self, participant_id: int) -> None:
        with self._session() as session:
            WorkshopRepository(session).remove_participant(participant_id)

    def representation(self, workshop_id: int) -> Representation:
        snapshot = self.snapshot(workshop_id)
        return self.representation_of(snapshot)

    def representation_of(self, snapshot: WorkshopSnapshot) -> Representation:
        return representation_of(snapshot, self._context.content)

    # -- the sign-in sheet as CSV ------------------------------------------------------------

    def preview_participants_csv(self, workshop_id: int, data: bytes, *, encoding: str | None = None) -> ParticipantsImport:
        """What importing `data` would add, and what is wrong with it; nothing is stored."""
        snapshot = self.snapshot(workshop_id)
        return read_participants_csv(
            data,
            sectors=list(self.sectors.values()),
            own_sectors=snapshot.record.workshop.own_sectors,
            existing=[record.participant for record in snapshot.participants],
            groups=[group.name for group in snapshot.groups],
            encoding=encoding,
        )

    def import_participants(self, workshop_id: int, preview: ParticipantsImport) -> int:
        """Store the importable rows of a confirmed preview (and the groups they name) in one unit of work.

        The database is backed up first; when that copy cannot be written nothing is imported.
        """
        self._context.backups.take("before-import")
        with self._session() as session:
            repository = WorkshopRepository(session)
            groups = {group.name: group.id for group in repository.groups(workshop_id)}
            for name in preview.new_groups:  # a group of that name may have been added since the preview
                existing = next((group_id for known, group_id in groups.items() if same_name(known, name)), None)
                groups[name] = existing if existing is not None else repository.save_group(workshop_id, name).id
            for row in preview.importable_rows:
                assert row.participant is not None
                draft = ParticipantDraft(**{**row.participant.__dict__, "group_id": groups.get(row.group)})
                repository.save_participant(workshop_id, self._clean_participant(repository, workshop_id, draft))
            return len(preview.importable_rows)

    def export_participants_csv(self, workshop_id: int, language: str) -> bytes:
        snapshot = self.snapshot(workshop_id)
        rows = [(record.participant, snapshot.group_name(record.participant.group_id)) for record in snapshot.participants]
        return write_participants_csv(rows, sectors=list(self.sectors.values()), language=language)

    # -- exercises ---------------------------------------------------------------------------

    def _clean_exercise(self, session: Session, workshop_id: int, draft: ExerciseDraft) -> ExerciseDraft:
        repository = WorkshopRepository(session)
        items = RegisterRepository(session).items(repository.workshop(workshop_id).assessment_id)
        return clean_exercise(draft, session_ids=[entry.id for entry in repository.sessions(workshop_id)], item_ids=[item.id for item in items])

    def add_exercise(self, workshop_id: int, draft: ExerciseDraft) -> ExerciseRecord:
        with self._session() as session:
            return WorkshopRepository(session).save_exercise(workshop_id, self._clean_exercise(session, workshop_id, draft))

    def update_exercise(self, exercise_id: int, draft: ExerciseDraft) -> ExerciseRecord:
        with self._session() as session:
            repository = WorkshopRepository(session)
            current = repository.exercise(exercise_id)
            if draft.kind != current.kind:
                raise InvalidInputError({"kind": _("An exercise keeps its kind; add a new exercise instead.")})
            cleaned = self._clean_exercise(session, current.workshop_id, draft)
            if draft.kind == DOT_VOTE:
                votes = repository.dot_votes(exercise_id)
                if any(dots_of_group(votes, group_id) > cleaned.dots_per_group for group_id, _goal in votes):
                    raise InvalidInputError({"dots_per_group": _("A group has already placed more dots than that; remove some first.")})
            return repository.save_exercise(current.workshop_id, cleaned, exercise_id)

    def remove_exercise(self, exercise_id: int) -> None:
        with self._session() as session:
            WorkshopRepository(session).remove_exercise(exercise_id)

    def set_dots(self, exercise_id: int, group_id: int, goal_id: str, dots: int) -> None:
        """Record how many dots a group placed on a goal; refused beyond the group's allowance."""
        with self._session() as session:
            repository = WorkshopRepository(session)
            exercise = repository.exercise(exercise_id)
            group = repository.group(group_id)
            framework = self._context.framework(assessment_in(session, repository.workshop(exercise.workshop_id).assessment_id).framework_id)
            if exercise.kind != DOT_VOTE or group.workshop_id != exercise.workshop_id or framework.goal(goal_id) is None:
                raise _gone()
            votes = repository.dot_votes(exercise_id)
            check_dots(votes, group_id=group_id, group_name=group.name, goal_id=goal_id, dots=dots, allowance=exercise.exercise.dots_per_group)
            repository.set_dots(exercise_id, group_id, goal_id, dots)

    def set_rating(self, exercise_id: int, rating: GroupRating) -> None:
        check_rating_level(rating.likelihood, "likelihood")
        check_rating_level(rating.impact, "impact")
        with self._session() as session:
            repository = WorkshopRepository(session)
            exercise = repository.exercise(exercise_id)
            group = repository.group(rating.group_id)
            if exercise.kind != RANKING or group.workshop_id != exercise.workshop_id or rating.item_id not in exercise.exercise.item_ids:
                raise _gone()
            repository.set_rating(exercise_id, rating)

    # -- results -----------------------------------------------------------------------------

    def _framework_of(self, snapshot: WorkshopSnapshot) -> Framework:
        with self._session() as session:
            return self._context.framework(assessment_in(session, snapshot.record.assessment_id).framework_id)

    def goal_ids(self, snapshot: WorkshopSnapshot) -> list[str]:
        return [goal.id for goal in self._framework_of(snapshot).goals()]

    def dot_results(self, snapshot: WorkshopSnapshot, exercise_id: int) -> list[GoalTally]:
        return dot_results_of(snapshot, exercise_id, self._framework_of(snapshot))

    def room_ranking(self, snapshot: WorkshopSnapshot, exercise_id: int) -> RoomRanking:
        return room_ranking_of(snapshot, exercise_id)

    def perceptions(self, snapshot: WorkshopSnapshot, exercise_id: int, profile: ResilienceProfile | None = None) -> list[GoalPerception]:
        """The dot vote beside the questionnaire's level of each goal (`profile`: the assessment's, when the caller has it)."""
        with self._session() as session:
            assessment_id = snapshot.record.assessment_id
            framework = self._context.framework(assessment_in(session, assessment_id).framework_id)
            profile = profile or profile_in(session, self._context, assessment_id)
        levels = {goal.id: profile.goals[goal.id].level for goal in framework.goals()}
        return compare_perceptions(dot_results_of(snapshot, exercise_id, framework), levels)

    # -- into the register ------------------------------------------------------------------

    def apply_room_ranking(self, exercise_id: int, *, now: dt.datetime | None = None) -> int:
        """Keep the room's rating of each ranked item beside the register's own, naming this exercise.

        The register's own likelihood, impact and rank are untouched: the room's view is a separate
        source the register and the brief show next to them. Applying again replaces it.
        """
        exercise = self._exercise(exercise_id)
        snapshot = self.snapshot(exercise.workshop_id)
        ranking = self.room_ranking(snapshot, exercise_id)
        if not ranking.ranked:
            raise InvalidInputError({"exercise": _("No group has rated a shock or stress yet; there is nothing to apply.")})
        moment = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ratings = [RoomRating(item.item_id, exercise_id, round(item.likelihood, 2), round(item.impact, 2), item.groups, moment) for item in ranking.ranked]
        with self._session() as session:
            WorkshopRepository(session).replace_room_ratings(ratings)
        return len(ratings)

    def _exercise(self, exercise_id: int) -> ExerciseRecord:
        with self._session() as session:
            return WorkshopRepository(session).exercise(exercise_id)

    def exercise_sources(self, assessment_id: int) -> dict[int, str]:
        """Each exercise of the assessment's workshops as "workshop: exercise", to name where a room rating came from."""
        with self._session() as session:
            repository = WorkshopRepository(session)
            return {
                exercise.id: _("{workshop}: {exercise}").format(workshop=workshop.workshop.title, exercise=exercise.exercise.title)
                for workshop in repository.workshops(assessment_id)
                for exercise in repository.exercises(workshop.id)
            }

    def room_ratings(self, assessment_id: int) -> dict[int, RoomRating]:
        """The room's ratings applied to the register's items, by item id."""
        with self._session() as session:
            return room_ratings_in(session, assessment_id)
