"""Export the workshop brief or the Preliminary Resilience Assessment (PDF or Word) or the whole assessment (Excel): choose the language, what to include and the file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
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
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES
from resilience_app.core.brief.withheld import WILL_BE_LEFT_OUT_OF_THE_DOCUMENT
from resilience_app.core.export_names import export_file_name
from resilience_app.core.file_export import proposed_export_folder
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, isolate, ngettext
from resilience_app.core.spreadsheet.labels import WILL_BE_LEFT_OUT_OF_THE_WORKBOOK
from resilience_app.gui.form_fields import interface_language_first
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.view_rows import rows_height, show_rows
from resilience_app.gui.wrapping_buttons import WrappingCheckBox

if TYPE_CHECKING:
    from resilience_app.core.brief.docx.export import WordExportResult  # python-docx too (imported when a result is shown)
    from resilience_app.core.brief.export import ExportResult  # ReportLab stays off the start-up path
    from resilience_app.core.brief.withheld import Withheld
    from resilience_app.core.spreadsheet.export import WorkbookResult  # openpyxl too
    from resilience_app.gui.background_job import BackgroundJob

SECTION_ROLE = Qt.ItemDataRole.UserRole
MOST_SECTIONS_ALWAYS_SHOWN = 8  # the list is never shorter than this many rows (it scrolls beyond, on a short screen)
SCREEN_SHARE = 0.95  # the most of the screen's height the dialog takes to show every section (it scrolls beyond)


class SaveExportDialog(QDialog):
    """What every export of an assessment asks: the language, whether to include sensitive content, the file.

    A subclass says what it exports (`KIND`: the widgets' names and the proposed file name, `SUFFIX`)
    and adds its own choices with `add_choices`. Export asks the caller to run the export (`export_requested`); the
    dialog stays open, its choices intact, while the export runs (its busy bar in `progress_area`) and after a refusal,
    and the caller accepts it once the file is saved.

    Signals:
        export_requested(): Export was clicked; the caller reads the choices and runs the export.
    """

    export_requested = Signal()

    KIND = ""
    SUFFIX = ""  # of the file proposed; a dialog offering several formats says which in `suffix`

    def __init__(self, parent: QWidget, record: AssessmentRecord, sensitive: Withheld | None, *, title: str, intro: str,
                 language_label: str, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.language_buttons = QButtonGroup(self)
        languages = QHBoxLayout()
        languages.addWidget(QLabel(language_label))
        for code in interface_language_first({code: code for code in i18n.SUPPORTED_LANGUAGES}):
            button = QRadioButton(i18n.language_name(code))
            button.setObjectName(f"{self.KIND}_language_{code}")
            button.setChecked(code == i18n.current_language())
            button.toggled.connect(lambda checked, code=code: self._language_toggled(code, checked))
            self.language_buttons.addButton(button)
            languages.addWidget(button)
        languages.addStretch(1)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName(f"{self.KIND}_path")
        name_for_reader(self.path_edit, N_("File to save"))
        self.path_edit.textChanged.connect(lambda _text: self._update_ok())
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.export_requested)
        self.buttons.rejected.connect(self.reject)
        self.job: BackgroundJob[Any] | None = None  # the export under way, if any (set by the caller): closing cancels it
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(self.intro)
        self.main_layout.addLayout(languages)
        self.add_choices(self.main_layout)
        self.include_sensitive = WrappingCheckBox()
        self.include_sensitive.setObjectName("include_sensitive")
        if sensitive is not None and sensitive.anything:
            self.include_sensitive.setText(_("Include the content marked sensitive"))
            self.sensitive_note = QLabel(self.describe_withheld(sensitive))
            self.sensitive_note.setObjectName("sensitive_note")
            self.sensitive_note.setWordWrap(True)
            self.include_sensitive.toggled.connect(lambda checked: self.sensitive_note.setVisible(not checked))
            self.main_layout.addWidget(self.include_sensitive)
            self.main_layout.addWidget(self.sensitive_note)
        else:
            self.include_sensitive.hide()
        self.main_layout.addWidget(QLabel(_("Save as:")))
        self.main_layout.addLayout(path_row)
        self.progress_area = QVBoxLayout()  # the export's busy bar, while it runs
        self.main_layout.addLayout(self.progress_area)
        self.main_layout.addWidget(self.buttons)
        self._folder = folder if folder is not None and folder.is_dir() else proposed_export_folder()
        self.propose_file()

    def reject(self) -> None:
        """Cancel, Esc or the window's close button while the export runs cancels the export and keeps the dialog."""
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()

    def export_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def folder(self) -> Path:
        """The folder proposed for the file."""
        return self._folder

    # -- what a subclass adds ----------------------------------------------------------------------

    def add_choices(self, layout: QVBoxLayout) -> None:
        """Put the export's own choices between the language and the sensitive-content tick."""

    def describe_withheld(self, sensitive: Withheld) -> str:
        """What the export will leave out unless the tick is on, in a sentence: said before the export, so in the future."""
        return sensitive.describe(WILL_BE_LEFT_OUT_OF_THE_DOCUMENT)

    def can_export(self) -> bool:
        return bool(self.path_edit.text().strip())

    def browse_title(self) -> str:
        raise NotImplementedError

    def file_filter(self) -> str:
        raise NotImplementedError

    def suffix(self) -> str:
        """The extension of the file the export writes (with its dot)."""
        return self.SUFFIX

    def suffixes(self) -> tuple[str, ...]:
        """Every extension the dialog may propose (a proposed name follows the language and the format)."""
        return (self.SUFFIX,)

    # -- the choices -------------------------------------------------------------------------------

    def language(self) -> str:
        checked = self.language_buttons.checkedButton()
        return checked.objectName().removeprefix(f"{self.KIND}_language_") if checked else i18n.current_language()

    def includes_sensitive(self) -> bool:
        return self.include_sensitive.isChecked()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _language_toggled(self, language: str, checked: bool) -> None:
        if checked:
            self._language_changed(language)

    def name_kind(self) -> str:
        """What the proposed file name calls the export (see `export_names`)."""
        return self.KIND

    def name_kinds(self) -> tuple[str, ...]:
        """Every name `name_kind` can give: a proposed name of any of them is replaced when a choice changes."""
        return (self.KIND,)

    def _proposed(self, language: str, suffix: str, kind: str | None = None) -> str:
        return str(self._folder / export_file_name(self.record, language, kind=kind or self.name_kind(), suffix=suffix))

    def _language_changed(self, language: str) -> None:
        self.propose_file()

    def propose_file(self) -> None:
        """Follow the language, the document and the format in the proposed file name; a name the user typed only gets
        the format's extension."""
        current = self.path_edit.text().strip()
        proposed = {self._proposed(code, suffix, kind) for code in i18n.SUPPORTED_LANGUAGES for suffix in self.suffixes()
                    for kind in self.name_kinds()}
        if not current or current in proposed:
            self.path_edit.setText(self._proposed(self.language(), self.suffix()))
            return
        for other in self.suffixes():
            if current.lower().endswith(other) and other != self.suffix():
                self.path_edit.setText(current[: -len(other)] + self.suffix())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.can_export())

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.browse_title(), str(self.path()), self.file_filter())
        if chosen:
            self.path_edit.setText(chosen if chosen.lower().endswith(self.suffix()) else chosen + self.suffix())


