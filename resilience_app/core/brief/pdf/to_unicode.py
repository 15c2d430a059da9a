"""The text a glyph's ToUnicode entry lists, so that copying and search give the text drawn.

Most glyphs stand for one character. A glyph that stands for several (a ligature, or an
Arabic letter with the vowel marks drawn over it as outlines) lists them in the order
PDF readers expect, checked with poppler (`pdftotext`, Evince, Okular) and PDFium
(Chrome, Edge): `as_read`.
"""

from __future__ import annotations

import unicodedata

RIGHT_TO_LEFT_MARK = "\u200f"
_RTL_LETTERS = frozenset({"R", "AL"})  # bidirectional classes of right-to-left letters


def as_read(text: str, *, rtl: bool, ends_word: bool = False) -> str:
    """What a glyph's ToUnicode entry lists so that readers extract `text` (logical order).

    Readers take the characters of a glyph that stands for several as laid out from left to
    right (except a ligature of right-to-left letters only, which they lay out from the right),
    then read a right-to-left line from the right, each vowel mark after the letter to its right.
    A right-to-left glyph of letters and their marks therefore lists its letters from the left,
    each after its marks: «بّ» (beh, shadda) is listed shadda, beh. Poppler gives two marks of
    one letter back in the other order (shadda, fatha for fatha, shadda): canonically the same text.

    A mark that ends a word (`ends_word`: no right-to-left letter follows) would be the leftmost
    character of its word, where a reader's own bidirectional pass can move it across a comma
    (PDFium) or to the other end of the line (poppler); an invisible right-to-left mark to its
    left keeps it in its word.
    """
    if not rtl or len(text) < 2 or all(is_rtl_letter(char) for char in text):
        return text
    listed = "".join(letter[1:] + letter[0] for letter in reversed(_letters_with_marks(text)))
    if ends_word and is_mark(text[-1]):
        return RIGHT_TO_LEFT_MARK + listed
    return listed


def _letters_with_marks(text: str) -> list[str]:
    """`text` cut before every character that is not a mark."""
    letters: list[str] = []
    for char in text:
        if letters and is_mark(char):
            letters[-1] += char
        else:
            letters.append(char)
    return letters


def is_mark(char: str) -> bool:
    """A vowel mark (or another non-spacing mark): drawn over or under the letter before it."""
    return unicodedata.category(char) == "Mn"


def is_rtl_letter(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_LETTERS
