"""One risk matrix: the Prioritisation tab and the brief's figure place every rating in the same
cell (likelihood on the rows, 5 at the top; impact across) and paint it the same band colour.
The paper side is read back from a rendered PDF, as a reader would see it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from resilience_app.core.brief.model import MatrixChart
from resilience_app.core.brief.pdf.charts import MatrixFigure
from resilience_app.core.brief.pdf.style import load_style
from resilience_app.core.register import matrix
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.gui.main_window import MainWindow
from tests.gui.questionnaire_helpers import open_new_assessment

# One rating in each band, and a rating whose transpose sits elsewhere (5, 1) vs (1, 5).
RATINGS = {"heatwave": (1, 2), "power-cuts": (2, 4), "earthquake": (3, 4), "riverine-flood": (5, 4), "landslide": (5, 1)}
SCALE = 3  # pixels per point when the PDF is rendered


def _colour_name(colour: QColor) -> str:
    return colour.name().lower()


def _paper(tmp_path: Path, rtl: bool, cells: dict[tuple[int, int], tuple[str, ...]]) -> tuple[MatrixFigure, QImage, float]:
    """The brief's matrix figure drawn alone on a page and rendered to pixels."""
    style = load_style()
    chart = MatrixChart(cells=cells, likelihood_title="L", impact_title="I", likelihood_names=("1",) * 5, impact_names=("1",) * 5, caption="")
    figure = MatrixFigure(chart, style, rtl)
    width, height = figure.wrap(400, 400)
    pdf = tmp_path / f"matrix-{rtl}.pdf"
    canvas = Canvas(str(pdf), pagesize=(width, height))
    figure.drawOn(canvas, 0, 0)
    canvas.save()
    subprocess.run(["pdftoppm", "-png", "-r", str(72 * SCALE), "-singlefile", str(pdf), str(tmp_path / f"matrix-{rtl}")], check=True)
    return figure, QImage(str(tmp_path / f"matrix-{rtl}.png")), height


def _paper_colour(figure: MatrixFigure, image: QImage, page_height: float, likelihood: int, impact: int) -> str:
    left, bottom, _width, _height = figure.cell_rect(likelihood, impact)
    x, y = left + 4, bottom + 4  # inside the cell, clear of the rank label in its middle and the border
    return _colour_name(image.pixelColor(round(x * SCALE), round((page_height - y) * SCALE)))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_screen_and_the_brief_agree_on_every_cell(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    page = open_new_assessment(window)
    register = window.service.register
    for hazard, (likelihood, impact) in RATINGS.items():
        register.add_item(page.assessment_id or 0, RegisterItemDraft(hazard_id=hazard, likelihood=likelihood, impact=impact))
    page.register.reload()  # type: ignore[union-attr]
    assert page.shocks_stresses is not None
    page.tabs.setCurrentWidget(page.shocks_stresses)
    view = page.shocks_stresses.priority_view
    ranks = {(entry.item.likelihood, entry.item.impact): str(entry.rank) for entry in page.register.ranking.ranked}  # type: ignore[union-attr]
    figure, image, height = _paper(tmp_path, language == "ar", {cell: (rank,) for cell, rank in ranks.items()})
    bands_seen = set()
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            row, column = matrix.position_of(likelihood, impact)
            screen = view.matrix.item(row, column)
            paper = _paper_colour(figure, image, height, likelihood, impact)
            assert _colour_name(screen.background().color()) == paper, f"likelihood {likelihood}, impact {impact}"
            bands_seen.add(matrix.band_of(likelihood * impact))
            left, bottom, width, cell_height = figure.cell_rect(likelihood, impact)
            if (likelihood, impact) in ranks:  # the item is in this cell on screen, and on paper in the same row and column
                assert screen.text() in (ranks[(likelihood, impact)], "١٢٣٤٥"[int(ranks[(likelihood, impact)]) - 1])
                top_row = likelihood == 5
                assert (bottom > figure.cell_rect(4, impact)[1]) == top_row
    assert bands_seen == {band.id for band in matrix.BANDS}
    # The band colours are the style file's, on both sides.
    assert {_colour_name(QColor(colour)) for colour in matrix.band_colours().values()} == {
        _paper_colour(figure, image, height, likelihood, impact) for likelihood in range(1, 6) for impact in range(1, 6)
    }


def test_the_start_edge_is_impact_one_in_both_languages() -> None:
    style = load_style()
    chart = MatrixChart(cells={}, likelihood_title="", impact_title="", likelihood_names=("",) * 5, impact_names=("",) * 5, caption="")
    left_to_right, right_to_left = MatrixFigure(chart, style, False), MatrixFigure(chart, style, True)
    for figure in (left_to_right, right_to_left):
        figure.wrap(400, 400)
    assert left_to_right.cell_rect(3, 1)[0] < left_to_right.cell_rect(3, 5)[0]
    assert right_to_left.cell_rect(3, 1)[0] > right_to_left.cell_rect(3, 5)[0]  # mirrored, as the screen is in Arabic
    assert left_to_right.cell_rect(5, 3)[1] > left_to_right.cell_rect(1, 3)[1]  # likelihood 5 on top
