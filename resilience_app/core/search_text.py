"""Forgiving text search: case, Arabic diacritics, letter variants and digit scripts do not matter.

A user typing "مياه" finds "المياه" and "ميَاه"; typing "اسكان" finds "إسكان"; "١٫١" finds "1.1".
"""

from __future__ import annotations

import re
import unicodedata

from resilience_app.core.formatting import latin_digits

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_LETTER_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "٫": ".", "،": ","})


def normalise_for_search(text: str) -> str:
    # invisible direction marks and zero-width characters, which come along with copied Arabic, match nothing
    text = "".join(char for char in unicodedata.normalize("NFKC", text) if unicodedata.category(char) != "Cf")
    text = _ARABIC_MARKS.sub("", text).translate(_LETTER_VARIANTS)
    return latin_digits(text).casefold()


def matches(query: str, *texts: str) -> bool:
    """Every word of `query` appears in one of `texts` (an empty query matches everything)."""
    words = normalise_for_search(query).split()
    haystack = " ".join(normalise_for_search(text) for text in texts)
    return all(word in haystack for word in words)
