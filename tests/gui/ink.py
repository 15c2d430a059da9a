"""Where a widget's text is drawn, read from its pixels: what a user sees, whatever drew it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontInfo, QImage
from PySide6.QtWidgets import QLabel, QWidget

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


def lines_set_in(label: QLabel, language: str) -> list[str]:
    """Lines of a label that start further in than a letter's side bearing from the margin of `language`'s side."""
    pixels = QFontInfo(label.font()).pixelSize()
    lines = line_extents(label, gap=max(2, pixels // 4))
    margin = label.contentsRect().adjusted(label.margin(), 0, -label.margin(), 0)
    tolerance = max(1.0, pixels * 0.12)  # less than half a space
    insets = [margin.right() - right if language == "ar" else left - margin.left() for left, right in lines]
    return [f"{label.objectName() or label.text()[:20]!r}: line {number} starts {inset}px in" for number, inset in enumerate(insets, 1) if inset > tolerance]


def text_centre(widget: QWidget, *, darker_than: int = 80) -> float:
    """The horizontal centre of a widget's darkest pixels (its text, not its grey frame), as a share of its width."""
    image = widget.grab().toImage()
    columns = [x for y in range(image.height()) for x in range(image.width()) if QColor(image.pixel(x, y)).lightness() < darker_than]
    assert columns, "the widget shows no text"
    return (min(columns) + max(columns)) / 2 / image.width()
