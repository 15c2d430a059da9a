"""A list of checkable entries, each with an id: goals, qualities or register items to tick."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from resilience_app.core.content.labels import goal_label
from resilience_app.core.content.model import Framework

ID_ROLE = Qt.ItemDataRole.UserRole + 1
IdT = TypeVar("IdT", bound=Hashable)  # goal and quality ids are text, register items' are numbers


class Checklist(QListWidget, Generic[IdT]):
    """Space or a click ticks an entry. Signals: toggled(): the ticked entries changed."""

    toggled = Signal()

    def __init__(self, *, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        # A long entry wraps onto more lines rather than hide its end behind a sideways scroll bar.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.itemChanged.connect(lambda _item: self.toggled.emit())

    def set_entries(self, entries: Iterable[tuple[IdT, str]], checked: Iterable[IdT] = ()) -> None:
        """Replace the entries (id, text), ticking those in `checked`, without announcing a change."""
        ticked = set(checked)
        self.blockSignals(True)
        self.clear()
        for entry_id, text in entries:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, entry_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry_id in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def checked_ids(self) -> tuple[IdT, ...]:
        return tuple(
            self.item(row).data(ID_ROLE) for row in range(self.count()) if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, ids: Iterable[IdT]) -> None:
        ticked = set(ids)
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def toggle(self, entry_id: IdT) -> None:
        """Tick or untick one entry as a user would (announcing the change)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ID_ROLE) == entry_id:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


def goal_entries(framework: Framework) -> list[tuple[str, str]]:
    """The framework's goals as checklist entries: '3. Ensures public health services'."""
    return [(goal.id, goal_label(goal)) for goal in framework.goals()]


def quality_entries(framework: Framework) -> list[tuple[str, str]]:
    return [(quality.id, str(quality.name)) for quality in framework.qualities]
