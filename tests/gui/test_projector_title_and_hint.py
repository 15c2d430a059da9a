"""The projector window is titled after its workshop and, on a single screen, says for a few seconds how to leave it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.i18n import _, isolate
from resilience_app.core.workshop.records import WorkshopDraft
from resilience_app.gui import projector_hint
from resilience_app.gui.main_window import MainWindow
from tests.gui.questionnaire_helpers import open_workshop_of


def test_the_projector_is_titled_after_the_workshop_and_says_how_to_leave(window: MainWindow, qtbot: QtBot, language: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt", city_name_ar="السلط"))
    page = open_workshop_of(window, record.id)
    title = "ورشة تحديد الأولويات" if language == "ar" else "Agenda-setting workshop"
    page.state.add_workshop(WorkshopDraft(title=title))
    assert len(QGuiApplication.screens()) == 1  # offscreen: one screen, the projector opens as a window
    monkeypatch.setattr(projector_hint, "HINT_SECONDS", 0.2)
    page.toggle_projector()
    projector = page.projector
    assert projector is not None
    qtbot.waitExposed(projector)
    assert projector.windowTitle() == _("Projector — {workshop}").format(workshop=isolate(title))
    assert projector.windowTitle().startswith("جهاز العرض" if language == "ar" else "Projector — ")
    hint = projector.leave_hint
    assert hint.isVisible() and "Esc" in hint.text() and "F11" in hint.text()
    assert projector.rect().contains(hint.geometry())
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=3000)  # it goes by itself

    renamed = title + " 2"
    page.state.update_workshop(WorkshopDraft(title=renamed))
    assert projector.windowTitle() == _("Projector — {workshop}").format(workshop=isolate(renamed))
    qtbot.keyClick(projector, Qt.Key.Key_Escape)  # what the hint says: Esc leaves it
    assert not projector.isVisible()
