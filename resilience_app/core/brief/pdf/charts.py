"""The brief's figures, drawn on the canvas: the goal wheel and the 5×5 matrix (level bars are in `bars`).

In Arabic every figure is mirrored: the wheel runs anticlockwise, bars grow from
the right and the matrix's impact axis runs from right to left.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from resilience_app.core.brief.model import MatrixChart, RadarChart
from resilience_app.core.brief.pdf.style import BriefStyle
from resilience_app.core.brief.pdf.text import draw_line
from resilience_app.core.formatting import format_number
from resilience_app.core.register.matrix import SIZE, position_of

LEVELS = 5


def label(style: BriefStyle, canvas: Canvas, text: str, x: float, y: float, *, size: float, rtl: bool,
           anchor: str = "centre", colour: Color | None = None, bold: bool = False, width: float = 1e6) -> float:
    """Draw `text` with its baseline at `y`, anchored at `x` (left, centre or right); returns the height used."""
    lines = style.engine.lines(text, size=size, width=width, bold=bold, rtl=rtl)
    leading = style.line_height(size, rtl)
    canvas.setFillColor(colour or style.colour("text"))
    for index, line in enumerate(lines):
        left = x if anchor == "left" else x - line.width if anchor == "right" else x - line.width / 2
        draw_line(canvas, line, left, y - index * leading)
    return len(lines) * leading


class Figure(Flowable):  # type: ignore[misc]  # ReportLab ships no type information, so Flowable is Any
    """A figure drawn on the canvas, its caption beneath it: one flowable, so the two always share a page."""

    def __init__(self, style: BriefStyle, rtl: bool, height: float, caption: Flowable | None) -> None:
        super().__init__()
        self.style, self.rtl, self.caption = style, rtl, caption
        self.figure_height = height  # the figure's own height, its caption's left out
        self._caption_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._caption_height = 0.0
        if self.caption is not None:
            self._caption_height = float(self.caption.wrap(available_width, 1e6)[1] + self.caption.getSpaceBefore())
        self.width, self.height = available_width, self.figure_height + self._caption_height
        return available_width, self.height

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.caption.getSpaceAfter()) if self.caption is not None else 0.0

    def draw(self) -> None:
        if self.caption is not None:
            self.caption.drawOn(self.canv, 0, 0)
        self.canv.saveState()
        self.canv.translate(0, self._caption_height)
        self.draw_figure()
        self.canv.restoreState()

    def draw_figure(self) -> None:
        """Draw the figure in the area from 0 to `figure_height`."""
        raise NotImplementedError

    def mirror_x(self, x: float) -> float:
        """A horizontal position measured from the start edge."""
        return self.width - x if self.rtl else x


class RadarFigure(Figure):
    RING_SIZE = 7.5  # the rings' levels: as large as the captions' text

    LEGEND_HEIGHT = 18  # below the wheel, when it has two rounds

    def __init__(self, chart: RadarChart, style: BriefStyle, rtl: bool, caption: Flowable | None = None) -> None:
        self.legend_height = self.LEGEND_HEIGHT if chart.legend else 0
        super().__init__(style, rtl, 250 + self.legend_height, caption)
        self.chart = chart

    def draw_figure(self) -> None:
        canvas, style, chart = self.canv, self.style, self.chart
        wheel_height = self.figure_height - self.legend_height
        centre_x, centre_y, radius = self.width / 2, self.legend_height + wheel_height / 2, wheel_height / 2 - 22
        count = len(chart.labels)
        direction = -1 if self.rtl else 1

        def point(index: int, value: float) -> tuple[float, float]:
            angle = math.pi / 2 - direction * 2 * math.pi * index / count
            return centre_x + math.cos(angle) * radius * value / LEVELS, centre_y + math.sin(angle) * radius * value / LEVELS

        canvas.setStrokeColor(style.colour("chart_grid"))
        canvas.setLineWidth(0.5)
        for ring in range(1, LEVELS + 1):
            path = canvas.beginPath()
            for index in range(count):
                x, y = point(index, ring)
                path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
            path.close()
            canvas.drawPath(path, stroke=1, fill=0)
        for index, text in enumerate(chart.labels):
            x, y = point(index, LEVELS)
            canvas.line(centre_x, centre_y, x, y)
            lx, ly = point(index, LEVELS + 0.7)
            label(style, canvas, text, lx, ly - 3, size=8, rtl=self.rtl, bold=True)
        if chart.earlier:
            self._draw_earlier(point)
        values = [value or 0.0 for value in chart.values]
        path = canvas.beginPath()
        for index, value in enumerate(values):
            x, y = point(index, value)
            path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
        path.close()
        fill = style.colour("chart_fill")
        canvas.setFillColor(Color(fill.red, fill.green, fill.blue, alpha=0.25))
        canvas.setStrokeColor(fill)
        canvas.setLineWidth(1.4)
        canvas.drawPath(path, stroke=1, fill=1)
        canvas.setFillColor(fill)
        for index, level in enumerate(chart.values):
            if level is not None:
                x, y = point(index, level)
                canvas.circle(x, y, 1.8, stroke=0, fill=1)
        self._draw_ring_levels(centre_x, centre_y, radius)
        if chart.legend:
            self._draw_legend()

    def _draw_earlier(self, point: Callable[[int, float], tuple[float, float]]) -> None:
        """The earlier round's outline: dashed, muted, unfilled, so the later round's shape reads over it."""
        canvas = self.canv
        path = canvas.beginPath()
        for index, value in enumerate(self.chart.earlier):
            x, y = point(index, value or 0.0)
            path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
        path.close()
        canvas.saveState()
        canvas.setStrokeColor(self.style.colour("sample"))
        canvas.setLineWidth(1.2)
        canvas.setDash(3, 2)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_legend(self) -> None:
        """Each round's line and name, on one row under the wheel, centred (from the start edge in reading order)."""
        canvas, style = self.canv, self.style
        size, swatch, gap = 8.0, 18.0, 14.0
        entries = []
        for index, text in enumerate(self.chart.legend[:2]):
            line = style.engine.lines(text, size=size, width=1e6, rtl=self.rtl)[0]
            entries.append((index, line))
        total = sum(swatch + 4 + line.width for _index, line in entries) + gap * (len(entries) - 1)
        start = (self.width - total) / 2
        baseline = self.legend_height / 2 - size * 0.3
        for index, line in entries:
            entry_width = swatch + 4 + line.width
            left = self.width - start - entry_width if self.rtl else start
            swatch_left = left + line.width + 4 if self.rtl else left
            text_left = left if self.rtl else left + swatch + 4
            canvas.saveState()
            if index == 0:
                canvas.setStrokeColor(style.colour("chart_fill"))
                canvas.setLineWidth(1.4)
            else:
                canvas.setStrokeColor(style.colour("sample"))
                canvas.setLineWidth(1.2)
                canvas.setDash(3, 2)
            canvas.line(swatch_left, baseline + size * 0.3, swatch_left + swatch, baseline + size * 0.3)
            canvas.restoreState()
            canvas.setFillColor(style.colour("text"))
            draw_line(canvas, line, text_left, baseline)
            start += entry_width + gap

    def _draw_ring_levels(self, centre_x: float, centre_y: float, radius: float) -> None:
        """Each ring's level between the first axis and the last, where no goal's point lies, on a white ground so it reads
        wherever the shape reaches."""
        canvas, style = self.canv, self.style
        direction = -1 if self.rtl else 1
        angle = math.pi / 2 + direction * math.pi / len(self.chart.labels)  # half a step back from the first axis
        for ring in range(1, LEVELS + 1):
            line = style.engine.lines(format_number(ring), size=self.RING_SIZE, width=1e6, rtl=self.rtl)[0]
            left = centre_x + math.cos(angle) * radius * ring / LEVELS - line.width / 2
            baseline = centre_y + math.sin(angle) * radius * ring / LEVELS - self.RING_SIZE * 0.35
            canvas.setFillColor(style.colour("page"))
            canvas.rect(left - 1, baseline - self.RING_SIZE * 0.3, line.width + 2, self.RING_SIZE * 1.15, stroke=0, fill=1)
            canvas.setFillColor(style.colour("text"))
            draw_line(canvas, line, left, baseline)


