"""Text into Word paragraphs with its direction: every Arabic paragraph right-to-left, runs marked by script.

An Arabic paragraph carries the bidi paragraph property (w:bidi), so it starts at the right and
its alignment (the paragraph's start) is the right edge in Word and LibreOffice alike. Its text is
cut into runs by direction: Latin words (a city's English name, "CRF") make left-to-right runs,
everything else (Arabic, digits, punctuation between them) right-to-left runs (w:rtl), as Word
itself marks what is typed. Word sets right-to-left runs in the complex-script font, so a character
Noto Naskh Arabic lacks (brackets, dashes, the slash) gets a run naming Noto Sans for it, the fallback
the PDF uses. English paragraphs and their runs stay left-to-right.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby

from docx.text.paragraph import Paragraph

from resilience_app.core.brief.docx.ooxml import PARAGRAPH, RUN, set_bold, set_colour, set_property
from resilience_app.core.text_rules import as_printed

# The isolates that keep a name in its direction inside a sentence: Word's runs carry their direction (w:rtl) instead,
# and an isolate left in the text becomes a run of its own that LibreOffice draws over the words beside it (and that
# a reader would copy into another document).
NO_ISOLATES = str.maketrans(dict.fromkeys("\u2066\u2067\u2068\u2069"))

_RIGHT_TO_LEFT_CLASSES = {"R", "AL", "AN"}  # strong right-to-left letters and Arabic-Indic digits


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, right_to_left) pieces for an Arabic paragraph: a left-to-right piece runs from a
    Latin letter to the last Latin letter before the next Arabic character; the rest is right-to-left."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    index = 0
    while index < len(text):
        if unicodedata.bidirectional(text[index]) != "L":
            index += 1
            continue
        end = index
        scan = index
        while scan < len(text) and unicodedata.bidirectional(text[scan]) not in _RIGHT_TO_LEFT_CLASSES:
            if unicodedata.bidirectional(text[scan]) == "L":
                end = scan + 1
            scan += 1
        if index > start:
            pieces.append((text[start:index], True))
        pieces.append((text[index:end], False))
        start = index = end
    if start < len(text):
        pieces.append((text[start:], True))
    return pieces


@dataclass(frozen=True)
class TextSetter:
    """Puts text into paragraphs in one document's direction."""

    rtl: bool
    arabic_lacks: Callable[[str], bool] = lambda _char: False  # a character the complex-script font cannot draw
    fallback_font: str = ""  # the font named for those characters (the Latin one)

    def set_direction(self, paragraph: Paragraph) -> None:
        """Mark a paragraph right-to-left (w:bidi) in an Arabic document; English paragraphs keep Word's left-to-right."""
        if self.rtl:
            set_property(paragraph._p.get_or_add_pPr(), "bidi", PARAGRAPH)

    def add(self, paragraph: Paragraph, text: str, *, bold: bool = False, colour: str = "") -> None:
        """Append `text` to `paragraph` as runs of one direction each (right-to-left ones marked w:rtl in Arabic); whatever
        was stored, no character XML refuses and no bidi override reaches the file (`text_rules.as_printed`)."""
        for part, right_to_left, fallback in self._pieces(as_printed(text).translate(NO_ISOLATES)):
            run = paragraph.add_run(part)
            properties = run._r.get_or_add_rPr()
            if fallback:
                set_property(properties, "rFonts", RUN, cs=self.fallback_font)
            if bold:
                set_bold(properties, True)
            if colour:
                set_colour(properties, colour)
            if right_to_left:
                set_property(properties, "rtl", RUN)

    def _pieces(self, text: str) -> Iterator[tuple[str, bool, bool]]:
        """(part, right_to_left, needs the fallback font) for each run of `text` (none for no text)."""
        if not self.rtl:
            if text:
                yield text, False, False
            return
        for part, right_to_left in direction_runs(text):
            if not right_to_left:
                yield part, False, False
                continue
            for fallback, characters in groupby(part, key=lambda char: not char.isspace() and self.arabic_lacks(char)):
                yield "".join(characters), True, fallback
