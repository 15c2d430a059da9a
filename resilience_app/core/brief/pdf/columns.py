"""Column widths sized to what a table holds.

A column is never narrower than its longest word (so "Likelihood" or «الاحتمالية» is not cut), and
a column the table marks as short values (a status, a date) never narrower than its longest value, so
"Under way" or "1 March 2027" never breaks; the rest of the width goes, a step at a time, to the column whose widening shortens the
table most, cells that run long first: a reason or a question gets the room, a rank or a level stays narrow. A column whose
every cell fits on one line takes no more than it needs; width left over when everything fits is
shared in proportion to what each column holds, so a table still spans the text area.
"""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.brief.pdf.text import TextEngine

STEP = 2.0  # points given to a column at a time
MOST_MOVES = 40  # moves of width from one column to another after the width is given out, at most
MOVES = (STEP, 5 * STEP, 10 * STEP)  # the widths moved: a line saved may need more than a step
MOST_LINES = 6  # a cell should take no more lines than this
OVER_MOST = 100  # what each line beyond MOST_LINES costs, against one line of the table's height
WIDEST_WORD_SHARE = 0.35  # a column's longest word claims at most this share of the width (an overlong word is cut)


@dataclass(frozen=True)
class CellText:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class _Measure:
    """A cell's text as widths: the words of each paragraph, the space between them, the longest word."""

    paragraphs: tuple[tuple[float, ...], ...]
    space: float

    @property
    def widest_word(self) -> float:
        return max((word for words in self.paragraphs for word in words), default=0.0)

    @property
    def natural(self) -> float:
        """The width of the longest paragraph set on one line."""
        return max(sum(words) + self.space * max(len(words) - 1, 0) for words in self.paragraphs)

    def lines_at(self, width: float) -> float:
        """Lines the cell takes at `width`, words filled in as the text engine fills them; the last line of a
        paragraph counts as the share of it the words fill, so a wider column always reads as a shorter cell."""
        return sum(self._paragraph_lines(words, width) for words in self.paragraphs)

    def _paragraph_lines(self, words: tuple[float, ...], width: float) -> float:
        full, line = 0, 0.0
        for word in words:
            if line and line + self.space + word <= width:
                line += self.space + word
                continue
            if line:
                full += 1
            cut, line = divmod(word, width)  # a word wider than the line is cut between characters
            full += int(cut)
        return full + max(line / width, 1.0 if not full else 0.0)


def _measure(engine: TextEngine, cell: CellText, size: float, rtl: bool) -> _Measure:
    def width_of(text: str) -> float:
        return max(line.width for line in engine.lines(text, size=size, width=float("inf"), bold=cell.bold, rtl=rtl))

    widths = {word: width_of(word) for word in set(cell.text.split())}
    paragraphs = tuple(tuple(widths[word] for word in paragraph.split()) for paragraph in cell.text.split("\n"))
    return _Measure(paragraphs, space=width_of("x x") - 2 * width_of("x"))


def _row_cost(lines: float) -> float:
    """A row's lines, and a heavy price for each line beyond `MOST_LINES`: first no cell runs long, then the table is short."""
    return lines + OVER_MOST * max(0.0, lines - MOST_LINES)


class _Layout:
    """The lines of every cell at the current widths, and what changing the widths would cost."""

    def __init__(self, columns: list[list[_Measure]], widths: list[float], padding: float) -> None:
        self.columns, self.widths, self.padding = columns, widths, padding
        self.lines = [self._column_lines(index, widths[index]) for index in range(len(columns))]
        self.cost = self._cost(self.lines)

    def _column_lines(self, index: int, width: float) -> list[float]:
        return [cell.lines_at(width - 2 * self.padding) for cell in self.columns[index]]

    @staticmethod
    def _cost(lines: list[list[float]]) -> float:
        """What the table costs (`_row_cost`): each row as tall as its tallest cell."""
        return sum(_row_cost(max(row)) for row in zip(*lines, strict=True))

    def trial(self, changes: dict[int, float]) -> Trial:
        """The widths changed by `changes` (column -> points), and what the table would then cost."""
        lines = list(self.lines)
        for index, change in changes.items():
            lines[index] = self._column_lines(index, self.widths[index] + change)
        return Trial(self._cost(lines), changes, lines)

    def take(self, trial: Trial) -> None:
        for index, change in trial.changes.items():
            self.widths[index] += change
        self.lines, self.cost = trial.lines, trial.cost


@dataclass(frozen=True)
class Trial:
    cost: float
    changes: dict[int, float]
    lines: list[list[float]]


def column_widths(rows: list[list[CellText]], engine: TextEngine, *, size: float, rtl: bool, available: float, padding: float,
                  unbroken: tuple[int, ...] = ()) -> list[float]:
    """Widths (points, in the rows' column order) that fill `available` and keep the table short, the `unbroken`
    columns (short values) wide enough for each of their cells on one line."""
    columns = [[_measure(engine, cell, size, rtl) for cell in column] for column in zip(*rows, strict=True)]
    words = [min(max(cell.widest_word for cell in column), available * WIDEST_WORD_SHARE) + 2 * padding for column in columns]
    natural = [max(cell.natural for cell in column) + 2 * padding for column in columns]
    words = [max(word, natural[index]) if index in unbroken else word for index, word in enumerate(words)]
    if sum(words) >= available:  # overlong words: every column narrower than a word, the short values' kept whole if they can be
        kept = sum(words[index] for index in unbroken)
        others = sum(word for index, word in enumerate(words) if index not in unbroken)
        if unbroken and kept < available and others:
            share = (available - kept) / others
            return [word if index in unbroken else word * share for index, word in enumerate(words)]
        return [available * word / sum(words) for word in words]
    layout = _Layout(columns, list(words), padding)
    count = range(len(columns))
    while available - sum(layout.widths) >= STEP:  # the width left, a step at a time, where it helps most
        trials = [layout.trial({index: STEP}) for index in count if layout.widths[index] < natural[index]]
        best = min(trials, key=lambda trial: trial.cost, default=None)
        if best is None or best.cost >= layout.cost:
            break
        layout.take(best)
    for _move in range(MOST_MOVES):  # then a step from one column to another, while that helps
        moves = [
            layout.trial({to: step, away: -step})
            for step in MOVES
            for to in count
            for away in count
            if to != away and layout.widths[away] - step >= words[away]
        ]
        best = min(moves, key=lambda trial: trial.cost, default=None)
        if best is None or best.cost >= layout.cost - 1e-9:
            break
        layout.take(best)
    return _share_what_is_left(layout.widths, natural, available)


def _share_what_is_left(widths: list[float], natural: list[float], available: float) -> list[float]:
    left = available - sum(widths)
    total = sum(natural)
    return [width + left * need / total for width, need in zip(widths, natural, strict=True)]
