"""Panes side by side keep their frames and words inside what is shown, with a margin on both sides, in both directions.

Qt's splitter set its leading pane one pixel past its edge in Arabic (the register's buttons and list lost
their right frames), and pages laid out with no margins put their words on the tab's frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

import resilience_app.gui
from resilience_app.gui.main_window import MainWindow

TEXT_MARGIN = 4  # px between a text and the frame around it, on each side


def _clipped(widget: QWidget, page: QWidget) -> list[str]:
    """Where the widget's sides reach past one of its parents, up to the page (so its frame is cut off)."""
    rect, current = widget.rect(), widget
    problems = []
    while current is not page:
        rect = rect.translated(current.pos())
        parent = current.parentWidget()
        assert parent is not None
        if rect.left() < 0 or rect.right() > parent.width() - 1:
            problems.append(f"{widget.objectName() or type(widget).__name__} spans {rect.left()}–{rect.right()} in a {parent.width()}px {type(parent).__name__}")
        current = parent
    return problems


def _text_margin(label: QLabel, page: QWidget) -> list[str]:
    """Whether the label's words keep TEXT_MARGIN from the frame around them (a scroll area's, or the page's)."""
    margin = label.margin()
    text = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    current: QWidget = label
    while current is not page and not isinstance(current.parentWidget(), QAbstractScrollArea):
        text = text.translated(current.pos())
        parent = current.parentWidget()
        assert parent is not None
        current = parent
    frame = QRect(0, 0, current.width(), current.height())
    gaps = (text.left() - frame.left(), frame.right() - text.right())
    if min(gaps) < TEXT_MARGIN:
        return [f"{label.objectName()}'s words are {gaps[0]}px and {gaps[1]}px from the sides of their {frame.width()}px frame"]
    return []


def test_panes_keep_frames_and_words_inside(window: MainWindow, qapp: QApplication) -> None:
    window.resize(1280, 800)
    window.open_sample()
    page = window.assessment_page
    stress, workshop = page.shocks_stresses, page.workshop
    register = stress.register_view
    panes = [
        (lambda: (page.tabs.setCurrentWidget(stress), stress.tabs.setCurrentWidget(register)), register,
         [register.add_catalogue_button, register.item_list], [register.summary]),
        (lambda: page.tabs.setCurrentWidget(page.discovery), page.discovery, [page.discovery.area_list], []),
        (lambda: page.open_goal("goal-3"), page.questionnaire, [page.questionnaire.navigator], [page.questionnaire.goal_view.text]),
        (lambda: (page.tabs.setCurrentWidget(workshop), workshop.tabs.setCurrentWidget(workshop.participants)), workshop.participants,
         [workshop.participants.table], [workshop.participants.groups_label]),
    ]
    problems = []
    for show, pane, framed, texts in panes:
        show()
        qapp.processEvents()
        problems += [problem for widget in framed for problem in _clipped(widget, pane)]
        problems += [problem for label in texts for problem in _clipped(label, pane) + _text_margin(label, pane)]
    assert not problems, "\n".join(problems)


def test_every_splitter_is_the_one_that_keeps_its_panes_inside() -> None:
    gui = Path(resilience_app.gui.__file__).parent
    bare = [path.name for path in gui.glob("*.py") if path.name != "panes.py" and "QSplitter(" in path.read_text(encoding="utf-8")]
    assert not bare, f"use resilience_app.gui.panes.Splitter in {bare}"
