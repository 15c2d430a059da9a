"""Numbers and date ranges typed into a form sit on the side the form reads from: right in Arabic, left in English."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from resilience_app.gui.actions_view import ActionDialog
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.main_window import MainWindow
from tests.gui.ink import text_centre


def _assert_on_reading_side(edit: QWidget, language: str) -> None:
    centre = text_centre(edit)
    assert (centre > 0.5) == (language == "ar"), f"{edit.objectName()}'s text is centred at {centre:.0%} of its width"


def test_the_population_sits_on_the_reading_side(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AssessmentDialog)
    dialog.population.setText("850000")
    qapp.processEvents()
    _assert_on_reading_side(dialog.population, language)
    dialog.reject()


def test_the_timeframe_sits_on_the_reading_side(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.open_sample()
    actions = window.assessment_page.actions_view
    dialog = actions.edit_action(None)
    assert isinstance(dialog, ActionDialog)
    timeframe = dialog.editor("timeframe", QLineEdit)
    timeframe.setText("2024–2027")
    qapp.processEvents()
    _assert_on_reading_side(timeframe, language)
    dialog.reject()
