"""Read an exported Word document back: with python-docx as an editor would, and printed to PDF by LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from resilience_app.core import resources

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Writer (soffice) is not installed")


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def every_paragraph(document: Document) -> Iterator[Paragraph]:
    """The body's paragraphs, those in table cells, and those of the headers and footers the document has."""
    yield from document.paragraphs
    for table in document.tables:
        yield from table_paragraphs(table)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:  # reading one the document lacks would add it
                yield from part.paragraphs


def table_paragraphs(table: Table) -> Iterator[Paragraph]:
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs


def has_property(element: object, path: str) -> bool:
    """True when `element` (an lxml element) has a descendant at `path` (e.g. "w:pPr/w:bidi") whose w:val is not off."""
    found = element.find("/".join(qn(step) for step in path.split("/")))  # type: ignore[attr-defined]
    return found is not None and found.get(qn("w:val")) not in ("0", "false", "off")


def package_text(path: Path) -> str:
    """Every XML part of the package, as text (to look for what must not be there)."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist() if name.endswith((".xml", ".rels")))


# LibreOffice's own dependencies (DejaVu, and OpenSymbol for bullets): a machine with no other font.
BARE_FONTS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/libreoffice"))


def to_pdf(sources: list[Path], folder: Path, *, with_fonts: bool = True) -> dict[Path, Path]:
    """Each document printed to PDF by LibreOffice, with the brief's fonts installed (as on a machine that has them),
    or, without `with_fonts`, on a machine that has none but DejaVu (as a ministry's computer lacks Noto)."""
    fonts = folder / "fonts.conf"
    where = (f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{resources.assets_dir() / "fonts"}</dir>' if with_fonts
             else "".join(f"<dir>{directory}</dir>" for directory in BARE_FONTS))
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"{where}<cachedir>{folder / 'font-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    out = folder / "pdf"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(out),
         *map(str, sources)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "FONTCONFIG_FILE": str(fonts)},
    )
    return {source: out / f"{source.stem}.pdf" for source in sources}
