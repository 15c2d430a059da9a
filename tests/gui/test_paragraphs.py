"""Wrapped paragraphs start every line at the margin of their language: no line one space in."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from resilience_app.gui.main_window import MainWindow
from tests.gui.ink import line_extents, lines_set_in


def _assert_lines_start_at_margin(label: QLabel, language: str) -> None:
    assert len(line_extents(label, gap=2)) >= 2, f"the paragraph should wrap: {label.text()!r}"
    assert not lines_set_in(label, language)


def test_the_about_paragraph_starts_each_line_at_the_margin(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.show_about()
    qapp.processEvents()
    purpose = next(label for label in window.active_dialog.findChildren(QLabel) if label.wordWrap())
    _assert_lines_start_at_margin(purpose, language)


def test_the_projector_intro_starts_each_line_at_the_margin(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.open_sample()
    workshop = window.assessment_page.workshop
    workshop.toggle_projector()
    projector = workshop.projector
    projector.resize(1280, 720)
    dot_vote = next(index for index, slide in enumerate(workshop.state.slides()) if slide.kind == "live" and slide.exercise_id)
    workshop.state.go_to_slide(dot_vote)
    qapp.processEvents()
    _assert_lines_start_at_margin(projector.instructions, language)
    workshop.close_projector()
