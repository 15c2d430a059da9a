"""Everything a brief says, read in one unit of work (the builders never touch storage).

The profile is computed from the answers and evidence read here, so every section sees the same
moment of the assessment even while another window saves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_repository import AnswerRepository
from resilience_app.core.assessment.evidence_repository import EvidenceRepository
from resilience_app.core.assessment.records import AnswerRecord, AssessmentRecord, EvidenceRecord
from resilience_app.core.assessment.service import ASSESSMENT_GONE, answer_values, assessment_in, data_quality_of, profile_of
from resilience_app.core.brief.contributors import Contributors, agreement_of, in_framework_order
from resilience_app.core.brief.withheld import Withheld
from resilience_app.core.content.model import Framework, Hazard, Sector
from resilience_app.core.context import CoreContext
from resilience_app.core.contributions.repository import ContributionRepository
from resilience_app.core.contributions.service import disagreements_of, statuses_of
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, current_language, using_language
from resilience_app.core.register.labels import item_name
from resilience_app.core.register.planning_repository import PlanningRepository
from resilience_app.core.register.ranking import Link
from resilience_app.core.register.records import (
    ActionRecord,
    DiscoveryAreaRecord,
    NextStepRecord,
    RegisterItemRecord,
    RegisterLinkRecord,
)
from resilience_app.core.register.repository import RegisterRepository
from resilience_app.core.register.service import RegisterRanking, ranking_of
from resilience_app.core.rounds.compare import RoundComparison, compare_rounds
from resilience_app.core.rounds.records import RoundRecord
from resilience_app.core.rounds.repository import RoundRepository
from resilience_app.core.rounds.rules import BASELINE
from resilience_app.core.rounds.service import round_answers
from resilience_app.core.scoring.by_framework import FrameworkProfile, group_by_crosswalk
from resilience_app.core.scoring.data_quality import DataQualityProfile
from resilience_app.core.scoring.profile import ResilienceProfile
from resilience_app.core.workshop.records import DOT_VOTE, RANKING, ExerciseRecord, RoomRating
from resilience_app.core.workshop.repository import WorkshopRepository
from resilience_app.core.workshop.representation import Representation
from resilience_app.core.workshop.results import GoalPerception, GoalTally, RoomRanking, compare_perceptions
from resilience_app.core.workshop.service import (
    WorkshopSnapshot,
    dot_results_of,
    representation_of,
    room_ranking_of,
    room_ratings_in,
    snapshot_in,
)


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
class EarlierRound:
    """The assessment's previous round in its series and how the two compare (`rounds.compare`), read with the rest."""

    record: AssessmentRecord
    round: RoundRecord  # the earlier round's kind and date
    later: RoundRecord  # the assessment's own round
    framework: Framework
    answers: Mapping[str, AnswerRecord]
    items: Sequence[RegisterItemRecord]
    item_names: Mapping[int, Mapping[str, str]]  # item id -> language -> name
    ranking: RegisterRanking
    actions: Sequence[ActionRecord]
    comparison: RoundComparison
    to_review: int  # answers carried into the later round and still to review: left out of the comparison

    def item_name(self, item_id: int, language: str) -> str:
        return self.item_names.get(item_id, {}).get(language, "")


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
    contributors: Contributors = Contributors()  # the departments that answered, and where their answers differ
    includes_sensitive: bool = True  # False once `withholding.without_sensitive` has left it out
    withheld_questions: frozenset[str] = frozenset()  # answers counted in the results but not printed
    withheld: Withheld = Withheld()  # the content marked sensitive: left out, or (when included) printed
    next_steps: Sequence[NextStepRecord] = ()  # after the PRA: what, who, by when (those serving a withheld area left out with it)
    earlier: EarlierRound | None = None  # the baseline of the assessment's series, None when it has none
    data_quality: DataQualityProfile | None = None  # how far the levels rest on measured, national and old data
    by_framework: tuple[FrameworkProfile, ...] = ()  # the profile grouped by each external framework (UNDRR, Sendai, SDG 11, SCN)

    def item_name(self, item_id: int, language: str) -> str:
        return self.item_names.get(item_id, {}).get(language, "")


def collect(
    context: CoreContext, assessment_id: int, *, language: str | None = None, today: dt.date | None = None, include_sensitive: bool = False
) -> BriefData:
    """What the brief of an assessment says; content marked sensitive is left out unless included.

    Text the app wrote in every language (`core.every_language`) is read in `language` (by default
    the current one), the language of the document the data is for.
    """
    from resilience_app.core.brief.withholding import without_sensitive

    with using_language(language or current_language()), context.unit_of_work(ASSESSMENT_GONE) as session:
        data = _read(session, context, assessment_id, today=today)
    withheld = without_sensitive(data)
    return dataclasses.replace(data, withheld=withheld.withheld) if include_sensitive else withheld


def withheld_of(context: CoreContext, assessment_id: int) -> Withheld:
    """What a brief would leave out, counted from the sensitive marks alone (no profile, ranking or workshop results)."""
    from resilience_app.core.brief.withholding import count_withheld

    with context.unit_of_work(ASSESSMENT_GONE) as session:
        record = assessment_in(session, assessment_id)
        workshops = WorkshopRepository(session).workshops(assessment_id)
        return count_withheld(
            record.details,
            AnswerRepository(session).for_assessment(assessment_id).values(),
            RegisterRepository(session).items(assessment_id),
            PlanningRepository(session).areas(assessment_id),
            [workshop.workshop for workshop in workshops],
            PlanningRepository(session).next_steps(assessment_id),
        )


