"""Withholding by construction: the details of sensitive answers and items never reach the
builders of either document, so no section can print them. The sample's workshop brief and PRA are exported,
every section of each, in both languages with unmistakable sensitive details, and every page's text is searched for them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AnswerDraft, EvidenceDraft
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import BriefDocument, Bullets, Facts, Heading, Paragraph, Table
from resilience_app.core.brief.sections import DOCUMENTS
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import translate_in, using_language
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
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, int, dict[tuple[str, str], Path]]]:
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
        (document, language): service.export_brief(assessment_id, language=language, document=document, sections=DOCUMENTS[document].sections,
                                                   path=folder / f"{document}-{language}.pdf", today=DAY).path
        for document in DOCUMENTS
        for language in ("en", "ar")
    }
    yield service, assessment_id, briefs
    service.close()


@needs_poppler
@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_prints_a_detail_of_a_sensitive_answer_or_item(
    marked: tuple[ResilienceService, int, dict[tuple[str, str], Path]], document: str, language: str
) -> None:
    service, assessment_id, briefs = marked
    text = plain(page_text(briefs[document, language]))
    for invented in INVENTED_WORDS:  # each one alone would be a leak
        assert invented not in text, f"{invented!r} is printed in the {language} {document}"
    for secret in (SECRET_JUSTIFICATION, SECRET_EVIDENCE, SECRET_SCENARIO):
        assert plain(secret) not in text, f"{secret!r} is printed in the {language} {document}"
    # The item's name, looked for in every text of the document but the actions' titles (an action that is not
    # sensitive may name the same hazard: "…against violent extremism"; the PRA prints a title in several places).
    with using_language(language):
        titles = [action.action.title for action in service.register.actions(assessment_id)]
    model = build_brief(collect(service.context, assessment_id, language=language, today=DAY), language, DOCUMENTS[document].sections, document)
    words = "\n".join(_texts(model))
    for title in titles:
        words = words.replace(title, "")
    item = next(record for record in service.register.items(assessment_id) if record.item.sensitive)
    for name in (service.register.item_name(item, "en"), service.register.item_name(item, "ar")):
        assert name not in words, f"{name!r} is printed in the {language} {document}"


def _texts(document: BriefDocument) -> list[str]:
    """Every text of a document's model: cover, headings, paragraphs, lists, tables and facts."""
    cover = document.cover
    texts = [document.title, cover.title, cover.subtitle, cover.sensitivity_notice, *(text for pair in cover.facts.pairs for text in pair)]
    for section in document.sections:
        texts.append(section.title)
        for block in section.blocks:
            if isinstance(block, (Heading, Paragraph)):
                texts.append(block.text)
            elif isinstance(block, Bullets):
                texts += block.items
            elif isinstance(block, Table):
                texts += [cell for row in (block.header, *block.rows) for cell in row]
            elif isinstance(block, Facts):
                texts += [text for pair in block.pairs for text in pair]
    return texts


def _rows_naming(blocks: tuple[object, ...], numbers: set[str]) -> list[tuple[str, ...]]:
    tables = [block for block in blocks if isinstance(block, Table)]
    return [row for table in tables for row in table.rows if row and row[0] in numbers]


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sections_that_list_answers_leave_the_sensitive_ones_out(
    marked: tuple[ResilienceService, int, dict[tuple[str, str], Path]], document: str, language: str
) -> None:
    """Low confidence and no evidence would flag the sensitive answers (their level is 1, their confidence low):
    only the appendix names them all, and the PRA's figures those asked as a figure, each as withheld."""
    service, assessment_id, _briefs = marked
    data = collect(service.context, assessment_id, today=DAY)
    assert not set(data.profile.low_confidence_questions) & SENSITIVE_QUESTIONS
    for question_id in SENSITIVE_QUESTIONS:
        answer = data.answers[question_id].answer
        assert (answer.level, answer.confidence, answer.justification, answer.answered_by, answer.numeric_value) == (None, None, "", "", None)
        assert question_id not in data.evidence
    brief = build_brief(data, language, DOCUMENTS[document].sections, document)
    withheld = translate_in(language, "Withheld")
    with using_language(language):
        numbers = {localise_digits(data.framework.placement(question_id).number) for question_id in SENSITIVE_QUESTIONS}
    for section in brief.sections:
        named = _rows_naming(section.blocks, numbers)
        if section.id == "appendix":
            assert len(named) == len(SENSITIVE_QUESTIONS)
        if section.id in ("appendix", "quantitative"):
            assert all(withheld in row for row in named), f"section {section.id} prints a sensitive answer"
        else:
            assert named == [], f"section {section.id} lists a sensitive answer"


def test_included_on_purpose_the_details_are_printed(marked: tuple[ResilienceService, int, dict[tuple[str, str], Path]]) -> None:
    service, assessment_id, _briefs = marked
    data = collect(service.context, assessment_id, today=DAY, include_sensitive=True)
    assert set(data.profile.low_confidence_questions) >= SENSITIVE_QUESTIONS
    assert all(SECRET_JUSTIFICATION in data.answers[question_id].answer.justification for question_id in SENSITIVE_QUESTIONS)
