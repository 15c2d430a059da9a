"""Dates typed in the window: one unambiguous, day-first form everywhere ("7 December 2026", «٧ كانون الأول ٢٠٢٦»).

The day is first and the month is named, so "12/4" can never be read as April or December. Qt names the
month from its locale, so the locale follows the language and the Arabic month names chosen in the
Language menu (`formatting.arabic_months`), through the same locale the app writes dates in.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from resilience_app.core import formatting
from resilience_app.core.i18n import current_language, is_rtl
from resilience_app.core.register.rules import FIRST_DUE_YEAR, LAST_DUE_YEAR

DATE_FORMAT = "d MMMM yyyy"
RIGHT_TO_LEFT_FORMAT = "yyyy MMMM d"  # shown as DATE_FORMAT by a right-to-left field (see date_field)


class DateField(QDateEdit):
    """A date edit that Tab leaves, as every other field does.

    Qt's date edit takes Tab to step from day to month to year, so whatever is typed after a Tab lands in
    the date (and a workshop was saved without its venue). Here Tab and Shift+Tab go to the next and previous
    field; the arrow keys, or typing the day, the month and the year, still move between the date's parts.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        return QWidget.focusNextPrevChild(self, next)

def qt_locale(language: str | None = None) -> QLocale:
    """Qt's locale for dates in the language: the one `formatting.date_locale` writes them in (so the same month names)."""
    return QLocale(formatting.date_locale(language or current_language()))


def date_field() -> QDateEdit:
    """A date field with a calendar, in the day-first long form of the current language."""
    field = DateField()
    field.setLocale(qt_locale())
    field.setCalendarPopup(True)
    field.setDateRange(QDate(FIRST_DUE_YEAR, 1, 1), QDate(LAST_DUE_YEAR, 12, 31))  # what a spreadsheet can show
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


class OptionalDateField(QWidget):
    """A date that may be left out: a box to tick, labelled as the caller says, beside a `date_field`."""

    def __init__(self, label: str, value: dt.date | None, *, name: str, offered: dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self.has_date = QCheckBox(label)
        self.has_date.setObjectName(f"{name}_set")
        self.field = date_field()
        self.field.setObjectName(f"{name}_date")
        shown = value or offered or dt.date.today()
        self.field.setDate(QDate(shown.year, shown.month, shown.day))
        self.has_date.toggled.connect(self.field.setEnabled)
        self.has_date.setChecked(value is not None)
        self.field.setEnabled(value is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.has_date)
        layout.addWidget(self.field)
        layout.addStretch(1)

    def date(self) -> dt.date | None:
        if not self.has_date.isChecked():
            return None
        chosen = self.field.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())
