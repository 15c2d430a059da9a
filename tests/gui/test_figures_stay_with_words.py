"""A short parenthesised figure («(١٠٠٪)», "(100%)") never wraps alone onto a line of its own."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from resilience_app.gui.main_window import MainWindow

MARKS = "\u200e\u200f\u2068\u2069 \u00a0"


def _line_starts(label: QLabel, width: int) -> list[str]:
    """The text each line starts with when the label's text is wrapped at `width`, as the label lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    option = QTextOption()
    option.setTextDirection(label.layoutDirection())
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(label.text())
    document.setTextWidth(width)
    document.size()  # lays the document out
    starts = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            starts.append(block.text()[line.textStart() : line.textStart() + line.textLength()].lstrip(MARKS))
        block = block.next()
    return starts


def test_the_shares_and_levels_stay_with_their_words_at_any_width(window: MainWindow, qapp: QApplication) -> None:
    window.open_sample()
    qapp.processEvents()
    labels = [label for label in window.assessment_page.findChildren(QLabel) if label.wordWrap() and "(" in label.text() and label.isVisible()]
    assert labels, "the progress strip and the overview show their shares in parentheses"
    for label in labels:
        for width in range(40, 400, 3):
            alone = [start for start in _line_starts(label, width) if start.startswith("(")]
            assert not alone, f"{label.text()!r} at {width}px starts a line with {alone}"
