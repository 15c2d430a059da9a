"""The history of a question always says who: the "Answered by" typed, else the assessment's CRO, never a dash."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.i18n import _
from resilience_app.gui.history_dialog import HistoryDialog
from resilience_app.gui.main_window import MainWindow
from tests.gui.questionnaire_helpers import key_text, press


def _history_names(window: MainWindow, cro_name: str, language: str) -> list[str]:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt", city_name_ar="السلط", cro_name=cro_name))
    window.refresh()
    window.select_assessment(record.id)
    window.open_selected()
    questionnaire = window.assessment_page.questionnaire
    assert questionnaire is not None
    first = next(window.assessment_page.session.framework.questions()).id  # type: ignore[union-attr]
    questionnaire.open_question(first)
    assert questionnaire.question_view.answered_by.text() == ""
    press(questionnaire.navigator, key_text(language, "3"))
    questionnaire.question_view.history_button.click()
    dialog = questionnaire.active_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.table.rowCount() > 0
    return [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]


def test_with_answered_by_empty_the_history_names_the_cro(window: MainWindow, qtbot: QtBot, language: str) -> None:
    cro = "هالة خوري" if language == "ar" else "Hala Khoury"
    assert set(_history_names(window, cro, language)) == {cro}


def test_with_no_cro_named_yet_the_history_says_the_cro_not_a_dash(window: MainWindow, qtbot: QtBot, language: str) -> None:
    names = set(_history_names(window, "", language))
    assert names == {_("Chief Resilience Officer")} and "—" not in names
