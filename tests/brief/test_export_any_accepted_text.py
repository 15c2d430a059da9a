"""Any text the app accepts exports, in bounded time, in both languages (issue 16, items 5 and 6).

Each export has a time limit (pytest-timeout): the failure this guards against was a layout loop
that never ended, which must fail the test, not hang the suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_text, plain

TIME_LIMIT_SECONDS = 120  # a whole export takes a second or two; the loop it guards against never ended


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ResilienceService]:
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("any-text")))
    yield service
    service.close()


def _export(service: ResilienceService, tmp_path: Path, language: str, *, city: str = "Testville", justification: str = "") -> Path:
    """A new assessment named `city` with one answer justified by `justification`, exported whole."""
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en=city, city_name_ar=city))
    question_id = next(service.framework().questions()).id
    service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=2, justification=justification, confidence="low"))
    result = service.export_brief(assessment.id, language=language, path=tmp_path / "brief.pdf")
    assert result.pages >= 1
    return result.path


LIST_LIKE = {
    "150 short lines": "\n".join(f"{2001 + number % 20}: {number % 100}%" for number in range(150)),
    "130 blank lines": "Survey" + "\n" * 130 + "end",
    "one long word": "x" * 1400,
    "short lines and blanks": "\n\n".join(f"- item {number}" for number in range(120)),
}


@needs_poppler
@pytest.mark.timeout(TIME_LIMIT_SECONDS)
@pytest.mark.parametrize("shape", sorted(LIST_LIKE))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_list_like_justification_exports_in_bounded_time(service: ResilienceService, tmp_path: Path, language: str, shape: str) -> None:
    brief = _export(service, tmp_path, language, justification=LIST_LIKE[shape])
    assert "Testville" in plain(page_text(brief)) or language == "ar"


ODD_CHARACTERS = {  # each beside Arabic letters too: the bidi step is where they failed
    "new emoji": "مدينة \U0001fae8 city",
    "noncharacters": "مدينة \ufffe\uffff\U0010ffff\ufdd0 name",
    "private use and joiners": "مدينة \ue000 \u200d\u200c name",
    "a typed bidi override": "تقرير report\u202efdp.exe and \u2067nested",
    "a combining mark first": "\u0301مدينة City",
}


@pytest.mark.timeout(TIME_LIMIT_SECONDS)
@pytest.mark.parametrize("case", sorted(ODD_CHARACTERS))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_odd_characters_in_the_city_name_and_an_answer_export(service: ResilienceService, tmp_path: Path, language: str, case: str) -> None:
    text = ODD_CHARACTERS[case]
    _export(service, tmp_path, language, city=text, justification=text)
