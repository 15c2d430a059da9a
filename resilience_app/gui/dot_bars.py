"""Horizontal bars of the dots on each goal, drawn large enough for a hall; mirrored in right-to-left."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#0b4f8a")
TEXT_COLOUR = QColor("#111111")


class DotBars(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dot_bars")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.entries: list[tuple[str, int, str]] = []  # label, dots, dots as shown

    def set_entries(self, entries: list[tuple[str, int, str]]) -> None:
        self.entries = entries
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.entries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        row = self.height() / len(self.entries)
        font.setPixelSize(max(10, int(min(row * 0.55, self.font().pixelSize() if self.font().pixelSize() > 0 else 24))))
        painter.setFont(font)
        label_width = self.width() * 0.45
        number_width = font.pixelSize() * 2.5
        bar_space = self.width() - label_width - number_width
        most = max(dots for _label, dots, _shown in self.entries) or 1
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for position, (label, dots, shown) in enumerate(self.entries):
            top = position * row
            length = bar_space * dots / most
            label_rect = QRectF(0, top, label_width - font.pixelSize() * 0.5, row)
            bar_rect = QRectF(label_width, top + row * 0.15, length, row * 0.7)
            number_rect = QRectF(label_width + length + font.pixelSize() * 0.3, top, number_width, row)
            if mirrored:
                label_rect, bar_rect, number_rect = (self._mirror(rect) for rect in (label_rect, bar_rect, number_rect))
            painter.setPen(TEXT_COLOUR)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignTrailing), elided)
            painter.fillRect(bar_rect, BAR_COLOUR)
            painter.drawText(number_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading), shown)
        painter.end()

    def _mirror(self, rect: QRectF) -> QRectF:
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())
