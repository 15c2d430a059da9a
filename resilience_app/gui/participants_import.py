"""Importing a sign-in sheet: a preview of what will be imported and what is wrong; nothing until confirmed."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number, isolated_list
from resilience_app.core.i18n import N_, _, ngettext, paragraph
from resilience_app.core.workshop.labels import sector_name
from resilience_app.core.workshop.participants_csv import UTF8, WINDOWS_1256, ImportRow, ParticipantsImport
from resilience_app.gui.workshop_state import WorkshopState

ENCODINGS = ((None, N_("Detect automatically")), (UTF8, N_("Unicode (UTF-8)")), (WINDOWS_1256, N_("Arabic (Windows-1256)")))
COLUMNS = (N_("Line"), N_("Name"), N_("Organisation"), N_("Sector"), N_("Group"), N_("What happens"))
PROBLEM_COLOUR, SKIPPED_COLOUR = QColor("#fde2e1"), QColor("#f1f1f1")


def _outcome(row: ImportRow) -> str:
    if row.problems:
        return _("; ").join(row.problems)
    if row.duplicate:
        return _("Already listed: skipped")
    return _("Will be imported")


class ImportPreviewDialog(QDialog):
    """Shows what a CSV file holds; Import stores the good rows, Cancel stores nothing."""

    def __init__(self, state: WorkshopState, parent: QWidget, data: bytes, file_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview_dialog")
        self.setWindowTitle(_("Import participants"))
        self.resize(900, 560)
        self.state, self.data = state, data
        self.preview: ParticipantsImport = state.preview_import(data)
        self.imported = 0
        self.file_label = QLabel(paragraph(_("File: {name}").format(name=file_name)))
        self.encoding = QComboBox()
        self.encoding.setObjectName("import_encoding")
        for value, text in ENCODINGS:
            self.encoding.addItem(_(text), value)
        self.encoding.currentIndexChanged.connect(self._reread)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("import_rows")
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("confirm_import_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(QLabel(_("Read the file as")))
        encoding_row.addWidget(self.encoding)
        encoding_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(encoding_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._show()

    def _reread(self) -> None:
        self.preview = self.state.preview_import(self.data, self.encoding.currentData())
        self._show()

    def _show(self) -> None:
        preview = self.preview
        lines = [preview.summary()]
        lines += list(preview.problems)
        if preview.ignored_columns:
            lines.append(_("Columns not understood, ignored: {names}").format(names=isolated_list([_("“{name}”").format(name=name) for name in preview.ignored_columns])))
        if preview.new_groups:
            lines.append(_("New groups to be added: {names}").format(names=isolated_list(list(preview.new_groups))))
        self.summary.setText("<br>".join(html.escape(paragraph(line)) for line in lines))  # names as typed, never read as markup
        self.table.setRowCount(len(preview.rows))
        for position, row in enumerate(preview.rows):
            cells = (format_number(row.line), row.values.get("name", ""), row.values.get("organisation", ""), self._sector(row), row.group, _outcome(row))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.problems:
                    item.setBackground(PROBLEM_COLOUR)
                elif row.duplicate:
                    item.setBackground(SKIPPED_COLOUR)
                self.table.setItem(position, column, item)
        self.table.resizeColumnsToContents()
        count = len(preview.importable_rows)
        self.import_button.setText(ngettext("Import {count} participant", "Import {count} participants", count).format(count=format_number(count)))
        self.import_button.setEnabled(count > 0)

    def _sector(self, row: ImportRow) -> str:
        """The sector read from the row in the window's language; as typed when it is not one of the workshop's."""
        if row.participant is None:
            return row.values.get("sector", "")
        return sector_name(row.participant.sector, self.state.service.sectors)

    def confirm(self) -> None:
        try:
            self.imported = self.state.import_participants(self.preview)
        except UserFacingError as error:  # one unit of work: nothing was stored
            self.summary.setText(paragraph(error.message))
            self.import_button.setEnabled(False)
            return
        self.accept()
