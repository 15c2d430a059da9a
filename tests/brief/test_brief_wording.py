"""The brief is a document for the mayor: it speaks of the assessment and the city's resilience team,
never of the software that made it, in English and in Arabic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.i18n import translate_in
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_text, plain

pytestmark = needs_poppler

# «التطبيق» with its article or a preposition joined to it («للتطبيق», «بالتطبيق»); a question of the
# framework may still name "an app" (تطبيق) a city offers its residents.
THE_SOFTWARE = {
    "en": re.compile(r"\b(?:the|this|our) app\b|\bapp's\b|\bsoftware\b|resilience-app", re.IGNORECASE),
    "ar": re.compile(r"(?:ال|لل|بال|وال)تطبيق|البرمجي|البرنامج الحاسوبي"),
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sample_brief_never_speaks_of_the_software(sample_briefs: dict[str, Path], language: str) -> None:
    assert THE_SOFTWARE[language].findall(plain(page_text(sample_briefs[language]))) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_shortened_answer_points_to_the_assessment_not_the_software(tmp_path: Path, language: str) -> None:
    service = ResilienceService.open(AppPaths.under(tmp_path / "data"))
    try:
        assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="تستفيل"))
        question_id = next(service.framework().questions()).id
        justification = " ".join(["The district survey was reviewed with the water utility."] * 60)  # longer than a cell holds
        service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=3, justification=justification, confidence="low"))
        brief = service.export_brief(assessment.id, language=language, path=tmp_path / "brief.pdf", sections=["appendix"]).path
        text = plain(page_text(brief))
    finally:
        service.close()
    note = translate_in(language, "{text}… (shortened: the full text is in the assessment)").replace("{text}…", "")
    assert all(word in text for word in plain(note).split())  # the answer was shortened, and says where the rest is
    assert THE_SOFTWARE[language].findall(text) == []
