"""The brief's figures, drawn on the canvas: the goal wheel, level bars and the 5×5 matrix.

In Arabic every figure is mirrored: the wheel runs anticlockwise, bars grow from
the right and the matrix's impact axis runs from right to left.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from resilience_app.core.brief.model import BarChart, MatrixChart, RadarChart
from resilience_app.core.brief.pdf.style import BriefStyle
from resilience_app.core.brief.pdf.text import draw_line
from resilience_app.core.formatting import format_number
from resilience_app.core.register.matrix import SIZE, position_of

LEVELS = 5


def _label(style: BriefStyle, canvas: Canvas, text: str, x: float, y: float, *, size: float, rtl: bool,
           anchor: str = "centre", colour: Color | None = None, bold: bool = False, width: float = 1e6) -> float:
    """Draw `text` with its baseline at `y`, anchored at `x` (left, centre or right); returns the height used."""
    lines = style.engine.lines(text, size=size, width=width, bold=bold, rtl=rtl)
    leading = style.line_height(size, rtl)
    canvas.setFillColor(colour or style.colour("text"))
    for index, line in enumerate(lines):
        left = x if anchor == "left" else x - line.width if anchor == "right" else x - line.width / 2
        draw_line(canvas, line, left, y - index * leading)
    return len(lines) * leading


class _Figure(Flowable):  # type: ignore[misc]  # ReportLab ships no type information, so Flowable is Any
    def __init__(self, style: BriefStyle, rtl: bool, height: float) -> None:
        super().__init__()
        self.style, self.rtl, self._height = style, rtl, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, self._height
        return available_width, self._height

    def mirror_x(self, x: float) -> float:
        """A horizontal position measured from the start edge."""
        return self.width - x if self.rtl else x


class RadarFigure(_Figure):
    def __init__(self, chart: RadarChart, style: BriefStyle, rtl: bool) -> None:
        super().__init__(style, rtl, 250)
        self.chart = chart

    def draw(self) -> None:
        canvas, style, chart = self.canv, self.style, self.chart
        centre_x, centre_y, radius = self.width / 2, self.height / 2, self.height / 2 - 22
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
            _label(style, canvas, format_number(ring), centre_x + 3, centre_y + radius * ring / LEVELS + 2, size=6, rtl=self.rtl,
                   anchor="left", colour=style.colour("muted"))
        for index, text in enumerate(chart.labels):
            x, y = point(index, LEVELS)
            canvas.line(centre_x, centre_y, x, y)
            lx, ly = point(index, LEVELS + 0.7)
            _label(style, canvas, text, lx, ly - 3, size=8, rtl=self.rtl, bold=True)
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


class BarFigure(_Figure):
    ROW = 36  # a bar whose label and note take one line each
    LABEL_SIZE, NOTE_SIZE = 8.5, 7

    def __init__(self, chart: BarChart, style: BriefStyle, rtl: bool) -> None:
        super().__init__(style, rtl, self.ROW * len(chart.bars) + 6)
        self.chart = chart
        self._label_drops = [0.0] * len(chart.bars)  # how far a wrapped label pushes its note down
        self._rows = [float(self.ROW)] * len(chart.bars)

    def _extra_lines(self, text: str, size: float, width: float, bold: bool) -> float:
        lines = self.style.engine.lines(text, size=size, width=width, bold=bold, rtl=self.rtl)
        return max(len(lines) - 1, 0) * self.style.line_height(size, self.rtl)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Rows grow when a long label (a goal's name) or note wraps, so the lines never overlap."""
        label_width = available_width * 0.42
        self._label_drops = [self._extra_lines(bar.label, self.LABEL_SIZE, label_width, True) for bar in self.chart.bars]
        self._rows = [
            self.ROW + drop + self._extra_lines(bar.note, self.NOTE_SIZE, label_width, False) for bar, drop in zip(self.chart.bars, self._label_drops, strict=True)
        ]
        self._height = sum(self._rows) + 6
        return super().wrap(available_width, available_height)

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        label_width = self.width * 0.42
        bar_start, bar_length = label_width + 8, self.width - label_width - 40
        anchor = "right" if self.rtl else "left"
        top = self.height
        for row, bar in enumerate(self.chart.bars):
            if row:
                top -= self._rows[row - 1]
            _label(style, canvas, bar.label, self.mirror_x(0), top - 12, size=self.LABEL_SIZE, rtl=self.rtl, anchor=anchor, bold=True, width=label_width)
            _label(style, canvas, bar.note, self.mirror_x(0), top - 25 - self._label_drops[row], size=self.NOTE_SIZE, rtl=self.rtl, anchor=anchor,
                   colour=style.colour("muted"), width=label_width)
            canvas.setFillColor(style.colour("accent_light"))
            left = self.mirror_x(bar_start + bar_length) if self.rtl else bar_start
            canvas.rect(left, top - 22, bar_length, 10, stroke=0, fill=1)
            if bar.value is not None:
                filled = bar_length * min(bar.value, self.chart.maximum) / self.chart.maximum if self.chart.maximum > 0 else 0.0
                canvas.setFillColor(style.colour("chart_fill"))
                canvas.rect(self.mirror_x(bar_start + filled) if self.rtl else bar_start, top - 22, filled, 10, stroke=0, fill=1)
            value_text = format_number(bar.value, decimals=self.chart.decimals) if bar.value is not None else "—"
            _label(style, canvas, value_text, self.mirror_x(bar_start + bar_length + 6), top - 20, size=8, rtl=self.rtl, anchor=anchor)


