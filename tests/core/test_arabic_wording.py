"""Arabic wording rules that hold for every text the app ships (issue 19, wording)."""

from __future__ import annotations

import re

from tests.core.arabic_texts import all_arabic

# Tanween al-fath is written on the letter before the alif («جزئيًا»), never on the alif («جزئياً»): one spelling.
FATHATAN_ON_ALIF = re.compile("ا\u064b")


def test_tanween_is_written_on_the_letter_before_the_alif() -> None:
    assert FATHATAN_ON_ALIF.search("قائم جزئياً") and not FATHATAN_ON_ALIF.search("قائم جزئيًا")
    found = [(where, text[max(0, match.start() - 12) : match.end() + 12]) for where, text in all_arabic() if (match := FATHATAN_ON_ALIF.search(text))]
    assert found == []
