"""The main window's actions, menus and toolbar, and their texts in the current language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QToolBar

from resilience_app.core import i18n
from resilience_app.core.formatting import ARABIC_MONTH_NAMES
from resilience_app.core.i18n import N_, _
from resilience_app.gui.language import LanguageController
from resilience_app.gui.shortcuts import BOUND, bind, with_shortcut

MONTH_CHOICE_NAMES = {
    "levant": N_("Levant: كانون الأول"),
    "egypt_gulf": N_("Egypt and the Gulf: ديسمبر"),
    "maghreb": N_("Maghreb: دجنبر"),
    "both": N_("Both: كانون الأول/ديسمبر"),
}


class MenuBarWindow(QMainWindow):
    """A main window with the app's menus (Assessment, Edit, Language, Help) and toolbar.

    The actions run the commands subclasses give (`new_assessment`, `open_selected`, …); Undo and
    Redo follow `undo_group`, whose active stack is the open assessment's; the Language menu applies
    a language through `language`.
    """

    def __init__(self, language: LanguageController) -> None:
        super().__init__()
        self.language = language
        self.undo_group = QUndoGroup(self)
        self._create_actions()
        self._create_arabic_actions()
        self._create_menus_and_toolbar()

    # -- the commands the actions run -------------------------------------------------------

    def new_assessment(self) -> None:
        raise NotImplementedError

    def open_selected(self) -> None:
        raise NotImplementedError

    def rename_selected(self) -> None:
        raise NotImplementedError

    def duplicate_selected(self) -> None:
        raise NotImplementedError

    def delete_selected(self) -> None:
        raise NotImplementedError

    def start_follow_up(self) -> None:
        raise NotImplementedError

    def export_selected(self) -> None:
        raise NotImplementedError

    def export_workbook_selected(self) -> None:
        raise NotImplementedError

    def restore_from_backup(self) -> None:
        raise NotImplementedError

    def show_about(self) -> None:
        raise NotImplementedError

    def open_sample(self) -> None:
        raise NotImplementedError

    def show_guide(self) -> None:
        raise NotImplementedError

    def show_shortcuts(self) -> None:
        raise NotImplementedError

    def show_glossary(self) -> None:
        raise NotImplementedError

    # -- construction -----------------------------------------------------------------------

    def _action(self, name: str, slot: Callable[[], object]) -> QAction:
        """An action named `name`, with the keys `shortcuts.SHORTCUTS` gives that name (if any)."""
        action = QAction(self)
        action.setObjectName(name)
        if name in BOUND:
            bind(action)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action("new_action", self.new_assessment)
        self.open_action = self._action("open_action", self.open_selected)
        self.rename_action = self._action("rename_action", self.rename_selected)
        self.duplicate_action = self._action("duplicate_action", self.duplicate_selected)
        self.delete_action = self._action("delete_action", self.delete_selected)
        self.follow_up_action = self._action("follow_up_action", self.start_follow_up)
        self.export_action = self._action("export_action", self.export_selected)
        self.export_workbook_action = self._action("export_workbook_action", self.export_workbook_selected)
        self.restore_action = self._action("restore_action", self.restore_from_backup)
        self.quit_action = self._action("quit_action", self.close)
        self.about_action = self._action("about_action", self.show_about)
        self.sample_action = self._action("sample_action", self.open_sample)
        self.guide_action = self._action("guide_action", self.show_guide)
        self.shortcuts_action = self._action("shortcuts_action", self.show_shortcuts)
        self.glossary_action = self._action("glossary_action", self.show_glossary)
        self.undo_action = self._action("undo_action", self.undo_group.undo)
        self.redo_action = self._action("redo_action", self.undo_group.redo)
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _text: self._retranslate_undo())
        self.undo_group.redoTextChanged.connect(lambda _text: self._retranslate_undo())
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code in i18n.SUPPORTED_LANGUAGES:
            action = self._action(f"language_{code}_action", self._applying(code))
            action.setText(i18n.language_name(code))
            action.setCheckable(True)
            group.addAction(action)
            self.language_actions[code] = action

    def _create_arabic_actions(self) -> None:
        """Arabic month names (Levant, Egypt and the Gulf, the Maghreb, or both) and Arabic-Indic or Latin digits."""
        self.month_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for key in ARABIC_MONTH_NAMES:
            action = self._action(f"months_{key}_action", self._choosing_months(key))
            action.setCheckable(True)
            action.setChecked(self.language.setting("arabic_months") == key)
            group.addAction(action)
            self.month_actions[key] = action
        self.digits_action = self._action("arabic_digits_action", lambda: self.language.change_setting("arabic_indic_digits", self.digits_action.isChecked()))
        self.digits_action.setCheckable(True)
        self.digits_action.setChecked(bool(self.language.setting("arabic_indic_digits")))

    def _choosing_months(self, key: str) -> Callable[[], None]:
        return lambda: self.language.change_setting("arabic_months", key)

    def _applying(self, language: str) -> Callable[[], None]:
        return lambda: self.language.apply(language)

    def _create_menus_and_toolbar(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        for action in (self.new_action, self.open_action, self.rename_action, self.duplicate_action, self.delete_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.follow_up_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.export_workbook_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.language_menu = self.menuBar().addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.language_menu.addSeparator()
        self.months_menu = self.language_menu.addMenu("")
        for action in self.month_actions.values():
            self.months_menu.addAction(action)
        self.language_menu.addAction(self.digits_action)
        self.help_menu = self.menuBar().addMenu("")
        for action in (self.guide_action, self.shortcuts_action, self.glossary_action):
            self.help_menu.addAction(action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.sample_action)
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar_actions = (self.new_action, self.open_action, self.rename_action, self.duplicate_action, self.delete_action, self.export_action)
        for action in self.toolbar_actions:
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def enable_assessment_actions(self, has_selection: bool) -> None:
        """The actions on the chosen assessment are off while none is chosen."""
        for action in (self.open_action, self.rename_action, self.duplicate_action, self.delete_action, self.export_action,
                       self.export_workbook_action, self.follow_up_action):
            action.setEnabled(has_selection)

    # -- text ---------------------------------------------------------------------------------

    def retranslate_menus(self) -> None:
        self.file_menu.setTitle(_("&Assessment"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.new_action.setText(_("&New assessment…"))
        self.open_action.setText(_("&Open"))
        self.rename_action.setText(_("&Rename…"))
        self.duplicate_action.setText(_("D&uplicate"))
        self.delete_action.setText(_("&Delete…"))
        self.follow_up_action.setText(_("Start a &follow-up assessment…"))
        self.export_action.setText(_("&Export the brief or the Preliminary Resilience Assessment…"))
        self.export_workbook_action.setText(_("Export to E&xcel…"))
        self.quit_action.setText(_("&Quit"))
        self.restore_action.setText(_("Restore from &backup…"))
        self.about_action.setText(_("&About Resilience app"))
        self.sample_action.setText(_("Open the &sample assessment"))
        self.guide_action.setText(_("&How an assessment runs"))
        self.shortcuts_action.setText(_("&Keyboard shortcuts"))
        self.glossary_action.setText(_("&Glossary…"))
        for action in self.toolbar_actions:  # a toolbar button names its keys when pointed at, as the menu does
            action.setToolTip(with_shortcut(action.text(), action))
        self.edit_menu.setTitle(_("&Edit"))
        self._retranslate_undo()
        self.language_actions[i18n.current_language()].setChecked(True)
        self.months_menu.setTitle(_("Arabic &month names"))
        for key, action in self.month_actions.items():
            action.setText(_(MONTH_CHOICE_NAMES[key]))
        self.digits_action.setText(_("Arabic-Indic &digits in Arabic (٠١٢٣)"))

    def _retranslate_undo(self) -> None:
        undo_text, redo_text = self.undo_group.undoText(), self.undo_group.redoText()
        self.undo_action.setText(_("&Undo: {change}").format(change=undo_text) if undo_text else _("&Undo"))
        self.redo_action.setText(_("&Redo: {change}").format(change=redo_text) if redo_text else _("&Redo"))
