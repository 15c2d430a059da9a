"""Each level's description is the scoring criterion: the cards grow until every word shows, on every question."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from resilience_app.gui.main_window import MainWindow

from .questionnaire_helpers import open_new_assessment


def test_every_level_card_shows_its_whole_description_on_every_question(window: MainWindow, language: str) -> None:
    window.resize(1280, 800)
    page = open_new_assessment(window)
    assert page.session is not None and page.questionnaire is not None
    choice = page.questionnaire.question_view.choice
    cut = []
    for question in page.session.framework.questions():
        page.open_question(question.id)
        QApplication.processEvents()
        for card in choice.cards:
            label = card.scenario
            if label.isVisible() and label.heightForWidth(label.width()) > label.height():
                cut.append(f"{question.id} level {card.level}: needs {label.heightForWidth(label.width())} px, has {label.height()}")
    assert not cut, cut[:5]
