"""Tables whose columns share the view's width: each column as wide as its contents, and when they add
up to more than the view, the widest give way and their text wraps, so no column hides behind a
sideways scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


def _cap(widths: list[int], room: int) -> int:
    """The widest a column may be so that the columns, none wider than that, fill `room`."""
    remaining = room
    ordered = sorted(widths)
    for position, width in enumerate(ordered):
        share = remaining // (len(ordered) - position)
        if width > share:
            return share
        remaining -= width
    return ordered[-1] if ordered else room


def fit_columns(table: QTableView) -> None:
    """Size the columns to their contents within the table's width (call it after filling the table)."""
    header = table.horizontalHeader()
    # A stretched last column keeps the width it stretched to in a wider view, and Qt resizes it to its contents no
    # more: measured and capped like the others, with the stretch off while the columns are sized.
    stretched = header.stretchLastSection()
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    widths = [header.sectionSize(column) for column in range(header.count())]
    room = table.viewport().width()
    if sum(widths) > room > 0:
        cap = max(_cap(widths, room), header.minimumSectionSize())
        for column, width in enumerate(widths):
            if width > cap:
                header.resizeSection(column, cap)
    elif widths and stretched:  # the last column takes the width left, as it would by itself
        header.resizeSection(len(widths) - 1, widths[-1] + room - sum(widths))
    header.setStretchLastSection(stretched)
    table.resizeRowsToContents()


class _ColumnsFitted(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.installEventFilter(self)
        # the view narrows without the table resizing when rows grown by wrapping bring a scroll bar: fit again then
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            fit_columns(self.table)
        return False


def keep_columns_fitted(table: QTableView) -> None:
    """Fit the columns again whenever the table's width changes."""
    _ColumnsFitted(table)
