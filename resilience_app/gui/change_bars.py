"""Bars of change by goal: each goal's change since the earlier round as a bar from a zero line, drawn with QPainter.

A rise grows towards the reading's end (right in English, left in Arabic), a fall the other way in its own colour;
a goal that could not be compared has no bar and says why. The values and words are the core's
(`rounds.compare`, `rounds.labels`); the widget only lays them out, mirrored in right-to-left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from resilience_app.core.i18n import _
from resilience_app.core.rounds.labels import signed_whole

RISE_COLOUR = QColor("#0f5c73")  # the documents' chart colours (assets/brief-style.yaml)
FALL_COLOUR = QColor("#b3541e")
TRACK_COLOUR = QColor("#e4f0f3")
MUTED = QColor("#5c6b7a")
ROW_LINES = 2.6  # a row's height in lines of text: the name, then what the change means


@dataclass(frozen=True)
class ChangeBar:
    name: str  # the goal
    change: float | None  # None: not comparable
    value_text: str  # the change as written at the bar's end ("+0.5"), or a dash
    meaning: str  # what the change means, or why there is none


class ChangeBars(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("change_bars")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.bars: list[ChangeBar] = []

    def set_bars(self, bars: list[ChangeBar]) -> None:
        self.bars = bars
        self.setAccessibleName(_("Change by goal since the earlier round"))
        self.setAccessibleDescription("; ".join(f"{bar.name}: {bar.value_text}, {bar.meaning}" for bar in bars))
        self.updateGeometry()
        self.update()

    def extent(self) -> int:
        """The scale's reach either side of zero: the largest change rounded up, at least one level."""
        return max(1, math.ceil(max((abs(bar.change) for bar in self.bars if bar.change is not None), default=0.0) - 1e-9))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(600, int(line * (ROW_LINES * len(self.bars) + 2)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        row = line * ROW_LINES
        label_width = self.width() * 0.42
        number_width = metrics.horizontalAdvance("+0.0") + line
        track_start, track_length = label_width + line * 0.5, max(self.width() - label_width - number_width - line, 10.0)
        extent = self.extent()
        zero = track_start + track_length / 2

        def along(value: float) -> float:
            return zero + track_length / 2 * max(-1.0, min(1.0, value / extent))

        for position, bar in enumerate(self.bars):
            top = position * row
            self._text(painter, QRectF(0, top, label_width, line), bar.name, bold=True)
            self._text(painter, QRectF(0, top + line, label_width, row - line), bar.meaning, colour=MUTED)
            bar_top, bar_height = top + line * 0.4, line * 0.9
            painter.fillRect(self._placed(QRectF(track_start, bar_top, track_length, bar_height)), TRACK_COLOUR)
            if bar.change is not None:
                start, end = sorted((zero, along(bar.change)))
                painter.fillRect(self._placed(QRectF(start, bar_top, max(end - start, 1.0), bar_height)),
                                 FALL_COLOUR if bar.change < 0 else RISE_COLOUR)
            self._text(painter, QRectF(track_start + track_length + line * 0.4, top, number_width, line * 1.7), bar.value_text)
        scale_top = len(self.bars) * row
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(self._placed_line(QLineF(zero, 0, zero, scale_top)))
        painter.drawLine(self._placed_line(QLineF(track_start, scale_top, track_start + track_length, scale_top)))
        for tick in range(-extent, extent + 1):
            x = along(float(tick))
            painter.drawLine(self._placed_line(QLineF(x, scale_top, x, scale_top + line * 0.3)))
            text = signed_whole(tick)
            rect = QRectF(x - line * 1.5, scale_top + line * 0.3, line * 3, line)
            painter.drawText(self._placed(rect), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()

    def _text(self, painter: QPainter, rect: QRectF, text: str, *, bold: bool = False, colour: QColor | None = None) -> None:
        font = painter.font()
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(colour or self.palette().text().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(self._placed(rect), int(flags), text)
        font.setBold(False)
        painter.setFont(font)

    def _mirrored(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _placed(self, rect: QRectF) -> QRectF:
        """The rectangle where it belongs: mirrored across the widget in right-to-left."""
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height()) if self._mirrored() else rect

    def _placed_line(self, segment: QLineF) -> QLineF:
        if not self._mirrored():
            return segment
        return QLineF(self.width() - segment.x1(), segment.y1(), self.width() - segment.x2(), segment.y2())
