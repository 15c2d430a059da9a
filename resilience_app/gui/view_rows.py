"""Lists and tables that keep room for their rows: `show_rows(view)` makes a view at least as tall as
its rows (or its first few) need while it is shown, header, frame and a sideways scroll bar included, and keeps that
true as rows come and go, the font changes or the width changes a row's wrapping."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

WATCHED = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.FontChange, QEvent.Type.StyleChange)


def rows_height(view: QAbstractItemView, rows: int | None = None) -> int:
    """The height `view` needs to show its first `rows` rows whole (all of them when None)."""
    model = view.model()
    count = model.rowCount() if rows is None else min(rows, model.rowCount())
    if isinstance(view, QTableView):
        height = sum(view.rowHeight(row) for row in range(count))
        header = view.horizontalHeader()
        if not header.isHidden():
            height += max(header.height(), header.sizeHint().height())
        content_width = header.length() + (0 if view.verticalHeader().isHidden() else view.verticalHeader().width())
        sideways = content_width > view.width() - 2 * view.frameWidth()
    else:
        height = sum(view.sizeHintForRow(row) for row in range(count))
        sideways = view.horizontalScrollBar().maximum() > 0
    if sideways:
        height += view.horizontalScrollBar().sizeHint().height()
    return height + 2 * view.frameWidth()


class _RowsShown(QObject):
    def __init__(self, view: QAbstractItemView, rows: int | None) -> None:
        super().__init__(view)
        self.view, self.rows = view, rows
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged, model.columnsInserted, model.headerDataChanged):
            signal.connect(self.update)
        view.installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in WATCHED:
            self.update()
        return False

    def update(self) -> None:
        if not shiboken6.isValid(self.view):  # a view being destroyed hides itself and empties its model
            return
        # A hidden view (the other page of a stack) asks for no room.
        self.view.setMinimumHeight(0 if self.view.isHidden() else rows_height(self.view, self.rows))


def show_rows(view: QAbstractItemView, rows: int | None = None) -> None:
    """Keep `view` at least tall enough for its first `rows` rows (every row when None)."""
    _RowsShown(view, rows)
