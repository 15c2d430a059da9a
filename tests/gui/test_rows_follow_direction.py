"""Rows laid out by the app read from the language's side: in Arabic the first cell is at the right."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

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
    rows = workshop.participants.representation.rows
    assert rows, "the sample's workshop has participants"
    for sector, count, share, status in rows:
        positions = [_centre_x(cell, window) for cell in (sector, count, share, status)]
        reading_order = sorted(positions, reverse=language == "ar")
        assert positions == reading_order, f"{sector.text()}: sector, count, share, status at {positions}"
