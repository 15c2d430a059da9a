"""A user working through the questionnaire, in English and in Arabic: keyboard answers,
autosave, undo and redo, numbers, filters, search and the profile following along."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft, EvidenceDraft
from resilience_app.core.formatting import format_number
from resilience_app.gui.evidence_panel import EvidenceDialog
from resilience_app.gui.history_dialog import HistoryDialog
from resilience_app.gui.main_window import MainWindow
from tests.gui.questionnaire_helpers import key_text, open_new_assessment, press
from tests.gui.typing_helpers import type_text


def stored(window: MainWindow, question_id: str):  # type: ignore[no-untyped-def]
    answers = window.service.assessments.answers(window.assessment_page.assessment_id or 0)
    return answers[question_id].answer if question_id in answers else None


def test_answering_from_the_keyboard(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    framework = page.session.framework  # type: ignore[union-attr]
    first, second, third = [q.id for q in framework.questions()][:3]
    page.open_question(first)
    navigator = page.questionnaire.navigator  # type: ignore[union-attr]
    press(navigator, key_text(language, "3"))
    assert stored(window, first).level == 3
    press(navigator, "", Qt.Key.Key_PageDown)
    assert page.questionnaire.current_question_id() == second  # type: ignore[union-attr]
    press(navigator, key_text(language, "n"))
    press(navigator, "", Qt.Key.Key_PageDown)
    press(page.questionnaire.question_view.choice.cards[0].radio, key_text(language, "?"))  # type: ignore[union-attr]
    assert stored(window, second).status == "not_applicable"
    assert stored(window, third).status == "dont_know"
    # The choice is shown on the scale, and progress moved everywhere it is shown.
    press(navigator, "", Qt.Key.Key_PageUp)
    press(navigator, "", Qt.Key.Key_PageUp)
    assert page.questionnaire.question_view.choice.cards[2].radio.isChecked()  # type: ignore[union-attr]
    assert format_number(3) in page.progress.overall.label.text()  # type: ignore[union-attr]
    assert navigator.currentItem().text(1) == format_number(3)
    assert navigator.currentItem().parent().text(1).startswith(format_number(3))


def test_typing_in_a_text_field_does_not_answer(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    page.open_question(first)
    view = page.questionnaire.question_view  # type: ignore[union-attr]
    view.justification.setFocus()
    type_text(qtbot, view.justification, key_text(language, "3") + " شبكات")
    view.save_typing()
    answer = stored(window, first)
    assert answer.status == "" and answer.level is None  # notes kept, not an answer
    assert answer.justification.endswith("شبكات")
    assert window.service.assessments.list_assessments()[0].answered == 0


def test_justification_is_saved_after_a_pause_without_a_save_button(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    page.open_question(first)
    view = page.questionnaire.question_view  # type: ignore[union-attr]
    press(page.questionnaire.navigator, "4")  # type: ignore[union-attr]
    type_text(qtbot, view.justification, "Census 2024")
    qtbot.waitUntil(lambda: stored(window, first).justification == "Census 2024", timeout=3000)


def test_undo_and_redo_restore_the_stored_answer(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    first, second = [q.id for q in page.session.framework.questions()][:2]  # type: ignore[union-attr]
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [sequence.toString() for sequence in window.redo_action.shortcuts()]
    page.open_question(first)
    navigator = page.questionnaire.navigator  # type: ignore[union-attr]
    press(navigator, "2")
    press(navigator, "5")
    window.undo_action.trigger()
    assert stored(window, first).level == 2
    window.undo_action.trigger()
    assert stored(window, first) is None  # a first answer undone: unanswered again
    assert not page.questionnaire.question_view.choice.group.checkedButton()  # type: ignore[union-attr]
    page.open_question(second)
    window.redo_action.trigger()
    assert stored(window, first).level == 2
    assert page.questionnaire.current_question_id() == first  # type: ignore[union-attr]  # shows what it changed
    window.redo_action.trigger()
    assert stored(window, first).level == 5
    assert not window.redo_action.isEnabled()


def test_a_bad_number_is_refused_inline_and_nothing_is_saved(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    question = next(q for q in page.session.framework.questions() if q.numeric is not None)  # type: ignore[union-attr]
    page.open_question(question.id)
    view = page.questionnaire.question_view  # type: ignore[union-attr]
    for bad in ("lots", "4٢", "-5"):
        view.numeric_edit.clear()
        type_text(qtbot, view.numeric_edit, bad)
        view.save_typing()
        assert view.numeric_field.error_label.isVisibleTo(view) and view.numeric_field.error_label.text()
        # Marked with the interface's direction: "abc" first must not turn an Arabic message left to right.
        assert view.numeric_field.error_label.text().startswith("\u200f" if language == "ar" else "\u200e")
        assert not view.numeric_hint.text()
        assert stored(window, question.id) is None
    view.numeric_edit.clear()
    type_text(qtbot, view.numeric_edit, "١٢")
    view.save_typing()
    assert not view.numeric_field.error_label.isVisibleTo(view)
    answer = stored(window, question.id)
    assert answer.numeric_value == "12"
    assert answer.status == "level" and answer.level == question.numeric.level_for(12)  # type: ignore[union-attr]


def test_filters_and_search_narrow_the_questions(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    questionnaire = page.questionnaire
    assert questionnaire is not None
    first, second = [q.id for q in page.session.framework.questions()][:2]  # type: ignore[union-attr]
    questionnaire.open_question(first)
    press(questionnaire.navigator, "3")
    questionnaire.question_view.confidence_buttons["low"].click()
    questionnaire.set_filter("low_confidence")
    assert questionnaire.navigator.visible_question_ids() == [first]
    questionnaire.set_filter("no_evidence")
    assert questionnaire.navigator.visible_question_ids() == [first]
    questionnaire.set_filter("unanswered")
    assert first not in questionnaire.navigator.visible_question_ids() and second in questionnaire.navigator.visible_question_ids()
    questionnaire.set_filter("all")
    # Arabic typed without hamza or diacritics still finds "الإسكان"-style words.
    query = "اسكان" if language == "ar" else "HOUSING"
    type_text(qtbot, questionnaire.search_box, query)
    found = questionnaire.navigator.visible_question_ids()
    assert 0 < len(found) < 20
    questionnaire.search_box.clear()
    assert len(questionnaire.navigator.visible_question_ids()) == page.session.framework.question_count  # type: ignore[union-attr]


def test_the_profile_follows_the_answers(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    framework = page.session.framework  # type: ignore[union-attr]
    goal_1 = next(framework.goals())
    page.tabs.setCurrentWidget(page.profile)
    table = page.profile.table  # type: ignore[union-attr]
    assert table.item(0, 1).text() == "—"
    for indicator in goal_1.indicators:
        for question in indicator.questions:
            page.session.change_answer(question.id, AnswerDraft(status="level", level=4, confidence="high"))  # type: ignore[union-attr]
    assert table.item(0, 1).text() == format_number(4, decimals=1)
    assert table.item(0, 3).text().startswith(format_number(100))
    assert page.profile.chart.points[0].value == 4  # type: ignore[union-attr]
    assert "—" in page.profile.chart.accessibleDescription()  # type: ignore[union-attr]  # goals without a level say so


def test_evidence_is_added_from_a_file_and_removed_after_confirming(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    page = open_new_assessment(window)
    questionnaire = page.questionnaire
    assert questionnaire is not None
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    questionnaire.open_question(first)
    report = tmp_path / "مسح الإسكان.pdf"
    report.write_bytes(b"%PDF-1.4")
    questionnaire.question_view.evidence.add_button.click()
    dialog = questionnaire.active_dialog
    assert isinstance(dialog, EvidenceDialog)
    dialog.accept()  # no title yet: refused inline
    assert dialog.isVisible() and dialog.title.error_label.text()
    type_text(qtbot, dialog.title.editor, "مسح الإسكان ٢٠٢٥")
    dialog.file_path.setText(str(report))
    dialog.accept()
    [evidence] = window.service.assessments.evidence(page.assessment_id or 0)[first]
    assert evidence.original_name == report.name
    evidence_list = questionnaire.question_view.evidence.list
    assert "مسح الإسكان" in evidence_list.item(0).text()
    evidence_list.setCurrentRow(0)
    questionnaire.question_view.evidence.remove_button.click()
    box = questionnaire.active_dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.service.assessments.evidence(page.assessment_id or 0) == {}


def test_history_lists_each_change(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    questionnaire = page.questionnaire
    assert questionnaire is not None
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    questionnaire.open_question(first)
    press(questionnaire.navigator, "2")
    press(questionnaire.navigator, "4")
    questionnaire.question_view.history_button.click()
    dialog = questionnaire.active_dialog
    assert isinstance(dialog, HistoryDialog)
    newest = [dialog.table.item(0, column).text() for column in range(5)]
    assert newest[3:] == [format_number(2), format_number(4)]


def test_overview_cards_open_their_goal(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    page.tabs.setCurrentWidget(page.overview)
    card = page.overview.cards["goal-5"]  # type: ignore[union-attr]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.questionnaire
    assert page.questionnaire.goal_view.goal_id == "goal-5"  # type: ignore[union-attr]
    assert page.questionnaire.goal_view.isVisible()  # type: ignore[union-attr]


def test_the_delete_key_while_answering_does_not_offer_to_delete_the_assessment(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    page.open_question(next(page.session.framework.questions()).id)  # type: ignore[union-attr]
    qtbot.keyClick(page.questionnaire.navigator, Qt.Key.Key_Delete)  # type: ignore[union-attr]
    assert window.active_dialog is None
    window.show_list()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert isinstance(window.active_dialog, QMessageBox)
    window.active_dialog.reject()


def test_numbers_in_question_texts_follow_the_interface_digits(window: MainWindow, qtbot: QtBot, language: str) -> None:
    import re

    page = open_new_assessment(window)
    framework = page.session.framework  # type: ignore[union-attr]
    with_number = next(q for q in framework.questions() if re.search(r"\d", q.prompt.in_language("ar")))
    page.open_question(with_number.id)
    shown = re.sub(r"<[^>]+>", "", page.questionnaire.question_view.prompt.text())  # type: ignore[union-attr]
    assert bool(re.search("[0-9]", shown)) is (language == "en")


def test_a_program_attached_as_evidence_is_shown_by_its_real_name_and_never_launched(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_new_assessment(window)
    questionnaire = page.questionnaire
    assert questionnaire is not None
    first = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    questionnaire.open_question(first)
    disguised = tmp_path / "report\u202efdp.exe"  # shows as "reportexe.pdf" where the override works
    disguised.write_bytes(b"MZ not a report")
    questionnaire.session.add_evidence(first, EvidenceDraft("Flood report", source_file=disguised))
    evidence_list = questionnaire.question_view.evidence.list
    shown = evidence_list.item(0).text()
    assert "report[U+202E]fdp.exe" in shown and "\u202e" not in shown
    opened: list[Path] = []
    monkeypatch.setattr("resilience_app.gui.questionnaire.open_file", lambda path: opened.append(path) or True)
    told: list[str] = []
    questionnaire.failed.connect(lambda error: told.append(error.code))
    evidence_list.setCurrentRow(0)
    questionnaire.question_view.evidence.open_button.click()
    [evidence] = window.service.assessments.evidence(page.assessment_id or 0)[first]
    stored_copy = window.service.assessments.evidence_file(evidence)
    assert stored_copy is not None and opened == [stored_copy.parent], "only the folder is opened, never the program"
    assert told == ["evidence-not-opened"]
