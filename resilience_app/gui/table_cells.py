"""The items of table cells and headers a view has just filled, typed as present.

Qt answers None only for a cell or header that was never given an item; after `setItem` or
`setHorizontalHeaderLabels` there is one, and a missing one is a bug that should say where it is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def filled_cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"{table.objectName()} has no item at row {row}, column {column}")
    return item


def filled_header(table: QTableWidget, column: int) -> QTableWidgetItem:
    item = table.horizontalHeaderItem(column)
    if item is None:
        raise LookupError(f"{table.objectName()} has no header item for column {column}")
    return item
