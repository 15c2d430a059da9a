"""Shared steps for questionnaire tests: open an assessment and answer from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.workshop_page import WorkshopPage


def open_new_assessment(window: MainWindow, name: str = "Madaba") -> AssessmentPage:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en=name, city_name_ar="مادبا"))
    window.refresh()
    window.select_assessment(record.id)
    window.open_selected()
    page = window.assessment_page
    assert page.assessment_id == record.id and page.isVisible()
    return page


def open_workshop_of(window: MainWindow, assessment_id: int) -> WorkshopPage:
    """Open an assessment from the list and show its Workshop tab."""
    window.refresh()
    window.select_assessment(assessment_id)
    window.open_selected()
    page = window.assessment_page.workshop
    assert page is not None
    window.assessment_page.tabs.setCurrentWidget(page)
    return page


def press(widget: QWidget, text: str, key: int = 0) -> None:
    """A key press as a keyboard in either layout sends it: a key code and the typed text."""
    code = key or (ord(text.upper()) if text.isascii() and text else Qt.Key.Key_unknown)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))


def key_text(language: str, latin: str) -> str:
    """What the key for `latin` types on the keyboard layout of `language`."""
    arabic = {"1": "١", "2": "٢", "3": "٣", "4": "٤", "5": "٥", "n": "ى", "?": "؟"}
    return arabic.get(latin, latin) if language == "ar" else latin
