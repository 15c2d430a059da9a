"""Platypus flowables that draw through the text engine: paragraphs, bullets and table cells."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from resilience_app.core.brief.pdf.style import BriefStyle
from resilience_app.core.brief.pdf.text import Line, draw_line
from resilience_app.core.text_rules import as_printed

SHORTEST_SPLIT = 4  # lines of the shortest paragraph split across pages (two on each)


@dataclass(frozen=True)
class TextLook:
    """How one text is set: size, weight, colour, direction and where it sits on its line."""

    size: float
    colour: Color
    rtl: bool
    bold: bool = False
    align: str = "start"  # start | centre | end (start is the right edge in Arabic)
    space_before: float = 0
    space_after: float = 0
    bullet: str = ""
    indent: float = 0  # from the start edge


class TextBlock(Flowable):  # type: ignore[misc]  # ReportLab ships no type information, so Flowable is Any
    """A paragraph laid out by the text engine; splits between lines across pages.

    A block is a part of its text, from `start` to `end` (offsets of the engine's line
    starts): a split gives two blocks with disjoint, smaller parts, so laying out the
    rest at another width (the next page, a table's cell) never grows it back to the
    whole text, and a paragraph or cell of any length takes a bounded number of splits.
    """

    def __init__(self, text: str, look: TextLook, style: BriefStyle, *, start: int = 0, end: int | None = None, keep_with_next: bool = False) -> None:
        super().__init__()
        self.text = as_printed(text)  # whatever was stored: no override, isolates closed
        self.look = look
        self.style = style
        self.keepWithNext = keep_with_next
        self.start, self.end = start, end
        self._lines: list[Line] = []
        self._laid_width: float | None = None
        self.leading = style.line_height(look.size, look.rtl)

    def _layout(self, width: float) -> list[Line]:
        if self._laid_width != width:
            look = self.look
            self._lines = self.style.engine.lines(
                self.text, size=look.size, width=width - look.indent, bold=look.bold, rtl=look.rtl, start=self.start, end=self.end
            )
            self._laid_width = width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        lines = self._layout(available_width)
        self.width = available_width
        self.height = len(lines) * self.leading
        return available_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's names)
        return self.look.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.look.space_after

    def opening_height(self, available_width: float) -> float:
        """The least of the block that may stand at the foot of a page: two lines, or all of a short one."""
        lines = self._layout(available_width)
        return self.leading * (2 if len(lines) >= SHORTEST_SPLIT else len(lines))

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # The width the block was last wrapped to: a table wraps a cell to its column less the
        # padding but asks it to split at the whole column's width (ReportLab's Table._splitCell).
        width = available_width if self._laid_width is None else self._laid_width
        lines = self._layout(width)
        fits = int(available_height // self.leading)
        if fits < 2 or len(lines) < SHORTEST_SPLIT or fits >= len(lines):
            return []  # keep short paragraphs whole, and never leave a single line behind
        fits = min(fits, len(lines) - 2)
        cut = lines[fits].start
        first = TextBlock(self.text, replace(self.look, space_after=0), self.style, start=self.start, end=cut)
        rest = TextBlock(self.text, replace(self.look, bullet="", space_before=0), self.style, start=cut, end=self.end)
        first._lines, first._laid_width = lines[:fits], width  # noqa: SLF001 (the lines are known; the same class)
        rest._lines, rest._laid_width = lines[fits:], width  # noqa: SLF001
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        look = self.look
        canvas.setFillColor(look.colour)
        # The text area: the indent is on the start side (the right in Arabic).
        area_left = 0.0 if look.rtl else look.indent
        area_right = self.width - look.indent if look.rtl else self.width
        at_left = (look.align == "start") != look.rtl
        for index, line in enumerate(self._lines):
            baseline = self.height - index * self.leading - self.leading * 0.5 - look.size * 0.3
            if look.align == "centre":
                x = area_left + (area_right - area_left - line.width) / 2
            elif at_left:
                x = area_left
            else:
                x = area_right - line.width
            draw_line(canvas, line, x, baseline)
            if index == 0 and look.bullet:
                bullet_lines = self.style.engine.lines(look.bullet, size=look.size, width=look.indent, rtl=look.rtl)
                bullet_x = self.width - look.indent * 0.6 if look.rtl else look.indent * 0.6 - bullet_lines[0].width
                draw_line(canvas, bullet_lines[0], bullet_x, baseline)

