"""The open assessment's workshops as the facilitator's screens and the projector see them.

Views call this object rather than the service and redraw on `changed`, so the laptop's
screens and the projector always agree. It also holds what is only on screen for the day:
which slide the projector shows, and each exercise's timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from resilience_app.core.content.model import Framework
from resilience_app.core.workshop.countdown import Countdown
from resilience_app.core.workshop.participants_csv import ParticipantsImport
from resilience_app.core.workshop.records import (
    DOT_VOTE,
    ExerciseDraft,
    GroupRating,
    ParticipantDraft,
    WorkshopDraft,
    WorkshopRecord,
)
from resilience_app.core.workshop.service import WorkshopService, WorkshopSnapshot
from resilience_app.gui.register_state import RegisterPart, RegisterState

T = TypeVar("T")
WELCOME = "welcome"
LIVE = "live"  # an exercise's instructions, timer and live results
PERCEPTIONS = "perceptions"  # a dot vote beside the questionnaire's profile


@dataclass(frozen=True)
class Slide:
    kind: str  # WELCOME | LIVE | PERCEPTIONS
    exercise_id: int | None = None


class WorkshopState(QObject):
    """Signals: changed(): something was saved; slide_changed(): the projector shows another slide;
    tick(): the running timer moved on (four times a second while it runs)."""

    changed = Signal()
    slide_changed = Signal()
    tick = Signal()

    def __init__(self, register: RegisterState) -> None:
        super().__init__(register)
        self.register = register
        self.service: WorkshopService = register.session.service.workshops
        self.workshops: list[WorkshopRecord] = []
        self.snapshot: WorkshopSnapshot | None = None
        self.slide_index = 0
        self._timers: dict[int, Countdown] = {}
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._on_tick)
        self._read(None)
        register.changed.connect(self._on_register_changed)

    @property
    def assessment_id(self) -> int:
        return self.register.assessment_id

    @property
    def framework(self) -> Framework:
        return self.register.framework

    @property
    def workshop_id(self) -> int | None:
        return self.snapshot.id if self.snapshot else None

    def _read(self, workshop_id: int | None) -> None:
        self.workshops = self.service.workshops(self.assessment_id)
        known = [record.id for record in self.workshops]
        chosen = workshop_id if workshop_id in known else (known[-1] if known else None)
        self.snapshot = self.service.snapshot(chosen) if chosen is not None else None
        self.slide_index = min(self.slide_index, len(self.slides()) - 1)

    def _on_register_changed(self, parts: RegisterPart) -> None:
        if RegisterPart.ITEMS in parts:  # item names and shortlists follow the register; its links, actions and areas do not show here
            self.reload()

    def reload(self) -> None:
        self._read(self.workshop_id)
        self.changed.emit()

    def choose(self, workshop_id: int) -> None:
        self.slide_index = 0
        self._read(workshop_id)
        self.changed.emit()
        self.slide_changed.emit()

    def _after(self, change: Callable[[], T]) -> T:
        result = change()
        self.reload()
        return result

    # -- workshops, groups, participants ------------------------------------------------------

    def add_workshop(self, draft: WorkshopDraft) -> WorkshopRecord:
        record = self.service.add_workshop(self.assessment_id, draft)
        self.choose(record.id)
        return record

    def update_workshop(self, draft: WorkshopDraft) -> None:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        self._after(lambda: self.service.update_workshop(workshop_id, draft))

    def remove_workshop(self) -> None:
        if self.workshop_id is not None:
            self.service.remove_workshop(self.workshop_id)
            self.slide_index = 0
            self._read(None)
            self.changed.emit()
            self.slide_changed.emit()

    def add_group(self, name: str) -> None:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        self._after(lambda: self.service.add_group(workshop_id, name))

    def rename_group(self, group_id: int, name: str) -> None:
        self._after(lambda: self.service.rename_group(group_id, name))

    def remove_group(self, group_id: int) -> None:
        self._after(lambda: self.service.remove_group(group_id))

    def add_participant(self, draft: ParticipantDraft) -> None:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        self._after(lambda: self.service.add_participant(workshop_id, draft))

    def update_participant(self, participant_id: int, draft: ParticipantDraft) -> None:
        self._after(lambda: self.service.update_participant(participant_id, draft))

    def remove_participant(self, participant_id: int) -> None:
        self._after(lambda: self.service.remove_participant(participant_id))

    def preview_import(self, data: bytes, encoding: str | None = None) -> ParticipantsImport:
        assert self.workshop_id is not None
        return self.service.preview_participants_csv(self.workshop_id, data, encoding=encoding)

    def import_participants(self, preview: ParticipantsImport) -> int:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        return self._after(lambda: self.service.import_participants(workshop_id, preview))

    # -- sessions and exercises ------------------------------------------------------------------

    def add_session(self, title: str) -> None:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        self._after(lambda: self.service.add_session(workshop_id, title))

    def rename_session(self, session_id: int, title: str) -> None:
        self._after(lambda: self.service.rename_session(session_id, title))

    def remove_session(self, session_id: int) -> None:
        self._after(lambda: self.service.remove_session(session_id))

    def add_exercise(self, draft: ExerciseDraft) -> int:
        assert self.workshop_id is not None
        workshop_id = self.workshop_id
        return self._after(lambda: self.service.add_exercise(workshop_id, draft)).id

    def update_exercise(self, exercise_id: int, draft: ExerciseDraft) -> None:
        self._after(lambda: self.service.update_exercise(exercise_id, draft))
        self.timer(exercise_id).reset(draft.duration_minutes * 60)

    def remove_exercise(self, exercise_id: int) -> None:
        self._after(lambda: self.service.remove_exercise(exercise_id))

    def set_dots(self, exercise_id: int, group_id: int, goal_id: str, dots: int) -> None:
        self._after(lambda: self.service.set_dots(exercise_id, group_id, goal_id, dots))

    def set_rating(self, exercise_id: int, rating: GroupRating) -> None:
        self._after(lambda: self.service.set_rating(exercise_id, rating))

    def apply_room_ranking(self, exercise_id: int) -> int:
        count = self.service.apply_room_ranking(exercise_id)
        self.register.reload(RegisterPart.ROOM_RATINGS)
        return count

    # -- the projector's slides ---------------------------------------------------------------------

    def slides(self) -> list[Slide]:
        """The welcome slide, then each exercise in session order (a dot vote is followed by its perceptions)."""
        slides = [Slide(WELCOME)]
        if self.snapshot is None:
            return slides
        for session in self.snapshot.sessions:
            for exercise in self.snapshot.exercises:
                if exercise.exercise.session_id == session.id:
                    slides.append(Slide(LIVE, exercise.id))
                    if exercise.kind == DOT_VOTE:
                        slides.append(Slide(PERCEPTIONS, exercise.id))
        return slides

    @property
    def slide(self) -> Slide:
        slides = self.slides()
        return slides[min(self.slide_index, len(slides) - 1)]

    def go_to_slide(self, index: int) -> None:
        index = max(0, min(index, len(self.slides()) - 1))
        if index != self.slide_index:
            self.slide_index = index
            self.slide_changed.emit()

    def step(self, offset: int) -> None:
        self.go_to_slide(self.slide_index + offset)

    def show_exercise(self, exercise_id: int) -> None:
        """Put an exercise's live slide on the projector."""
        for index, slide in enumerate(self.slides()):
            if slide.kind == LIVE and slide.exercise_id == exercise_id:
                self.go_to_slide(index)
                return

    # -- timers --------------------------------------------------------------------------------------

    def timer(self, exercise_id: int) -> Countdown:
        if exercise_id not in self._timers:
            exercise = self.snapshot.exercise(exercise_id) if self.snapshot else None
            self._timers[exercise_id] = Countdown(exercise.exercise.duration_minutes * 60 if exercise else 0)
        return self._timers[exercise_id]

    def toggle_timer(self, exercise_id: int) -> None:
        self.timer(exercise_id).toggle()
        self._update_ticker()
        self.tick.emit()

    def reset_timer(self, exercise_id: int) -> None:
        self.timer(exercise_id).reset()
        self._update_ticker()
        self.tick.emit()

    def _update_ticker(self) -> None:
        if any(timer.running for timer in self._timers.values()):
            self._ticker.start()
        else:
            self._ticker.stop()

    def _on_tick(self) -> None:
        for timer in self._timers.values():
            if timer.running and timer.finished:
                timer.pause()
        self._update_ticker()
        self.tick.emit()
