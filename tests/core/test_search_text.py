"""Searching questions the way people type: without diacritics, hamza forms or a fixed digit script."""

from __future__ import annotations

from resilience_app.core.search_text import matches


def test_arabic_is_found_without_diacritics_hamza_or_taa_marbuta() -> None:
    assert matches("اسكان", "سياسة الإسكان الميسّر")
    assert matches("مياه الشرب", "هل مِياهُ الشربِ آمنة؟")
    assert matches("مدرسه", "مدرسة")
    assert not matches("كهرباء", "سياسة الإسكان")


def test_case_digits_and_every_word_count() -> None:
    assert matches("HOUSING policy", "Housing", "a policy for the city")
    assert matches("١.١", "1.1.2")
    assert not matches("housing water", "Housing only")
    assert matches("", "anything")


def test_invisible_marks_copied_with_arabic_text_do_not_stop_a_match() -> None:
    assert matches("\u200fwater", "Water scarcity") and matches("wa\u200bter", "Water scarcity")
    assert matches("\u200eمياه", "شحّ المياه")
