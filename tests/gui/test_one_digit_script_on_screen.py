"""Every Arabic text on screen writes its numbers in one digit script: the sample opened in an Arabic window, every
tab and the list of assessments read (labels, buttons, tabs, every cell and tooltip of the tables and lists)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QTabWidget, QWidget

from resilience_app.gui.main_window import MainWindow

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_DIGIT = re.compile("[0-9]")
MARKUP = re.compile("<[^>]+>")
KEY_NAME = re.compile(r"\b(?:Shift\+|Ctrl\+)?F\d{1,2}\b")  # keys are named as printed on the keyboard
ROWS_READ = 60


def _columns(model: QAbstractItemModel) -> int:
    for call in (lambda: model.columnCount(), lambda: model.columnCount(QModelIndex())):
        try:
            return call()
        except TypeError:  # Qt's list models hide the parent argument; the app's own models want it
            continue
    return 1


def _texts(root: QWidget) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QTabWidget):
            yield from (widget.tabText(index) for index in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), ROWS_READ)):
                for column in range(_columns(model)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, column), role)
                        if isinstance(value, str):
                            yield value


def _mixed(root: QWidget) -> set[str]:
    found = set()
    for text in _texts(root):
        plain = KEY_NAME.sub("", MARKUP.sub(" ", text))
        if ARABIC_LETTER.search(plain) and LATIN_DIGIT.search(plain):
            found.add(plain.strip()[:120])
    return found


@pytest.mark.parametrize("language", ["ar"])
def test_no_arabic_text_on_any_tab_of_the_sample_holds_a_latin_digit(window: MainWindow, language: str) -> None:
    window.language.apply("ar")
    window.open_sample()
    page = window.assessment_page
    found = set()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        found |= _mixed(window)
    page.back_button.click()
    found |= _mixed(window)  # the list of assessments, its progress tooltips included
    assert not found, sorted(found)[:10]
