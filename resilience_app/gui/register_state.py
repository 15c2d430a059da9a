"""The open assessment's register, actions, discovery areas and next steps as the screens see them.

Views call this object rather than the service, and redraw on its `changed` signal, so the
register, the interconnections matrix, the 5×5 view, the actions and the discovery areas agree.
Every change is saved at once; a refused change raises `InvalidInputError` (or another
`UserFacingError`) and changes nothing, for the view to show next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from resilience_app.core.content.model import Framework, Hazard
from resilience_app.core.register.ranking import Link
from resilience_app.core.register.records import (
    ActionDraft,
    ActionRecord,
    DiscoveryAreaDraft,
    DiscoveryAreaRecord,
    NextStepDraft,
    NextStepRecord,
    RegisterItemDraft,
    RegisterItemRecord,
    RegisterLinkRecord,
)
from resilience_app.core.register.service import RegisterRanking, RegisterService, action_counts, ranking_of
from resilience_app.core.workshop.records import RoomRating
from resilience_app.gui.assessment_session import AssessmentSession

ResultT = TypeVar("ResultT")


class RegisterPart(Flag):
    """The parts of the register a change touched; each view redraws from what was re-read."""

    ITEMS = auto()  # the items, their ratings and ranks
    LINKS = auto()  # which item triggers or aggravates which
    ACTIONS = auto()
    AREAS = auto()  # discovery areas
    ROOM_RATINGS = auto()  # the workshops' ratings applied to the items
    NEXT_STEPS = auto()  # the next steps after the PRA (re-read with the areas too: a merge or removal moves them)
    ALL = ITEMS | LINKS | ACTIONS | AREAS | ROOM_RATINGS | NEXT_STEPS


class RegisterState(QObject):
    """Signals: changed(RegisterPart): what in the register, actions or areas changed (saved and re-read already)."""

    changed = Signal(object)  # the RegisterPart that changed

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__(session)
        self.session = session
        self.register: RegisterService = session.service.register
        self.items: list[RegisterItemRecord] = []
        self.links: list[RegisterLinkRecord] = []
        self._link_pairs: set[tuple[int, int]] = set()
        self.actions: list[ActionRecord] = []
        self.areas: list[DiscoveryAreaRecord] = []
        self.next_steps: list[NextStepRecord] = []
        self.ranking = RegisterRanking([], [], [])
        self.room_ratings: dict[int, RoomRating] = {}  # the workshops' view, a separate source
        self.room_sources: dict[int, str] = {}  # exercise id -> "workshop: exercise"
        self._read(RegisterPart.ALL)

    @property
    def assessment_id(self) -> int:
        return self.session.assessment_id

    @property
    def framework(self) -> Framework:
        return self.session.framework

    @property
    def catalogue(self) -> dict[str, Hazard]:
        return self.register.catalogue

    def reload(self, parts: RegisterPart = RegisterPart.ALL) -> None:
        """Read `parts` again (everything: after a change made elsewhere, such as a restore or a test)."""
        self._read(parts)
        self.changed.emit(parts)

    def _read(self, parts: RegisterPart) -> None:
        assessment_id = self.assessment_id
        if parts == RegisterPart.ALL:  # one transaction for the whole register
            contents = self.register.contents(assessment_id)
            self.items, self.links, self.actions, self.areas = contents.items, contents.links, contents.actions, contents.areas
            self.next_steps = contents.next_steps
        else:
            if RegisterPart.ITEMS in parts:
                self.items = self.register.items(assessment_id)
            if RegisterPart.LINKS in parts:
                self.links = self.register.links(assessment_id)
            if RegisterPart.ACTIONS in parts:
                self.actions = self.register.actions(assessment_id)
            if RegisterPart.AREAS in parts:
                self.areas = self.register.areas(assessment_id)
            if parts & (RegisterPart.AREAS | RegisterPart.NEXT_STEPS):
                self.next_steps = self.session.service.next_steps.next_steps(assessment_id)
        if parts & (RegisterPart.ITEMS | RegisterPart.LINKS):
            self._link_pairs = {(link.source_id, link.target_id) for link in self.links}
            self.ranking = ranking_of(self.items, [Link(link.source_id, link.target_id) for link in self.links])
        if RegisterPart.ROOM_RATINGS in parts:
            workshops = self.session.service.workshops
            self.room_ratings = workshops.room_ratings(assessment_id)
            self.room_sources = workshops.exercise_sources(assessment_id) if self.room_ratings else {}

    def _after(self, change: Callable[[], ResultT], parts: RegisterPart) -> ResultT:
        """Save `change`, then re-read only the `parts` it changed and say which."""
        result = change()
        self.reload(parts)
        return result

    # -- reading ---------------------------------------------------------------------------------

    def item(self, item_id: int) -> RegisterItemRecord | None:
        return next((record for record in self.items if record.id == item_id), None)

    def name(self, item: int | RegisterItemRecord) -> str:
        record = self.item(item) if isinstance(item, int) else item
        return self.register.item_name(record) if record else ""

    def area(self, area_id: int | None) -> DiscoveryAreaRecord | None:
        return next((record for record in self.areas if record.id == area_id), None)

    def has_link(self, source_id: int, target_id: int) -> bool:
        return (source_id, target_id) in self._link_pairs  # asked for every cell of the matrix

    def rank_of(self, item_id: int) -> int | None:
        return next((entry.rank for entry in self.ranking.ranked if entry.item.item_id == item_id), None)

    def goal_action_counts(self) -> dict[str, int]:
        return action_counts(self.actions, [goal.id for goal in self.framework.goals()])

    # -- changes -----------------------------------------------------------------------------------

    def add_item(self, draft: RegisterItemDraft) -> RegisterItemRecord:
        return self._after(lambda: self.register.add_item(self.assessment_id, draft), RegisterPart.ITEMS)

    def update_item(self, item_id: int, draft: RegisterItemDraft) -> RegisterItemRecord:
        return self._after(lambda: self.register.update_item(item_id, draft), RegisterPart.ITEMS)

    def remove_item(self, item_id: int) -> None:
        self._after(lambda: self.register.remove_item(item_id), RegisterPart.ALL)

    def set_link(self, source_id: int, target_id: int, present: bool) -> None:
        self._after(lambda: self.register.set_link(self.assessment_id, source_id, target_id, present), RegisterPart.LINKS)

    def set_rank(self, item_id: int, rank: int, reason: str) -> None:
        self._after(lambda: self.register.set_rank(item_id, rank, reason), RegisterPart.ITEMS)

    def clear_rank(self, item_id: int) -> None:
        self._after(lambda: self.register.clear_rank(item_id), RegisterPart.ITEMS)

    def add_action(self, draft: ActionDraft) -> ActionRecord:
        return self._after(lambda: self.register.add_action(self.assessment_id, draft), RegisterPart.ACTIONS)

    def update_action(self, action_id: int, draft: ActionDraft) -> ActionRecord:
        return self._after(lambda: self.register.update_action(self.assessment_id, action_id, draft), RegisterPart.ACTIONS)

    def remove_action(self, action_id: int) -> None:
        self._after(lambda: self.register.remove_action(action_id), RegisterPart.ACTIONS)

    def propose_areas(self) -> list[DiscoveryAreaRecord]:
        return self._after(lambda: self.register.propose_areas(self.assessment_id), RegisterPart.AREAS)

    def add_area(self, draft: DiscoveryAreaDraft) -> DiscoveryAreaRecord:
        return self._after(lambda: self.register.add_area(self.assessment_id, draft), RegisterPart.AREAS)

    def update_area(self, area_id: int, change: Callable[[DiscoveryAreaDraft], DiscoveryAreaDraft]) -> DiscoveryAreaRecord:
        return self._after(lambda: self.register.update_area(area_id, change), RegisterPart.AREAS)

    def set_area_status(self, area_id: int, status: str) -> None:
        self._after(lambda: self.register.set_area_status(area_id, status), RegisterPart.AREAS)

    def merge_areas(self, area_ids: list[int]) -> DiscoveryAreaRecord:
        return self._after(lambda: self.register.merge_areas(area_ids), RegisterPart.AREAS)

    def remove_area(self, area_id: int) -> None:
        self._after(lambda: self.register.remove_area(area_id), RegisterPart.AREAS)

    def add_next_step(self, draft: NextStepDraft) -> NextStepRecord:
        return self._after(lambda: self.session.service.next_steps.add_next_step(self.assessment_id, draft), RegisterPart.NEXT_STEPS)

    def update_next_step(self, step_id: int, draft: NextStepDraft) -> NextStepRecord:
        return self._after(lambda: self.session.service.next_steps.update_next_step(step_id, draft), RegisterPart.NEXT_STEPS)

    def remove_next_step(self, step_id: int) -> None:
        self._after(lambda: self.session.service.next_steps.remove_next_step(step_id), RegisterPart.NEXT_STEPS)
