"""Export the whole assessment to Excel from the window: choose the language, the sensitive content and the file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.export_names import export_file_name
from resilience_app.core.i18n import translate_in
from resilience_app.gui.export_dialog import WorkbookExportDialog
from resilience_app.gui.main_window import MainWindow
from tests.spreadsheet.workbook_reader import tables


def _open_dialog(window: MainWindow) -> WorkbookExportDialog:
    window.export_workbook_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkbookExportDialog)
    return dialog


def _export(window: MainWindow, qtbot: QtBot, dialog: WorkbookExportDialog, target: Path) -> QMessageBox:
    dialog.path_edit.setText(str(target))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)  # written off the GUI thread
    done = window.active_dialog
    assert isinstance(done, QMessageBox)
    return done


def test_export_the_workbook_in_the_other_language(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    assert not window.export_workbook_action.isEnabled()  # no assessment to export yet
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    assert window.export_workbook_action.isEnabled()
    assert window.export_workbook_action in window.file_menu.actions()
    assert window.export_workbook_action.text() == translate_in(language, "Export to E&xcel…")
    dialog = _open_dialog(window)
    assert dialog.language() == language
    assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind="assessment", suffix=".xlsx")
    assert not dialog.include_sensitive.isVisible()  # nothing is marked sensitive
    other = "ar" if language == "en" else "en"
    button = dialog.findChild(QRadioButton, f"assessment_language_{other}")
    assert button is not None
    button.setChecked(True)
    assert Path(dialog.path_edit.text()).name == export_file_name(record, other, kind="assessment", suffix=".xlsx")  # the proposed name follows the language
    dialog.path_edit.setText("")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    target = tmp_path / "assessment.xlsx"
    done = _export(window, qtbot, dialog, target)
    assert done.objectName() == "workbook_done_dialog" and str(target) in done.informativeText()
    done.close()
    book = load_workbook(target)
    assert book.properties.language == other
    assert bool(book.worksheets[0].sheet_view.rightToLeft) == (other == "ar")


def test_an_answer_marked_sensitive_stays_out_unless_the_export_includes_it(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville"))
    question = next(window.service.framework().questions()).id
    window.service.assessments.save_answer(record.id, question, AnswerDraft(
        status="level", level=2, justification="Named officials under investigation", sensitive=True))
    window.refresh()
    window.select_assessment(record.id)

    def justification(path: Path) -> object:
        rows = tables(path)[translate_in(language, "Answers")]
        return next(row for row in rows if row[translate_in(language, "Question id")] == question)[translate_in(language, "Justification")]

    dialog = _open_dialog(window)
    assert dialog.include_sensitive.isVisible() and not dialog.include_sensitive.isChecked()
    assert translate_in(language, "Unless you include them, the workbook will leave out what is marked sensitive: {parts}.").split("{")[0] in dialog.sensitive_note.text()
    _export(window, qtbot, dialog, tmp_path / "withheld.xlsx").close()
    assert justification(tmp_path / "withheld.xlsx") is None

    dialog = _open_dialog(window)
    dialog.include_sensitive.setChecked(True)
    _export(window, qtbot, dialog, tmp_path / "included.xlsx").close()
    assert justification(tmp_path / "included.xlsx") == "Named officials under investigation"


def test_an_unwritable_folder_gets_a_plain_message_and_no_file(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville"))
    window.refresh()
    window.select_assessment(record.id)
    dialog = _open_dialog(window)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "assessment.xlsx"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(widget.isVisible() for widget in dialog.findChildren(QMessageBox)))
    boxes = [widget for widget in dialog.findChildren(QMessageBox) if widget.isVisible()]
    assert boxes and boxes[-1].objectName() == "user_error_dialog"
    assert dialog.isVisible() and window.active_dialog is dialog  # the export dialog stays, its choices intact
    assert translate_in(language, "The workbook could not be saved as {path}: {reason}").split("{")[0] in boxes[-1].text()
    assert not (tmp_path / "no-such-folder").exists()
    for box in boxes:
        box.close()
