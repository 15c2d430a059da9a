"""Column widths sized to what a table holds.

A column is never narrower than its longest word (so "Likelihood" or «الاحتمالية» is not cut),
and the rest of the width goes, a step at a time, to the column whose widening shortens the
table most: a reason or a question gets the room, a rank or a level stays narrow. A column whose
every cell fits on one line takes no more than it needs; width left over when everything fits is
shared in proportion to what each column holds, so a table still spans the text area.
"""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.brief.pdf.text import TextEngine

STEP = 2.0  # points given to a column at a time
TALL_ROWS_WEIGH = 10  # a row counts as its lines to this power: the tallest rows are shortened first
WRAPPING = 1.1  # a wrapped paragraph's lines are this much wider in all than the paragraph set on one line
LAST_LINE = 0.5  # the part of a wrapped paragraph's last line left empty, on average
WIDEST_WORD_SHARE = 0.35  # a column's longest word claims at most this share of the width (an overlong word is cut)


@dataclass(frozen=True)
class CellText:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class _Measure:
    """A cell's text as widths: each paragraph set on one line, and its longest word."""

    paragraphs: tuple[float, ...]
    widest_word: float

    def lines_at(self, width: float) -> float:
        """Lines the cell takes at `width`, about: whole for a paragraph that fits, a fraction that shrinks as
        the column widens for one that wraps."""
        return sum(1.0 if paragraph <= width else paragraph * WRAPPING / width + LAST_LINE for paragraph in self.paragraphs)


def _measure(engine: TextEngine, cell: CellText, size: float, rtl: bool) -> _Measure:
    def width_of(text: str) -> float:
        return max(line.width for line in engine.lines(text, size=size, width=float("inf"), bold=cell.bold, rtl=rtl))

    paragraphs = tuple(width_of(paragraph) for paragraph in cell.text.split("\n"))
    widest_word = max((width_of(word) for word in set(cell.text.split())), default=0.0)
    return _Measure(paragraphs, widest_word)


class _Layout:
    """The lines of every cell at the current widths, and what widening one column would do to the table."""

    def __init__(self, columns: list[list[_Measure]], widths: list[float], padding: float) -> None:
        self.columns, self.widths, self.padding = columns, widths, padding
        self.lines = [self._column_lines(index, widths[index]) for index in range(len(columns))]

    def _column_lines(self, index: int, width: float) -> list[float]:
        return [cell.lines_at(width - 2 * self.padding) for cell in self.columns[index]]

    def height_if_widened(self, index: int, step: float) -> tuple[float, list[float]]:
        """How tall the table would be with column `index` wider by `step`: each row as tall as its tallest
        cell, tall rows weighing more (a cell of a dozen lines is worse than two of six)."""
        widened = self._column_lines(index, self.widths[index] + step)
        others = [line for number, line in enumerate(self.lines) if number != index]
        return sum(max([new, *(column[row] for column in others)]) ** TALL_ROWS_WEIGH for row, new in enumerate(widened)), widened

    def widen(self, index: int, step: float, lines: list[float]) -> None:
        self.widths[index] += step
        self.lines[index] = lines


def column_widths(rows: list[list[CellText]], engine: TextEngine, *, size: float, rtl: bool, available: float, padding: float) -> list[float]:
    """Widths (points, in the rows' column order) that fill `available` and keep the table short."""
    columns = [[_measure(engine, cell, size, rtl) for cell in column] for column in zip(*rows, strict=True)]
    words = [min(max(cell.widest_word for cell in column), available * WIDEST_WORD_SHARE) + 2 * padding for column in columns]
    natural = [max(max(cell.paragraphs) for cell in column) + 2 * padding for column in columns]
    if sum(words) >= available:
        return [available * word / sum(words) for word in words]
    layout = _Layout(columns, list(words), padding)
    height = float("inf")
    while available - sum(layout.widths) >= STEP:
        trials = [(*layout.height_if_widened(index, STEP), index) for index in range(len(columns)) if layout.widths[index] < natural[index]]
        if not trials:
            break
        best_height, lines, best = min(trials, key=lambda trial: trial[0])
        if best_height >= height:
            break
        layout.widen(best, STEP, lines)
        height = best_height
    return _share_what_is_left(layout.widths, natural, available)


def _share_what_is_left(widths: list[float], natural: list[float], available: float) -> list[float]:
    left = available - sum(widths)
    total = sum(natural)
    return [width + left * need / total for width, need in zip(widths, natural, strict=True)]
