"""Arabic text cut into Word runs by direction: Latin words left to right, the rest right to left, nothing lost."""

from __future__ import annotations

import pytest

from resilience_app.core.brief.docx.text_runs import direction_runs


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("تقرير مدينة Wadi Al-Zuhur (تجريبي)", ["Wadi Al-Zuhur"]),
        ("ملف Excel ثم CRF ٢٫٠، نعم", ["Excel", "CRF"]),
        ("Testville", ["Testville"]),
        ("«الصدمات» ١٢ من ٣٠", []),
        ("", []),
    ],
)
def test_latin_words_are_left_to_right_runs_and_nothing_is_lost(text: str, latin: list[str]) -> None:
    pieces = direction_runs(text)
    assert "".join(part for part, _rtl in pieces) == text
    assert [part for part, right_to_left in pieces if not right_to_left] == latin
    assert all(part for part, _rtl in pieces)  # no empty run
    assert all(right_to_left != following for (_a, right_to_left), (_b, following) in zip(pieces, pieces[1:], strict=False))
