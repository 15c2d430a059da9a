"""Glyph outlines from HarfBuzz, for drawing a glyph as a filled path instead of as text.

Arabic vowel marks (fatha, damma, shadda, tanween …) sit above or below their letter
at an offset HarfBuzz computes. Drawn as text, that offset puts them on a baseline of
their own, and text extraction (search, copy, `pdftotext`) then tears the line apart
around every mark. Drawn as paths, they look the same and the letters extract as one
clean line; the text of the marks travels with the glyph of their letter (`text.shape`).
"""

from __future__ import annotations

from functools import lru_cache

import uharfbuzz as hb

Point = tuple[float, float]
# One outline step: ("M", point) | ("L", point) | ("C", control1, control2, point) | ("Z",)
Step = tuple[str, *tuple[Point, ...]]


class _RecordingPen:
    """Collects a glyph's outline as moves, lines and cubic curves (quadratics are raised)."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self._current: Point = (0.0, 0.0)

    def moveTo(self, point: Point) -> None:  # noqa: N802 (the pen protocol's names)
        self.steps.append(("M", point))
        self._current = point

    def lineTo(self, point: Point) -> None:  # noqa: N802
        self.steps.append(("L", point))
        self._current = point

    def curveTo(self, first: Point, second: Point, end: Point) -> None:  # noqa: N802
        self.steps.append(("C", first, second, end))
        self._current = end

    def qCurveTo(self, control: Point, end: Point) -> None:  # noqa: N802
        (x0, y0), (qx, qy), (x3, y3) = self._current, control, end
        first = (x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0))
        second = (x3 + 2 / 3 * (qx - x3), y3 + 2 / 3 * (qy - y3))
        self.curveTo(first, second, end)

    def closePath(self) -> None:  # noqa: N802
        self.steps.append(("Z",))


@lru_cache(maxsize=2048)
def glyph_outline(font: hb.Font, glyph: int) -> tuple[Step, ...]:
    """The outline of `glyph` in font units."""
    pen = _RecordingPen()
    font.draw_glyph_with_pen(glyph, pen)
    return tuple(pen.steps)
