"""Where a widget's text is drawn, read from its pixels: what a user sees, whatever drew it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

DARK = 128  # lightness below which a pixel is ink on the app's light backgrounds


def _inked_columns(image: QImage, y: int) -> list[int]:
    return [x for x in range(image.width()) if QColor(image.pixel(x, y)).lightness() < DARK]


def line_extents(widget: QWidget, *, gap: int) -> list[tuple[int, int]]:
    """The leftmost and rightmost inked column of each line of text, lines being runs of inked rows parted by `gap` blank rows or more."""
    image = widget.grab().toImage()
    lines: list[tuple[int, int]] = []
    current: list[int] = []
    blank = gap
    for y in range(image.height()):
        columns = _inked_columns(image, y)
        if columns:
            if blank >= gap and current:
                lines.append((min(current), max(current)))
                current = []
            current += columns
            blank = 0
        else:
            blank += 1
    if current:
        lines.append((min(current), max(current)))
    return lines
