"""Export the brief from the window: choose language and sections, save, be offered the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core.storage.records import AssessmentDetails
from resilience_app.gui.export_dialog import ExportDialog
from resilience_app.gui.main_window import MainWindow


def test_export_the_brief_in_the_other_language_with_chosen_sections(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.language() == language
    assert dialog.path_edit.text().endswith(f"-brief-{language}.pdf")
    other = "ar" if language == "en" else "en"
    dialog.findChild(type(dialog.language_buttons.buttons()[0]), f"brief_language_{other}").setChecked(True)
    assert dialog.path_edit.text().endswith(f"-brief-{other}.pdf")  # the proposed name follows the language
    dialog._check_all(Qt.CheckState.Unchecked)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing to export
    for row in range(dialog.sections.count()):
        item = dialog.sections.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ("purpose", "city_profile"):
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_sections() == ["purpose", "city_profile"]
    target = tmp_path / "brief.pdf"
    dialog.path_edit.setText(str(target))
    ok.click()
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox))
    done = window.active_dialog
    assert isinstance(done, QMessageBox) and done.objectName() == "export_done_dialog"
    assert str(target) in done.informativeText()
    done.close()


def test_an_unwritable_folder_gets_a_plain_message_and_no_file(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.create_assessment(AssessmentDetails(city_name_en="Testville"))
    window.refresh()
    window.select_assessment(record.id)
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "brief.pdf"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    boxes = [widget for widget in window.findChildren(QMessageBox) if widget.isVisible()]
    assert boxes and boxes[-1].objectName() != "export_done_dialog"
    assert not (tmp_path / "no-such-folder").exists()
    for box in boxes:
        box.close()
