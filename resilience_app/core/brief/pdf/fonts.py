"""The brief's fonts: registration with ReportLab, one fallback per script, searchable glyph codes.

ReportLab embeds a subset of each TrueType font it draws with. Shaped Arabic uses
contextual glyphs (initial, medial, final forms, lam-alef pieces) that the font's
character map does not reach, so each such glyph is drawn through a private-use
code of its own. The PDF's ToUnicode map then has to say which *text* each of those
codes stands for, or a reader's search and copy would see private-use characters
(or presentation forms). ReportLab writes that map with one character per code and
has no hook for it, so `_to_unicode_cmap` replaces its writer: the same CMap, with
the text we recorded for our codes (several characters for a ligature, or for a letter
and the vowel marks drawn over it, listed as readers expect them: `to_unicode.as_read`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

# Private-use codes we hand out, across every font, and the text each one stands for.
_FIRST_PRIVATE_CODE = 0xE000
_LAST_PRIVATE_CODE = 0xF8FF
_text_of_code: dict[int, str] = {}
_next_code = [_FIRST_PRIVATE_CODE]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with our private codes mapped to the text they draw."""

    def target(code: int) -> str:
        text = _text_of_code.get(code, chr(code))
        return text.encode("utf-16-be").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{target(code)}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class FontFileError(Exception):
    """A font file of the style is missing or unreadable (a broken installation, not user input)."""


@dataclass(eq=False)  # one object per file: compared and hashed by identity
class BriefFont:
    """One registered TrueType face, with what shaping and drawing need."""

    name: str
    path: Path
    ttf: TTFont = field(repr=False)
    hb_font: hb.Font = field(repr=False)
    units_per_em: int
    ascent: float  # per 1000 units of size
    descent: float
    scale: float = 1.0  # drawn at this multiple of the requested size (Naskh looks small beside Latin)
    _codes: dict[tuple[int, str], int] = field(default_factory=dict, repr=False)

    def has_char(self, char: str) -> bool:
        return ord(char) in self.ttf.face.charToGlyph

    def is_mark_glyph(self, glyph: int) -> bool:
        """Whether the font classes `glyph` as a mark: one drawn over or under a letter (a
        hamza with its damma, say), whatever character it was shaped from."""
        return bool(self.hb_font.face.get_layout_glyph_class(glyph) == hb.OTLayoutGlyphClass.MARK)

    def to_thousandths(self, font_units: float) -> float:
        return font_units * 1000 / self.units_per_em

    def code_for(self, glyph: int, text: str) -> str:
        """The character to draw `glyph` with, so that the PDF reads it back as `text`."""
        face = self.ttf.face
        if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
            return text
        key = (glyph, text)
        code = self._codes.get(key)
        if code is None:
            code = _new_private_code(face)
            face.charToGlyph[code] = glyph
            face.charWidths[code] = self.to_thousandths(self.hb_font.get_glyph_h_advance(glyph))
            _text_of_code[code] = text
            self._codes[key] = code
        return chr(code)

    def width_of_code(self, code: str) -> float:
        return float(self.ttf.face.charWidths.get(ord(code), 0))


def _new_private_code(face: ttfonts.TTFontFace) -> int:
    code = _next_code[0]
    while code in face.charToGlyph or code in _text_of_code:
        code += 1
    if code > _LAST_PRIVATE_CODE:
        raise RuntimeError("out of private-use codes for shaped glyphs")
    _next_code[0] = code + 1
    return code


_registered: dict[Path, BriefFont] = {}


def load_font(path: Path, *, scale: float = 1.0) -> BriefFont:
    """Register the TrueType file at `path` with ReportLab once per process and return it."""
    path = path.resolve()
    font = _registered.get(path)
    if font is not None:
        font.scale = scale
        return font
    try:
        data = path.read_bytes()
        ttf = TTFont(path.stem, str(path), shapable=True)
    except (OSError, ttfonts.TTFError) as error:
        raise FontFileError(f"cannot load the font {path}: {error}") from error
    pdfmetrics.registerFont(ttf)
    face = hb.Face(hb.Blob(data))
    units = face.upem
    font = BriefFont(
        name=path.stem,
        path=path,
        ttf=ttf,
        hb_font=hb.Font(face),
        units_per_em=units,
        ascent=float(ttf.face.ascent),
        descent=float(ttf.face.descent),
        scale=scale,
    )
    _registered[path] = font
    return font


def is_arabic_script(char: str) -> bool:
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


# Characters that take the font of the text around them: spaces, punctuation, digits, marks.
_NEUTRAL_CLASSES = frozenset({"EN", "ES", "ET", "CS", "NSM", "BN", "B", "S", "WS", "ON"})


def is_neutral(char: str) -> bool:
    return unicodedata.bidirectional(char) in _NEUTRAL_CLASSES and not is_arabic_script(char)


@dataclass(frozen=True)
class FontPair:
    """The faces of one weight: a Latin face and an Arabic face that fall back to each other."""

    latin: BriefFont
    arabic: BriefFont

    def for_char(self, char: str, neighbour: BriefFont | None, prefer_arabic: bool) -> BriefFont | None:
        """The face to draw `char` with, or None when neither face has it."""
        order: tuple[BriefFont, ...]
        if is_arabic_script(char):
            order = (self.arabic, self.latin)
        elif is_neutral(char):
            first = neighbour or (self.arabic if prefer_arabic else self.latin)
            order = (first, self.latin, self.arabic)
        else:
            order = (self.latin, self.arabic)
        for font in order:
            if font.has_char(char):
                return font
        return None
