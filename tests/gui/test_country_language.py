"""A country the app knows shows in the screen's language, in the list and on the assessment; a typed place stays as typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.gui.main_window import MainWindow

JORDAN = {"en": "Jordan", "ar": "الأردن"}


@pytest.mark.parametrize("typed", ["Jordan", "الأردن", "jordan"])
def test_a_known_country_shows_in_the_screen_language(window: MainWindow, language: str, typed: str) -> None:
    window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Karak", city_name_ar="الكرك", country=typed))
    window.refresh()
    assert window.model.data(window.model.index(0, 1), Qt.ItemDataRole.DisplayRole) == JORDAN[language]
    window.open_action.trigger()
    subtitle = window.assessment_page.subtitle.text()
    assert JORDAN[language] in subtitle and JORDAN["en" if language == "ar" else "ar"] not in subtitle


def test_a_place_the_app_does_not_know_stays_as_typed(window: MainWindow) -> None:
    window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Karak", city_name_ar="الكرك", country="Kingdom of Atlantis"))
    window.refresh()
    assert window.model.data(window.model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "Kingdom of Atlantis"
