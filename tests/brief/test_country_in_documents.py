"""A country the app knows is named in the document's language in the brief and the workbook, as on screen."""

from __future__ import annotations

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import BriefDocument, Facts
from resilience_app.core.brief.sections import SECTION_IDS
from resilience_app.core.services import ResilienceService

COUNTRY = {"en": "Jordan", "ar": "الأردن"}


@pytest.mark.parametrize(("typed_in", "language"), [("en", "ar"), ("ar", "en"), ("en", "en")])
def test_the_briefs_country_is_named_in_the_briefs_language(service: ResilienceService, typed_in: str, language: str) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", country=COUNTRY[typed_in]))
    document = build_brief(collect(service.context, record.id, language=language), language, SECTION_IDS)
    values = _fact_values(document)
    assert COUNTRY[language] in values
    assert typed_in == language or COUNTRY[typed_in] not in values


def test_a_place_the_app_does_not_know_is_printed_as_typed(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", country="Northern region"))
    document = build_brief(collect(service.context, record.id, language="ar"), "ar", SECTION_IDS)
    assert "Northern region" in _fact_values(document)


def _fact_values(document: BriefDocument) -> set[str]:
    blocks = [document.cover.facts, *(block for section in document.sections for block in section.blocks)]
    return {value for block in blocks if isinstance(block, Facts) for _label, value in block.pairs}
