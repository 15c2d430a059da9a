"""The brief's register section says how stresses are rated, read back from the sample's PDF as a reader copies it."""

from __future__ import annotations

from pathlib import Path

import pytest

from resilience_app.core.brief.build_register import MATRIX_CAPTIONS
from resilience_app.core.i18n import translate_in
from resilience_app.core.register.labels import TREND_RATING_NAMES
from tests.brief.pdf_reader import needs_poppler, page_text, plain

pytestmark = needs_poppler


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_register_section_says_stresses_are_rated_on_trend_and_severity(sample_briefs: dict[str, Path], language: str) -> None:
    # Compared without spaces: poppler may drop the space between an Arabic word and a digit in brackets ("(١) إلى").
    text = "".join(plain(page_text(sample_briefs[language])).split())

    def t(message: str) -> str:
        return "".join(plain(translate_in(language, message)).split())

    for kind in ("shock", "stress"):  # a matrix for each, captioned with how it is rated
        assert t(MATRIX_CAPTIONS[kind]) in text
    assert t("Trend") in text and t("Severity") in text and t("Likelihood") in text
    for level in (1, 5):  # the stresses' matrix names its trend levels on its axis
        assert t(TREND_RATING_NAMES[level]) in text
    if language == "en":
        assert t("Priority is likelihood times impact for a shock and severity times trend for a stress") in text
