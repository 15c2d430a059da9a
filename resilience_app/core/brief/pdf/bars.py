"""Bar charts: one bar per goal, dimension or quality, with its scale beneath and its caption.

A short chart (the four dimensions, the seven qualities) is kept whole; a long one (the twelve goals)
breaks between bars across pages, each part with at least a third of its bars and its own scale so
a reader can read a bar on either page; the caption follows the last part. In Arabic the bars grow from the right and the scale runs from the right.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from resilience_app.core.brief.model import Bar, BarChart
from resilience_app.core.brief.pdf.charts import Figure, label
from resilience_app.core.brief.pdf.style import BriefStyle
from resilience_app.core.formatting import format_number
from resilience_app.core.rounds.labels import signed_change, signed_whole

MOST_TICKS = 6  # numbers on a scale, at most (besides zero)
STEPS = tuple(multiple * 10**power for power in range(7) for multiple in (1, 2, 5))
WHOLE_UP_TO = 7  # a chart of this many bars or fewer is never broken
FEWEST_BARS = 4  # bars of a longer chart that may stand alone on a page


def _step(maximum: float) -> int:
    return int(next((step for step in STEPS if maximum / step <= MOST_TICKS), STEPS[-1]))


def scale_top(maximum: float) -> float:
    """Where the scale ends: `maximum` rounded up to its step (5 for levels; 15 for 14 dots), so the longest bar
    never runs past the last number."""
    if maximum <= 0:
        return maximum
    step = _step(maximum)
    return float(-(-maximum // step) * step)


def scale_ticks(maximum: float, minimum: float = 0) -> list[int]:
    """The values a scale marks: zero, then even steps up to the scale's top (0–5 for levels; 0, 5, 10, 15 for 14 dots),
    and as far below zero as `minimum` asks (−2 to 2 for changes)."""
    above = list(range(0, int(scale_top(maximum)) + 1, _step(maximum))) if maximum > 0 else [0]
    below = [-tick for tick in reversed(scale_ticks(-minimum)) if tick] if minimum < 0 else []
    return below + above


def scale_bottom(minimum: float) -> float:
    """Where the scale starts: zero, or `minimum` rounded down to its step."""
    return -scale_top(-minimum) if minimum < 0 else 0.0


class BarFigure(Figure):
    ROW = 36  # a bar whose label and note take one line each
    LABEL_SIZE, NOTE_SIZE, SCALE_SIZE = 8.5, 7, 7.5
    SCALE = 18  # the height of the scale under the bars: a rule, ticks and numbers

    def __init__(self, chart: BarChart, style: BriefStyle, rtl: bool, caption: Flowable | None, bars: tuple[Bar, ...] | None = None) -> None:
        super().__init__(style, rtl, 0, caption)
        self.chart = chart
        self.bars = chart.bars if bars is None else bars
        self._label_drops = [0.0] * len(self.bars)  # how far a wrapped label pushes its note down
        self._rows = [float(self.ROW)] * len(self.bars)

    def _extra_lines(self, text: str, size: float, width: float, bold: bool) -> float:
        lines = self.style.engine.lines(text, size=size, width=width, bold=bold, rtl=self.rtl)
        return max(len(lines) - 1, 0) * self.style.line_height(size, self.rtl)

    def _lay_out_rows(self, width: float) -> None:
        """Rows grow when a long label (a goal's name) or note wraps, so the lines never overlap."""
        label_width = width * 0.42
        self._label_drops = [self._extra_lines(bar.label, self.LABEL_SIZE, label_width, True) for bar in self.bars]
        self._rows = [
            self.ROW + drop + self._extra_lines(bar.note, self.NOTE_SIZE, label_width, False) for bar, drop in zip(self.bars, self._label_drops, strict=True)
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._lay_out_rows(available_width)
        self.figure_height = sum(self._rows) + 6 + self.SCALE
        return super().wrap(available_width, available_height)

    def opening_height(self, available_width: float) -> float:
        """The least of the chart that may stand at the foot of a page: two bars and their scale, or all of a short chart."""
        _width, height = self.wrap(available_width, 1e6)
        if len(self.chart.bars) <= WHOLE_UP_TO or len(self.bars) < 2 * FEWEST_BARS:
            return float(height)
        return sum(self._rows[:FEWEST_BARS]) + 6 + self.SCALE

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._lay_out_rows(available_width)
        if len(self.chart.bars) <= WHOLE_UP_TO:
            return []
        room = available_height - 6 - self.SCALE
        fitting = 0
        while fitting < len(self.bars) and sum(self._rows[: fitting + 1]) <= room:
            fitting += 1
        fitting = min(fitting, len(self.bars) - FEWEST_BARS)
        if fitting < FEWEST_BARS:
            return []
        return [
            BarFigure(self.chart, self.style, self.rtl, None, self.bars[:fitting]),
            BarFigure(self.chart, self.style, self.rtl, self.caption, self.bars[fitting:]),
        ]

    def draw_figure(self) -> None:
        canvas, style = self.canv, self.style
        label_width = self.width * 0.42
        bar_start, bar_length = label_width + 8, self.width - label_width - 40
        anchor = "right" if self.rtl else "left"
        top = self.figure_height
        for row, bar in enumerate(self.bars):
            if row:
                top -= self._rows[row - 1]
            label(style, canvas, bar.label, self.mirror_x(0), top - 12, size=self.LABEL_SIZE, rtl=self.rtl, anchor=anchor, bold=True, width=label_width)
            label(style, canvas, bar.note, self.mirror_x(0), top - 25 - self._label_drops[row], size=self.NOTE_SIZE, rtl=self.rtl, anchor=anchor,
                  colour=style.colour("muted"), width=label_width)
            canvas.setFillColor(style.colour("accent_light"))
            left = self.mirror_x(bar_start + bar_length) if self.rtl else bar_start
            canvas.rect(left, top - 22, bar_length, 10, stroke=0, fill=1)
            if bar.value is not None:
                start, end = self._along(bar_length, min(bar.value, 0.0)), self._along(bar_length, max(bar.value, 0.0))
                canvas.setFillColor(style.colour("chart_fall" if bar.value < 0 else "chart_fill"))
                canvas.rect(self.mirror_x(bar_start + end) if self.rtl else bar_start + start, top - 22, end - start, 10, stroke=0, fill=1)
            value_text = self._value_text(bar.value)
            label(style, canvas, value_text, self.mirror_x(bar_start + bar_length + 6), top - 20, size=8, rtl=self.rtl, anchor=anchor)
        if self.chart.minimum < 0:
            zero = self.mirror_x(bar_start + self._along(bar_length, 0.0))
            canvas.setStrokeColor(style.colour("muted"))
            canvas.setLineWidth(0.6)
            canvas.line(zero, top - self._rows[-1] - 2, zero, self.figure_height - 4)
        self._draw_scale(bar_start, bar_length, top - self._rows[-1] - 2)

    def _along(self, bar_length: float, value: float) -> float:
        """How far along the bar `value` lies, from the scale's start (clamped to the scale)."""
        low, high = scale_bottom(self.chart.minimum), scale_top(self.chart.maximum)
        if high <= low:
            return 0.0
        return bar_length * (min(max(value, low), high) - low) / (high - low)

    def _value_text(self, value: float | None) -> str:
        """The value written at the bar's end; a change carries its sign."""
        if value is None:
            return "—"
        text = format_number(value, decimals=self.chart.decimals)
        return signed_change(value) if self.chart.minimum < 0 else text

    def _draw_scale(self, bar_start: float, bar_length: float, rule_y: float) -> None:
        """A rule under the bars with a tick and a number (in the brief's digits) at each step."""
        canvas, style = self.canv, self.style
        canvas.setStrokeColor(style.colour("muted"))
        canvas.setLineWidth(0.6)
        canvas.line(self.mirror_x(bar_start), rule_y, self.mirror_x(bar_start + bar_length), rule_y)
        for tick in scale_ticks(self.chart.maximum, self.chart.minimum):
            x = self.mirror_x(bar_start + self._along(bar_length, tick))
            canvas.line(x, rule_y, x, rule_y - 3)
            text = signed_whole(tick) if self.chart.minimum < 0 else format_number(tick)
            label(style, canvas, text, x, rule_y - 12, size=self.SCALE_SIZE, rtl=self.rtl, colour=style.colour("muted"))
