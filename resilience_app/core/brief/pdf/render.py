"""Lay out a brief document model as a PDF with ReportLab's Platypus.

Pages mirror for Arabic: text starts at the right, tables and figures run from the
right, and the running header and page numbers swap sides. Output is reproducible
(ReportLab's invariant mode, with the day the document was prepared on as its
creation and modification dates: the same inputs on the same day give the same
file), every font is an embedded subset (the canvas's initial font is ours, so no
unembedded base-14 font slips in) and the metadata holds the title, subject,
language and that day only: no path, no user name and no time of day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageBreak, PageTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from resilience_app import __version__
from resilience_app.core.brief.model import (
    FACT_LABELS,
    BarChart,
    Block,
    BriefDocument,
    Bullets,
    Cover,
    Facts,
    Heading,
    MatrixChart,
    Paragraph,
    RadarChart,
    Section,
    Table,
)
from resilience_app.core.brief.pdf.bars import BarFigure
from resilience_app.core.brief.pdf.charts import MatrixFigure, RadarFigure
from resilience_app.core.brief.pdf.flowables import TextBlock, TextLook
from resilience_app.core.brief.pdf.keeping import Part, kept_with_headings
from resilience_app.core.brief.pdf.style import BriefStyle, load_style
from resilience_app.core.brief.pdf.tables import table
from resilience_app.core.brief.pdf.text import draw_line
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import is_rtl, using_language

BULLET = "•"
SECTION_ROOM = 220  # a section starts on a new page unless this much height is left


def introduces(block: Block, following: Block | None) -> bool:
    """Whether `block` introduces what follows it and must not be left at the foot of a page without it:
    a heading, or a paragraph leading into a list ("Opening and purpose", then its questions)."""
    return isinstance(block, Heading) or (isinstance(block, Paragraph) and isinstance(following, Bullets))


class _Story:
    """Turns blocks into flowables for one document's language and style."""

    def __init__(self, style: BriefStyle, rtl: bool, width: float, height: float) -> None:
        self.style, self.rtl, self.width, self.height = style, rtl, width, height

    def look(self, size_name: str, colour: str = "text", **settings: Any) -> TextLook:
        return TextLook(size=self.style.sizes[size_name], colour=self.style.colour(colour), rtl=self.rtl, **settings)

    def text(self, text: str, look: TextLook, **settings: Any) -> TextBlock:
        return TextBlock(text, look, self.style, **settings)

    def cover(self, cover: Cover) -> list[Flowable]:
        spacing = self.style.spacing
        flowables: list[Flowable] = [Spacer(1, 90)]
        if cover.sample_notice:
            flowables.append(self.text(cover.sample_notice, self.look("heading", "sample", bold=True, space_after=14)))
        flowables += [
            self.text(cover.title, self.look("cover_title", "accent", bold=True, space_after=10)),
            self.text(cover.city, self.look("cover_city", bold=True, space_after=8)),
            self.text(cover.subtitle, self.look("heading", "muted", space_after=30)),
            HRFlowable(width="100%", thickness=2, color=self.style.colour("accent"), spaceAfter=spacing["block"] * 2),
            self.facts(cover.facts),
        ]
        if cover.sensitivity_notice:
            flowables.append(Spacer(1, spacing["block"] * 2))
            flowables.append(self.text(cover.sensitivity_notice, self.look("body", "sample", bold=True)))
        flowables.append(PageBreak())
        return flowables

    def section(self, section: Section) -> list[Flowable]:
        """A section on the page it starts on, unless too little of the page is left; every heading kept with its content."""
        title = Part([
            self.text(section.title, self.look("section_title", "accent", bold=True, space_after=3)),
            HRFlowable(width="100%", thickness=1, color=self.style.colour("accent"), spaceAfter=self.style.spacing["section_after_title"]),
        ], is_heading=True)
        following = [*section.blocks[1:], None]
        parts = [title, *(Part(self.block(block), is_heading=introduces(block, after)) for block, after in zip(section.blocks, following, strict=True))]
        return [CondPageBreak(SECTION_ROOM), *kept_with_headings(parts, self.height)]

    def block(self, block: Block) -> list[Flowable]:
        spacing = self.style.spacing
        if isinstance(block, Heading):
            look = self.look("heading", "accent", bold=True, space_before=spacing["heading_before"], space_after=spacing["heading_after"])
            return [self.text(block.text, look)]
        if isinstance(block, Paragraph):
            if block.muted:
                return [self.text(block.text, self.look("small", "muted", space_after=spacing["paragraph"]))]
            return [self.text(block.text, self.look("body", space_after=spacing["paragraph"]))]
        if isinstance(block, Bullets):
            indent = self.style.sizes["body"] * 1.6
            return [self.text(item, self.look("body", bullet=BULLET, indent=indent, space_after=2)) for item in block.items] + [Spacer(1, 4)]
        if isinstance(block, Table):
            rows = [list(block.header), *(list(row) for row in block.rows)]
            emphasis = tuple(row + 1 for row in block.emphasis)
            return [table(rows, self.style, rtl=self.rtl, available_width=self.width, page_height=self.height, bold_rows=emphasis,
                          unbroken=block.unbroken), Spacer(1, spacing["block"])]
        if isinstance(block, Facts):
            return [self.facts(block), Spacer(1, spacing["block"])]
        return self.figure(block)

    def facts(self, facts: Facts) -> Flowable:
        rows = [[label, value] for label, value in facts.pairs]
        return table(rows, self.style, rtl=self.rtl, available_width=self.width, page_height=self.height, header=False, size=self.style.sizes["body"],
                     unbroken=FACT_LABELS)

    def figure(self, chart: RadarChart | BarChart | MatrixChart) -> list[Flowable]:
        caption = self.text(chart.caption, self.look("small", "muted", space_before=4, space_after=self.style.spacing["block"]))
        if isinstance(chart, BarChart):
            return [BarFigure(chart, self.style, self.rtl, caption)]  # breaks between bars, the caption with the last
        if isinstance(chart, RadarChart):
            return [RadarFigure(chart, self.style, self.rtl, caption)]
        return [MatrixFigure(chart, self.style, self.rtl, caption)]


