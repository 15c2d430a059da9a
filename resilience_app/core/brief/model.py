"""The brief as a plain document: what it says, in one language, before any layout.

The builders (`builder.py` and its section modules) turn an assessment into this
model; `pdf.render` lays it out. Tests read the model directly, and a future format
(a slide deck for the workshop, say) would render the same model.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    muted: bool = False  # a note or a caption, set smaller and lighter


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """Rows of text under a header row; the layout sizes the columns to what they hold."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    emphasis: tuple[int, ...] = ()  # rows (0 is the first row after the header) set in bold
    unbroken: tuple[int, ...] = ()  # columns of short values (a status, a date), each cell kept on one line


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as the city's key figures."""

    pairs: tuple[tuple[str, str], ...]


FACT_LABELS = (0,)  # the labels' column of a Facts table, kept on one line (it is laid out as a two-column table)


@dataclass(frozen=True)
class RadarChart:
    """Levels (1–5, None when nothing is answered) on one axis per goal; optionally an earlier round's outline beneath."""

    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    caption: str
    earlier: tuple[float | None, ...] = ()  # an earlier round's levels, drawn as a dashed outline (empty: one round only)
    legend: tuple[str, ...] = ()  # with `earlier`: the later round's name, then the earlier's


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # a level 1–5, or a count on a chart with its own maximum
    note: str  # what is written beside the bar (level, coverage, confidence)


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    caption: str
    maximum: float = 5  # the value a full bar stands for (levels run to 5; dots to the most any goal got)
    decimals: int = 1  # of the value written at the end of each bar (0 for counts)
    minimum: float = 0  # below zero: bars of a change, growing either way from a zero line (a fall in its own colour)


@dataclass(frozen=True)
class MatrixChart:
    """The 5×5 likelihood-by-impact matrix, with item ranks in their cells (the stresses' matrix: trend by severity,
    stored as likelihood and impact, with its own titles and level names)."""

    cells: dict[tuple[int, int], tuple[str, ...]]  # (likelihood, impact) -> labels
    likelihood_title: str
    impact_title: str
    likelihood_names: tuple[str, ...]  # 1..5
    impact_names: tuple[str, ...]
    caption: str
    small: bool = False  # one of two matrices (shocks, stresses) sharing a page: drawn with lower rows


Block = Heading | Paragraph | Bullets | Table | Facts | RadarChart | BarChart | MatrixChart


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Cover:
    title: str
    city: str
    subtitle: str
    facts: Facts
    sample_notice: str = ""  # set when the assessment is the sample
    sensitivity_notice: str = ""  # what was left out as sensitive, or that sensitive content is included


@dataclass(frozen=True)
class BriefDocument:
    language: str
    title: str  # the document's title (PDF metadata, running header)
    cover: Cover
    sections: tuple[Section, ...]
    page_label: str  # "Page {number} of {total}" in the brief's language
    subject: str = ""
    keywords: tuple[str, ...] = field(default=())
