"""Withholding by construction: the details of sensitive answers and items never reach the
brief's builders, so no section can print them. The sample's brief is exported in both
languages with unmistakable sensitive details, and every page's text is searched for them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AnswerDraft, EvidenceDraft
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import Table
from resilience_app.core.brief.sections import SECTION_IDS
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import SENSITIVE_QUESTIONS, create_sample
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_text, plain

DAY = dt.date(2026, 11, 24)
# Details no other part of the sample holds, so finding one on a page can only mean a leak.
SECRET_JUSTIFICATION = "Informant network Zebrafinch reports two cells near the market"
SECRET_EVIDENCE = "Kestrel memorandum from the internal audit office"
SECRET_SCENARIO = "Coordinated attack Marigold on the transport hub"
INVENTED_WORDS = ("Zebrafinch", "Kestrel", "Marigold")


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, int, dict[str, Path]]]:
    """The sample with its sensitive answers and item given unmistakable details, exported in both languages."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("withheld")))
    assessment_id = create_sample(service, "en").id
    answers = service.assessments.answers(assessment_id)
    for question_id in SENSITIVE_QUESTIONS:
        stored = answers[question_id].answer
        draft = AnswerDraft(status="level", level=1, confidence="low", justification=f"{SECRET_JUSTIFICATION} ({question_id})",
                            answered_by=stored.answered_by, sensitive=True)
        service.assessments.save_answer(assessment_id, question_id, draft)
        service.assessments.add_evidence(assessment_id, question_id, EvidenceDraft(SECRET_EVIDENCE))
    item = next(record for record in service.register.items(assessment_id) if record.item.sensitive)
    service.register.update_item(item.id, dataclasses.replace(item.item, scenario_probable=SECRET_SCENARIO, scenario_severe=SECRET_SCENARIO))
    folder = tmp_path_factory.mktemp("withheld-briefs")
    briefs = {
        language: service.export_brief(assessment_id, language=language, path=folder / f"{language}.pdf", today=DAY).path
        for language in ("en", "ar")
    }
    yield service, assessment_id, briefs
    service.close()


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_prints_a_detail_of_a_sensitive_answer_or_item(marked: tuple[ResilienceService, int, dict[str, Path]], language: str) -> None:
    service, assessment_id, briefs = marked
    text = plain(page_text(briefs[language]))
    with using_language(language):  # an action (not sensitive) may name the same hazard: "…against violent extremism"
        titles = [plain(action.action.title) for action in service.register.actions(assessment_id)]
    item = next(record for record in service.register.items(assessment_id) if record.item.sensitive)
    for invented in INVENTED_WORDS:  # each one alone would be a leak
        assert invented not in text, f"{invented!r} is printed in the {language} brief"
    for secret in (SECRET_JUSTIFICATION, SECRET_EVIDENCE, SECRET_SCENARIO, service.register.item_name(item, "en"), service.register.item_name(item, "ar")):
        in_titles = sum(plain(secret) in title for title in titles)
        assert text.count(plain(secret)) <= in_titles, f"{secret!r} is printed in the {language} brief"


def _rows_naming(blocks: tuple[object, ...], numbers: set[str]) -> list[tuple[str, ...]]:
    tables = [block for block in blocks if isinstance(block, Table)]
    return [row for table in tables for row in table.rows if row and row[0] in numbers]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sections_that_list_answers_leave_the_sensitive_ones_out(marked: tuple[ResilienceService, int, dict[str, Path]], language: str) -> None:
    """Low confidence and no evidence would flag the sensitive answers (their level is 1, their confidence low):
    only the appendix names them, as withheld."""
    service, assessment_id, _briefs = marked
    data = collect(service.context, assessment_id, today=DAY)
    assert not set(data.profile.low_confidence_questions) & SENSITIVE_QUESTIONS
    for question_id in SENSITIVE_QUESTIONS:
        answer = data.answers[question_id].answer
        assert (answer.level, answer.confidence, answer.justification, answer.answered_by, answer.numeric_value) == (None, None, "", "", None)
        assert question_id not in data.evidence
    brief = build_brief(data, language, SECTION_IDS)
    with using_language(language):
        numbers = {localise_digits(data.framework.placement(question_id).number) for question_id in SENSITIVE_QUESTIONS}
    for section in brief.sections:
        named = _rows_naming(section.blocks, numbers)
        if section.id == "appendix":
            assert len(named) == len(SENSITIVE_QUESTIONS)
        else:
            assert named == [], f"section {section.id} lists a sensitive answer"


def test_included_on_purpose_the_details_are_printed(marked: tuple[ResilienceService, int, dict[str, Path]]) -> None:
    service, assessment_id, _briefs = marked
    data = collect(service.context, assessment_id, today=DAY, include_sensitive=True)
    assert set(data.profile.low_confidence_questions) >= SENSITIVE_QUESTIONS
    assert all(SECRET_JUSTIFICATION in data.answers[question_id].answer.justification for question_id in SENSITIVE_QUESTIONS)