class ExportDialog(SaveExportDialog):
    """Export the workshop brief or the Preliminary Resilience Assessment: the document, the format, the language,
    the sections, sensitive content, the file. The caller remembers the document and the format for the next export."""

    KIND = "brief"
    SUFFIX = ".pdf"
    FORMATS = {"pdf": ".pdf", "docx": ".docx"}  # the brief's formats and their files' extensions

    def __init__(self, parent: QWidget, record: AssessmentRecord, sensitive: Withheld | None = None, *, brief_format: str = "pdf",
                 document: str = BRIEF, has_earlier_round: bool = False, folder: Path | None = None) -> None:
        self._has_earlier_round = has_earlier_round  # the brief's change since the baseline is ticked only with a round to compare
        self._initial_format = brief_format if brief_format in self.FORMATS else "pdf"
        self._initial_document = document if document in DOCUMENTS else BRIEF
        super().__init__(
            parent, record, sensitive, title=_("Export the brief or the Preliminary Resilience Assessment"),
            intro=_("{city}: the workshop brief is read before the workshop, the Preliminary Resilience Assessment written after it.").format(
                city=isolate(record.city_name(i18n.current_language()))),
            language_label=_("Language of the document:"), folder=folder,
        )
        self.setObjectName("export_dialog")
        self.setMinimumWidth(560)

    def add_choices(self, layout: QVBoxLayout) -> None:
        self.document_buttons = QButtonGroup(self)
        documents = QHBoxLayout()
        documents.addWidget(QLabel(_("Document:")))
        for kind in DOCUMENTS.values():
            button = QRadioButton(_(kind.name))
            button.setObjectName(f"brief_document_{kind.id}")
            button.setChecked(kind.id == self._initial_document)
            button.toggled.connect(lambda checked, kind_id=kind.id: self._document_toggled(kind_id, checked))
            self.document_buttons.addButton(button)
            documents.addWidget(button)
        documents.addStretch(1)
        layout.addLayout(documents)
        self.format_buttons = QButtonGroup(self)
        formats = QHBoxLayout()
        formats.addWidget(QLabel(_("Format:")))
        for name, label in (("pdf", _("PDF, to share")), ("docx", _("Word document (.docx), to edit"))):
            button = QRadioButton(label)
            button.setObjectName(f"brief_format_{name}")
            button.setChecked(name == self._initial_format)
            button.toggled.connect(self._format_toggled)
            self.format_buttons.addButton(button)
            formats.addWidget(button)
        formats.addStretch(1)
        layout.addLayout(formats)
        self._add_sections(layout)

    def _format_toggled(self, checked: bool) -> None:
        if checked:
            self.propose_file()

    def brief_format(self) -> str:
        """pdf or docx: the format chosen (the caller remembers it for the next export)."""
        checked = self.format_buttons.checkedButton()
        return checked.objectName().removeprefix("brief_format_") if checked else self._initial_format

    def suffix(self) -> str:
        return self.FORMATS[self.brief_format()]

    def suffixes(self) -> tuple[str, ...]:
        return tuple(self.FORMATS.values())

    def document(self) -> str:
        """brief or pra: the document chosen (the caller remembers it for the next export)."""
        checked = self.document_buttons.checkedButton()
        return checked.objectName().removeprefix("brief_document_") if checked else self._initial_document

    def name_kind(self) -> str:
        return self.document()

    def name_kinds(self) -> tuple[str, ...]:
        return tuple(DOCUMENTS)

    def _document_toggled(self, document: str, checked: bool) -> None:
        if not checked:
            return
        self._fill_sections(document)
        self.propose_file()
        self._update_ok()
        self.fit_sections()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_sections()

    def fit_sections(self) -> None:
        """Tall enough for every section without scrolling where the screen allows; on a short screen the list scrolls."""
        if not self.isVisible():  # sized when shown, once its fonts and styles are set
            return
        limit = int(self.screen().availableGeometry().height() * SCREEN_SHARE) if self.screen() is not None else self.height()
        for _attempt in range(3):  # wrapped labels may take some of the height given: ask again
            self.main_layout.activate()
            missing = rows_height(self.sections) - self.sections.height()
            if missing <= 0 or self.height() >= limit:
                return
            self.resize(max(self.width(), self.minimumWidth()), min(self.height() + missing, limit))

    def _fill_sections(self, document: str) -> None:
        """The document's sections, its own ticked (the optional ones, such as the appendix, left for the user to add)."""
        kind = DOCUMENTS[document]
        defaults = kind.defaults_for(has_earlier_round=self._has_earlier_round)
        self.sections.blockSignals(True)
        self.sections.clear()
        for section_id in kind.sections:
            item = QListWidgetItem(_(SECTION_TITLES[section_id]))
            item.setData(SECTION_ROLE, section_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if section_id in defaults else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)

    def _add_sections(self, layout: QVBoxLayout) -> None:
        self.sections = QListWidget()
        self.sections.setObjectName("brief_sections")
        name_for_reader(self.sections, N_("Sections to include"))
        self._fill_sections(self.document())
        self.sections.itemChanged.connect(lambda _item: self._update_ok())
        show_rows(self.sections, MOST_SECTIONS_ALWAYS_SHOWN)
        all_button, none_button = QPushButton(_("Select all")), QPushButton(_("Clear all"))
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        section_buttons = QHBoxLayout()  # on the label's line: the list keeps the height
        section_buttons.addWidget(QLabel(_("Sections to include:")))
        section_buttons.addStretch(1)
        section_buttons.addWidget(all_button)
        section_buttons.addWidget(none_button)
        layout.addLayout(section_buttons)
        layout.addWidget(self.sections, 1)

    def chosen_sections(self) -> list[str]:
        items = (self.sections.item(row) for row in range(self.sections.count()))
        return [item.data(SECTION_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def can_export(self) -> bool:
        return bool(self.chosen_sections()) and super().can_export()

    def browse_title(self) -> str:
        return _("Save the document as")

    def file_filter(self) -> str:
        return _("Word documents (*.docx)") if self.brief_format() == "docx" else _("PDF documents (*.pdf)")

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.sections.count()):
            self.sections.item(row).setCheckState(state)


class WorkbookExportDialog(SaveExportDialog):
    """Export the whole assessment as one Excel workbook: the language, sensitive content, the file."""

    KIND = "assessment"
    SUFFIX = ".xlsx"

    def __init__(self, parent: QWidget, record: AssessmentRecord, sensitive: Withheld | None = None, folder: Path | None = None) -> None:
        super().__init__(
            parent, record, sensitive, title=_("Export to Excel"),
            intro=_("The whole assessment of {city} as one Excel workbook, for analysis in Excel or Power BI: the answers, the profile, "
                    "the register, actions, discovery areas and workshop results, one table per sheet.").format(
                city=isolate(record.city_name(i18n.current_language()))),
            language_label=_("Language of the workbook:"), folder=folder,
        )
        self.setObjectName("workbook_export_dialog")
        self.main_layout.insertStretch(self.main_layout.count() - 1)  # spare height below the file, not between the texts
        self.resize(520, 300)

    def describe_withheld(self, sensitive: Withheld) -> str:
        return sensitive.describe(WILL_BE_LEFT_OUT_OF_THE_WORKBOOK)

    def browse_title(self) -> str:
        return _("Save the workbook as")

    def file_filter(self) -> str:
        return _("Excel workbooks (*.xlsx)")


def show_export_done(parent: QWidget, result: ExportResult | WordExportResult) -> QMessageBox:
    """Say where the brief or the Preliminary Resilience Assessment went and offer to open it or its folder."""
    from resilience_app.core.brief.docx.export import WordExportResult  # loaded by the export that gave the result

    pra = result.document == PRA
    title = _("Preliminary Resilience Assessment exported") if pra else _("Brief exported")
    if isinstance(result, WordExportResult):
        text = _("The Preliminary Resilience Assessment (Word document) is saved as:") if pra else _("The brief (Word document) is saved as:")
        return show_saved(parent, result.path, title=title, text=text)
    if pra:
        text = ngettext("The Preliminary Resilience Assessment ({count} page) is saved as:",
                        "The Preliminary Resilience Assessment ({count} pages) is saved as:", result.pages)
    else:
        text = ngettext("The brief ({count} page) is saved as:", "The brief ({count} pages) is saved as:", result.pages)
    return show_saved(parent, result.path, title=title, text=text.format(count=format_number(result.pages)), warning=result.warning())


def show_workbook_done(parent: QWidget, result: WorkbookResult) -> QMessageBox:
    """Say where the workbook went and offer to open it or its folder."""
    text = ngettext("The workbook ({count} sheet) is saved as:", "The workbook ({count} sheets) is saved as:", len(result.sheets)).format(
        count=len(result.sheets))
    box = show_saved(parent, result.path, title=_("Workbook exported"), text=text)
    box.setObjectName("workbook_done_dialog")
    return box


def show_saved(parent: QWidget, path: Path, *, title: str, text: str, warning: str = "") -> QMessageBox:
    """A message that an export is saved as `path`, offering to open the file or its folder."""
    box = QMessageBox(parent)
    box.setObjectName("export_done_dialog")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(isolate(str(path)) + ("\n\n" + warning if warning else ""))
    open_file = box.addButton(_("Open the file"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def on_click(button: object) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(on_click)
    box.open()
    return box
