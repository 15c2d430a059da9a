"""Content marked sensitive, left out of a brief unless the user includes it at export.

What is left out, and how:
- a sensitive answer keeps counting in the goal and dimension results (a profile built
  from fewer answers would misstate the city), but its details never reach the builders:
  its record is replaced by a blank placeholder (no level, value, confidence,
  justification or who answered), its evidence is dropped and it leaves the profile's
  lists of questions to check, so no section can print them;
- a sensitive shock or stress leaves the register sections altogether: the list, the
  matrix, the interconnections, the ranking (renumbered without it), the workshop's
  ranking of it, and the discovery areas whose reasons name it;
- sensitive notes (an assessment's context, a workshop's notes) are not printed;
- the contributors' answers to a withheld question are blank placeholders too: they count in each
  contributor's answered questions and in where answers differ, but say nothing.
The brief says on its cover how much was left out, or that it includes sensitive content.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from resilience_app.core.assessment.records import AnswerDraft, AnswerRecord, AssessmentDetails
from resilience_app.core.brief.contributors import Contributors
from resilience_app.core.brief.data import BriefData, DotVoteResults, RankingResults, WorkshopResults
from resilience_app.core.brief.withheld import Withheld
from resilience_app.core.register.ranking import Link
from resilience_app.core.register.records import DiscoveryAreaRecord, NextStepRecord, RegisterItemRecord
from resilience_app.core.register.service import ranking_of
from resilience_app.core.scoring.profile import ResilienceProfile
from resilience_app.core.workshop.records import WorkshopDraft
from resilience_app.core.workshop.results import RoomRanking


def _without(ids: Iterable[int], hidden: set[int]) -> tuple[int, ...]:
    return tuple(item_id for item_id in ids if item_id not in hidden)


def _room_ranking_without(ranking: RoomRanking, hidden: set[int]) -> RoomRanking:
    kept = [item for item in ranking.ranked if item.item_id not in hidden]
    ranked = [dataclasses.replace(item, rank=position) for position, item in enumerate(kept, start=1)]
    return RoomRanking(ranked, [item_id for item_id in ranking.unrated if item_id not in hidden])


def _placeholder(record: AnswerRecord) -> AnswerRecord:
    """What the builders see of a sensitive answer: that there is one, nothing of what it says."""
    return dataclasses.replace(record, answer=AnswerDraft(status="", sensitive=True))


def _contributors_without(contributors: Contributors, withheld: frozenset[str]) -> Contributors:
    """The same contributors and counts; their answers to withheld questions blank (no level, words or evidence)."""
    blank = AnswerDraft(status="", sensitive=True)
    return dataclasses.replace(contributors, contributions=tuple(
        dataclasses.replace(record, answer=blank, evidence="") if record.question_id in withheld else record for record in contributors.contributions
    ))


def _profile_without(profile: ResilienceProfile, withheld: frozenset[str]) -> ResilienceProfile:
    """The same results; the question lists (low confidence, no evidence) without the withheld answers."""
    return dataclasses.replace(
        profile,
        low_confidence_questions=tuple(question_id for question_id in profile.low_confidence_questions if question_id not in withheld),
        unevidenced_questions=tuple(question_id for question_id in profile.unevidenced_questions if question_id not in withheld),
    )


def without_sensitive(data: BriefData) -> BriefData:
    """`data` with its sensitive content left out, and `withheld` saying how much."""
    withheld_questions = frozenset(question_id for question_id, record in data.answers.items() if record.answer.sensitive)
    answers = {question_id: _placeholder(record) if question_id in withheld_questions else record for question_id, record in data.answers.items()}
    hidden = {item_id for item_id, record in data.items.items() if record.item.sensitive}
    items = {item_id: record for item_id, record in data.items.items() if item_id not in hidden}
    links = [link for link in data.links if link.source_id not in hidden and link.target_id not in hidden]
    areas = [area for area in data.areas if not set(area.area.item_ids) & hidden]
    kept_areas = {area.id for area in areas}
    next_steps = [record for record in data.next_steps if record.step.area_id is None or record.step.area_id in kept_areas]
    actions = [
        dataclasses.replace(record, action=dataclasses.replace(record.action, item_ids=_without(record.action.item_ids, hidden)))
        for record in data.actions
    ]
    details = data.assessment.details
    if _withheld_notes(details):
        details = dataclasses.replace(details, notes="")
    workshops = []
    for results in data.workshops:
        snapshot = results.snapshot
        draft = snapshot.record.workshop
        if _withheld_notes(draft):
            record = dataclasses.replace(snapshot.record, workshop=dataclasses.replace(draft, notes=""))
            snapshot = dataclasses.replace(snapshot, record=record)
        exercises: list[DotVoteResults | RankingResults] = [
            RankingResults(entry.exercise, _room_ranking_without(entry.ranking, hidden)) if isinstance(entry, RankingResults) else entry
            for entry in results.exercises
        ]
        workshops.append(WorkshopResults(snapshot, results.representation, exercises))
    return dataclasses.replace(
        data,
        assessment=dataclasses.replace(data.assessment, details=details),
        profile=_profile_without(data.profile, withheld_questions),
        answers=answers,
        evidence={question_id: entries for question_id, entries in data.evidence.items() if question_id not in withheld_questions},
        items=items,
        item_names={item_id: names for item_id, names in data.item_names.items() if item_id not in hidden},
        links=links,
        ranking=ranking_of(list(items.values()), [Link(link.source_id, link.target_id) for link in links]),
        actions=actions,
        areas=areas,
        next_steps=next_steps,
        workshops=workshops,
        room_ratings={item_id: rating for item_id, rating in data.room_ratings.items() if item_id not in hidden},
        contributors=_contributors_without(data.contributors, withheld_questions),
        includes_sensitive=False,
        withheld_questions=withheld_questions,
        withheld=count_withheld(
            data.assessment.details,
            data.answers.values(),
            data.items.values(),
            data.areas,
            [results.snapshot.record.workshop for results in data.workshops],
            data.next_steps,
        ),
    )


def count_withheld(
    details: AssessmentDetails,
    answers: Iterable[AnswerRecord],
    items: Iterable[RegisterItemRecord],
    areas: Iterable[DiscoveryAreaRecord],
    workshops: Iterable[WorkshopDraft],
    next_steps: Iterable[NextStepRecord] = (),
) -> Withheld:
    """How much a brief of these leaves out; what `without_sensitive` removes, counted from the marks alone."""
    hidden = {record.id for record in items if record.item.sensitive}
    withheld_areas = [area for area in areas if set(area.area.item_ids) & hidden]
    withheld_ids = {area.id for area in withheld_areas}
    return Withheld(
        answers=sum(record.answer.sensitive for record in answers),
        items=len(hidden),
        areas=sum(area.area.status != "rejected" for area in withheld_areas),
        notes=_withheld_notes(details) + sum(_withheld_notes(workshop) for workshop in workshops),
        steps=sum(record.step.area_id in withheld_ids for record in next_steps),
    )


def _withheld_notes(owner: AssessmentDetails | WorkshopDraft) -> bool:
    return owner.notes_sensitive and bool(owner.notes.strip())
