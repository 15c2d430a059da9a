"""The guide "How an assessment runs" ships in every language, with the same steps in each."""

from __future__ import annotations

import re

from resilience_app.core.help_texts import guide_file, guide_text
from resilience_app.core.i18n import SUPPORTED_LANGUAGES

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _steps(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("## ")]


def test_the_guide_has_the_same_steps_in_every_language() -> None:
    steps = {language: _steps(guide_text(language)) for language in SUPPORTED_LANGUAGES}
    assert len(steps["en"]) == 7
    assert {len(found) for found in steps.values()} == {7}
    assert all(guide_file(language).is_file() for language in SUPPORTED_LANGUAGES)


def test_each_guide_is_written_in_its_language() -> None:
    english, arabic = guide_text("en"), guide_text("ar")
    assert not ARABIC_LETTER.search(english)
    assert arabic.startswith("# كيف يسير التقييم")
    # Arabic prose, with only key names, product names and framework names in Latin letters
    latin_words = set(re.findall(r"[A-Za-z][A-Za-z0-9+]*", arabic))
    assert latin_words <= {"Ctrl+N", "Ctrl+Z", "Ctrl+E", "N", "Page", "Down", "Excel", "Word", "PDF", "Power", "BI", "F5", "F6", "F7"}


def test_a_language_without_a_guide_reads_the_english_one() -> None:
    assert guide_text("fr") == guide_text("en")
