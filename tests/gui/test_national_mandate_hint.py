""""Not applicable" on a service a ministry usually runs: the question screen says, in one line, to answer with
national data and a lower confidence instead; it never refuses the answer, and says nothing elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import _
from resilience_app.gui.answer_choice import NATIONAL_MANDATE_HINT, NOT_APPLICABLE_RULE
from resilience_app.gui.main_window import MainWindow
from tests.gui.questionnaire_helpers import key_text, open_new_assessment, press


def stored_status(window: MainWindow, question_id: str) -> str | None:
    answers = window.service.assessments.answers(window.assessment_page.assessment_id or 0)
    return answers[question_id].answer.status if question_id in answers else None


def test_not_applicable_on_a_ministry_service_shows_the_hint(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    framework = page.session.framework  # type: ignore[union-attr]
    national = next(question.id for question in framework.questions() if question.mandate_often_national)
    local = next(question.id for question in framework.questions() if not question.mandate_often_national)
    view = page.questionnaire.question_view  # type: ignore[union-attr]
    hint = view.choice.national_hint
    page.open_question(national)
    assert view.choice.not_applicable.toolTip() == _(NOT_APPLICABLE_RULE)  # the rule, where the choice is
    assert hint.isHidden()
    qtbot.mouseClick(view.choice.not_applicable, Qt.MouseButton.LeftButton)
    assert stored_status(window, national) == "not_applicable"  # a hint, not a refusal
    assert hint.isVisibleTo(view) and hint.text() == _(NATIONAL_MANDATE_HINT)
    assert ("وزارة" in hint.text()) if language == "ar" else ("ministry" in hint.text())
    # Choosing a level instead clears it; coming back to the stored "not applicable" shows it again.
    qtbot.mouseClick(view.choice.cards[1].radio, Qt.MouseButton.LeftButton)
    assert hint.isHidden()
    press(page.questionnaire.navigator, key_text(language, "n"))  # type: ignore[union-attr]
    assert hint.isVisibleTo(view)
    page.open_question(local)
    assert hint.isHidden()
    press(page.questionnaire.navigator, key_text(language, "n"))  # type: ignore[union-attr]
    assert stored_status(window, local) == "not_applicable" and hint.isHidden()
    page.open_question(national)
    assert hint.isVisibleTo(view)
