"""Quick entry of what each group did: dots per goal, or two ratings per shortlisted item (a shock's likelihood and
impact, a stress's trend and severity, stored alike: core/register/records.py).

Type a number in a cell and it is saved at once (Arabic-Indic digits too). A refused value (a group
over its allowance, a level outside 1–5) puts the cell back and says why in `message`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from resilience_app.core.content.labels import goal_label
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number, parse_whole_number
from resilience_app.core.i18n import _
from resilience_app.core.register.labels import rating_terms, scale_label
from resilience_app.core.workshop.records import GroupRating
from resilience_app.gui.workshop_state import WorkshopState

KEY_ROLE = Qt.ItemDataRole.UserRole
TOTAL_COLOUR = QColor("#eef2f7")
KeyT = TypeVar("KeyT")  # what an entry cell stands for, kept in its KEY_ROLE
DotKey = tuple[int, str]  # (group id, goal id)
RatingKey = tuple[int, int, str]  # (group id, item id, "likelihood" or "impact")


def _fixed(text: str, *, total: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if total:
        item.setBackground(TOTAL_COLOUR)
    return item


def _entry(text: str, key: DotKey | RatingKey) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(KEY_ROLE, key)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class EntryGrid(QTableWidget, Generic[KeyT]):
    """Signals: message(str): why a value was refused ("" once a value is saved)."""

    message = Signal(str)

    def __init__(self, state: WorkshopState, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.workshop = state
        self.exercise_id: int | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.itemChanged.connect(self._on_changed)

    def show_exercise(self, exercise_id: int | None) -> None:
        self.exercise_id = exercise_id
        self.refresh()

    def refresh(self) -> None:
        self.blockSignals(True)
        try:
            self.fill()
        finally:
            self.blockSignals(False)

    def fill(self) -> None:
        raise NotImplementedError

    def store(self, key: KeyT, value: int | None) -> None:
        raise NotImplementedError

    def _on_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key is None or self.exercise_id is None:
            return
        text = item.text().strip()
        try:
            value = parse_whole_number(text, field="value", minimum=0) if text else None
            self.store(key, value)
        except UserFacingError as error:  # a refused value (InvalidInputError) or an entry removed meanwhile
            self.message.emit(error.message)
            self.refresh()
            return
        self.message.emit("")

    def enter(self, row: int, column: int, text: str) -> None:
        """Type `text` into a cell as a user would (tests and the keyboard path use this)."""
        item = self.item(row, column)
        assert item is not None and item.data(KEY_ROLE) is not None
        item.setText(text)


class DotVoteGrid(EntryGrid[DotKey]):
    """Goals down, groups across; each group's column ends with the dots it has left."""

    def __init__(self, state: WorkshopState) -> None:
        super().__init__(state, "dot_vote_grid")

    def fill(self) -> None:
        snapshot = self.workshop.snapshot
        exercise = snapshot.exercise(self.exercise_id) if snapshot and self.exercise_id else None
        goals = list(self.workshop.framework.goals())
        if snapshot is None or exercise is None:
            self.setRowCount(0)
            return
        groups = snapshot.groups
        votes = snapshot.votes.get(exercise.id, {})
        self.setRowCount(len(goals) + 1)
        self.setColumnCount(len(groups) + 1)
        self.setHorizontalHeaderLabels([group.name for group in groups] + [_("All groups")])
        self.setVerticalHeaderLabels([goal_label(goal) for goal in goals] + [_("Dots left")])
        for row, goal in enumerate(goals):
            for column, group in enumerate(groups):
                dots = votes.get((group.id, goal.id), 0)
                self.setItem(row, column, _entry(format_number(dots) if dots else "", (group.id, goal.id)))
            total = sum(count for (_group, goal_id), count in votes.items() if goal_id == goal.id)
            self.setItem(row, len(groups), _fixed(format_number(total), total=True))
        allowance = exercise.exercise.dots_per_group
        left = [allowance - snapshot.dots_used(exercise.id, group.id) for group in groups]
        for column, dots_left in enumerate(left):
            self.setItem(len(goals), column, _fixed(format_number(dots_left), total=True))
        self.setItem(len(goals), len(groups), _fixed(format_number(sum(left)), total=True))  # the room's dots still to place
        self.resizeColumnsToContents()

    def store(self, key: DotKey, value: int | None) -> None:
        group_id, goal_id = key
        assert self.exercise_id is not None
        self.workshop.set_dots(self.exercise_id, group_id, goal_id, value or 0)


class RankingGrid(EntryGrid[RatingKey]):
    """Shortlisted items down; for each group two rating columns (1–5): likelihood and impact for a shock, trend and
    severity for a stress, each cell's tooltip naming its rating as the item's kind is rated."""

    def __init__(self, state: WorkshopState) -> None:
        super().__init__(state, "ranking_grid")

    def fill(self) -> None:
        snapshot = self.workshop.snapshot
        exercise = snapshot.exercise(self.exercise_id) if snapshot and self.exercise_id else None
        if snapshot is None or exercise is None:
            self.setRowCount(0)
            return
        groups, items = snapshot.groups, exercise.exercise.item_ids
        given = {(rating.group_id, rating.item_id): rating for rating in snapshot.ratings.get(exercise.id, [])}
        self.setRowCount(len(items))
        self.setColumnCount(2 * len(groups))
        headers = []
        for group in groups:
            headers += [_("{group}\nLikelihood / trend").format(group=group.name), _("{group}\nImpact / severity").format(group=group.name)]
        self.setHorizontalHeaderLabels(headers)
        self.setVerticalHeaderLabels([self.workshop.register.name(item_id) for item_id in items])
        for row, item_id in enumerate(items):
            record = self.workshop.register.item(item_id)
            terms = rating_terms(record.item.kind if record else "shock")
            titles = {"likelihood": (terms.likelihood, terms.likelihood_names), "impact": (terms.impact, terms.impact_names)}
            for position, group in enumerate(groups):
                rating = given.get((group.id, item_id))
                for offset, field in enumerate(("likelihood", "impact")):
                    value = getattr(rating, field) if rating else None
                    cell = _entry(format_number(value) if value else "", (group.id, item_id, field))
                    title, names = titles[field]
                    cell.setToolTip(_("{group}: {rating} {level}").format(  # "Table 2: Trend 4 · Worsening"
                        group=group.name, rating=_(title), level=scale_label(dict(names), value) if value else _("(1–5)")))
                    self.setItem(row, 2 * position + offset, cell)
        self.resizeColumnsToContents()

    def store(self, key: RatingKey, value: int | None) -> None:
        group_id, item_id, field = key
        assert self.exercise_id is not None and self.workshop.snapshot is not None
        current = next(
            (rating for rating in self.workshop.snapshot.ratings.get(self.exercise_id, []) if (rating.group_id, rating.item_id) == (group_id, item_id)),
            GroupRating(group_id, item_id, None, None),
        )
        values = {"likelihood": current.likelihood, "impact": current.impact, field: value}
        self.workshop.set_rating(self.exercise_id, GroupRating(group_id, item_id, values["likelihood"], values["impact"]))
