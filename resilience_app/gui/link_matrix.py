"""Interconnections as a matrix: a tick in row A, column B means A triggers or aggravates B.

Arrow keys move between cells and Space (or a click) ticks or clears one; the diagonal is
closed, since an item cannot trigger itself. The most connected items are listed under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, paragraph
from resilience_app.core.register.labels import name_list
from resilience_app.gui.form_fields import FieldWithError
from resilience_app.gui.lazy_refresh import RefreshedWhenShown
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.table_cells import filled_header

LINKED = "●"
CLOSED = "—"


class LinkTable(QTableWidget):
    """Signals: toggle_requested(int, int): the user asked to tick or clear the cell at (row, column)."""

    toggle_requested = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("link_matrix")
        name_for_reader(self, N_("Links between shocks, stresses and goals"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cellClicked.connect(self.toggle_requested)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.toggle_requested.emit(self.currentRow(), self.currentColumn())
            return
        super().keyPressEvent(event)


class LinkMatrixView(RefreshedWhenShown):
    """The interconnections matrix; drawn when its tab is shown (256 cells for 16 items)."""

    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("link_matrix_view")
        self.state = state
        self._names: list[str] = []  # the items' names as last drawn, row and column order
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = LinkTable()
        self.table.toggle_requested.connect(self.toggle)
        self.table.currentCellChanged.connect(lambda *_cells: self._describe_cell())
        self.cell_text = FieldWithError(QLabel(), name="link_cell_description")
        self.most_connected = QLabel()
        self.most_connected.setObjectName("most_connected")
        self.most_connected.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cell_text)
        layout.addWidget(self.most_connected)
        state.changed.connect(self.refresh)
        self.retranslate()

    def _ids(self) -> list[int]:
        return [record.id for record in self.state.items]

    def redraw(self) -> None:
        ids = self._ids()
        row, column = self.table.currentRow(), self.table.currentColumn()
        self.table.clear()
        self.table.setRowCount(len(ids))
        self.table.setColumnCount(len(ids))
        names = [self.state.name(item_id) for item_id in ids]
        self._names = names
        numbers = [format_number(position) for position in range(1, len(ids) + 1)]
        self.table.setVerticalHeaderLabels([f"{number}. {name}" for number, name in zip(numbers, names, strict=True)])
        self.table.setHorizontalHeaderLabels(numbers)
        for column_index, name in enumerate(names):
            filled_header(self.table, column_index).setToolTip(name)
        for source_index, source in enumerate(ids):
            for target_index, target in enumerate(ids):
                cell = QTableWidgetItem()
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if source == target:
                    cell.setText(CLOSED)
                    cell.setBackground(Qt.GlobalColor.lightGray)
                elif self.state.has_link(source, target):
                    cell.setText(LINKED)
                cell.setToolTip(self._cell_description(ids, source_index, target_index))
                self.table.setItem(source_index, target_index, cell)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if 0 <= row < len(ids) and 0 <= column < len(ids):
            self.table.setCurrentCell(row, column)
        connected = [self.state.name(item_id) for item_id in self.state.ranking.most_connected]
        self.most_connected.setText(
            paragraph(_("Most connected: {items}.").format(items=name_list(connected)))
            if connected
            else paragraph(_("No interconnections recorded yet."))
        )

    def _cell_description(self, ids: list[int], row: int, column: int) -> str:
        source, target = self._names[row], self._names[column]
        if row == column:
            return _("{item} cannot trigger or aggravate itself.").format(item=source)
        if self.state.has_link(ids[row], ids[column]):
            return _("{source} triggers or aggravates {target}.").format(source=source, target=target)
        return _("No link from {source} to {target}.").format(source=source, target=target)

    def _describe_cell(self) -> None:
        row, column = self.table.currentRow(), self.table.currentColumn()
        if 0 <= row < len(self.state.items) and 0 <= column < len(self.state.items):
            self.cell_text.editor.setText(paragraph(self._cell_description(self._ids(), row, column)))
            self.cell_text.show_error("")

    def toggle(self, row: int, column: int) -> None:
        ids = self._ids()
        source, target = ids[row], ids[column]
        try:
            self.state.set_link(source, target, not self.state.has_link(source, target))
        except UserFacingError as error:
            self.cell_text.show_error(error.message)
            return
        self._describe_cell()

    def retranslate(self) -> None:
        self.intro.setText(
            paragraph(_("Tick a cell when the item of its row triggers or aggravates the item of its column. Arrow keys move, Space ticks or clears."))
        )
        self.refresh()
