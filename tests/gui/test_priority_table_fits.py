"""The priority table shows every heading whole, the CRO's reason included, without sideways scrolling, before and after a language switch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from resilience_app.core import i18n
from resilience_app.gui.main_window import MainWindow


def _problems(window: MainWindow) -> list[str]:
    table = window.assessment_page.shocks_stresses.priority_view.table
    header = table.horizontalHeader()
    problems = [
        f"{table.horizontalHeaderItem(column).text()!r} needs {header.sectionSizeFromContents(column).width()}px, has {header.sectionSize(column)}"
        for column in range(table.columnCount())
        if header.sectionSize(column) < header.sectionSizeFromContents(column).width()
    ]
    if header.length() > table.viewport().width():
        problems.append(f"the table is {header.length()}px wide in a {table.viewport().width()}px view")
    return problems


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_priority_headings_fit(window: MainWindow, qapp: QApplication, language: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.open_sample()
    page = window.assessment_page
    page.tabs.setCurrentWidget(page.shocks_stresses)
    page.shocks_stresses.tabs.setCurrentWidget(page.shocks_stresses.priority_view)
    qapp.processEvents()
    assert not _problems(window)
    window.language_actions["en" if language == "ar" else "ar"].trigger()
    qapp.processEvents()
    assert not _problems(window), f"after switching to {i18n.current_language()}"
