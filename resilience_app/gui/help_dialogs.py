"""The Help menu's windows: the keyboard shortcuts, "How an assessment runs", and the glossary.

The shortcut sheet lists `shortcuts.SHORTCUTS`, the table the app binds its keys from; the guide is the
Markdown of `core.help_texts` in the current language; the glossary is the content's own
(`forms/glossary.yaml`), searched in both languages at once with the forgiving search of `core.search_text`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.model import GlossaryTerm
from resilience_app.core.formatting import format_number
from resilience_app.core.help_texts import guide_text
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _, current_language, isolate, language_name, ngettext
from resilience_app.core.search_text import matches
from resilience_app.gui.panes import Splitter
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.shortcuts import SECTIONS, SHORTCUTS, Shortcut, key_text, sequences

TERM_ROLE = Qt.ItemDataRole.UserRole


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def shown_keys(entry: Shortcut) -> str:
    """The keys of an entry as the sheet shows them: "Ctrl+Shift+Z or Ctrl+Y", a run of digits as "1–5"."""
    texts = [key_text(sequence) for sequence in sequences(entry)]
    if len(texts) > 2 and all(text.isdigit() for text in texts):
        return isolate(f"{texts[0]}–{texts[-1]}")
    return _(" or ").join(isolate(text) for text in texts)


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts: every key the app answers to, by where it works."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts_tree")
        name_for_reader(self.tree, N_("Keyboard shortcuts"))
        self.tree.setHeaderLabels([_("Keys"), _("What they do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        for section in SECTIONS:
            heading = QTreeWidgetItem([_(section)])
            font = QFont(heading.font(0))
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFirstColumnSpanned(True)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(heading)
            heading.setFirstColumnSpanned(True)
            for entry in SHORTCUTS:
                if entry.section == section:
                    heading.addChild(QTreeWidgetItem([shown_keys(entry), _(entry.does)]))
        self.tree.expandAll()
        self.tree.setItemsExpandable(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(_closing_buttons(self))
        self.resize(760, 620)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every line of the sheet, as shown."""
        rows = []
        for top in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(top)
            assert heading is not None
            for row in range(heading.childCount()):
                line = heading.child(row)
                assert line is not None
                rows.append((line.text(0), line.text(1)))
        return rows


class GuideDialog(QDialog):
    """Help › How an assessment runs: a few screens on the steps of an assessment, in the current language."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(_("How an assessment runs"))
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        name_for_reader(self.text, N_("How an assessment runs"))
        self.text.setOpenExternalLinks(False)
        self.text.setMarkdown(guide_text())
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(_closing_buttons(self))
        self.resize(760, 640)


class GlossaryDialog(QDialog):
    """Help › Glossary: the content's terms, found by a word of the term or its meaning in either language."""

    def __init__(self, parent: QWidget | None, terms: tuple[GlossaryTerm, ...]) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_dialog")
        self.setWindowTitle(_("Glossary"))
        self.terms = terms
        self.search = QLineEdit()
        self.search.setObjectName("glossary_search")
        self.search.setPlaceholderText(_("Search the terms and their meanings, in Arabic or English"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search the glossary"))
        self.count = QLabel()
        self.count.setObjectName("glossary_count")
        self.list = QListWidget()
        self.list.setObjectName("glossary_terms")
        name_for_reader(self.list, N_("Glossary terms"))
        self.note = QTextBrowser()
        self.note.setObjectName("glossary_note")
        name_for_reader(self.note, N_("Meaning of the chosen term"))
        splitter = Splitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.note)
        splitter.setStretchFactor(1, 2)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda current, _previous: self._show(current))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)
        layout.addWidget(_closing_buttons(self))
        self.resize(860, 600)
        self._filter("")

    def _filter(self, query: str) -> None:
        language = current_language()
        self.list.clear()
        for term in self.terms:
            texts = [text for code in SUPPORTED_LANGUAGES for text in (term.term.in_language(code), term.note.in_language(code))]
            if matches(query, *texts):
                item = QListWidgetItem(term.term.in_language(language))
                item.setData(TERM_ROLE, term.id)
                others = [term.term.in_language(code) for code in SUPPORTED_LANGUAGES if code != language]
                item.setToolTip(" · ".join(others))
                self.list.addItem(item)
        found = self.list.count()
        self.count.setText(ngettext("{count} term", "{count} terms", found).format(count=format_number(found)) if found else _("No term matches."))
        self.list.setCurrentRow(0 if found else -1)
        if not found:
            self.note.clear()

    def shown_terms(self) -> list[str]:
        """The ids of the terms the list shows, in order."""
        return [self.list.item(row).data(TERM_ROLE) for row in range(self.list.count())]

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        term = next(entry for entry in self.terms if entry.id == item.data(TERM_ROLE))
        language = current_language()
        order = [language] + [code for code in SUPPORTED_LANGUAGES if code != language]
        parts = []
        for code in order:
            direction = "rtl" if code == "ar" else "ltr"
            heading = escape(term.term.in_language(code))
            if code != language:
                heading = f"{heading} <small>({escape(language_name(code))})</small>"
            parts.append(f'<h3 dir="{direction}">{heading}</h3><p dir="{direction}">{escape(term.note.in_language(code))}</p>')
        self.note.setHtml("".join(parts))
