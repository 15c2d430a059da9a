"""Export the strategy-workshop brief: choose the language, the sections and the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AssessmentRecord
from resilience_app.core.brief.sections import SECTION_IDS, SECTION_TITLES
from resilience_app.core.i18n import _, isolate, ngettext

if TYPE_CHECKING:
    from resilience_app.core.brief.export import ExportResult  # ReportLab stays off the start-up path
    from resilience_app.core.brief.withheld import Withheld

SECTION_ROLE = Qt.ItemDataRole.UserRole


def default_file_name(record: AssessmentRecord, language: str) -> str:
    city = record.city_name(language) or record.city_name("en") or str(record.id)
    safe = re.sub(r'[\\/:*?"<>|\s]+', "-", city).strip("-.") or str(record.id)
    return f"{safe}-brief-{language}.pdf"


class ExportDialog(QDialog):
    """Asks what to export; the caller runs the export on `accepted`."""

    def __init__(self, parent: QWidget, record: AssessmentRecord, sensitive: Withheld | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.record = record
        self.setWindowTitle(_("Export the brief"))
        self.intro = QLabel(_("The strategy-workshop brief of {city}, as a PDF to share.").format(city=isolate(record.city_name(i18n.current_language()))))
        self.intro.setWordWrap(True)
        self.language_buttons = QButtonGroup(self)
        languages = QHBoxLayout()
        languages.addWidget(QLabel(_("Language of the brief:")))
        for code in i18n.SUPPORTED_LANGUAGES:
            button = QRadioButton(i18n.language_name(code))
            button.setObjectName(f"brief_language_{code}")
            button.setChecked(code == i18n.current_language())
            button.toggled.connect(lambda checked, code=code: self._language_toggled(code, checked))
            self.language_buttons.addButton(button)
            languages.addWidget(button)
        languages.addStretch(1)
        self.sections = QListWidget()
        self.sections.setObjectName("brief_sections")
        for section_id in SECTION_IDS:
            item = QListWidgetItem(_(SECTION_TITLES[section_id]))
            item.setData(SECTION_ROLE, section_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        self.sections.itemChanged.connect(lambda _item: self._update_ok())
        all_button, none_button = QPushButton(_("Select all")), QPushButton(_("Clear all"))
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        section_buttons = QHBoxLayout()
        section_buttons.addWidget(all_button)
        section_buttons.addWidget(none_button)
        section_buttons.addStretch(1)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("brief_path")
        self.path_edit.textChanged.connect(lambda _text: self._update_ok())
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(languages)
        layout.addWidget(QLabel(_("Sections to include:")))
        layout.addWidget(self.sections, 1)
        layout.addLayout(section_buttons)
        self.include_sensitive = QCheckBox()
        self.include_sensitive.setObjectName("include_sensitive")
        if sensitive is not None and sensitive.anything:
            self.include_sensitive.setText(_("Include the content marked sensitive"))
            self.sensitive_note = QLabel(sensitive.describe())
            self.sensitive_note.setObjectName("sensitive_note")
            self.sensitive_note.setWordWrap(True)
            self.include_sensitive.toggled.connect(lambda checked: self.sensitive_note.setVisible(not checked))
            layout.addWidget(self.include_sensitive)
            layout.addWidget(self.sensitive_note)
        else:
            self.include_sensitive.hide()
        layout.addWidget(QLabel(_("Save as:")))
        layout.addLayout(path_row)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        self._folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self._language_changed(i18n.current_language())

    def language(self) -> str:
        checked = self.language_buttons.checkedButton()
        return checked.objectName().removeprefix("brief_language_") if checked else i18n.current_language()

    def chosen_sections(self) -> list[str]:
        items = (self.sections.item(row) for row in range(self.sections.count()))
        return [item.data(SECTION_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def includes_sensitive(self) -> bool:
        return self.include_sensitive.isChecked()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _language_toggled(self, language: str, checked: bool) -> None:
        if checked:
            self._language_changed(language)

    def _language_changed(self, language: str) -> None:
        """Follow the language in the proposed file name, unless the user typed their own."""
        current = self.path_edit.text().strip()
        proposed = {str(self._folder / default_file_name(self.record, code)) for code in i18n.SUPPORTED_LANGUAGES}
        if not current or current in proposed:
            self.path_edit.setText(str(self._folder / default_file_name(self.record, language)))

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.sections.count()):
            self.sections.item(row).setCheckState(state)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_sections()) and bool(self.path_edit.text().strip()))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the brief as"), str(self.path()), _("PDF documents (*.pdf)"))
        if chosen:
            self.path_edit.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")


def show_export_done(parent: QWidget, result: ExportResult) -> QMessageBox:
    """Say where the brief went and offer to open it or its folder."""
    box = QMessageBox(parent)
    box.setObjectName("export_done_dialog")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Brief exported"))
    box.setText(ngettext("The brief ({count} page) is saved as:", "The brief ({count} pages) is saved as:", result.pages).format(count=result.pages))
    box.setInformativeText(isolate(str(result.path)) + ("\n\n" + result.warning() if result.warning() else ""))
    open_file = box.addButton(_("Open the file"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def on_click(button: object) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))

    box.buttonClicked.connect(on_click)
    box.open()
    return box
