"""Help in the app: the keyboard-shortcut sheet, "How an assessment runs" and the glossary, in both languages."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import _
from resilience_app.core.search_text import normalise_for_search
from resilience_app.gui.help_dialogs import GlossaryDialog, GuideDialog, ShortcutsDialog
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.shortcuts import key_text
from tests.gui.questionnaire_helpers import open_new_assessment
from tests.gui.typing_helpers import type_text


def _bound_keys(root: QWidget) -> set[str]:
    """Every key sequence an action or shortcut under `root` really answers to."""
    keys = {key_text(sequence) for action in root.findChildren(QAction) for sequence in action.shortcuts()}
    keys |= {key_text(shortcut.key()) for shortcut in root.findChildren(QShortcut)}
    return keys - {""}


def _sheet_keys(dialog: ShortcutsDialog) -> str:
    return " ".join(keys for keys, _does in dialog.rows())


def test_the_shortcut_sheet_lists_every_shortcut_the_window_binds(window: MainWindow, qtbot: QtBot, language: str) -> None:
    open_new_assessment(window)  # the open assessment's screens bind their own keys (the workshop's F5–F9, the register's Delete)
    bound = _bound_keys(window)
    assert {"F5", "F6", "F9", "Ctrl+Z", key_text(QKeySequence(QKeySequence.StandardKey.New))} <= bound
    window.shortcuts_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    sheet = _sheet_keys(dialog)
    assert [key for key in sorted(bound) if key not in sheet] == []
    # and the keys the questionnaire reads itself: the levels, N, ?, Page Up and Down
    for key in ("1–5", "N", "?", "PgDown", "PgUp", "F11", "Esc"):
        assert key in sheet
    descriptions = [does for _keys, does in dialog.rows()]
    assert _("Next question") in descriptions and _("Not applicable") in descriptions


def test_menus_and_toolbar_buttons_show_their_keys(window: MainWindow, language: str) -> None:
    assert window.help_menu.actions()[:3] == [window.guide_action, window.shortcuts_action, window.glossary_action]
    assert not window.shortcuts_action.shortcut().isEmpty() and not window.guide_action.shortcut().isEmpty()
    new_key = key_text(QKeySequence(QKeySequence.StandardKey.New))
    assert window.new_action.toolTip().endswith(f"({new_key})")
    assert window.rename_action.toolTip().endswith("(F2)") and "&" not in window.rename_action.toolTip()


def test_the_guide_opens_in_the_language_of_the_window(window: MainWindow, language: str) -> None:
    window.guide_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    text = dialog.text.toPlainText()
    heading, step = ("كيف يسير التقييم", "ورشة العمل") if language == "ar" else ("How an assessment runs", "The workshop")
    assert text.startswith(heading) and step in text
    assert ("How an assessment runs" in text) == (language == "en")
    assert dialog.windowTitle() == _("How an assessment runs")


def _glossary(window: MainWindow) -> GlossaryDialog:
    window.glossary_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, GlossaryDialog) and dialog.isVisible()
    return dialog


def test_the_glossary_finds_a_term_by_an_arabic_word(window: MainWindow, qtbot: QtBot, language: str) -> None:
    dialog = _glossary(window)
    everything = dialog.shown_terms()
    assert len(everything) > 10
    type_text(qtbot, dialog.search, "زلازل")  # no such word: nothing
    assert dialog.shown_terms() == [] and dialog.count.text() == _("No term matches.")
    dialog.search.clear()
    type_text(qtbot, dialog.search, "صدمه")  # typed without the final ة, as often on a phone or laptop
    assert "shock" in dialog.shown_terms() and len(dialog.shown_terms()) < len(everything)
    dialog.list.setCurrentRow(dialog.shown_terms().index("shock"))
    note = normalise_for_search(dialog.note.toPlainText())
    assert normalise_for_search("صدمة") in note and "earthquake" in note  # its meaning in both languages
    dialog.search.clear()
    type_text(qtbot, dialog.search, "إنذار")
    assert "early-warning" in dialog.shown_terms()


def test_the_glossary_finds_a_term_by_an_english_word_in_its_meaning(window: MainWindow, qtbot: QtBot, language: str) -> None:
    dialog = _glossary(window)
    qtbot.keyClicks(dialog.search, "Earthquake")
    assert "shock" in dialog.shown_terms()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "water scarcity")
    assert "stress" in dialog.shown_terms() and "shock" not in dialog.shown_terms()
    shown = dialog.list.item(dialog.shown_terms().index("stress")).text()
    assert shown == ("ضغط مزمن" if language == "ar" else "stress")
