"""Export the brief or the PRA as a Word document from the window: the document and the format are choices the dialog remembers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.export_names import export_file_name
from resilience_app.core.i18n import _
from resilience_app.gui.export_dialog import ExportDialog
from resilience_app.gui.main_window import MainWindow
from tests.brief.docx_reader import has_property, open_docx


def _open_dialog(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def _format_button(dialog: ExportDialog, name: str) -> QRadioButton:
    button = dialog.findChild(QRadioButton, f"brief_format_{name}")
    assert button is not None
    return button


def _document_button(dialog: ExportDialog, document: str) -> QRadioButton:
    button = dialog.findChild(QRadioButton, f"brief_document_{document}")
    assert button is not None
    return button


def test_export_the_pra_as_word_and_the_choices_are_remembered(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    dialog = _open_dialog(window)
    assert _format_button(dialog, "pdf").isChecked()  # the first time: PDF
    assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind="brief", suffix=".pdf")
    qtbot.mouseClick(_format_button(dialog, "docx"), Qt.MouseButton.LeftButton)
    assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind="brief", suffix=".docx")  # follows the format
    assert "*.docx" in dialog.file_filter()
    qtbot.mouseClick(_document_button(dialog, "pra"), Qt.MouseButton.LeftButton)
    assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind="pra", suffix=".docx")  # follows the document
    dialog.path_edit.setText(str(tmp_path / "my brief.pdf"))
    _format_button(dialog, "pdf").setChecked(True)
    _format_button(dialog, "docx").setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / "my brief.docx")  # a typed name keeps its name, with the format's extension
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)  # written off the GUI thread
    document = open_docx(tmp_path / "my brief.docx")
    assert [paragraph.style.name for paragraph in document.paragraphs].count("Heading 1") >= 10
    cover_title = next(paragraph.text for paragraph in document.paragraphs if paragraph.style is not None and paragraph.style.name == "Title")
    assert cover_title == _("Preliminary Resilience Assessment")
    assert has_property(document.paragraphs[0]._p, "w:pPr/w:bidi") == (language == "ar")
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox))
    done = window.active_dialog
    assert isinstance(done, QMessageBox) and done.objectName() == "export_done_dialog"
    assert str(tmp_path / "my brief.docx") in done.informativeText() and "Word" in done.text()
    assert _("Preliminary Resilience Assessment") in done.text()
    done.close()

    again = _open_dialog(window)
    assert _format_button(again, "docx").isChecked() and _document_button(again, "pra").isChecked()  # remembered for the next export
    assert again.path_edit.text().endswith(".docx")
    again.close()
