"""Where the text of an exported PDF sits on its pages, as poppler reads it (`pdftotext -bbox-layout`).

poppler groups a page's words into blocks of lines: a paragraph, a heading or a table cell is a
block (two cells side by side are sometimes one block). With bounding boxes, pdftotext gives
Arabic in visual order, each word's letters reversed, and a vowel mark drawn apart from its letter
cuts a word in two («أُغلق» reads «أُ» and «غلق», with no gap between): so the pieces of a word are
joined again, and texts are compared as multisets of words, each word as the multiset of its
letters, after `pdf_reader.plain`.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.brief.pdf_reader import plain

_XHTML = "{http://www.w3.org/1999/xhtml}"
LINE_GAP = 4  # points between the box of a line and the next one of its paragraph, at most
WORD_GAP = 1  # points between two pieces of one word, at most (a space is wider)


def words_of(text: str) -> Counter[str]:
    """The words of `text`, whatever the order of the words or of their letters."""
    return Counter("".join(sorted(word)) for word in plain(text).split())


@dataclass(frozen=True)
class TextLine:
    text: str
    top: float  # from the top of the page, in points
    bottom: float
    left: float
    right: float

    @property
    def words(self) -> Counter[str]:
        return words_of(self.text)

    def overlaps(self, other: TextLine) -> bool:
        """Whether `other` shares some of this line's width (is in the same column)."""
        return other.left < self.right and self.left < other.right

    def continued_by(self, other: TextLine) -> bool:
        """Whether `other` is the next line of the same paragraph or cell: just below, in the same column."""
        return self.top < other.top < self.bottom + LINE_GAP and self.overlaps(other)


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[TextLine, ...]

    @property
    def words(self) -> Counter[str]:
        return sum((line.words for line in self.lines), Counter())

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)


@dataclass(frozen=True)
class Page:
    number: int
    height: float
    blocks: tuple[TextBlock, ...]

    @property
    def lines(self) -> list[TextLine]:
        return sorted((line for block in self.blocks for line in block.lines), key=lambda line: line.top)

    def rows(self, top: float, bottom: float) -> list[float]:
        """The distinct heights at which lines of text sit between `top` and `bottom`."""
        return sorted({round(line.bottom) for block in self.blocks for line in block.lines if top <= line.top and line.bottom <= bottom})


def _joined_words(line: ElementTree.Element) -> str:
    """The words of a line, left to right, pieces of one word joined again."""
    pieces = sorted((float(word.get("xMin", 0)), float(word.get("xMax", 0)), word.text or "") for word in line.iter(f"{_XHTML}word"))
    words: list[str] = []
    end = -1e9
    for left, right, text in pieces:
        if words and left - end < WORD_GAP:
            words[-1] += text
        else:
            words.append(text)
        end = right
    return " ".join(words)


def pages(path: Path) -> list[Page]:
    output = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(output)
    result = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        blocks = []
        for block in page.iter(f"{_XHTML}block"):
            lines = tuple(
                TextLine(
                    _joined_words(line),
                    *(float(line.get(name, 0)) for name in ("yMin", "yMax", "xMin", "xMax")),
                )
                for line in block.iter(f"{_XHTML}line")
            )
            if lines:
                blocks.append(TextBlock(lines))
        result.append(Page(number, float(page.get("height", 0)), tuple(sorted(blocks, key=lambda block: block.top))))
    return result
