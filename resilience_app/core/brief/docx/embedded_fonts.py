"""The brief's fonts travel inside the Word file, so a reader who lacks them sees the pages the PDF shows.

A ministry's computer rarely has Noto Sans or Noto Naskh Arabic; without them Word and LibreOffice
substitute wider fonts, and the columns sized for Noto break words in two. Word files may carry
their fonts (ECMA-376 Part 1, 17.8.1): each is a font part, "obfuscated" by XOR-ing its first 32
bytes with a key taken from a GUID the font table names beside it, and the settings say the file
embeds TrueType fonts. Noto Naskh Arabic goes whole (it is small, and the CRO who edits in Arabic
needs every letter); Noto Sans, large for its many scripts, goes as the Latin a reader types in
English or French (hence "subsetted"). Both are under the SIL Open Font License, which allows it
(`assets/fonts/OFL.txt`). The GUIDs come from the font's name, so the same document gives the same file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

import uharfbuzz as hb
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from resilience_app.core.brief.docx.ooxml import set_property
from resilience_app.core.brief.pdf.fonts import BriefFont

FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
OBFUSCATED_BYTES = 32
KEY_NAMESPACE = uuid.UUID("6f1f6d3c-5a57-4c8e-9d0e-2b1c3a4d5e6f")  # the app's own: keys made from a font's name
# What a reader may type in a Latin-script run: Latin letters with their accents, punctuation, currency and arrows.
LATIN_TYPED = (range(0x20, 0x7F), range(0xA0, 0x250), range(0x2000, 0x2070), range(0x20A0, 0x20D0), range(0x2190, 0x2200),
               range(0x2212, 0x2213), range(0x25A0, 0x2600))
# The schema's order of a font's children and of the settings' first children (a new one goes before those after it).
FONT_ORDER = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular", "embedBold", "embedItalic",
              "embedBoldItalic")
SETTINGS_ORDER = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
                  "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
                  "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                  "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
                  "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
                  "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves",
                  "doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop")


def embed_fonts(word: Document, families: Iterable[tuple[str, BriefFont, BriefFont, bool]]) -> None:
    """Put each family's regular and bold faces in the package (`subset` keeps only the Latin a reader types)."""
    part = word.part
    table_relation = next(relation_id for relation_id, relation in part.rels.items() if relation.reltype == RT.FONT_TABLE)
    old_table = part.rels[table_relation].target_part
    fonts = parse_xml(old_table.blob)
    table = XmlPart(PackURI("/word/fontTable.xml"), old_table.content_type, fonts, part.package)
    number = 0
    for name, regular, bold, subset in families:
        entry = _font_entry(fonts, name)
        for tag, face in (("embedRegular", regular), ("embedBold", bold)):
            number += 1
            key = uuid.uuid5(KEY_NAMESPACE, f"{name} {tag}")
            data = _latin_subset(face.path) if subset else face.path.read_bytes()
            font_part = Part(PackURI(f"/word/fonts/font{number}.odttf"), FONT_CONTENT_TYPE, obfuscate(data, key), part.package)
            embed = set_property(entry, tag, FONT_ORDER, fontKey="{" + str(key).upper() + "}", **({"subsetted": "true"} if subset else {}))
            embed.set(qn("r:id"), table.relate_to(font_part, RT.FONT))
    part.drop_rel(table_relation)
    part.relate_to(table, RT.FONT_TABLE)
    set_property(word.settings.element, "embedTrueTypeFonts", SETTINGS_ORDER)


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """The font as a Word package stores it: its first 32 bytes XOR-ed with the key's 16 bytes, read from the GUID's end."""
    digits = key.hex
    key_bytes = bytes(int(digits[index : index + 2], 16) for index in range(30, -1, -2))
    head = bytes(byte ^ key_bytes[index % 16] for index, byte in enumerate(data[:OBFUSCATED_BYTES]))
    return head + data[OBFUSCATED_BYTES:]


def _latin_subset(path: Path) -> bytes:
    wanted = hb.SubsetInput()
    for block in LATIN_TYPED:
        wanted.unicode_set.add_range(block.start, block.stop - 1)
    return bytes(hb.subset(hb.Face(path.read_bytes()), wanted).blob.data)


def _font_entry(fonts: BaseOxmlElement, name: str) -> BaseOxmlElement:
    """The font table's entry for `name`, added when the template has none."""
    found: BaseOxmlElement | None = next((entry for entry in fonts.findall(qn("w:font")) if entry.get(qn("w:name")) == name), None)
    if found is None:
        found = OxmlElement("w:font", attrs={qn("w:name"): name})
        fonts.append(found)
    return found
