"""What a reader gets when they copy or search the brief: the text as written, vowel marks included.

The brief is read back with poppler (`pdftotext`: Evince, Okular, most Linux viewers) and
PDFium (Chrome and Edge). Arabic vowel marks (shadda, tanween, fatha …) are drawn as outlines;
the text of each mark travels with its letter, so a copied name reads «الفعّالة», not «الفعالة»,
whichever reader made the copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content
from tests.brief.conftest import EXPORT_DAY
from tests.brief.pdf_reader import needs_poppler, page_text, pdfium_text, plain

READERS: dict[str, Callable[[Path], str]] = {"poppler": page_text, "pdfium": pdfium_text}


def _framework_texts(language: str) -> tuple[list[str], list[str]]:
    """The framework's goal and quality names (short: each on one line of the brief), and its
    sentences the brief prints (the qualities' descriptions, every question in the appendix)."""
    framework = load_content([resources.forms_dir()]).content.frameworks[0]
    names = [goal.name.in_language(language) for goal in framework.goals()]
    names += [quality.name.in_language(language) for quality in framework.qualities]
    sentences = [quality.description.in_language(language) for quality in framework.qualities]
    sentences += [question.prompt.in_language(language) for question in framework.questions()]
    return names, sentences


_DIGITS_APART = re.compile(r"(?<=[0-9\u0660-\u0669])(?=[^\s0-9\u0660-\u0669])")


def _has_marks(text: str) -> bool:
    return any(unicodedata.category(char) == "Mn" for char in text)


@pytest.fixture(scope="module", params=[pytest.param("poppler", marks=needs_poppler), "pdfium"])
def reader(request: pytest.FixtureRequest) -> Callable[[Path], str]:
    return READERS[request.param]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_name_of_the_framework_copies_whole_on_one_line_with_its_vowel_marks(
    sample_briefs: dict[str, Path], reader: Callable[[Path], str], language: str
) -> None:
    """«تعزيز القيادة والإدارة الفعّالة», «والمشيَّدة» (two marks on one letter): each name is found
    within one line, first word first, every mark on its letter."""
    names, _ = _framework_texts(language)
    if language == "ar":
        assert sum(map(_has_marks, names)) >= 4  # the check covers vowelled names, not only bare ones
    lines = [plain(line, marks=True) for line in reader(sample_briefs[language]).splitlines()]
    missing = [name for name in names if not any(plain(name, marks=True) in line for line in lines)]
    assert missing == []


@pytest.fixture(scope="module")
def arabic_appendix(sample_service, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """The sample's Arabic brief with its appendix, where every question of the framework is printed."""
    service, ids = sample_service
    return service.export_brief(ids["ar"], language="ar", path=tmp_path_factory.mktemp("appendix") / "appendix.pdf",
                                sections=["primer", "qualities", "appendix"], today=EXPORT_DAY).path  # type: ignore[no-any-return]


def test_every_vowelled_word_of_the_framework_copies_with_its_marks(arabic_appendix: Path, reader: Callable[[Path], str]) -> None:
    """Tanween or shadda at a word's end stays on its word, before a comma or a full stop and at
    a line's end too («جيداً،», «كارثياً.»), where a reader's own reordering can carry a mark away."""
    _, sentences = _framework_texts("ar")
    vowelled = {word for sentence in sentences for word in plain(sentence, marks=True).split() if _has_marks(word)}
    assert len(vowelled) >= 20
    # poppler gives a number in its own embedding without the space after it («١٢شهرًا»): the number is not the word
    copied = set(_DIGITS_APART.sub(" ", plain(reader(arabic_appendix), marks=True)).split())
    assert sorted(vowelled - copied) == []
