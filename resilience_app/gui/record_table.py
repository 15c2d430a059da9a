"""A table of records (actions, next steps): one row per record, chosen a whole row at a time, read-only,
each cell carrying its record's id (`checklist.ID_ROLE`) and showing its whole text as a tooltip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from resilience_app.gui.checklist import ID_ROLE


def record_table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setColumnCount(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def fill_records(table: QTableWidget, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
    """One row per (record id, texts), then every column as wide as its content."""
    table.setRowCount(len(rows))
    for row, (record_id, values) in enumerate(rows):
        for column, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setData(ID_ROLE, record_id)
            cell.setToolTip(value)
            table.setItem(row, column, cell)
    table.resizeColumnsToContents()


def current_record_id(table: QTableWidget) -> int | None:
    return record_id_of_row(table, table.currentRow())


def record_id_of_row(table: QTableWidget, row: int) -> int | None:
    """The id of the record shown on `row` (None for no row)."""
    cell = table.item(row, 0) if row >= 0 else None
    return int(cell.data(ID_ROLE)) if cell else None
