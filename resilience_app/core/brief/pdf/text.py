"""Lay out and draw bidirectional, shaped text with ReportLab.

A paragraph goes through four steps:

1. levels: the Unicode bidirectional level of every character (`bidi_levels`);
2. pieces: the characters are cut wherever the font (Latin or Arabic face, by
   script) or the level changes, and each piece is shaped by HarfBuzz in its own
   direction, so Arabic letters join and a Latin name keeps its order;
3. lines: words (in logical order) are filled greedily into lines of the width;
4. visual order: each line's pieces are reordered by rule L2 and drawn left to
   right. HarfBuzz already gives the glyphs of a right-to-left piece in visual order.

Every glyph is drawn with a code whose ToUnicode entry is the text it stands for
(`fonts.BriefFont.code_for`), so a reader extracts and searches real Arabic letters. Vowel
marks are drawn as outlines (`outlines`), and the glyph of the letter they sit on stands for
the letter and its marks, so copied text keeps them (shadda, tanween …).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import uharfbuzz as hb
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas

from resilience_app.core.brief.pdf.bidi_levels import FORMATTING_CHARACTERS, embedding_levels, first_strong_direction
from resilience_app.core.brief.pdf.fonts import BriefFont, FontPair, is_neutral
from resilience_app.core.brief.pdf.outlines import glyph_outline
from resilience_app.core.brief.pdf.to_unicode import as_read, is_mark, is_rtl_letter

_FEATURES = {"kern": True, "liga": True}
SPACE = " "
NEWLINE = "\n"
REPLACEMENT = "\ufffd"  # drawn for a character that stands for nothing drawable
_PARAGRAPH_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_SEPARATORS = frozenset("\t\x1f")  # tab and unit separator: a space between words
_INVISIBLE = "\u200b"  # a carriage return (of a Windows line end) is laid out as this zero-width space
# Controls, lone surrogates, private use and unassigned code points (noncharacters, emoji newer
# than Python's Unicode data): no font of the brief draws them, and text shaping refuses some.
_UNDRAWABLE_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_JOINERS = frozenset("\u200c\u200d")


@dataclass(frozen=True)
class Mark:
    """A vowel mark drawn as an outline: its glyph and its position (thousandths of the size) in the piece."""

    glyph: int
    x: float
    y: float


@dataclass(frozen=True)
class Shaped:
    """A piece of text shaped in one font: what to draw and how wide it is per 1000 units of size."""

    glyphs: ShapedStr
    advance: float
    marks: tuple[Mark, ...] = ()

    def width(self, size: float) -> float:
        return self.advance * size / 1000


@lru_cache(maxsize=20000)
def shape(font: BriefFont, text: str, rtl: bool) -> Shaped:
    """Shape `text` (logical order) with HarfBuzz; the glyphs come out in visual order."""
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.guess_segment_properties()
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font.hb_font, buffer, _FEATURES)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    drawn_as_outline = [
        position.x_advance == 0 and (is_mark(text[info.cluster]) or font.is_mark_glyph(info.codepoint))
        for info, position in zip(infos, positions, strict=True)
    ]
    # A letter's glyph stands for the letter and for the vowel marks after it, drawn as outlines.
    starts = sorted({info.cluster for info, outline in zip(infos, drawn_as_outline, strict=True) if not outline})
    ends = dict(pairwise([*starts, len(text)]))  # none when the text is marks only (each drawn, none copied)
    given: set[int] = set()
    codes: list[str] = []
    data: list[ShapeData] = []
    marks: list[Mark] = []
    advance = 0.0
    for info, position, outline in zip(infos, positions, drawn_as_outline, strict=True):
        cluster = info.cluster
        if outline:
            x = advance + font.to_thousandths(position.x_offset)
            marks.append(Mark(info.codepoint, x, font.to_thousandths(position.y_offset)))
            continue
        # The first glyph of a cluster carries its text; any further glyph of it carries none.
        end = ends[cluster]
        ends_word = end == len(text) or not is_rtl_letter(text[end])
        stands_for = "" if cluster in given else as_read(text[cluster:end], rtl=rtl, ends_word=ends_word)
        given.add(cluster)
        code = font.code_for(info.codepoint, stands_for)
        x_advance = font.to_thousandths(position.x_advance)
        advance += x_advance
        codes.append(code)
        data.append(
            ShapeData(
                cluster,
                x_advance,
                font.to_thousandths(position.y_advance),
                font.to_thousandths(position.x_offset),
                font.to_thousandths(position.y_offset),
                font.width_of_code(code),
            )
        )
    return Shaped(ShapedStr("".join(codes), shapeData=data), advance, tuple(marks))


@dataclass(frozen=True)
class Piece:
    """Characters of one font and one level, shaped: the unit of line filling and reordering."""

    font: BriefFont
    level: int
    shaped: Shaped
    text: str  # the characters it draws, in logical order
    is_space: bool = False

    def width(self, size: float) -> float:
        return self.shaped.width(size * self.font.scale)


@dataclass
class Line:
    pieces: list[Piece]  # logical order
    size: float
    start: int = 0  # where the line starts in the text laid out: its paragraph's start or its first word's

    @property
    def width(self) -> float:
        return sum(piece.width(self.size) for piece in self.pieces)

    def visual_pieces(self) -> list[Piece]:
        """Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above."""
        order = list(self.pieces)
        while order and order[-1].is_space:
            order.pop()
        levels = [piece.level for piece in order]
        odd = [level for level in levels if level % 2]
        if not odd:
            return order
        for level in range(max(levels), min(odd) - 1, -1):
            index = 0
            while index < len(order):
                if order[index].level < level:
                    index += 1
                    continue
                end = index
                while end < len(order) and order[end].level >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
        return order


@dataclass
class TextEngine:
    """Lays out text in the brief's fonts; remembers characters no font could draw.

    Any text lays out, in time that grows with its length only: a character that cannot
    be drawn is replaced (`REPLACEMENT`) and remembered in `missing`, an invisible one is
    skipped, and a word wider than the line is cut between characters.
    """

    regular: FontPair
    bold: FontPair
    missing: set[str] = field(default_factory=set)

    def lines(
        self, text: str, *, size: float, width: float, bold: bool = False, rtl: bool = False, start: int = 0, end: int | None = None
    ) -> list[Line]:
        """`text` broken into lines no wider than `width`; a newline starts a new paragraph.

        With `start` and `end`, only the lines that start in that part of the text (offsets
        as `Line.start` gives them; `end` None is the end): the rest of a paragraph split
        across pages is laid out at a new width from where it starts, never from the beginning.
        """
        pair = self.bold if bold else self.regular
        text = self.prepared(text, pair)
        stop = len(text) + 1 if end is None else end
        result: list[Line] = []
        paragraph_start = 0
        for paragraph in text.split(NEWLINE):
            first, last = paragraph_start, paragraph_start + len(paragraph)
            paragraph_start = last + 1
            if first >= stop:
                break
            if start <= first or start < last:
                result.extend(self._paragraph_lines(paragraph, first, max(start, first), min(stop, last), pair, size, width, rtl))
        return result or [Line([], size, start)]

    def prepared(self, text: str, pair: FontPair) -> str:
        """`text`, one character for one, as it is laid out: paragraph separators as newlines,
        tabs as spaces, undrawable characters as `REPLACEMENT` (and remembered as missing)."""
        if text.isprintable():
            return text  # the usual case: nothing to replace (printable excludes controls, unassigned, private use)
        chars = list(text)
        for index, char in enumerate(chars):
            if char in _PARAGRAPH_BREAKS:
                chars[index] = NEWLINE
            elif char in _SEPARATORS:
                chars[index] = SPACE
            elif char == "\r":
                chars[index] = _INVISIBLE
            elif char != NEWLINE and unicodedata.category(char) in _UNDRAWABLE_CATEGORIES:
                chars[index] = REPLACEMENT
                self.missing.add(f"U+{ord(char):04X}")
            elif unicodedata.category(char) == "Zs" and not _has(pair, char):
                chars[index] = SPACE  # a space no font has (an ideographic space) is still a space
        return "".join(chars)

    def _paragraph_lines(self, text: str, offset: int, first: int, last: int, pair: FontPair, size: float, width: float, rtl: bool) -> list[Line]:
        """The lines of the paragraph `text` (at `offset` in the whole text) that start from `first` to before `last`."""
        # Rules P2–P3: a paragraph reads in the direction of its first strong letter (an English
        # justification in an Arabic brief keeps its full stop at its end); the page's direction
        # decides only when there is none (numbers, dashes). Levels and fonts are of the whole
        # paragraph, so that a part of it reads as it does in the whole.
        rtl = first_strong_direction(text, default_rtl=rtl)
        levels = embedding_levels(text, rtl=rtl)
        fonts = self._fonts(text, pair, rtl)
        lines = [Line([], size, first)]
        line_width = 0.0
        pending_space: list[Piece] = []
        for word in _words(text, fonts, levels, first - offset, last - offset):
            if word.is_space:
                pending_space = word.pieces
                continue
            word_width = word.width(size)
            space_width = sum(piece.width(size) for piece in pending_space)
            current = lines[-1]
            if current.pieces and line_width + space_width + word_width > width:
                current = Line([], size, offset + word.start)
                lines.append(current)
                line_width = 0.0
            elif current.pieces:
                current.pieces.extend(pending_space)
                line_width += space_width
            pending_space = []
            if word_width > width:
                for chunk in word.chunks(size, width - line_width, width):
                    if current.pieces:
                        current = Line([], size, offset + chunk.start)
                        lines.append(current)
                    current.pieces.extend(chunk.pieces)
                line_width = current.width
                continue
            current.pieces.extend(word.pieces)
            line_width += word_width
        return lines

    def _fonts(self, text: str, pair: FontPair, rtl: bool) -> list[BriefFont | None]:
        """The face of each character: by script, neutrals following their neighbour; None for what is not drawn."""
        fonts: list[BriefFont | None] = [None] * len(text)
        drawn = [not _invisible(pair, char) for char in text]
        neutral = [is_neutral(char) for char in text]
        previous: BriefFont | None = None
        for index, char in enumerate(text):
            if drawn[index] and not neutral[index]:
                previous = fonts[index] = self._font_or_fallback(pair, char, previous, rtl)
        # A neutral takes the face of the nearest drawn character before it, else of the first after it.
        following: list[BriefFont | None] = [None] * (len(text) + 1)
        for index in range(len(text) - 1, -1, -1):
            following[index] = fonts[index] or following[index + 1]
        previous = None
        for index, char in enumerate(text):
            if drawn[index] and neutral[index]:
                fonts[index] = self._font_or_fallback(pair, char, previous or following[index + 1], rtl)
            previous = fonts[index] or previous
        return fonts

    def _font_or_fallback(self, pair: FontPair, char: str, neighbour: BriefFont | None, rtl: bool) -> BriefFont:
        font = pair.for_char(char, neighbour, rtl)
        if font is None:
            self.missing.add(char)
            return pair.arabic if rtl else pair.latin
        return font


def _has(pair: FontPair, char: str) -> bool:
    return pair.latin.has_char(char) or pair.arabic.has_char(char)


def _invisible(pair: FontPair, char: str) -> bool:
    """Direction controls, and format characters (a soft hyphen, a tag) that no face has: never drawn."""
    return char in FORMATTING_CHARACTERS or (unicodedata.category(char) == "Cf" and char not in _JOINERS and not _has(pair, char))


@dataclass
class _Word:
    text: str
    fonts: list[BriefFont | None]
    levels: list[int]
    is_space: bool
    start: int  # in the paragraph
    pieces: list[Piece] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pieces = list(_pieces(self.text, self.fonts, self.levels, self.is_space))

    def width(self, size: float) -> float:
        return sum(piece.width(size) for piece in self.pieces)

    def chunks(self, size: float, first_width: float, width: float) -> Iterator[_Word]:
        """A word too long for a line, cut between characters (never before a mark) into pieces that fit."""
        start = 0
        limit = max(first_width, 0.0)
        while start < len(self.text):
            end = self._fitting_end(start, size, limit)
            yield self._slice(start, end)
            start, limit = end, width

    def _fitting_end(self, start: int, size: float, limit: float) -> int:
        """The furthest cut after `start` whose piece fits `limit`, found by doubling then halving
        (a few shapings a line, whatever the word's length); one character at least, with its marks."""
        length = len(self.text)
        low = self._cut_from(start + 1)  # always taken
        high = length + 1  # beyond every cut: does not fit
        while low < length:
            probe = self._cut_from(start + 2 * (low - start))
            if self._slice(start, probe).width(size) > limit:
                high = probe
                break
            low = probe
        while high <= length:
            middle = self._cut_from((low + high + 1) // 2)
            if middle >= high:
                break
            if self._slice(start, middle).width(size) <= limit:
                low = middle
            else:
                high = middle
        return low

    def _cut_from(self, index: int) -> int:
        """The first place at or after `index` where the word may be cut (its end at the latest)."""
        index = min(index, len(self.text))
        while not self._is_cut(index):
            index += 1
        return index

    def _is_cut(self, index: int) -> bool:
        if index >= len(self.text):
            return True
        after, before = self.text[index], self.text[index - 1]
        return not (unicodedata.category(after).startswith("M") or after in _JOINERS or before in _JOINERS)

    def _slice(self, start: int, end: int) -> _Word:
        return _Word(self.text[start:end], self.fonts[start:end], self.levels[start:end], self.is_space, self.start + start)


def _words(text: str, fonts: list[BriefFont | None], levels: list[int], first: int, last: int) -> Iterator[_Word]:
    """The words and single spaces of `text[first:last]`."""
    start = first
    while start < last:
        is_space = text[start] == SPACE
        end = start + 1
        while end < last and (text[end] == SPACE) == is_space:
            end += 1
        if is_space:
            end = start + 1  # one space at a time: runs of spaces collapse to one between words
        yield _Word(text[start:end], fonts[start:end], levels[start:end], is_space, start)
        start = end


def _pieces(text: str, fonts: list[BriefFont | None], levels: list[int], is_space: bool) -> Iterator[Piece]:
    start = 0
    while start < len(text):
        font, level = fonts[start], levels[start]
        end = start + 1
        while end < len(text) and (fonts[end] is None or (fonts[end] is font and levels[end] == level)):
            end += 1
        if font is not None:
            visible = "".join(char for char, char_font in zip(text[start:end], fonts[start:end], strict=True) if char_font is not None)
            yield Piece(font, level, shape(font, visible, bool(level % 2)), visible, is_space)
        start = end


def draw_line(canvas: Canvas, line: Line, x: float, baseline: float) -> None:
    """Draw `line` with its left edge at `x` (the caller aligns it)."""
    for piece in line.visual_pieces():
        size = line.size * piece.font.scale
        canvas.setFont(piece.font.name, size)
        canvas.drawString(x, baseline, piece.shaped.glyphs)
        for mark in piece.shaped.marks:
            _draw_mark(canvas, piece.font, mark, x, baseline, size)
        x += piece.width(line.size)


def _draw_mark(canvas: Canvas, font: BriefFont, mark: Mark, x: float, baseline: float, size: float) -> None:
    scale = size / font.units_per_em
    path = canvas.beginPath()
    for step in glyph_outline(font.hb_font, mark.glyph):
        kind, points = step[0], step[1:]
        coordinates = [value * scale for point in points for value in point]
        if kind == "M":
            path.moveTo(*coordinates)
        elif kind == "L":
            path.lineTo(*coordinates)
        elif kind == "C":
            path.curveTo(*coordinates)
        else:
            path.close()
    canvas.saveState()
    canvas.translate(x + mark.x * size / 1000, baseline + mark.y * size / 1000)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
