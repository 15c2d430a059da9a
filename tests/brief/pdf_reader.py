"""Read an exported PDF back as a reader would: its text (poppler's pdftotext, and PDFium's as
Chrome and Edge copy it) and its fonts."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts) is not installed")


def plain(text: str, *, marks: bool = False) -> str:
    """The words of a text, as a search compares them: no direction controls, no punctuation
    (pdftotext's own bidi pass may put a space on the other side of a comma or colon next to
    Arabic, which changes no word), single spaces; Arabic vowel marks left out, or with `marks`
    kept in their canonical order (poppler gives two marks of one letter in the other order)."""
    text = unicodedata.normalize("NFC", text.translate(BIDI_CONTROLS))
    text = "".join(" " if unicodedata.category(char).startswith("P") else char for char in text if marks or unicodedata.category(char) != "Mn")
    return " ".join(text.split())


def page_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True).stdout


def text_lines(path: Path, page: int) -> list[str]:
    return [plain(line) for line in page_text(path, page, page).splitlines() if plain(line)]


def pdfium_text(path: Path) -> str:
    """Every page's text as PDFium (Chrome's and Edge's PDF engine) extracts it, a line a line."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document)
    finally:
        document.close()


def fonts(path: Path) -> list[dict[str, str]]:
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    rows = []
    for line in output:
        parts = line.split()
        # name type [type…] encoding emb sub uni object id
        rows.append({"name": parts[0], "embedded": parts[-5], "subset": parts[-4], "unicode": parts[-3]})
    return rows


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
