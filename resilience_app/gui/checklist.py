"""A list of checkable entries, each with an id: goals, qualities or register items to tick."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

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
        self._rows_shown = 0  # set by show_rows

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

    def show_rows(self, at_most: int) -> None:
        """As tall as its entries, up to `at_most` of them (the rest scroll): a goal list shows all twelve.
        Entries that wrap at the width the list gets are measured again once it has it."""
        self._rows_shown = at_most
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        shown = max(min(self.count(), at_most), 1)
        rows = sum(self.sizeHintForRow(index) for index in range(shown)) if self.count() else self.fontMetrics().height() + 4
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._rows_shown and self.count() <= self._rows_shown:
            QTimer.singleShot(0, self, self._grow_to_entries)

    def _grow_to_entries(self) -> None:
        hidden = self.verticalScrollBar().maximum()  # pixels of entries below the list's end
        if hidden > 0:
            self.setFixedHeight(self.height() + hidden)

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
