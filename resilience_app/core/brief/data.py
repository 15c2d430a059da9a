"""Everything a brief says, read from the services in one go (the builders never touch storage)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resilience_app.core.brief.withheld import Withheld
from resilience_app.core.content.model import Framework, Hazard, Sector
from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.register.ranking import Link
from resilience_app.core.register.service import RegisterRanking, ranking_of
from resilience_app.core.scoring.profile import ResilienceProfile
from resilience_app.core.storage.records import AnswerRecord, AssessmentRecord, EvidenceRecord
from resilience_app.core.storage.register_records import (
    ActionRecord,
    DiscoveryAreaRecord,
    RegisterItemRecord,
    RegisterLinkRecord,
)
from resilience_app.core.storage.workshop_records import DOT_VOTE, RANKING, ExerciseRecord, RoomRating
from resilience_app.core.workshop.representation import Representation
from resilience_app.core.workshop.results import GoalPerception, GoalTally, RoomRanking, compare_perceptions

if TYPE_CHECKING:
    from resilience_app.core.services import ResilienceService
    from resilience_app.core.workshop.service import WorkshopSnapshot


@dataclass(frozen=True)
class DotVoteResults:
    exercise: ExerciseRecord
    tallies: Sequence[GoalTally]  # every goal, most dots first
    perceptions: Sequence[GoalPerception]  # every goal, framework order


@dataclass(frozen=True)
class RankingResults:
    exercise: ExerciseRecord
    ranking: RoomRanking


@dataclass(frozen=True)
class WorkshopResults:
    """A workshop as the brief reports it: what was recorded and what the app computed from it."""

    snapshot: WorkshopSnapshot
    representation: Representation
    exercises: Sequence[DotVoteResults | RankingResults]  # in the order they were added


@dataclass(frozen=True)
class BriefData:
    assessment: AssessmentRecord
    framework: Framework
    profile: ResilienceProfile
    answers: Mapping[str, AnswerRecord]
    evidence: Mapping[str, Sequence[EvidenceRecord]]
    items: Mapping[int, RegisterItemRecord]
    item_names: Mapping[int, Mapping[str, str]]  # item id -> language -> name
    links: Sequence[RegisterLinkRecord]
    ranking: RegisterRanking
    actions: Sequence[ActionRecord]
    areas: Sequence[DiscoveryAreaRecord]
    hazards: Mapping[str, Hazard]
    prepared_on: dt.date
    workshops: Sequence[WorkshopResults] = ()
    room_ratings: Mapping[int, RoomRating] = field(default_factory=dict)  # item id -> the room's rating applied to it
    sectors: Mapping[str, Sector] = field(default_factory=dict)  # the content's stakeholder sectors, by id
    includes_sensitive: bool = True  # False once `withholding.without_sensitive` has left it out
    withheld_questions: frozenset[str] = frozenset()  # answers counted in the results but not printed
    withheld: Withheld = Withheld()  # the content marked sensitive: left out, or (when included) printed

    def item_name(self, item_id: int, language: str) -> str:
        return self.item_names.get(item_id, {}).get(language, "")


def collect(service: ResilienceService, assessment_id: int, *, today: dt.date | None = None, include_sensitive: bool = False) -> BriefData:
    """What the brief of an assessment says; content marked sensitive is left out unless included."""
    from resilience_app.core.brief.withholding import without_sensitive

    data = _collect_all(service, assessment_id, today=today)
    withheld = without_sensitive(data)
    return dataclasses.replace(data, withheld=withheld.withheld) if include_sensitive else withheld


def _collect_all(service: ResilienceService, assessment_id: int, *, today: dt.date | None) -> BriefData:
    record = service.get_assessment(assessment_id)
    register = service.register
    items = register.items(assessment_id)
    links = register.links(assessment_id)
    framework = service.framework(record.framework_id)
    profile = service.profile(assessment_id)
    return BriefData(
        assessment=record,
        framework=framework,
        profile=profile,
        answers=service.answers(assessment_id),
        evidence=service.evidence(assessment_id),
        items={item.id: item for item in items},
        item_names={item.id: {lang: register.item_name(item, lang) for lang in SUPPORTED_LANGUAGES} for item in items},
        links=links,
        ranking=ranking_of(items, [Link(link.source_id, link.target_id) for link in links]),  # from what is read already
        actions=register.actions(assessment_id),
        areas=register.areas(assessment_id),
        hazards=register.catalogue,
        prepared_on=today or dt.date.today(),
        workshops=_workshops(service, assessment_id, framework, profile),
        room_ratings=service.workshops.room_ratings(assessment_id),
        sectors=service.workshops.sectors,
    )


def _workshops(service: ResilienceService, assessment_id: int, framework: Framework, profile: ResilienceProfile) -> list[WorkshopResults]:
    """Each workshop of the assessment with its results; the perceptions use the profile read for the brief."""
    workshops = service.workshops
    levels = {goal.id: profile.goals[goal.id].level for goal in framework.goals()}  # framework order, as the workshop screens use
    results = []
    for record in workshops.workshops(assessment_id):
        snapshot = workshops.snapshot(record.id)
        exercises: list[DotVoteResults | RankingResults] = []
        for exercise in snapshot.exercises:
            if exercise.kind == DOT_VOTE:
                tallies = workshops.dot_results(snapshot, exercise.id)
                exercises.append(DotVoteResults(exercise, tallies, compare_perceptions(tallies, levels)))
            elif exercise.kind == RANKING:
                exercises.append(RankingResults(exercise, workshops.room_ranking(snapshot, exercise.id)))
        results.append(WorkshopResults(snapshot, workshops.representation_of(snapshot), exercises))
    return results
