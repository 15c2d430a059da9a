"""Switching the interface language at run time: catalogues, Qt's own translations, direction."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from resilience_app.core import formatting, i18n
from resilience_app.core.i18n import N_
from resilience_app.core.settings import Settings
from resilience_app.gui.date_fields import qt_locale

_log = logging.getLogger("resilience_app.gui")


# Qt's standard buttons whose Arabic in qtbase_ar is an imperative («أغلق»، «احفظ»، «ألغِ»): the app words them
# as its own buttons are worded (verbal nouns: «إغلاق»، «حفظ»، «إلغاء»), from its catalogue.
STANDARD_BUTTON_WORDS = {"Close": N_("Close"), "Save": N_("Save"), "Cancel": N_("Cancel")}


class StandardButtonWords(QTranslator):
    """Qt's standard buttons in the app's own words; every other Qt string falls through to Qt's translation."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: ARG002 - Qt's signature
        if context == "QPlatformTheme" and source_text in STANDARD_BUTTON_WORDS:
            return i18n._(STANDARD_BUTTON_WORDS[source_text])
        # "No translation here" must reach Qt as a null string (None): an empty string would be taken as the
        # translation and blank every other Qt text.
        return None  # type: ignore[return-value]


class LanguageController(QObject):
    """Applies a language to the whole app and remembers it.

    Signals:
        language_changed(str): the language code just applied; widgets re-read their texts.
    """

    language_changed = Signal(str)

    # One Qt translator per application, shared by every controller (tests build several windows).
    _qt_translator: QTranslator | None = None
    _button_words: StandardButtonWords | None = None

    def __init__(self, app: QApplication, settings: Settings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings

    def apply(self, language: str, *, remember: bool = True) -> None:
        i18n.set_language(language)
        formatting.use_arabic_indic_digits = bool(self._settings.get("arabic_indic_digits"))
        formatting.arabic_months = str(self._settings.get("arabic_months"))
        self._install_qt_translations(language)
        QLocale.setDefault(qt_locale(language))
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(language) else Qt.LayoutDirection.LeftToRight
        self._app.setLayoutDirection(direction)
        if remember:
            self._settings.set("language", language)
        self.language_changed.emit(language)

    def setting(self, name: str) -> object:
        return self._settings.get(name)

    def change_setting(self, name: str, value: object) -> None:
        """Keep a language setting (Arabic digits, month names) and show every screen again with it."""
        self._settings.set(name, value)
        self.apply(i18n.current_language(), remember=False)

    def _install_qt_translations(self, language: str) -> None:
        """Qt's own strings (standard buttons, context menus) come from qtbase_<lang>.qm."""
        if LanguageController._qt_translator is not None:
            self._app.removeTranslator(LanguageController._qt_translator)
            LanguageController._qt_translator = None
        if LanguageController._button_words is None:
            LanguageController._button_words = StandardButtonWords()
        self._app.removeTranslator(LanguageController._button_words)
        if language == "en":
            return
        translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            self._app.installTranslator(translator)
            LanguageController._qt_translator = translator
        else:
            _log.warning("Qt translations for %s not found in %s", language, folder)
        self._app.installTranslator(LanguageController._button_words)  # installed last, asked first
