"""The app remembers where the user was: the assessment, tab and question, the panes' sizes, the row
just added; and says what to do where there is nothing to show yet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import _
from resilience_app.core.paths import AppPaths
from resilience_app.gui.app import create_main_window
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.window_memory import named_splitters
from tests.gui.questionnaire_helpers import open_new_assessment
from tests.gui.typing_helpers import type_text


def is_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


Reopen = Callable[[MainWindow], MainWindow]


def _button(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> QPushButton:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(which)


@pytest.fixture
def reopen(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths) -> Iterator[Reopen]:
    """Close a main window and start the app again on the same data and settings."""
    opened: list[MainWindow] = []

    def again(window: MainWindow) -> MainWindow:
        window.close()
        second = create_main_window(qapp, app_paths)
        qtbot.addWidget(second)
        second.show()
        qtbot.waitExposed(second)
        opened.append(second)
        return second

    yield again
    for second in opened:
        second.service.close()


def test_reopening_lands_on_the_last_assessment_tab_and_question(window: MainWindow, reopen: Reopen, language: str) -> None:
    open_new_assessment(window, "Irbid")
    window.show_list()
    page = open_new_assessment(window, "Madaba")
    madaba = page.assessment_id
    assert page.questionnaire is not None and page.actions_view is not None and page.session is not None
    sixth_question = [question.id for goal in page.session.framework.goals() for indicator in goal.indicators for question in indicator.questions][5]
    page.open_question(sixth_question)
    page.tabs.setCurrentWidget(page.actions_view)

    second = reopen(window)
    again = second.assessment_page
    assert second.pages.currentWidget() is again and again.assessment_id == madaba
    assert again.tabs.currentWidget() is again.actions_view
    assert again.questionnaire is not None and again.questionnaire.current_question_id() == sixth_question
    again.tabs.setCurrentWidget(again.questionnaire)
    assert again.questionnaire.question_view.isVisible() and not again.questionnaire.empty_note.isVisible()

    second.show_list()  # closed on the list: it opens on the list, the assessment chosen
    third = reopen(second)
    assert third.pages.currentIndex() == 0 and third.selected_assessment_id() == madaba


def test_the_panes_sizes_survive_a_restart(window: MainWindow, reopen: Reopen, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.questionnaire is not None and page.profile is not None
    page.tabs.setCurrentWidget(page.questionnaire)
    splitter = page.questionnaire.splitter
    qtbot.waitUntil(lambda: splitter.sizes()[0] > 0)
    total = sum(splitter.sizes())
    splitter.setSizes([300, total - 300])
    assert splitter.sizes()[0] == 300

    second = reopen(window)
    again = second.assessment_page
    assert again.questionnaire is not None and again.tabs.currentWidget() is again.questionnaire
    qtbot.waitUntil(lambda: again.questionnaire.splitter.sizes()[0] == 300)  # type: ignore[union-attr]


def test_a_new_assessment_opens(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AssessmentDialog)
    type_text(qtbot, dialog.city_en, "Salt")
    type_text(qtbot, dialog.city_ar, "السلط")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [summary] = window.service.assessments.list_assessments()
    assert window.pages.currentWidget() is window.assessment_page and window.assessment_page.isVisible()
    assert window.assessment_page.assessment_id == summary.id


def test_the_questionnaire_says_what_to_choose_before_anything_is_chosen(window: MainWindow, language: str) -> None:
    page = open_new_assessment(window)
    assert page.questionnaire is not None
    page.tabs.setCurrentWidget(page.questionnaire)
    note = page.questionnaire.empty_note
    assert note.isVisible() and note.text() == _("Choose a goal or a question")
    assert is_arabic(note.text()) is (language == "ar")
    first_goal = next(iter(page.questionnaire.session.framework.goals())).id
    page.questionnaire.open_goal(first_goal)
    assert not note.isVisible() and page.questionnaire.goal_view.isVisible()


def test_the_navigator_opens_wide_enough_to_read_a_question(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.questionnaire is not None
    window.resize(1366, 768)
    page.tabs.setCurrentWidget(page.questionnaire)
    splitter = page.questionnaire.splitter
    qtbot.waitUntil(lambda: splitter.sizes()[0] >= 0.32 * sum(splitter.sizes()))


def test_an_added_register_item_and_action_are_the_chosen_rows_in_view(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.resize(1366, 768)
    window.open_sample()
    page = window.assessment_page
    assert page.shocks_stresses is not None and page.actions_view is not None and page.register is not None
    page.tabs.setCurrentWidget(page.shocks_stresses)
    register = page.shocks_stresses.register_view
    register.item_list.scrollToTop()
    dialog = register.add_own_item()
    dialog.name_en.editor.setText("Sandstorm on the airport road")
    _button(dialog, QDialogButtonBox.StandardButton.Ok).click()
    added = next(record.id for record in page.register.items if record.item.name_en == "Sandstorm on the airport road")
    assert register.current_item_id() == added
    chosen = register.item_list.currentItem()
    assert chosen.isSelected()
    shown = register.item_list.visualItemRect(chosen)
    assert shown.top() >= 0 and shown.bottom() <= register.item_list.viewport().height()  # scrolled into view

    form = register.form
    assert form.saved_label.text() == ""
    form.likelihood.setCurrentIndex(3)
    assert form.saved_label.isVisible() and form.saved_label.text() == _("Saved")
    assert is_arabic(form.saved_label.text()) is (language == "ar")

    page.tabs.setCurrentWidget(page.actions_view)
    actions = page.actions_view
    actions.table.scrollToTop()
    action_dialog = actions.edit_action(None)
    action_dialog.editor("title", QLineEdit).setText("Zebra crossings near every school")
    _button(action_dialog, QDialogButtonBox.StandardButton.Save).click()
    assert not action_dialog.isVisible()
    new_action = next(record.id for record in page.register.actions if record.action.title == "Zebra crossings near every school")
    assert actions.current_action_id() == new_action
    row = actions.table.currentRow()
    assert actions.table.selectionModel().isRowSelected(row)
    shown = actions.table.visualRect(actions.table.model().index(row, 0))
    assert shown.top() >= 0 and shown.bottom() <= actions.table.viewport().height()  # scrolled into view
    assert actions.edit_button.isEnabled()


def test_pane_sizes_the_app_never_kept_are_ignored_and_the_window_opens(window: MainWindow, qtbot: QtBot, qapp: QApplication,
                                                                        app_paths: AppPaths, language: str) -> None:
    """A hand-edited settings file with a size past Qt's 32-bit range once froze or crashed every start."""
    page = open_new_assessment(window)
    assert page.questionnaire is not None
    page.tabs.setCurrentWidget(page.questionnaire)
    key = next(key for key, splitter in named_splitters(window) if splitter is page.questionnaire.splitter)
    window.close()
    window.settings.set("splitter_sizes", {key: [2**31, 300]})  # after the window kept its own
    second = create_main_window(qapp, app_paths)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    again = second.assessment_page
    assert again.questionnaire is not None and again.tabs.currentWidget() is again.questionnaire
    qtbot.waitUntil(lambda: again.questionnaire.splitter.sizes()[0] > 0)  # type: ignore[union-attr]
    assert sum(again.questionnaire.splitter.sizes()) < 10_000  # type: ignore[union-attr]
    second.service.close()
