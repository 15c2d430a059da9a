"""The brief's figures carry their scale, readable and in the brief's digits (read back with poppler)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from resilience_app.core.brief.model import BarChart, BriefDocument
from tests.brief.conftest import LANGUAGES
from tests.brief.page_layout import Page, TextLine
from tests.brief.pdf_reader import needs_poppler

pytestmark = needs_poppler
DIGITS = {"en": "0123456789", "ar": "٠١٢٣٤٥٦٧٨٩"}
LEVELS = [0, 1, 2, 3, 4, 5]
RAY_STEP = 12  # points a ring's number moves sideways from the one below it, at most (the ray leans a little)
READABLE = 0.95  # of the running header's height: the smallest text a reader is asked to read


def _number(token: str, language: str) -> int | None:
    """`token` as a whole number when it is written in the digits of `language` alone (a change's scale has a sign)."""
    digits = DIGITS[language]
    token = token.strip("\u061c\u200e\u200f\u2066\u2067\u2068\u2069")
    minus = ("-", "\u2212")
    sign = -1 if token[:1] in minus or token[-1:] in minus else 1  # a right-to-left line may print the sign after
    token = token.strip("".join(minus)) if sign < 0 else token.strip("+")  # a rise is marked "+1"
    if not token or any(char not in digits for char in token):
        return None
    return sign * int("".join(str(digits.index(char)) for char in token))


def _numbers_only(line: TextLine, language: str) -> list[int] | None:
    numbers = [_number(token, language) for token in line.text.split()]
    return None if not numbers or None in numbers else [number for number in numbers if number is not None]


def _scales(page: Page, language: str) -> list[list[int]]:
    """Rows of numbers standing alone at one height, from 0 (or through it, for a change) in even steps: the scales under bars."""
    rows: dict[int, list[int]] = defaultdict(list)
    for line in page.lines:
        numbers = _numbers_only(line, language)
        if numbers is not None:
            rows[round(line.bottom)] += numbers
    scales = []
    for numbers in rows.values():
        values = sorted(numbers)
        steps = {later - earlier for earlier, later in zip(values, values[1:], strict=False)}
        if len(values) >= 3 and values[0] <= 0 <= values[-1] and 0 in values and len(steps) == 1 and 0 not in steps:
            scales.append(values)
    return scales


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_bar_chart_shows_its_scale_in_the_briefs_digits(
    sample_documents: dict[str, BriefDocument], sample_pages: dict[str, list[Page]], language: str
) -> None:
    charts = [block for section in sample_documents[language].sections for block in section.blocks if isinstance(block, BarChart)]
    scales = [scale for page in sample_pages[language] for scale in _scales(page, language)]
    assert len(scales) >= len(charts) > 0  # a chart split across pages shows its scale on each
    assert LEVELS in scales  # the levels' bars: 0 to 5
    longest = max(bar.value or 0 for chart in charts for bar in chart.bars)
    assert max(scale[-1] for scale in scales) >= longest  # no bar runs past its scale's last number (14 dots: 0–15)
    other = next(other for other in LANGUAGES if other != language)
    assert [scale for page in sample_pages[language] for scale in _scales(page, other)] == []


def _ring_numbers(page: Page, language: str) -> list[TextLine]:
    """Lines holding a single level from 1 to 5 that climb from the wheel's centre, 1 nearest, along one ray (each a
    little above and to the same side of the one before; a table's column of ranks runs down the page): the wheel's rings."""
    singles = [line for line in page.lines if (_numbers_only(line, language) or [0])[0] in LEVELS[1:] and len(line.text.split()) == 1]
    by_level = {level: [line for line in singles if _number(line.text, language) == level] for level in LEVELS[1:]}
    for first in by_level[LEVELS[1]]:
        chain = [first]
        for level in LEVELS[2:]:
            step = [line for line in by_level[level] if line.top < chain[-1].top and abs(line.left - chain[-1].left) <= RAY_STEP]
            if not step:
                break
            chain.append(min(step, key=lambda line: chain[-1].top - line.top))
        sides = {(later.left > earlier.left) for earlier, later in zip(chain, chain[1:], strict=False) if abs(later.left - earlier.left) > 0.5}
        if len(chain) == len(LEVELS) - 1 and len(sides) <= 1:
            return chain
    return []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wheels_rings_are_numbered_as_large_as_the_text_around_them(sample_pages: dict[str, list[Page]], language: str) -> None:
    wheels = [(page, _ring_numbers(page, language)) for page in sample_pages[language] if _ring_numbers(page, language)]
    assert len(wheels) == 1  # the profile's (the brief's change since the baseline draws bars of change, not a second wheel)
    for page, rings in wheels:
        header = page.blocks[0].lines[0]
        assert min(ring.bottom - ring.top for ring in rings) >= READABLE * (header.bottom - header.top)
