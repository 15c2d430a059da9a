"""The exercise screen gives its grid every row and its result table its first rows, whole, at the usual screen sizes, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from resilience_app.gui.main_window import MainWindow
from tests.gui.rows import rows_hidden

RESULT_ROWS = 3  # a result table shows at least its first rows whole


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_the_grid_and_results_keep_their_rows_whole(window: MainWindow, qapp: QApplication, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.open_sample()
    page = window.assessment_page
    workshop = page.workshop
    page.tabs.setCurrentWidget(workshop)
    workshop.tabs.setCurrentWidget(workshop.exercises)
    exercises = workshop.exercises
    problems = []
    for exercise in workshop.state.snapshot.exercises:
        exercises.select_exercise(exercise.id)
        qapp.processEvents()
        grid = exercises.grids.currentWidget()
        for view, rows in ((grid, None), (exercises.results, RESULT_ROWS)):
            hidden = rows_hidden(view, rows)
            if hidden:
                problems.append(f"{exercise.kind}: {view.objectName()} cuts rows {hidden} in {view.viewport().height()}px")
        scroll = exercises.findChild(QScrollArea, "exercise_scroll")  # a smaller screen scrolls the page
        if size == (1920, 1080) and scroll is not None and scroll.verticalScrollBar().maximum() > 0:
            problems.append(f"{exercise.kind}: the grid and its results need scrolling at 1920×1080")
    assert not problems, "\n".join(problems)
