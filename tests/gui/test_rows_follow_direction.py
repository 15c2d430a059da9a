"""Rows laid out by the app read from the language's side: in Arabic the first cell is at the right."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from resilience_app.gui.main_window import MainWindow


def _centre_x(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, widget.rect().center()).x()


def test_the_representation_rows_read_sector_first_from_the_language_side(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.resize(1280, 800)
    window.open_sample()
    workshop = window.assessment_page.workshop
    window.assessment_page.tabs.setCurrentWidget(workshop)
    workshop.tabs.setCurrentWidget(workshop.participants)
    qapp.processEvents()
    _assert_rows_read_from(window, language)
    other = "en" if language == "ar" else "ar"
    window.language_actions[other].trigger()  # the other language at run time: mirrored again, no row left behind
    qapp.processEvents()
    _assert_rows_read_from(window, other)


def _assert_rows_read_from(window: MainWindow, language: str) -> None:
    panel = window.assessment_page.workshop.participants.representation
    assert panel.rows, "the sample's workshop has participants"
    for sector, count, share, status in panel.rows:
        positions = [_centre_x(cell, window) for cell in (sector, count, share, status)]
        reading_order = sorted(positions, reverse=language == "ar")
        assert positions == reading_order, f"{sector.text()}: sector, count, share, status at {positions}"
    shown = {label for label in panel.findChildren(QLabel) if label.isVisible()}
    assert shown == {panel.heading, panel.notes, *(cell for cells in panel.rows for cell in cells)}


def _direction(text: str) -> str:
    """The direction a bare line of `text` takes: its first strong character's (left to right when it has none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return "ltr"


def test_the_representation_figures_read_in_the_language_direction(window: MainWindow, qapp: QApplication, language: str) -> None:
    window.open_sample()
    workshop = window.assessment_page.workshop
    window.assessment_page.tabs.setCurrentWidget(workshop)
    workshop.tabs.setCurrentWidget(workshop.participants)
    qapp.processEvents()
    expected = "rtl" if language == "ar" else "ltr"
    panel = workshop.participants.representation
    wrong = [(count.text(), share.text()) for _sector, count, share, _status in panel.rows
             if {_direction(count.text()), _direction(share.text())} != {expected}]
    assert not wrong, f"figures reading against {expected}: {wrong}"