def _read(session: Session, context: CoreContext, assessment_id: int, *, today: dt.date | None) -> BriefData:
    record = assessment_in(session, assessment_id)
    framework = context.framework(record.framework_id)
    answers = AnswerRepository(session).for_assessment(assessment_id)
    evidence = EvidenceRepository(session).for_assessment(assessment_id)
    profile = profile_of(framework, answers, set(evidence))
    register, planning = RegisterRepository(session), PlanningRepository(session)
    items = register.items(assessment_id)
    links = register.links(assessment_id)
    catalogue = {hazard.id: hazard for hazard in context.content.hazards}
    return BriefData(
        assessment=record,
        framework=framework,
        profile=profile,
        answers=answers,
        evidence=evidence,
        items={item.id: item for item in items},
        item_names={item.id: {lang: item_name(catalogue, item, lang) for lang in SUPPORTED_LANGUAGES} for item in items},
        links=links,
        ranking=ranking_of(items, [Link(link.source_id, link.target_id) for link in links]),
        actions=planning.actions(assessment_id),
        areas=planning.areas(assessment_id),
        hazards=catalogue,
        prepared_on=today or dt.date.today(),
        workshops=_workshops(session, context, assessment_id, framework, profile),
        room_ratings=room_ratings_in(session, assessment_id),
        sectors={sector.id: sector for sector in context.content.sectors},
        contributors=_contributors(session, assessment_id, framework, answers),
        next_steps=planning.next_steps(assessment_id),
        earlier=_earlier_round(session, context, record, framework, answers),
        data_quality=data_quality_of(framework, record, answers),
        by_framework=tuple(group_by_crosswalk(framework, crosswalk, answer_values(answers))
                           for crosswalk in context.content.crosswalks if crosswalk.framework_id == framework.id),
    )


def _earlier_round(
    session: Session, context: CoreContext, record: AssessmentRecord, framework: Framework, answers: dict[str, AnswerRecord]
) -> EarlierRound | None:
    """The series' baseline (its first round when none is called so), compared with the assessment as
    `RoundService.compare` does (answers carried over and still to review left out); None when the assessment is in
    no series or is that first round. A third round is measured against the baseline, as "Change since the baseline" says."""
    rounds = RoundRepository(session)
    own = rounds.get(record.id)
    if own.series_key is None:
        return None
    series = rounds.series(own.series_key)
    position = [found.assessment_id for found in series].index(record.id)
    if position == 0:
        return None
    before = next((found for found in series[:position] if found.kind == BASELINE), series[0])
    earlier = assessment_in(session, before.assessment_id)
    earlier_framework = context.framework(earlier.framework_id)
    earlier_answers = AnswerRepository(session).for_assessment(earlier.id)
    register = RegisterRepository(session)
    items = register.items(earlier.id)
    links = register.links(earlier.id)
    catalogue = {hazard.id: hazard for hazard in context.content.hazards}


    return EarlierRound(
        record=earlier,
        round=before,
        later=own,
        framework=earlier_framework,
        answers=earlier_answers,
        items=items,
        item_names={item.id: {lang: item_name(catalogue, item, lang) for lang in SUPPORTED_LANGUAGES} for item in items},
        ranking=ranking_of(items, [Link(link.source_id, link.target_id) for link in links]),
        actions=PlanningRepository(session).actions(earlier.id),
        comparison=compare_rounds(round_answers(earlier_framework, earlier_answers), round_answers(framework, answers)),
        to_review=sum(stored.carried_over and bool(stored.answer.status) for stored in answers.values()),
    )


def _contributors(session: Session, assessment_id: int, framework: Framework, answers: dict[str, AnswerRecord]) -> Contributors:
    """Who contributed and where their answers differ, read with everything else (the same moment as the answers)."""
    repository = ContributionRepository(session)
    contributions = repository.contributions(assessment_id)
    workbooks = repository.workbooks(assessment_id)
    statuses = statuses_of(repository.contributors(assessment_id), repository.assignments(assessment_id), workbooks, contributions)
    return Contributors(
        statuses=tuple(statuses),
        workbooks=tuple(workbooks),
        contributions=in_framework_order(framework, contributions),
        agreement=agreement_of(statuses, contributions, disagreements_of(framework, contributions, answers)),
    )


def _workshops(session: Session, context: CoreContext, assessment_id: int, framework: Framework, profile: ResilienceProfile) -> list[WorkshopResults]:
    """Each workshop of the assessment with its results; the perceptions use the profile read for the brief."""
    levels = {goal.id: profile.goals[goal.id].level for goal in framework.goals()}  # framework order, as the workshop screens use
    results = []
    for record in WorkshopRepository(session).workshops(assessment_id):
        snapshot = snapshot_in(session, record.id)
        exercises: list[DotVoteResults | RankingResults] = []
        for exercise in snapshot.exercises:
            if exercise.kind == DOT_VOTE:
                tallies = dot_results_of(snapshot, exercise.id, framework)
                exercises.append(DotVoteResults(exercise, tallies, compare_perceptions(tallies, levels)))
            elif exercise.kind == RANKING:
                exercises.append(RankingResults(exercise, room_ranking_of(snapshot, exercise.id)))
        results.append(WorkshopResults(snapshot, representation_of(snapshot, context.content), exercises))
    return results
