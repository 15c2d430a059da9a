"""The running header (the brief's title) and footer ("Page X of Y" with Word's own page fields).

Word counts the pages when it lays the document out, so the footer holds PAGE and NUMPAGES fields
inside the brief's translated label; the cover, a page of its own, shows neither. Both sit at the
paragraph's end, the outer edge the PDF puts them on: the right in English, the left in Arabic (Word
reads `right` as the end of a right-to-left paragraph).
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.paragraph import Paragraph

from resilience_app.core.brief.docx.text_runs import add_text, set_direction
from resilience_app.core.brief.model import BriefDocument
from resilience_app.core.formatting import format_number

FIELDS = {"number": "PAGE", "total": "NUMPAGES"}


def add_page_furniture(section: Section, document: BriefDocument, *, rtl: bool) -> None:
    header = section.header.paragraphs[0]
    header.style = "Header"
    set_direction(header, rtl=rtl)
    add_text(header, document.title, rtl=rtl)
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    set_direction(footer, rtl=rtl)
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # the end of the line, whichever the direction
    for part in re.split(r"(\{number\}|\{total\})", document.page_label):
        name = part.strip("{}")
        if name in FIELDS and part.startswith("{"):
            _add_field(footer, FIELDS[name], format_number(1, language=document.language), rtl=rtl)
        elif part:
            add_text(footer, part, rtl=rtl)


def _add_field(paragraph: Paragraph, instruction: str, shown: str, *, rtl: bool) -> None:
    """A field Word updates when it lays out the page (`shown` stands until it does)."""

    def field_char(kind: str) -> None:
        paragraph.add_run()._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))

    field_char("begin")
    instruction_run = paragraph.add_run()
    text = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
    text.text = f" {instruction} "
    instruction_run._r.append(text)
    field_char("separate")
    add_text(paragraph, shown, rtl=rtl)
    field_char("end")
