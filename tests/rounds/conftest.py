"""The rounds' shared fixture: a baseline worth following up."""

from __future__ import annotations

import datetime as dt

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails, EvidenceDraft
from resilience_app.core.register.records import ActionDraft, DiscoveryAreaDraft, RegisterItemDraft
from resilience_app.core.services import ResilienceService

IRBID = AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", country="JO", population=500_000, assessment_date=dt.date(2024, 3, 1))
FOLLOW_UP_DAY = dt.date(2026, 3, 1)


def questions_of(service: ResilienceService, count: int) -> list[str]:
    return [question.id for question in service.framework().questions()][:count]


@pytest.fixture
def baseline(service: ResilienceService) -> int:
    """Irbid with three levelled answers (one with evidence), a shock, an action under way and an accepted area."""
    assessment_id = service.assessments.create_assessment(IRBID).id
    for question_id, level in zip(questions_of(service, 3), (2, 3, 4), strict=True):
        service.assessments.save_answer(assessment_id, question_id, AnswerDraft("level", level, justification=f"level {level}", confidence="high"))
    service.assessments.add_evidence(assessment_id, questions_of(service, 1)[0], EvidenceDraft("Water authority report 2023"))
    item = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", kind="shock"))
    service.register.add_action(assessment_id, ActionDraft("Non-revenue water programme", status="ongoing", item_ids=(item.id,)))
    service.register.add_area(assessment_id, DiscoveryAreaDraft(title="Water security", status="accepted", origin="own"))
    return assessment_id
