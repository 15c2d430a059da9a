"""The Contributors tab, driven as a CRO would: add a department, assign it a goal, settle a disagreement (issue 18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.labels import level_name
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.contributions.repository import ContributionRepository
from resilience_app.core.i18n import _
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.contributors_view import ContributorsView
from resilience_app.gui.main_window import MainWindow

from .questionnaire_helpers import open_new_assessment
from .typing_helpers import type_text


def _tab(page: AssessmentPage) -> ContributorsView:
    assert page.contributors is not None
    page.tabs.setCurrentWidget(page.contributors)
    return page.contributors


def _add(view: ContributorsView, qtbot: QtBot, name: str, department: str) -> None:
    dialog = view.edit_contributor(None)
    type_text(qtbot, dialog.editor("name", QLineEdit), name)
    type_text(qtbot, dialog.editor("department", QLineEdit), department)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()


def test_a_contributor_is_added_and_assigned_a_whole_goal(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    view = _tab(page)
    assert view.empty_hint.isVisible() and not view.table.isVisible()
    _add(view, qtbot, "سلطة المياه" if language == "ar" else "Water Authority", "Utilities")
    assert view.table.rowCount() == 1 and view.table.isVisible()
    view.table.setCurrentCell(0, 0)
    dialog = view.assign_questions()
    assert dialog is not None
    goal = dialog.tree.topLevelItem(0)
    assert goal is not None
    goal.setCheckState(0, Qt.CheckState.Checked)  # a goal ticks all its questions
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    framework = window.service.framework()
    first_goal = next(iter(framework.goals()))
    in_goal = {question.id for indicator in first_goal.indicators for question in indicator.questions}
    [status] = page.contributions.statuses  # type: ignore[union-attr]
    assert status.assigned == frozenset(in_goal)
    counted = view.table.item(0, 3)
    assert counted is not None and counted.text() in (str(len(in_goal)), "".join("٠١٢٣٤٥٦٧٨٩"[int(digit)] for digit in str(len(in_goal))))


def test_a_disagreement_is_listed_and_settled_from_the_question(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    view = _tab(page)
    _add(view, qtbot, "Water Authority", "Utilities")
    _add(view, qtbot, "Health Directorate", "Health")
    state = page.contributions
    assert state is not None
    question = next(window.service.framework().questions()).id
    water, health = (status.record.id for status in state.statuses)
    with window.service.database.session() as session:  # what two returned workbooks store
        repository = ContributionRepository(session)
        repository.save_contribution(water, question, AnswerDraft("level", 2), evidence="", workbook_id=None)
        repository.save_contribution(health, question, AnswerDraft("level", 4), evidence="", workbook_id=None)
    state.reload()
    assert view.disagreements.count() == 1
    shown = view.disagreements.item(0).text()  # type: ignore[union-attr]
    framework = window.service.framework()
    assert level_name(framework, 2) in shown and level_name(framework, 4) in shown, "each contributor's level is shown"
    state.take_contribution(health, question)
    assert page.session is not None and page.session.draft(question) == AnswerDraft("level", 4)  # the questionnaire sees it
    assert view.disagreements.count() == 0  # settled: the CRO took one of them
    state.settle(question, 3, "Agreed at the focal points' meeting")
    assert page.session.draft(question).level == 3  # type: ignore[union-attr]
    page.session.undo_stack.undo()  # a settlement is undoable like any answer
    assert page.session.draft(question).level == 4  # type: ignore[union-attr]


def test_the_questionnaire_shows_the_contributions_and_finds_the_disagreements(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    view = _tab(page)
    _add(view, qtbot, "Water Authority", "Utilities")
    _add(view, qtbot, "Health Directorate", "Health")
    state, questionnaire = page.contributions, page.questionnaire
    assert state is not None and questionnaire is not None and questionnaire.contributions_panel is not None
    first, second = (question.id for question in list(window.service.framework().questions())[:2])
    water, health = (status.record.id for status in state.statuses)
    with window.service.database.session() as session:
        repository = ContributionRepository(session)
        repository.save_contribution(water, first, AnswerDraft("level", 1, justification="No drainage map"), evidence="Survey 2024", workbook_id=None)
        repository.save_contribution(health, first, AnswerDraft("dont_know"), evidence="", workbook_id=None)
        repository.save_contribution(water, second, AnswerDraft("level", 3), evidence="", workbook_id=None)
    state.reload()
    page.tabs.setCurrentWidget(questionnaire)
    questionnaire.set_filter("disagreement")
    shown = [question_id for question_id in (first, second) if questionnaire.navigator.is_shown(question_id)]
    assert shown == [first]  # the second has one answer only: nothing to settle
    questionnaire.open_question(first)
    panel = questionnaire.contributions_panel
    assert panel.isVisible() and panel.table.rowCount() == 2
    cells = [panel.table.item(0, column).text() for column in range(5)]  # type: ignore[union-attr]
    assert cells[0] == "Water Authority (Utilities)" and cells[3] == "No drainage map" and cells[4] == "Survey 2024"
    panel.table.setCurrentCell(0, 0)
    panel.take_button.click()
    assert page.session is not None and page.session.draft(first) == AnswerDraft("level", 1, justification="No drainage map")
    questionnaire.open_question(second)
    assert panel.isVisible() and panel.table.rowCount() == 1
    questionnaire.open_goal(next(iter(window.service.framework().goals())).id)
    assert not panel.isVisible()


def test_a_workbook_past_its_reply_date_is_marked_overdue(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    page = open_new_assessment(window)
    view = _tab(page)
    _add(view, qtbot, "Water Authority", "Utilities")
    state = page.contributions
    assert state is not None
    [status] = state.statuses
    window.service.contributions.assign(status.record.id, [next(window.service.framework().questions()).id])
    window.service.contributions.export_workbook(status.record.id, tmp_path / "w.xlsx", deadline=dt.date.today() - dt.timedelta(days=3))
    state.reload()
    reply_by = view.table.item(0, 5)
    assert reply_by is not None and _("{date} · overdue").split("·")[1].strip() in reply_by.text()
