"""The participants import preview speaks the window's language: sectors and column names in it, typed names as typed, lists in its order."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from resilience_app.core.i18n import _
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.participants_import import ImportPreviewDialog

SHEET = (
    "Name,Organisation,Sector,Gender,Age band,Group\n"
    "Rania Haddad,Planning department,City government,Woman,35 to 49,Group Alpha\n"
    ",Chamber of commerce,Private sector,Man,52,Group Beta\n"
    "Sami,Somewhere,Astronauts,,,Group Gamma\n"
)


def _preview(window: MainWindow, tmp_path: Path) -> ImportPreviewDialog:
    window.open_sample()
    workshop = window.assessment_page.workshop
    window.assessment_page.tabs.setCurrentWidget(workshop)
    sheet = tmp_path / "sign-in.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    workshop.participants.import_file(sheet)
    dialog = workshop.participants.active_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    return dialog


def test_sectors_and_columns_are_named_in_the_window_language(window: MainWindow, tmp_path: Path, language: str) -> None:
    dialog = _preview(window, tmp_path)
    sectors = window.service.workshops.sectors.values()
    city_government = next(sector for sector in sectors if sector.name.in_language("en") == "City government")
    assert dialog.table.item(0, 3).text() == city_government.name.in_language(language)
    assert dialog.table.item(0, 1).text() == "Rania Haddad"  # typed: kept as typed
    assert dialog.table.item(2, 3).text() == "Astronauts"  # not a sector of the workshop: shown as typed
    problem = dialog.table.item(2, 5).text()
    assert problem.lstrip("\u2068").startswith(_("Sector"))
    if language == "ar":
        assert "Sector" not in problem
    dialog.reject()


def _visual_x(line: str, part: str, direction: Qt.LayoutDirection) -> float:
    layout = QTextLayout(line)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    text_line = layout.createLine()
    text_line.setLineWidth(10_000)
    layout.endLayout()
    start = line.index(part)
    return min(text_line.cursorToX(start)[0], text_line.cursorToX(start + len(part))[0])


def test_new_groups_are_listed_in_the_window_reading_order(window: MainWindow, qapp: QApplication, tmp_path: Path, language: str) -> None:
    dialog = _preview(window, tmp_path)
    line = next(html.unescape(part) for part in dialog.summary.text().split("<br>") if "Group Beta" in part)
    direction = qapp.layoutDirection()
    first, second = (_visual_x(line, name, direction) for name in ("Group Alpha", "Group Beta"))
    assert (first > second) == (language == "ar"), f"{line!r}: the first group at {first}, the second at {second}"
    dialog.reject()
