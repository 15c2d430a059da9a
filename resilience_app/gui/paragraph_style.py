"""Wrapped plain text laid out as Qt's text documents lay it out, so right-to-left lines start at the margin.

A word-wrapped plain-text label is drawn by the style's `drawItemText`, which aligns each line
by its width *with* the space it broke at. In a right-to-left paragraph that space sits at the
line's visual left end, so every line that ends at a break starts one space in from the right
margin (the first line of every wrapped Arabic paragraph). Here such text is laid out with a
`QTextLayout` whose option carries the alignment, which leaves the breaking space out, as rich
text already does. Every widget that draws its text through the style (labels, message boxes,
style-sheeted windows, whose style hands item text to this one) gets it from one place.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QProxyStyle

LINE_SEPARATOR = "\u2028"


def draw_wrapped_text(painter: QPainter, rect: QRect, flags: int, text: str) -> None:
    """Draw `text` wrapped at word boundaries in `rect`, aligned as `flags` say (already visual, as the style receives them)."""
    option = QTextOption(Qt.AlignmentFlag(flags & Qt.AlignmentFlag.AlignHorizontal_Mask) | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(painter.layoutDirection())
    layout = QTextLayout(text.replace("\n", LINE_SEPARATOR), painter.font(), painter.device())
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    if flags & Qt.AlignmentFlag.AlignVCenter:
        top = rect.top() + (rect.height() - height) / 2
    elif flags & Qt.AlignmentFlag.AlignBottom:
        top = rect.bottom() + 1 - height
    else:
        top = rect.top()
    layout.draw(painter, QPointF(rect.left(), top))


class ParagraphStyle(QProxyStyle):
    """The application's style, with wrapped plain text drawn by `draw_wrapped_text`."""

    def drawItemText(  # noqa: N802 - Qt's name
        self, painter: QPainter, rect: QRect, flags: int, palette: QPalette | Qt.GlobalColor | QColor, enabled: bool, text: str,
        textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole,  # noqa: N803 - Qt's name
    ) -> None:
        mnemonic = bool(flags & Qt.TextFlag.TextShowMnemonic) and "&" in text
        if not text or not flags & Qt.TextFlag.TextWordWrap or mnemonic:
            super().drawItemText(painter, rect, flags, palette, enabled, text, textRole)
            return
        saved = painter.pen()
        if textRole != QPalette.ColorRole.NoRole:
            painter.setPen(QPen(QPalette(palette).brush(textRole), saved.widthF()))
        draw_wrapped_text(painter, rect, flags, text)
        painter.setPen(saved)


def use_paragraph_style(app: QApplication) -> None:
    """Install `ParagraphStyle` over the application's style, once."""
    if not isinstance(app.style(), ParagraphStyle):
        app.setStyle(ParagraphStyle(app.style().name()))
