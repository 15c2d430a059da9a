"""The window uses the fonts the app ships, as the brief does: Arabic marks stay visible on any laptop (issue 19)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from resilience_app.gui.app_fonts import ARABIC_FAMILY, LATIN_FAMILY
from resilience_app.gui.main_window import MainWindow


def test_the_window_sets_arabic_in_the_shipped_naskh_and_latin_in_noto_sans(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert {LATIN_FAMILY, ARABIC_FAMILY} <= set(QFontDatabase.families()), "loaded from assets/fonts, whatever the system has"
    assert app.font().families()[:2] == [LATIN_FAMILY, ARABIC_FAMILY]
    label = QLabel("أُجيب عن ٣ من ٥")
    assert QFontInfo(label.font()).family() == LATIN_FAMILY
    assert QFontDatabase.writingSystems(ARABIC_FAMILY).count(QFontDatabase.WritingSystem.Arabic) == 1
