"""Tab leaves a date field: what is typed next lands in the next field, not in the date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.gui.date_fields import date_field
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.workshop_dialogs import WorkshopDialog
from tests.gui.questionnaire_helpers import open_workshop_of


def test_tab_out_of_the_workshop_date_and_the_venue_gets_what_is_typed(window: MainWindow, qtbot: QtBot, language: str) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    page = open_workshop_of(window, record.id)
    page.buttons["new"].click()
    dialog = page.active_dialog
    assert isinstance(dialog, WorkshopDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    title, date, venue = dialog.editor("title", QLineEdit), dialog.editor("held_on"), dialog.editor("venue", QLineEdit)
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Agenda")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.waitUntil(date.hasFocus)
    shown = date.date()
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    qtbot.waitUntil(venue.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "City hall")
    assert venue.text() == "City hall"
    assert date.date() == shown
    qtbot.keyClick(venue, Qt.Key.Key_Backtab)
    qtbot.waitUntil(date.hasFocus)
    dialog.save()
    stored = window.service.workshops.workshops(record.id)[0].workshop
    assert (stored.title, stored.venue) == ("Agenda", "City hall")
    assert stored.held_on == dt.date(shown.year(), shown.month(), shown.day())


def test_every_date_field_is_one_that_tab_leaves(qtbot: QtBot, language: str) -> None:
    from resilience_app.gui.date_fields import DateField

    field = date_field()
    qtbot.addWidget(field)
    assert isinstance(field, DateField)
