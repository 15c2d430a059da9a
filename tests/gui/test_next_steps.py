"""What Phase II must work on in each discovery area, and the next steps, driven as a CRO would in both languages."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from resilience_app.core.register.records import DiscoveryAreaDraft
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.discovery_view import DiscoveryView
from resilience_app.gui.main_window import MainWindow

from .questionnaire_helpers import open_new_assessment
from .typing_helpers import type_text

WORDS = {
    "en": {"question": "Which districts lose water first?", "second": "How long do roof tanks last?", "partner": "Water authority",
           "step": "Commission a water study", "owner": "Resilience office", "date": "15 March 2027", "status": "Under way"},
    "ar": {"question": "ما الأحياء التي تنقطع عنها المياه أولًا؟", "second": "كم تكفي خزانات الأسطح؟", "partner": "سلطة المياه",
           "step": "التكليف بدراسة عن المياه", "owner": "مكتب المرونة", "date": "١٥ آذار ٢٠٢٧", "status": "قيد التنفيذ"},
}


def _discovery(window: MainWindow) -> tuple[AssessmentPage, DiscoveryView]:
    page = open_new_assessment(window)
    assert page.discovery is not None
    page.tabs.setCurrentWidget(page.discovery)
    return page, page.discovery


def _save(dialog: object) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[attr-defined]


def test_an_area_notes_its_phase_two_questions_data_and_partners(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page, view = _discovery(window)
    words = WORDS[language]
    dialog = view.edit_area(None)
    type_text(qtbot, dialog.editor("title", QLineEdit), "Water")
    questions = dialog.editor("questions", QPlainTextEdit)
    type_text(qtbot, questions, words["question"])
    qtbot.keyClick(questions, Qt.Key.Key_Return)  # several lines in one field
    type_text(qtbot, questions, words["second"])
    type_text(qtbot, dialog.editor("partners", QPlainTextEdit), words["partner"])
    _save(dialog)
    assert not dialog.isVisible()
    area = window.service.register.areas(page.assessment_id)[0].area  # type: ignore[arg-type]
    assert (area.questions, area.data_needed, area.partners) == (f"{words['question']}\n{words['second']}", "", words["partner"])
    view.select_area(window.service.register.areas(page.assessment_id)[0].id)  # type: ignore[arg-type]
    shown = view.detail.text()
    assert f"<li>{words['question']}</li><li>{words['second']}</li>" in shown  # each question on its own line
    assert words["partner"] in shown
    again = view.edit_area(view.current_area_id())
    assert again.editor("questions", QPlainTextEdit).toPlainText() == area.questions  # opens with what was saved
    again.reject()


def test_next_steps_are_added_shown_edited_and_removed(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page, view = _discovery(window)
    words = WORDS[language]
    assessment_id = page.assessment_id
    assert assessment_id is not None
    area = window.service.register.add_area(assessment_id, DiscoveryAreaDraft("Water", status="accepted"))
    page.register.reload()  # type: ignore[union-attr]
    view.select_area(area.id)
    panel = view.next_steps
    assert panel.layoutDirection() == (Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    dialog = panel.edit_step(None)
    assert dialog.editor("area_id", QComboBox).currentData() == area.id  # a new step serves the area chosen above
    _save(dialog)
    assert dialog.isVisible() and dialog.fields["what"].findChild(QLabel, "next_step_what_error").text()  # nothing to do: refused
    assert window.service.next_steps.next_steps(assessment_id) == []
    type_text(qtbot, dialog.editor("what", QLineEdit), words["step"])
    type_text(qtbot, dialog.editor("owner", QLineEdit), words["owner"])
    due = dialog.fields["due"].editor
    due.has_date.click()  # type: ignore[attr-defined]
    due.field.setDate(QDate(2027, 3, 15))  # type: ignore[attr-defined]
    _save(dialog)
    assert not dialog.isVisible()
    table = panel.table
    row = [table.item(0, column).text() for column in range(table.columnCount())]
    assert row == [words["step"], words["owner"], words["date"], "مخطط له" if language == "ar" else "Planned", "Water"]
    assert words["step"] in view.detail.text()  # the area lists the steps that serve it
    table.setCurrentCell(0, 0)
    edit = panel.edit_step(panel.current_step_id())
    edit.editor("status", QComboBox).setCurrentIndex(1)
    edit.editor("due").has_date.click()  # type: ignore[attr-defined]  # no date after all
    _save(edit)
    assert [table.item(0, column).text() for column in (2, 3)] == ["—", words["status"]]
    assert window.service.next_steps.next_steps(assessment_id)[0].step.due is None
    table.setCurrentCell(0, 0)
    box = panel.confirm_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert table.rowCount() == 0 and window.service.next_steps.next_steps(assessment_id) == []
