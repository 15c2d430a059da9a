"""Arabic month names and digits are the reader's choice, kept, and shown at once on every screen (issue 19)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from resilience_app.core import formatting
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.settings import Settings
from resilience_app.gui.main_window import MainWindow


def _texts(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())


def test_month_names_and_digits_are_chosen_in_the_language_menu(window: MainWindow, qtbot: QtBot) -> None:
    window.language.apply("ar")
    details = AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا", population=60_000, assessment_date=dt.date(2026, 12, 7))
    record = window.service.assessments.create_assessment(details)
    window.refresh()
    window.select_assessment(record.id)
    window.open_selected()
    assert window.month_actions["levant"].isChecked()
    assert "٧ كانون الأول ٢٠٢٦" in _texts(window), "the Levant's month names by default"

    window.month_actions["egypt_gulf"].trigger()
    assert "٧ ديسمبر ٢٠٢٦" in _texts(window)
    window.month_actions["both"].trigger()
    assert "كانون الأول/ديسمبر" in _texts(window)

    window.digits_action.trigger()  # off: Arabic with Latin digits, as in the Maghreb
    assert "7 كانون الأول/ديسمبر 2026" in _texts(window) and "٢٠٢٦" not in _texts(window)
    kept = Settings(window.service.paths.settings_file)
    assert (kept.get("arabic_months"), kept.get("arabic_indic_digits")) == ("both", False)
    assert formatting.arabic_months == "both"


def test_every_date_field_reads_day_first_with_the_month_named(window: MainWindow, language: str) -> None:
    from PySide6.QtCore import QDate

    from resilience_app.gui.assessment_dialog import AssessmentDialog  # noqa: F401 - the dialogs build their fields with date_field
    from resilience_app.gui.date_fields import date_field

    window.language.apply(language)
    field = date_field()
    field.setDate(QDate(2026, 12, 4))
    assert field.text() == ("4 December 2026" if language == "en" else "٤ كانون الأول ٢٠٢٦")
    window.month_actions["egypt_gulf"].trigger()
    later = date_field()
    later.setDate(QDate(2026, 12, 4))
    assert later.text() == ("4 December 2026" if language == "en" else "٤ ديسمبر ٢٠٢٦")


def test_the_about_dialog_writes_the_version_in_the_language_s_digits(window: MainWindow, language: str) -> None:
    from resilience_app import __version__
    from resilience_app.core.formatting import localise_digits
    from resilience_app.gui.about_dialog import AboutDialog

    window.language.apply(language)
    dialog = AboutDialog(window, window.service.paths, window.service.database.location)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert localise_digits(__version__) in shown
    assert (__version__ in shown) == (language == "en")
