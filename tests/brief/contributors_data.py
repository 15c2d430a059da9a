"""Contributors with known answers, for the tests of what the brief, the Excel workbook and the profile say about them.

Four contributors on a fresh assessment. In goal 1, the Water Authority and the Health Directorate both answer three
questions: they agree on one, differ on one, and differ on one the CRO then settles; the Water Authority alone answers
a fourth. In goal 5, Civil Defence answers a question whose answer on record is marked sensitive, differently: its
details must never be printed, but the difference is counted. The Planning Department has nothing assigned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.contributions.records import ContributorDraft, WorkbookRecord
from resilience_app.core.contributions.repository import ContributionRepository
from resilience_app.core.services import ResilienceService

SECRET_JUSTIFICATION = "Informant network Zebrafinch reports two cells near the market"
SECRET_EVIDENCE = "Kestrel memorandum from the internal audit office"
SECRET_WORDS = ("Zebrafinch", "Kestrel")
CONTACT = "water.focal@example.org, +962 79 555 0101"  # personal data: in no export
SENT = dt.datetime(2026, 10, 1, 12)  # stored times are UTC; noon is the same date in every time zone
RETURNED = dt.datetime(2026, 10, 18, 12)
SENT_TO_HEALTH = dt.datetime(2026, 10, 2, 12)


@dataclass(frozen=True)
class Scenario:
    water: int
    health: int
    civil: int
    planning: int
    goal_1: tuple[str, ...]  # every question of goal 1 (assigned to the Water Authority)
    goal_3: tuple[str, ...]
    goal_5: tuple[str, ...]
    agreed: str  # goal 1: Water and Health give the same level
    differing: str  # goal 1: they differ, nothing on record
    settled: str  # goal 1: they differ, the CRO set the level after
    alone: str  # goal 1: Water alone
    sensitive: str  # goal 5: Civil Defence differs from a sensitive answer on record


def add_contributors(service: ResilienceService, assessment_id: int) -> Scenario:
    framework = service.framework()
    goals = {goal.number: tuple(question.id for indicator in goal.indicators for question in indicator.questions) for goal in framework.goals()}
    agreed, differing, settled, alone = goals[1][:4]
    sensitive = goals[5][0]
    contributions = service.contributions
    water = contributions.add_contributor(assessment_id, ContributorDraft("Water Authority", "Utilities", "ar", contact=CONTACT))
    health = contributions.add_contributor(assessment_id, ContributorDraft("Health Directorate", "Public health", "en"))
    civil = contributions.add_contributor(assessment_id, ContributorDraft("Civil Defence", "", "ar"))
    planning = contributions.add_contributor(assessment_id, ContributorDraft("Planning Department", "Urban planning", "en"))
    contributions.assign(water.id, list(goals[1]))
    contributions.assign(health.id, [agreed, differing, settled, *goals[3]])
    contributions.assign(civil.id, list(goals[5]))
    service.assessments.save_answer(
        assessment_id, sensitive, AnswerDraft("level", 2, justification="Reviewed with the police", confidence="medium", sensitive=True)
    )
    with service.database.session() as session:
        repository = ContributionRepository(session)
        workbook = repository.add_workbook(WorkbookRecord("water-1", water.id, "ar", goals[1], dt.date(2026, 10, 20), SENT, None))
        repository.mark_returned(workbook.id, RETURNED)
        repository.add_workbook(WorkbookRecord("health-1", health.id, "en", (agreed, differing, settled), None, SENT_TO_HEALTH, None))
        for question_id, level in ((agreed, 3), (differing, 2), (settled, 2), (alone, 4)):
            repository.save_contribution(water.id, question_id, AnswerDraft("level", level, justification="From the utility's records"),
                                         evidence="Water balance 2025", workbook_id=workbook.id)
        for question_id, level in ((agreed, 3), (differing, 3), (settled, 4)):
            repository.save_contribution(health.id, question_id, AnswerDraft("level", level), evidence="", workbook_id=None)
        repository.save_contribution(civil.id, sensitive, AnswerDraft("level", 4, justification=SECRET_JUSTIFICATION, confidence="low"),
                                     evidence=SECRET_EVIDENCE, workbook_id=None)
    contributions.settle(assessment_id, settled, 3, "Agreed at the focal points' meeting")
    return Scenario(water.id, health.id, civil.id, planning.id, goals[1], goals[3], goals[5], agreed, differing, settled, alone, sensitive)
