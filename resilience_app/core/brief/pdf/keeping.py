"""Headings keep with what they introduce.

Before each heading stands a conditional page break that measures, when the page is laid
out, the heading and the start of what follows it: short lead-in paragraphs and further
headings, then enough content to read (a whole figure, a table's header and first rows, a
paragraph's first lines). When that does not fit, the heading moves to the next page with
its content, so no heading is left at the foot of a page and no section opens on a line of
text above a hole.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable

ENOUGH_TO_READ = 40  # points of content (about three lines) a heading keeps with it
SHORT_ENDING = 160  # points: a heading keeps all that follows it to the section's end when that is no taller (no tail alone on a page)


@dataclass(frozen=True)
class Part:
    """Flowables that belong together in the story; a heading's are kept with what follows."""

    flowables: list[Flowable]
    is_heading: bool = False


def _full_height(flowable: Flowable, width: float, canvas: Canvas) -> float:
    _width, height = flowable.wrapOn(canvas, width, 1e6)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _start_height(flowable: Flowable, width: float, canvas: Canvas) -> float | None:
    """The least of `flowable` that may stand at the foot of a page, when it can split at all."""
    opening = getattr(flowable, "opening_height", None)
    if opening is None:
        return None
    _width, height = flowable.wrapOn(canvas, width, 1e6)
    start = float(opening(width))
    return start + float(flowable.getSpaceBefore()) if start < height else None


class RoomForHeading(CondPageBreak):  # type: ignore[misc]  # ReportLab ships no type information, so CondPageBreak is Any
    """Moves a heading to the next page unless it and the start of its content fit on this one."""

    def __init__(self, heading: Part, following: list[Part], page_height: float) -> None:
        super().__init__(0)
        self.heading, self.following, self.page_height = heading, following, page_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Never more than a page: what cannot fit on a page starts at the top of one.
        self.height = min(self._needed(available_width), self.page_height - 1)
        width, height = super().wrap(available_width, available_height)
        return float(width), float(height)

    def _short_ending(self, width: float, canvas: Canvas) -> float | None:
        """The height of all that follows to the section's end, when it is at most `SHORT_ENDING`."""
        ending = 0.0
        for part in self.following:
            for flowable in part.flowables:
                ending += _full_height(flowable, width, canvas)
                if ending > SHORT_ENDING:
                    return None
        return ending

    def _needed(self, width: float) -> float:
        canvas = self._doctemplateAttr("canv")
        needed = sum(_full_height(flowable, width, canvas) for flowable in self.heading.flowables)
        ending = self._short_ending(width, canvas)
        if ending is not None:  # the end of the section is near: it goes whole, so the next page never opens on its last line alone
            return needed + ending
        content = 0.0
        for part in self.following:
            for flowable in part.flowables:
                start = _start_height(flowable, width, canvas)
                if start is not None:
                    return needed + start  # a block that can split: its first lines are enough
                full = _full_height(flowable, width, canvas)
                needed += full
                content += 0 if part.is_heading else full
                if content >= ENOUGH_TO_READ:
                    return needed
        return needed


def kept_with_headings(parts: list[Part], page_height: float) -> list[Flowable]:
    """The story of `parts`, each heading preceded by its `RoomForHeading`."""
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if part.is_heading:
            story.append(RoomForHeading(part, parts[index + 1 :], page_height))
        story += part.flowables
    return story