def _page_furniture(document: BriefDocument, style: BriefStyle, rtl: bool) -> Callable[[Canvas, int, int], None]:
    """Draws the running header and the page number on every page but the cover."""
    width, height = style.page_size
    margins = style.margins
    left, right = (margins["outer"], width - margins["inner"]) if rtl else (margins["inner"], width - margins["outer"])
    size = style.sizes["header"]

    def draw(canvas: Canvas, number: int, total: int) -> None:
        if number == 1:
            return
        muted: Color = style.colour("muted")
        canvas.setFillColor(muted)
        canvas.setStrokeColor(style.colour("rule"))
        canvas.setLineWidth(0.5)
        header_y = height - margins["top"] + 12
        canvas.line(left, header_y - 4, right, header_y - 4)
        title = style.engine.lines(document.title, size=size, width=right - left, rtl=rtl)[0]
        draw_line(canvas, title, right - title.width if rtl else left, header_y)
        label = document.page_label.format(number=format_number(number, language=document.language), total=format_number(total, language=document.language))
        page = style.engine.lines(label, size=size, width=right - left, rtl=rtl)[0]
        draw_line(canvas, page, left if rtl else right - page.width, margins["bottom"] - 14)

    return draw


def _canvas_maker(furniture: Callable[[Canvas, int, int], None], day: dt.date | None = None) -> type[Canvas]:
    class BriefCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type information, so Canvas is Any
        """Holds pages back until the end so that each can say how many there are; dated `day` at midnight UTC."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            if day is not None:
                self.setDateFormatter(lambda *_invariant_time: f"D:{day:%Y%m%d}000000+00'00'")

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                furniture(self, number, total)
                super().showPage()
            super().save()

    return BriefCanvas


def render_pdf(document: BriefDocument, path: Path, style: BriefStyle | None = None, *, day: dt.date | None = None) -> int:
    """Write `document` to `path` as a PDF dated `day` (its creation and modification dates; invariant mode's 1 January
    2000 without one); returns the number of pages."""
    style = style or load_style()
    rtl = is_rtl(document.language)
    width, height = style.page_size
    margins = style.margins
    left, right = (margins["outer"], margins["inner"]) if rtl else (margins["inner"], margins["outer"])
    frame = Frame(left, margins["bottom"], width - left - right, height - margins["top"] - margins["bottom"], id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template = BaseDocTemplate(
        str(path),
        pagesize=style.page_size,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=document.title,
        author="",
        subject=document.subject,
        creator=f"resilience-app {__version__}",
        producer="resilience-app with ReportLab",
        keywords=list(document.keywords),
        lang=document.language,
        invariant=1,
        initialFontName=style.engine.regular.latin.name,
        leftMargin=left,
        rightMargin=right,
        topMargin=margins["top"],
        bottomMargin=margins["bottom"],
    )
    story_maker = _Story(style, rtl, frame._width, frame._height)
    story: list[Flowable] = story_maker.cover(document.cover)
    for section in document.sections:
        story += story_maker.section(section)
    canvas_maker = _canvas_maker(_page_furniture(document, style, rtl), day)
    with using_language(document.language):  # numbers drawn in figures follow the brief, not the window
        template.build(story, canvasmaker=canvas_maker)
    return int(template.page)