class MatrixFigure(_Figure):
    CELL_HEIGHT = 34

    def __init__(self, chart: MatrixChart, style: BriefStyle, rtl: bool) -> None:
        super().__init__(style, rtl, self.CELL_HEIGHT * SIZE + 60)
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
        return left, self.BOTTOM + (SIZE - 1 - row) * self.CELL_HEIGHT, cell_width, self.CELL_HEIGHT

    def draw(self) -> None:
        canvas, style, chart = self.canv, self.style, self.chart
        axis_width = self.AXIS_WIDTH
        cell_width = (self.width - axis_width - 14) / SIZE
        for likelihood in range(1, SIZE + 1):
            _left, y, _width, _height = self.cell_rect(likelihood, 1)
            _label(style, canvas, chart.likelihood_names[likelihood - 1], self.mirror_x(axis_width - 4), y + self.CELL_HEIGHT / 2 - 2, size=7,
                   rtl=self.rtl, anchor="left" if self.rtl else "right", width=axis_width - 6)
            for impact in range(1, SIZE + 1):
                left, bottom, width, height = self.cell_rect(likelihood, impact)
                canvas.setFillColor(style.cell_colour(likelihood, impact))
                canvas.setStrokeColor(style.colour("table_header_text"))
                canvas.setLineWidth(1.5)
                canvas.rect(left, bottom, width, height, stroke=1, fill=1)
                ranks = chart.cells.get((likelihood, impact), ())
                if ranks:
                    _label(style, canvas, ("، " if self.rtl else ", ").join(ranks), left + width / 2, bottom + height / 2 - 3, size=8.5,
                           rtl=self.rtl, bold=True, width=width - 6)
        for impact in range(1, SIZE + 1):
            centre = self.mirror_x(axis_width + (impact - 0.5) * cell_width)
            _label(style, canvas, chart.impact_names[impact - 1], centre, self.BOTTOM - 11, size=7, rtl=self.rtl, width=cell_width)
        grid_centre = self.mirror_x(axis_width + SIZE * cell_width / 2)
        _label(style, canvas, chart.impact_title, grid_centre, 6, size=8, rtl=self.rtl, bold=True)
        _label(style, canvas, chart.likelihood_title, self.mirror_x(axis_width - 4), self.height - 8, size=8, rtl=self.rtl, bold=True,
               anchor="left" if self.rtl else "right")
