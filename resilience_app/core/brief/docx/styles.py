"""The Word document's named styles and page, from the brief's style file (`assets/brief-style.yaml`).

The same sizes, colours, margins and fonts as the PDF, put in Word's own styles (Normal, Heading 1
and 2, Title, Caption, List Bullet, Header, Footer and a few of the brief's), so that what the CRO
types while editing looks like the rest and a table of contents finds the headings. Every style
names Noto Sans for Latin and Noto Naskh Arabic for complex-script text, with the Arabic size
scaled as the PDF scales it; in an Arabic document the styles and the section are right-to-left.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from reportlab.lib.colors import Color

from resilience_app.core.brief.docx.ooxml import (
    PARAGRAPH,
    RUN,
    SECTION,
    set_bold,
    set_colour,
    set_fonts,
    set_paragraph_border,
    set_property,
    set_sizes,
)
from resilience_app.core.brief.pdf.fonts import BriefFont
from resilience_app.core.brief.pdf.style import BriefStyle

# The language Word checks spelling in and labels the text with: Latin text, and complex-script (bidi) text.
LATIN_LANGUAGE = {"en": "en-GB", "ar": "en-GB"}
ARABIC_LANGUAGE = "ar-SA"

NOTE, TABLE_TEXT, FACT_TEXT, CHART = "Brief Note", "Brief Table Text", "Brief Fact", "Brief Chart"
COVER_CITY, COVER_NOTICE, SENSITIVITY_NOTICE = "Brief Cover City", "Brief Sample Notice", "Brief Sensitivity Notice"


def hex_colour(colour: Color) -> str:
    """`#0f5c73` as Word writes it: 0F5C73."""
    return str(colour.hexval())[2:].upper()


def family(font: BriefFont) -> str:
    """The family name a word processor finds the font by (Noto Sans, Noto Naskh Arabic)."""
    name = font.ttf.face.familyName
    return name.decode("utf-8") if isinstance(name, bytes) else str(name)


@dataclass(frozen=True)
class Look:
    size: str  # a size name of the style file
    colour: str = "text"
    bold: bool = False
    before: float = 0
    after: float = 0
    keep_with_next: bool = False
    rule_below: bool = False  # an accent line under the paragraph (section titles, the cover's subtitle)


def _looks(style: BriefStyle) -> dict[str, Look]:
    spacing = style.spacing
    return {
        "Normal": Look("body", after=spacing["paragraph"]),
        "Heading 1": Look("section_title", "accent", bold=True, before=spacing["block"] * 2, after=spacing["section_after_title"], keep_with_next=True,
                          rule_below=True),
        "Heading 2": Look("heading", "accent", bold=True, before=spacing["heading_before"], after=spacing["heading_after"], keep_with_next=True),
        "Title": Look("cover_title", "accent", bold=True, after=10),
        "List Bullet": Look("body", after=2),
        "Caption": Look("small", "muted", before=4, after=spacing["block"]),
        "Header": Look("header", "muted"),
        "Footer": Look("header", "muted"),
        NOTE: Look("small", "muted", after=spacing["paragraph"]),
        TABLE_TEXT: Look("table"),
        FACT_TEXT: Look("body"),
        COVER_CITY: Look("cover_city", bold=True, after=8),
        COVER_NOTICE: Look("heading", "sample", bold=True, after=14),
        SENSITIVITY_NOTICE: Look("body", "sample", bold=True, before=spacing["block"] * 2),
        CHART: Look("body", keep_with_next=True),
        "Subtitle": Look("heading", "muted", after=30, rule_below=True),
    }


class WordStyles:
    """Sets the document's defaults, styles and page for one language."""

    def __init__(self, style: BriefStyle, language: str, rtl: bool) -> None:
        self.style, self.language, self.rtl = style, language, rtl
        self.latin_font = family(style.engine.regular.latin)
        self.arabic_font = family(style.engine.regular.arabic)
        self.arabic_scale = style.engine.regular.arabic.scale

    def apply(self, document: Document) -> dict[str, str]:
        """Set the defaults, styles and page; returns each style's id by name (python-docx finds a style by name slowly)."""
        self._defaults(document)
        ids = {name: self._paragraph_style(document, name, look) for name, look in _looks(self.style).items()}
        self._page(document)
        return ids

    def _run_properties(self, properties: BaseOxmlElement, look: Look) -> None:
        size = self.style.sizes[look.size]
        set_fonts(properties, latin=self.latin_font, arabic=self.arabic_font)
        set_bold(properties, look.bold)
        set_colour(properties, hex_colour(self.style.colour(look.colour)))
        set_sizes(properties, latin=size, arabic=size * self.arabic_scale)

    def _defaults(self, document: Document) -> None:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        assert defaults is not None, "python-docx's template has document defaults"
        run_properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._run_properties(run_properties, Look("body"))
        set_property(run_properties, "lang", RUN, val=LATIN_LANGUAGE[self.language], eastAsia=LATIN_LANGUAGE[self.language], bidi=ARABIC_LANGUAGE)
        paragraph_properties = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        set_property(paragraph_properties, "spacing", PARAGRAPH, after="0", line="240", lineRule="auto")
        if self.rtl:
            set_property(paragraph_properties, "bidi", PARAGRAPH)

    def _paragraph_style(self, document: Document, name: str, look: Look) -> str:
        styles = document.styles
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.quick_style = True
        assert isinstance(style, ParagraphStyle)
        element = style.element
        element._remove_rPr()
        self._run_properties(element.get_or_add_rPr(), look)
        paragraph_properties = element.get_or_add_pPr()
        for tag in ("pBdr", "contextualSpacing", "numPr") if name in ("Title", "Subtitle") else ("pBdr", "contextualSpacing"):
            for old in paragraph_properties.findall(qn(f"w:{tag}")):
                paragraph_properties.remove(old)
        if look.rule_below:
            set_paragraph_border(paragraph_properties, side="bottom", hex_colour=hex_colour(self.style.colour("accent")), eighths_of_a_point=8)
        set_property(paragraph_properties, "spacing", PARAGRAPH, before=str(round(look.before * 20)), after=str(round(look.after * 20)),
                     line="240", lineRule="auto")
        if look.keep_with_next:
            style.paragraph_format.keep_with_next = True
        if self.rtl:  # what the CRO types in an Arabic document starts at the right too
            set_property(paragraph_properties, "bidi", PARAGRAPH)
        return str(style.style_id)

    def _page(self, document: Document) -> None:
        section = document.sections[0]
        width, height = self.style.page_size
        margins = self.style.margins
        section.page_width, section.page_height = Pt(width), Pt(height)
        start, end = margins["inner"], margins["outer"]  # the PDF's inner margin is on the start side (the right in Arabic)
        section.left_margin, section.right_margin = (Pt(end), Pt(start)) if self.rtl else (Pt(start), Pt(end))
        section.top_margin, section.bottom_margin = Pt(margins["top"]), Pt(margins["bottom"])
        section.header_distance, section.footer_distance = Pt(margins["top"] / 2), Pt(margins["bottom"] / 2)
        section.different_first_page_header_footer = True  # the cover has no running header or page number
        if self.rtl:
            set_property(section._sectPr, "bidi", SECTION)

    def text_width(self) -> float:
        """The width between the margins, in points: tables and charts fill it, as in the PDF."""
        margins = self.style.margins
        return float(self.style.page_size[0] - margins["inner"] - margins["outer"])
