"""Dates typed in the window: one unambiguous, day-first form everywhere ("7 December 2026", «٧ كانون الأول ٢٠٢٦»).

The day is first and the month is named, so "12/4" can never be read as April or December. Qt names the
month from its locale, so the locale follows the language and the Arabic month names chosen in the
Language menu (`formatting.arabic_months`), through the same locale the app writes dates in.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDateEdit

from resilience_app.core import formatting
from resilience_app.core.i18n import current_language, is_rtl

DATE_FORMAT = "d MMMM yyyy"
RIGHT_TO_LEFT_FORMAT = "yyyy MMMM d"  # shown as DATE_FORMAT by a right-to-left field (see date_field)
def qt_locale(language: str | None = None) -> QLocale:
    """Qt's locale for dates in the language: the one `formatting.date_locale` writes them in (so the same month names)."""
    return QLocale(formatting.date_locale(language or current_language()))


def date_field() -> QDateEdit:
    """A date field with a calendar, in the day-first long form of the current language."""
    field = QDateEdit()
    field.setLocale(qt_locale())
    field.setCalendarPopup(True)
    if is_rtl():
        # Right to left, Qt lays a date format's sections out in reverse: "yyyy MMMM d" shows «٤ كانون الأول ٢٠٢٦»,
        # day first as the reader reads it. The direction is set on the field so that it cannot change under it.
        field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        field.setDisplayFormat(RIGHT_TO_LEFT_FORMAT)
        field.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    else:
        field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        field.setDisplayFormat(DATE_FORMAT)
    return field
