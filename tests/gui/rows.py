"""Which rows of a list or table a user sees whole, without scrolling it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView


def rows_hidden(view: QAbstractItemView, rows: int | None = None) -> list[int]:
    """The rows among the first `rows` (all when None) that are not wholly inside the view's visible area."""
    model = view.model()
    count = model.rowCount() if rows is None else min(rows, model.rowCount())
    shown = view.viewport().rect()
    return [row for row in range(count) if not shown.contains(view.visualRect(model.index(row, 0)))]
