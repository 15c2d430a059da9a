"""The goals' wheel with one outline per round, and a legend naming each round, drawn with QPainter.

The axes, rings and direction are the profile's radar chart's (goal 1 where reading starts, anticlockwise in
right-to-left languages); each round is an outline of its own colour and dash, broken where a goal has no level in
that round. The legend sits in the reading corner: top left in English, top right in Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.i18n import _
from resilience_app.gui.radar_chart import RadarChart, RadarPoint

ROUND_STYLES = ((QColor("#8a8f98"), Qt.PenStyle.DashLine), (QColor("#1b6fa8"), Qt.PenStyle.SolidLine))


@dataclass(frozen=True)
class RoundOutline:
    name: str  # the round as the legend names it
    values: tuple[float | None, ...]  # one per axis, None where that round has no level


class RoundsChart(RadarChart):
    """`set_rounds(points, outlines)`: the axes (goal numbers and names) and each round's levels on them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("rounds_chart")
        self.outlines: list[RoundOutline] = []

    def set_rounds(self, points: list[RadarPoint], outlines: list[RoundOutline]) -> None:
        self.outlines = outlines
        self.set_points(points)
        described = [
            _("{name}: {level}").format(name=point.name, level=" → ".join(mean_level_text(outline.values[index]) for outline in outlines))
            for index, point in enumerate(points)
        ]
        self.setAccessibleName(_("The goals' levels in each round"))
        self.setAccessibleDescription("; ".join(described))
        self.setToolTip("\n".join([" → ".join(outline.name for outline in outlines), *described]))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        legend_height = metrics.height() * (len(self.outlines) + 1)
        margin = metrics.height() * 2
        radius = max(min(self.width(), self.height() - legend_height) / 2 - margin, 10)
        centre = QPointF(self.width() / 2, legend_height + (self.height() - legend_height) / 2)
        self._draw_grid(painter, centre, radius)
        for position, outline in enumerate(self.outlines):
            self._draw_outline(painter, centre, radius, outline, position)
        self._draw_legend(painter)
        painter.end()

    def _draw_outline(self, painter: QPainter, centre: QPointF, radius: float, outline: RoundOutline, position: int) -> None:
        colour, style = ROUND_STYLES[min(position, len(ROUND_STYLES) - 1)]
        count = len(self.points)
        painter.setPen(QPen(colour, 2, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index in range(count):
            value, following = outline.values[index], outline.values[(index + 1) % count]
            if value is not None and following is not None and count > 1:
                painter.drawLine(self._at(centre, radius, index, value), self._at(centre, radius, (index + 1) % count, following))
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        for index, value in enumerate(outline.values):
            if value is not None:
                painter.drawEllipse(self._at(centre, radius, index, value), 3.5, 3.5)

    def _draw_legend(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        swatch = 28
        for position, outline in enumerate(self.outlines):
            colour, style = ROUND_STYLES[min(position, len(ROUND_STYLES) - 1)]
            y = metrics.height() * (position + 0.5) + 4
            text_width = self.width() - swatch - 16
            if right_to_left:
                line_start, line_end = QPointF(self.width() - 4 - swatch, y), QPointF(self.width() - 4, y)
                box = QRectF(4, y - metrics.height() / 2, text_width, metrics.height())
                alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            else:
                line_start, line_end = QPointF(4, y), QPointF(4 + swatch, y)
                box = QRectF(swatch + 12, y - metrics.height() / 2, text_width, metrics.height())
                alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(line_start, line_end)
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(box, alignment, metrics.elidedText(outline.name, Qt.TextElideMode.ElideRight, int(text_width)))
