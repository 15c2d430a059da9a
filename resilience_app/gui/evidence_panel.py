"""The evidence behind one answer: a list of references, with adding, opening and removing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.evidence_rules import MAX_FILE_BYTES, clean_evidence
from resilience_app.core.assessment.records import EvidenceDraft, EvidenceRecord
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.core.text_rules import shown_file_name
from resilience_app.gui.form_fields import FieldWithError

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1


class EvidenceDialog(QDialog):
    """Asks for a title, an optional link or document reference and an optional file."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_dialog")
        self.setWindowTitle(_("Add evidence"))
        self.title = FieldWithError(QLineEdit(), name="evidence_title")
        self.reference = FieldWithError(QLineEdit(), name="evidence_reference")
        self.file_path = QLineEdit()
        self.file_path.setReadOnly(True)
        self.file_field = FieldWithError(self.file_path, name="evidence_file")
        choose = QPushButton(_("Choose file…"))
        choose.setObjectName("choose_file_button")
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(choose)
        self.title.editor.setPlaceholderText(_("For example: Water utility annual report 2025"))
        self.reference.editor.setPlaceholderText(_("A link, an archive number or where the document is kept"))
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("Link or reference"), self.reference)
        form.addRow(_("File (optional, up to {limit} MB)").format(limit=format_number(MAX_FILE_BYTES // 1024 // 1024)), file_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the evidence file"))
        if path:
            self.file_path.setText(path)

    def draft(self) -> EvidenceDraft:
        file_text = self.file_path.text()
        return EvidenceDraft(
            title=self.title.editor.text(),
            reference=self.reference.editor.text(),
            source_file=Path(file_text) if file_text else None,
        )

    def show_problems(self, error: InvalidInputError) -> None:
        self.title.show_error(error.field_errors.get("title", ""))
        self.reference.show_error(error.field_errors.get("reference", ""))
        self.file_field.show_error(error.field_errors.get("source_file", ""))

    def accept(self) -> None:
        try:
            clean_evidence(self.draft())
        except InvalidInputError as error:
            self.show_problems(error)
            return
        super().accept()


class EvidencePanel(QWidget):
    """Signals:
    add_requested(): the user wants to add evidence.
    remove_requested(object): the user wants to remove this `EvidenceRecord`.
    open_requested(object): the user wants to open the attached file of this `EvidenceRecord`.
    """

    add_requested = Signal()
    remove_requested = Signal(object)
    open_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setObjectName("evidence_list")
        self.list.setMaximumHeight(110)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_evidence_button")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_evidence_button")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_evidence_button")
        self.add_button.clicked.connect(self.add_requested)
        self.open_button.clicked.connect(lambda: self._send_selected(self.open_requested))
        self.remove_button.clicked.connect(lambda: self._send_selected(self.remove_requested))
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(EVIDENCE_ROLE)))
        self.list.currentItemChanged.connect(lambda *_args: self._update_buttons())
        buttons = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.add_button.setText(_("Add evidence…"))
        self.open_button.setText(_("Open file"))
        self.remove_button.setText(_("Remove"))

    def show_evidence(self, items: list[EvidenceRecord]) -> None:
        self.list.clear()
        for evidence in items:
            parts = [isolate(evidence.title)]
            if evidence.reference:
                parts.append(isolate(evidence.reference))
            if evidence.original_name:
                size = format_number(max(1, round((evidence.file_size or 0) / 1024)))
                parts.append(_("file {name}, {size} KB").format(name=isolate(shown_file_name(evidence.original_name)), size=size))
            item = QListWidgetItem(_(" · ").join(parts))
            item.setData(EVIDENCE_ROLE, evidence)
            self.list.addItem(item)
        if not items:
            placeholder = QListWidgetItem(_("No evidence yet: add the report, dataset or meeting record this answer rests on."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._update_buttons()

    def _selected(self) -> EvidenceRecord | None:
        item = self.list.currentItem()
        return item.data(EVIDENCE_ROLE) if item else None

    def _send_selected(self, signal: SignalInstance) -> None:
        selected = self._selected()
        if selected is not None:
            signal.emit(selected)

    def _update_buttons(self) -> None:
        selected = self._selected()
        self.remove_button.setEnabled(selected is not None)
        self.open_button.setEnabled(selected is not None and bool(selected.file_name))


def open_file(path: Path) -> bool:
    """Open a file with the desktop's application for it (no network involved)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