class MatrixFigure(Figure):
    CELL_HEIGHT = 34
    SMALL_CELL_HEIGHT = 24  # of one of two matrices (the shocks', the stresses'), so both share a page with their captions

    def __init__(self, chart: MatrixChart, style: BriefStyle, rtl: bool, caption: Flowable | None = None) -> None:
        self.cell_height = self.SMALL_CELL_HEIGHT if chart.small else self.CELL_HEIGHT
        super().__init__(style, rtl, self.cell_height * SIZE + 60, caption)
        self.chart = chart

    AXIS_WIDTH = 78
    BOTTOM = 44

    def cell_rect(self, likelihood: int, impact: int) -> tuple[float, float, float, float]:
        """(left, bottom, width, height) of a cell: likelihood on the rows (5 at the top), impact across
        from the start edge, as on the Prioritisation tab (`core.register.matrix.position_of`)."""
        row, column = position_of(likelihood, impact)
        cell_width = (self.width - self.AXIS_WIDTH - 14) / SIZE
        start = self.AXIS_WIDTH + column * cell_width
        left = self.mirror_x(start + cell_width) if self.rtl else start
        return left, self.BOTTOM + (SIZE - 1 - row) * self.cell_height, cell_width, self.cell_height

    def draw_figure(self) -> None:
        canvas, style, chart = self.canv, self.style, self.chart
        axis_width = self.AXIS_WIDTH
        cell_width = (self.width - axis_width - 14) / SIZE
        for likelihood in range(1, SIZE + 1):
            _left, y, _width, _height = self.cell_rect(likelihood, 1)
            label(style, canvas, chart.likelihood_names[likelihood - 1], self.mirror_x(axis_width - 4), y + self.cell_height / 2 - 2, size=7,
                   rtl=self.rtl, anchor="left" if self.rtl else "right", width=axis_width - 6)
            for impact in range(1, SIZE + 1):
                left, bottom, width, height = self.cell_rect(likelihood, impact)
                canvas.setFillColor(style.cell_colour(likelihood, impact))
                canvas.setStrokeColor(style.colour("table_header_text"))
                canvas.setLineWidth(1.5)
                canvas.rect(left, bottom, width, height, stroke=1, fill=1)
                ranks = chart.cells.get((likelihood, impact), ())
                if ranks:
                    label(style, canvas, ("، " if self.rtl else ", ").join(ranks), left + width / 2, bottom + height / 2 - 3, size=8.5,
                           rtl=self.rtl, bold=True, width=width - 6)
        for impact in range(1, SIZE + 1):
            centre = self.mirror_x(axis_width + (impact - 0.5) * cell_width)
            label(style, canvas, chart.impact_names[impact - 1], centre, self.BOTTOM - 11, size=7, rtl=self.rtl, width=cell_width)
        grid_centre = self.mirror_x(axis_width + SIZE * cell_width / 2)
        label(style, canvas, chart.impact_title, grid_centre, 6, size=8, rtl=self.rtl, bold=True)
        label(style, canvas, chart.likelihood_title, self.mirror_x(axis_width - 4), self.figure_height - 8, size=8, rtl=self.rtl, bold=True,
               anchor="left" if self.rtl else "right")
