"""The Word file's package: neutral metadata and the same bytes for the same document on the same day.

python-docx starts from its own template, which says it was written by "python-docx" on a Mac in
2013 and carries a thumbnail of another document, a bibliography part and a second, older copy of
its styles. Those go; the core
properties say what the document is (title, subject, language, keywords) and when it was made
(the export day), never who made it or where it is stored. python-docx stamps each file in the
zip with the time of writing, so the package is written again with the export day's date.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from resilience_app.core.brief.model import BriefDocument

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# The template's picture, its "Microsoft Macintosh Word", its bibliography, and its old copy of the styles (which Word 2010
# would read instead of the brief's).
DROPPED_PARTS = (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES, RT.CUSTOM_XML, STYLES_WITH_EFFECTS)


def set_metadata(word: Document, document: BriefDocument, day: dt.date) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subject
    properties.language = document.language
    properties.keywords = ", ".join(document.keywords)
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.version = ""
    properties.revision = 1
    properties.created = properties.modified = dt.datetime(day.year, day.month, day.day)
    _drop_template_parts(word)


def _drop_template_parts(word: Document) -> None:
    for owner in (word.part.package, word.part):
        for relation_id, relation in list(owner.rels.items()):
            if relation.reltype in DROPPED_PARTS:
                del owner.rels[relation_id]


def save_reproducibly(word: Document, path: str, day: dt.date) -> None:
    """Save the package with every file in it dated the export day (python-docx dates them now)."""
    written = io.BytesIO()
    word.save(written)
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(item.filename))

