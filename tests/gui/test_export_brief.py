"""Export the brief from the window: choose language and sections, save, be offered the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.export_names import export_file_name
from resilience_app.gui.export_dialog import ExportDialog
from resilience_app.gui.main_window import MainWindow


def test_export_the_brief_in_the_other_language_with_chosen_sections(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.language() == language
    assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind="brief", suffix=".pdf")
    other = "ar" if language == "en" else "en"
    dialog.findChild(type(dialog.language_buttons.buttons()[0]), f"brief_language_{other}").setChecked(True)
    assert Path(dialog.path_edit.text()).name == export_file_name(record, other, kind="brief", suffix=".pdf")  # the proposed name follows the language
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
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)  # written off the GUI thread
    assert target.read_bytes().startswith(b"%PDF")
    done = window.active_dialog
    assert isinstance(done, QMessageBox) and done.objectName() == "export_done_dialog"
    assert str(target) in done.informativeText()
    done.close()


def test_an_unwritable_folder_gets_a_plain_message_and_no_file(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville"))
    window.refresh()
    window.select_assessment(record.id)
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "brief.pdf"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(widget.isVisible() for widget in dialog.findChildren(QMessageBox)))
    boxes = [widget for widget in dialog.findChildren(QMessageBox) if widget.isVisible()]
    assert boxes and boxes[-1].objectName() == "user_error_dialog"
    assert dialog.isVisible() and window.active_dialog is dialog  # the export dialog stays, its choices intact
    assert not (tmp_path / "no-such-folder").exists()
    for box in boxes:
        box.close()


def test_an_answer_marked_sensitive_stays_out_unless_the_export_includes_it(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    from tests.brief.pdf_reader import page_text, plain
    from tests.gui.questionnaire_helpers import open_new_assessment, press

    page = open_new_assessment(window)
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    page.open_question(first)
    view = page.questionnaire.question_view  # type: ignore[union-attr]
    press(page.questionnaire.navigator, "2")  # type: ignore[union-attr]
    view.justification.setPlainText("Named officials under investigation")
    view.save_typing()
    view.sensitive.click()
    assert window.service.assessments.answers(page.assessment_id)[first].answer.sensitive
    window.undo_action.trigger()  # marking is a change like any other
    assert not window.service.assessments.answers(page.assessment_id)[first].answer.sensitive
    window.redo_action.trigger()
    assert view.sensitive.isChecked()

    window.show_list()
    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.include_sensitive.isVisible() and not dialog.include_sensitive.isChecked()
    dialog._check_all(Qt.CheckState.Checked)  # the appendix prints the justification
    dialog.path_edit.setText(str(tmp_path / "withheld.pdf"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)
    window.active_dialog.close()  # type: ignore[union-attr]
    assert "investigation" not in page_text(tmp_path / "withheld.pdf")

    window.export_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.include_sensitive.setChecked(True)
    dialog._check_all(Qt.CheckState.Checked)
    dialog.path_edit.setText(str(tmp_path / "included.pdf"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)
    window.active_dialog.close()  # type: ignore[union-attr]
    assert "investigation" in plain(page_text(tmp_path / "included.pdf"))


def test_the_dialog_offers_the_pra_with_its_sections_and_name_and_remembers_it(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA
    from tests.brief.pdf_reader import page_text, plain

    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    try:
        window.export_action.trigger()
        dialog = window.active_dialog
        assert isinstance(dialog, ExportDialog) and dialog.document() == BRIEF
        assert dialog.chosen_sections() == list(DOCUMENTS[BRIEF].defaults_for(has_earlier_round=False))  # the appendix is the user's to add
        assert "change" not in dialog.chosen_sections()  # no earlier round: the brief's change since the baseline is left unticked
        dialog.findChild(type(dialog.document_buttons.buttons()[0]), f"brief_document_{PRA}").setChecked(True)
        assert dialog.document() == PRA
        listed = [dialog.sections.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.sections.count())]
        assert listed == list(DOCUMENTS[PRA].sections) and dialog.chosen_sections() == list(DOCUMENTS[PRA].defaults)
        assert Path(dialog.path_edit.text()).name == export_file_name(record, language, kind=PRA, suffix=".pdf")
        target = tmp_path / "pra.pdf"
        dialog.path_edit.setText(str(target))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)
        window.active_dialog.close()  # type: ignore[union-attr]
        from resilience_app.core.i18n import translate_in

        assert plain(translate_in(language, "Preliminary Resilience Assessment")) in plain(page_text(target, 1, 1))
        window.export_action.trigger()
        again = window.active_dialog
        assert isinstance(again, ExportDialog) and again.document() == PRA  # offered again, like the last choice
        assert again.chosen_sections() == list(DOCUMENTS[PRA].defaults)
        again.close()
    finally:
        ExportDialog.last_document = BRIEF


def test_the_briefs_change_since_the_baseline_is_ticked_for_a_later_round(window: MainWindow, language: str) -> None:
    from resilience_app.core.brief.sections import BRIEF
    from resilience_app.core.rounds.records import FollowUpOptions

    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    follow_up = window.service.rounds.start_follow_up(record.id, FollowUpOptions()).record
    window.refresh()
    window.select_assessment(follow_up.id)
    window.export_action.trigger()
    dialog = window.active_dialog
    try:
        assert isinstance(dialog, ExportDialog) and dialog.document() == BRIEF and "change" in dialog.chosen_sections()
    finally:
        dialog.close()  # type: ignore[union-attr]
