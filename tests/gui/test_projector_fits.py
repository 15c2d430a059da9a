"""Every projector slide keeps all its text inside the window, in both languages, at the usual projector sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget

from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.projector_window import ProjectorWindow
from tests.gui.ink import lines_set_in


def _visible_rect(widget: QWidget, projector: ProjectorWindow) -> QRect:
    return QRect(widget.mapTo(projector, widget.rect().topLeft()), widget.size())


def _label_problems(label: QLabel, projector: ProjectorWindow, language: str) -> list[str]:
    if not label.isVisibleTo(projector) or not label.text():
        return []
    problems = []
    if not projector.rect().contains(_visible_rect(label, projector)):
        problems.append(f"{label.objectName()} reaches outside the window: {_visible_rect(label, projector)}")
    contents = label.contentsRect()
    needed_height = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    if needed_height > label.height():
        problems.append(f"{label.objectName()} needs {needed_height}px of height, has {label.height()}: {label.text()[:40]!r}")
    needed_width = label.minimumSizeHint().width() if label.wordWrap() else label.sizeHint().width()
    if needed_width > label.width() or contents.width() <= 0:
        problems.append(f"{label.objectName()} needs {needed_width}px of width, has {label.width()}: {label.text()[:40]!r}")
    if label.wordWrap() and "\n" not in label.text():  # a paragraph (the welcome's list indents its exercises on purpose)
        problems += lines_set_in(label, language)
    return problems


def _table_problems(table: QTableWidget, projector: ProjectorWindow) -> list[str]:
    if not table.isVisibleTo(projector):
        return []
    problems = []
    header = table.horizontalHeader()
    if header.length() > table.viewport().width():
        problems.append(f"the table is {header.length()}px wide in a {table.viewport().width()}px view")
    for column in range(table.columnCount()):
        needed = header.sectionSizeFromContents(column).width()
        if needed > header.sectionSize(column):
            problems.append(f"header {table.horizontalHeaderItem(column).text()!r} needs {needed}px, has {header.sectionSize(column)}")
        for row in range(table.rowCount()):
            item = table.item(row, column)
            hint = table.sizeHintForIndex(table.model().index(row, column)) if item else None
            if hint is not None and hint.height() > table.rowHeight(row):
                problems.append(f"cell {item.text()!r} needs {hint.height()}px, its row has {table.rowHeight(row)}")
    return problems


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_every_slide_keeps_its_text_inside_the_window(window: MainWindow, qapp: QApplication, language: str, size: tuple[int, int]) -> None:
    window.open_sample()
    workshop = window.assessment_page.workshop
    workshop.toggle_projector()
    projector = workshop.projector
    projector.resize(*size)
    problems = []
    for index in range(len(workshop.state.slides())):
        workshop.state.go_to_slide(index)
        qapp.processEvents()
        found = [problem for label in projector.findChildren(QLabel) for problem in _label_problems(label, projector, language)]
        found += _table_problems(projector.table, projector)
        problems += [f"slide {index + 1}: {problem}" for problem in found]
    workshop.close_projector()
    assert not problems, "\n".join(problems)
