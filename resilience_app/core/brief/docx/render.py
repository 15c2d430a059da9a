"""Lay out a brief document model as an editable Word document (.docx) with python-docx.

The same model as the PDF (`brief.model`), in Word's own structures so the CRO can edit it before
sending it on: section titles in Heading 1 and headings in Heading 2 (a table of contents finds
them), bullets in the List Bullet style, tables and key figures as real tables, each chart as a
picture of the PDF's drawing with its caption. An Arabic document is right-to-left throughout:
section, paragraphs (w:bidi), runs (w:rtl) and tables (w:bidiVisual).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph

from resilience_app.core.brief.docx.chart_images import chart_png
from resilience_app.core.brief.docx.embedded_fonts import embed_fonts
from resilience_app.core.brief.docx.package_file import save_reproducibly, set_metadata
from resilience_app.core.brief.docx.page_furniture import add_page_furniture
from resilience_app.core.brief.docx.styles import (
    CHART,
    COVER_CITY,
    COVER_NOTICE,
    FACT_TEXT,
    NOTE,
    SENSITIVITY_NOTICE,
    TABLE_TEXT,
    WordStyles,
    family,
)
from resilience_app.core.brief.docx.tables import add_table
from resilience_app.core.brief.docx.text_runs import TextSetter
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
    Table,
)
from resilience_app.core.brief.pdf.style import BriefStyle, load_style
from resilience_app.core.brief.pdf.tables import table_column_widths
from resilience_app.core.i18n import is_rtl

FONT_SLACK = 1.2  # columns measured as if the text were this much larger: a reader without the fonts gets wider ones


class _WordWriter:
    """Adds the blocks of one document to a python-docx document, in the document's language and direction."""

    def __init__(self, word: Document, styles: WordStyles, style_ids: dict[str, str], style: BriefStyle) -> None:
        self.word, self.styles, self.style_ids, self.style = word, styles, style_ids, style
        self.rtl, self.language = styles.rtl, styles.language
        self.width = styles.text_width()
        self.text = text_setter(styles, style)

    def paragraph(self, text: str, style: str, *, bold: bool = False) -> WordParagraph:
        paragraph = self.word.add_paragraph()
        paragraph._p.style = self.style_ids[style]
        self.text.set_direction(paragraph)
        self.text.add(paragraph, text, bold=bold)
        return paragraph

    def cover(self, cover: Cover) -> None:
        if cover.sample_notice:
            self.paragraph(cover.sample_notice, COVER_NOTICE)
        self.paragraph(cover.title, "Title")
        self.paragraph(cover.city, COVER_CITY)
        self.paragraph(cover.subtitle, "Subtitle")
        self.facts(cover.facts)
        if cover.sensitivity_notice:
            self.paragraph(cover.sensitivity_notice, SENSITIVITY_NOTICE)

    def block(self, block: Block, *, after_heading: bool = False, leads_in: bool = False, noted: bool = False) -> None:
        """Add one block; a paragraph right under a heading, or leading into a list or a table, keeps with what follows
        (no stranded heading, no lead-in alone at a page's foot)."""
        if isinstance(block, Heading):
            self.paragraph(block.text, "Heading 2")
        elif isinstance(block, Paragraph):
            paragraph = self.paragraph(block.text, NOTE if block.muted else "Normal")
            paragraph.paragraph_format.keep_with_next = after_heading or leads_in or None
        elif isinstance(block, Bullets):
            for item in block.items:
                self.paragraph(item, "List Bullet")
        elif isinstance(block, Table):
            rows = [block.header, *block.rows]
            bold_rows = tuple(row + 1 for row in block.emphasis)
            widths = table_column_widths(rows, self.style, rtl=self.rtl, available_width=self.width, bold=[index == 0 or index in bold_rows for index in range(len(rows))],
                                         size=self.style.sizes["table"] * FONT_SLACK, unbroken=block.unbroken)
            add_table(self.word, rows, widths, self.style, text=self.text, width=self.width, text_style=self.style_ids[TABLE_TEXT], bold_rows=bold_rows,
                      with_note=noted)
            self.spacer()
        elif isinstance(block, Facts):
            self.facts(block)
            self.spacer()
        else:
            self.chart(block)

    def facts(self, facts: Facts) -> None:
        rows = list(facts.pairs)
        widths = table_column_widths(rows, self.style, rtl=self.rtl, available_width=self.width, bold=[False] * len(rows),
                                     size=self.style.sizes["body"] * FONT_SLACK, unbroken=FACT_LABELS)
        add_table(self.word, rows, widths, self.style, text=self.text, width=self.width, text_style=self.style_ids[FACT_TEXT], header=False)

    def spacer(self) -> None:
        """An empty paragraph after a table (Word joins two tables that touch into one)."""
        self.paragraph("", NOTE).paragraph_format.space_after = Pt(0)

    def chart(self, chart: RadarChart | BarChart | MatrixChart) -> None:
        png = chart_png(chart, self.style, language=self.language, rtl=self.rtl, width=self.width)
        picture = self.paragraph("", CHART)
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = picture.add_run().add_picture(io.BytesIO(png), width=Pt(self.width))
        shape._inline.docPr.set("descr", chart.caption)  # what a screen reader says for the picture
        self.paragraph(chart.caption, "Caption")


def text_setter(styles: WordStyles, style: BriefStyle) -> TextSetter:
    """How text goes into this document's paragraphs: its direction, and the Latin font for what Naskh lacks (as in the PDF)."""
    arabic, latin = style.engine.regular.arabic, style.engine.regular.latin
    return TextSetter(styles.rtl, arabic_lacks=lambda char: not arabic.has_char(char) and latin.has_char(char), fallback_font=styles.latin_font)


LAST_KEPT = 3  # the document's last paragraphs, kept on one page: no last page holds one line alone


def _keep_the_end_together(word: docx.document.Document) -> None:
    body = [paragraph for paragraph in word.paragraphs if paragraph.text.strip()]
    for paragraph in body[-LAST_KEPT:-1]:
        paragraph.paragraph_format.keep_with_next = True


def render_docx(document: BriefDocument, path: Path, *, day: dt.date, style: BriefStyle | None = None) -> None:
    """Write `document` to `path` as a Word document dated `day`."""
    style = style or load_style()
    word = docx.Document()
    styles = WordStyles(style, document.language, is_rtl(document.language))
    style_ids = styles.apply(word)
    writer = _WordWriter(word, styles, style_ids, style)
    add_page_furniture(word.sections[0], document, text=writer.text)
    writer.cover(document.cover)
    for number, section in enumerate(document.sections):
        title = writer.paragraph(section.title, "Heading 1")
        if number == 0:
            title.paragraph_format.page_break_before = True  # the cover is a page of its own
        for index, block in enumerate(section.blocks):
            following = section.blocks[index + 1] if index + 1 < len(section.blocks) else None
            writer.block(block, after_heading=index == 0 or isinstance(section.blocks[index - 1], Heading),
                         leads_in=isinstance(following, Bullets | Table) and isinstance(block, Paragraph) and not block.muted,
                         noted=isinstance(following, Paragraph) and following.muted)
    _keep_the_end_together(word)
    engine = style.engine
    embed_fonts(word, [(family(engine.regular.latin), engine.regular.latin, engine.bold.latin, True),
                       (family(engine.regular.arabic), engine.regular.arabic, engine.bold.arabic, False)])
    set_metadata(word, document, day)
    save_reproducibly(word, str(path), day)
