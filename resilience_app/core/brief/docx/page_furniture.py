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

from resilience_app.core.brief.docx.text_runs import TextSetter
from resilience_app.core.brief.model import BriefDocument
from resilience_app.core.formatting import format_number

FIELDS = {"number": "PAGE", "total": "NUMPAGES"}


def add_page_furniture(section: Section, document: BriefDocument, *, text: TextSetter) -> None:
    header = section.header.paragraphs[0]
    header.style = "Header"
    text.set_direction(header)
    text.add(header, document.title)
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    text.set_direction(footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # the end of the line, whichever the direction
    for part in re.split(r"(\{number\}|\{total\})", document.page_label):
        name = part.strip("{}")
        if name in FIELDS and part.startswith("{"):
            _add_field(footer, FIELDS[name], format_number(1, language=document.language), text=text)
        elif part:
            text.add(footer, part)


def _add_field(paragraph: Paragraph, instruction: str, shown: str, *, text: TextSetter) -> None:
    """A field Word updates when it lays out the page (`shown` stands until it does)."""

    def field_char(kind: str) -> None:
        paragraph.add_run()._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))

    field_char("begin")
    instruction_run = paragraph.add_run()
    code = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    instruction_run._r.append(code)
    field_char("separate")
    text.add(paragraph, shown)
    field_char("end")
