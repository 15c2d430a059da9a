"""A radar chart of the goals' levels (1–5), drawn with QPainter.

Goals run clockwise from the top in left-to-right languages and anticlockwise in
right-to-left ones, so goal 1 always sits where reading starts. A goal without a
level has no point: the line is broken there rather than drawn to zero, because
"not answered" is not "level 0".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _

MAX_LEVEL = 5
LINE_COLOUR = QColor("#1b6fa8")
FILL_COLOUR = QColor(27, 111, 168, 60)
GRID_COLOUR = QColor("#c8ccd2")


@dataclass(frozen=True)
class RadarPoint:
    label: str  # drawn at the end of the axis (the goal's number)
    name: str  # for the tooltip and screen readers
    value: float | None


class RadarChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("radar_chart")
        self.points: list[RadarPoint] = []
        self.setMinimumSize(200, 200)  # small enough to leave the profile table rows in view at 1366×768
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(380, 380)

    def set_points(self, points: list[RadarPoint]) -> None:
        self.points = points
        described = [_("{name}: {level}").format(name=point.name, level=mean_level_text(point.value)) for point in points]
        self.setAccessibleName(_("Radar chart of the goals' levels"))
        self.setAccessibleDescription("; ".join(described))
        self.setToolTip("\n".join(described))
        self.update()

    def _angle(self, index: int) -> float:
        step = 2 * math.pi / max(len(self.points), 1)
        direction = -1 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else 1
        return -math.pi / 2 + direction * index * step

    def _at(self, centre: QPointF, radius: float, index: int, value: float) -> QPointF:
        angle = self._angle(index)
        distance = radius * value / MAX_LEVEL
        return QPointF(centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle))

    def _polygon(self, centre: QPointF, radius: float, values: list[float]) -> QPainterPath:
        """The closed shape through one value on each axis."""
        path = QPainterPath(self._at(centre, radius, 0, values[0]))
        for index, value in enumerate(values[1:], start=1):
            path.lineTo(self._at(centre, radius, index, value))
        path.closeSubpath()
        return path

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = painter.fontMetrics().height() * 2
        radius = max(min(self.width(), self.height()) / 2 - margin, 10)
        centre = QPointF(self.width() / 2, self.height() / 2)
        self._draw_grid(painter, centre, radius)
        self._draw_values(painter, centre, radius)
        painter.end()

    def _draw_grid(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(QPen(GRID_COLOUR, 1))
        for ring in range(1, MAX_LEVEL + 1):
            painter.drawPath(self._polygon(centre, radius, [ring] * len(self.points)))
            painter.drawText(self._at(centre, radius, 0, ring) + QPointF(4, -2), format_number(ring))
        metrics = painter.fontMetrics()
        for index, point in enumerate(self.points):
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(centre, self._at(centre, radius, index, MAX_LEVEL))
            anchor = self._at(centre, radius + metrics.height(), index, MAX_LEVEL)
            box = QRectF(anchor.x() - 30, anchor.y() - metrics.height() / 2, 60, metrics.height())
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, point.label)

    def _draw_values(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        count = len(self.points)
        if all(point.value is not None for point in self.points):
            painter.fillPath(self._polygon(centre, radius, [point.value or 0 for point in self.points]), FILL_COLOUR)
        painter.setPen(QPen(LINE_COLOUR, 2))
        for index, point in enumerate(self.points):
            following = self.points[(index + 1) % count]
            if point.value is not None and following.value is not None and count > 1:
                painter.drawLine(self._at(centre, radius, index, point.value), self._at(centre, radius, (index + 1) % count, following.value))
        painter.setBrush(LINE_COLOUR)
        for index, point in enumerate(self.points):
            if point.value is not None:
                painter.drawEllipse(self._at(centre, radius, index, point.value), 3.5, 3.5)
