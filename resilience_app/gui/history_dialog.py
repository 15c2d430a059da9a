"""The history of one question: who changed what, when, from what to what."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.labels import FIELD_NAMES, history_value
from resilience_app.core.assessment.records import AnswerChange
from resilience_app.core.formatting import format_moment
from resilience_app.core.i18n import _
from resilience_app.gui.form_dialog import SCREEN_SHARE, fit_to_screen


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, changes: list[AnswerChange]) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(_("History of question {number}").format(number=title))
        headers = [_("When"), _("Who"), _("Field changed"), _("Before"), _("After")]
        self.table = QTableWidget(len(changes), len(headers))
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, change in enumerate(reversed(changes)):  # newest first
            cells = [
                format_moment(change.changed_at),
                change.changed_by or _("Chief Resilience Officer"),  # the core names the CRO; this when the CRO has no name yet
                _(FIELD_NAMES.get(change.field, change.field)),
                history_value(change.field, change.old_value),
                history_value(change.field, change.new_value),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        empty = QLabel(_("Nothing has been recorded for this question yet."))
        empty.setVisible(not changes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column as wide as its content within the screen; a long "Before" or "After" wraps, the
        two sharing what the others leave, and the dialog opens as big as the table (within the screen)."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        room = int(area.width() * SCREEN_SHARE) - 60 if area is not None else 1000
        fixed = sum(self.table.columnWidth(column) for column in range(3))
        share = max((room - fixed) // 2, 160)
        for column in (3, 4):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), share))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        frame = 2 * self.table.frameWidth()
        width = header.length() + frame + self.table.verticalScrollBar().sizeHint().width()
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        height = header.sizeHint().height() + rows + frame + 90  # the Close button and the margins
        fit_to_screen(self, QSize(max(width + 24, 520), max(height, 260)))
