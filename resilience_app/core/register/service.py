"""The register's use cases: shocks and stresses, interconnections, ranks, actions and discovery areas.

Reached as `ResilienceService.register`. It works over the shared `CoreContext` and reads the assessment
in its own unit of work; it knows nothing of workshops (whoever holds an item's id elsewhere is told of
its removal through `item_removers`). Each method is one unit of work and returns frozen values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.orm import Session

from resilience_app.core.assessment.service import ASSESSMENT_GONE, assessment_in, profile_in
from resilience_app.core.content.model import Framework, Hazard
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.every_language import in_every_language
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _
from resilience_app.core.register.discovery import GoalStanding, ProposalText, describe, pressure_goals, propose_areas
from resilience_app.core.register.labels import item_name
from resilience_app.core.register.planning_repository import PlanningRepository, PlanningRowNotFound
from resilience_app.core.register.ranking import Link, RankedItem, RankOverride, RatedItem, check_link, most_connected, rank_items
from resilience_app.core.register.records import (
    ActionDraft,
    ActionRecord,
    DiscoveryAreaDraft,
    DiscoveryAreaRecord,
    NextStepRecord,
    RegisterItemDraft,
    RegisterItemRecord,
    RegisterLinkRecord,
)
from resilience_app.core.register.repository import RegisterItemNotFound, RegisterRepository
from resilience_app.core.register.round_change import RegisterChange, compare_registers
from resilience_app.core.register.rules import clean_action, clean_area, clean_item
from resilience_app.core.scoring import ResilienceProfile

# Takes a register item that is being removed out of another feature's rows, inside the removal's transaction.
ItemRemover = Callable[[Session, int], None]

MAX_REASON_LENGTH = 1000


@dataclass(frozen=True)
class RegisterContents:
    """The whole register of an assessment, read in one unit of work."""

    items: list[RegisterItemRecord]
    links: list[RegisterLinkRecord]
    actions: list[ActionRecord]
    areas: list[DiscoveryAreaRecord]
    next_steps: list[NextStepRecord]


@dataclass(frozen=True)
class RegisterRanking:
    ranked: list[RankedItem[int]]  # rated items, rank 1 first
    unrated: list[RegisterItemRecord]  # items still missing a rating (a shock's likelihood or impact, a stress's trend or severity)
    most_connected: list[int]

    @property
    def ranks(self) -> dict[int, int]:
        """Each ranked item's rank, by item id."""
        return {entry.item.item_id: entry.rank for entry in self.ranked}


def _gone(_missing: LookupError) -> UserFacingError:
    return user_error(ErrorCode.REGISTER_ENTRY_NOT_FOUND)


class RegisterService:
    def __init__(self, context: CoreContext, *, item_removers: Sequence[ItemRemover] = ()) -> None:
        self._context = context
        self._item_removers = tuple(item_removers)

    def _session(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work({**ASSESSMENT_GONE, RegisterItemNotFound: _gone, PlanningRowNotFound: _gone})

    def _framework(self, session: Session, assessment_id: int) -> Framework:
        return self._context.framework(assessment_in(session, assessment_id).framework_id)

    # -- the catalogue and names ---------------------------------------------------------

    @cached_property
    def catalogue(self) -> dict[str, Hazard]:
        """The catalogue by id (the content is read once per service, so this is built once too)."""
        return {hazard.id: hazard for hazard in self._context.content.hazards}

    def item_name(self, record: RegisterItemRecord | RegisterItemDraft, language: str | None = None) -> str:
        """The item's name in `language`, or in the other language when it has none there."""
        return item_name(self.catalogue, record, language)

    # -- items ----------------------------------------------------------------------------

    def contents(self, assessment_id: int) -> RegisterContents:
        """Items, links, actions, areas and next steps as one moment of the register (for a screen that shows them all)."""
        with self._session() as session:
            assessment_in(session, assessment_id)
            register, planning = RegisterRepository(session), PlanningRepository(session)
            return RegisterContents(
                register.items(assessment_id), register.links(assessment_id), planning.actions(assessment_id), planning.areas(assessment_id),
                planning.next_steps(assessment_id),
            )

    def items(self, assessment_id: int) -> list[RegisterItemRecord]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return RegisterRepository(session).items(assessment_id)

    def add_item(self, assessment_id: int, draft: RegisterItemDraft) -> RegisterItemRecord:
        """Add a catalogue entry (its goals pre-filled from the catalogue unless given) or the city's own item."""
        hazard = self.catalogue.get(draft.hazard_id or "")
        if hazard is not None and not draft.goals:
            draft = dataclasses.replace(draft, goals=hazard.goals)
        with self._session() as session:
            framework = self._framework(session, assessment_id)
            repository = RegisterRepository(session)
            others = [record.item for record in repository.items(assessment_id)]
            cleaned = clean_item(draft, catalogue=self.catalogue, goal_ids=[goal.id for goal in framework.goals()], others=others)
            return repository.add(assessment_id, cleaned)

    def update_item(self, item_id: int, draft: RegisterItemDraft) -> RegisterItemRecord:
        with self._session() as session:
            repository = RegisterRepository(session)
            current = repository.get(item_id)
            framework = self._framework(session, current.assessment_id)
            others = [record.item for record in repository.items(current.assessment_id) if record.id != item_id]
            draft = dataclasses.replace(draft, hazard_id=current.item.hazard_id)  # what an item is never changes
            cleaned = clean_item(draft, catalogue=self.catalogue, goal_ids=[goal.id for goal in framework.goals()], others=others)
            return repository.update(item_id, cleaned)

    def remove_item(self, item_id: int) -> None:
        """Remove an item with its links; actions, discovery areas and workshop shortlists simply stop naming it."""
        with self._session() as session:
            repository = RegisterRepository(session)
            assessment_id = repository.get(item_id).assessment_id
            repository.remove_links_of(item_id)
            for remover in self._item_removers:
                remover(session, item_id)
            repository.remove(item_id)
            planning = PlanningRepository(session)
            for action in planning.actions(assessment_id):
                if item_id in action.action.item_ids:
                    kept = tuple(other for other in action.action.item_ids if other != item_id)
                    planning.update_action(action.id, dataclasses.replace(action.action, item_ids=kept))
            for area in planning.areas(assessment_id):
                if item_id in area.area.item_ids:
                    kept = tuple(other for other in area.area.item_ids if other != item_id)
                    planning.update_area(area.id, dataclasses.replace(area.area, item_ids=kept))

    # -- interconnections and ranks ---------------------------------------------------------------

    def links(self, assessment_id: int) -> list[RegisterLinkRecord]:
        with self._session() as session:
            return RegisterRepository(session).links(assessment_id)

    def set_link(self, assessment_id: int, source_id: int, target_id: int, present: bool = True) -> None:
        """Record (or remove) that `source` triggers or aggravates `target`."""
        with self._session() as session:
            repository = RegisterRepository(session)
            check_link(Link(source_id, target_id), [record.id for record in repository.items(assessment_id)])
            repository.set_link(assessment_id, RegisterLinkRecord(source_id, target_id), present)

    def ranking(self, assessment_id: int) -> RegisterRanking:
        with self._session() as session:
            repository = RegisterRepository(session)
            records = repository.items(assessment_id)
            links = [Link(link.source_id, link.target_id) for link in repository.links(assessment_id)]
        return ranking_of(records, links)

    def round_change(self, earlier_id: int, later_id: int) -> RegisterChange:
        """How the register and the actions moved from one round of an assessment to another (`round_change`)."""
        with self._session() as session:
            read = []
            for assessment_id in (earlier_id, later_id):
                assessment_in(session, assessment_id)
                repository = RegisterRepository(session)
                records = repository.items(assessment_id)
                links = [Link(link.source_id, link.target_id) for link in repository.links(assessment_id)]
                read.append((records, ranking_of(records, links), PlanningRepository(session).actions(assessment_id)))
        (earlier, earlier_ranking, earlier_actions), (later, later_ranking, later_actions) = read
        return compare_registers(
            earlier, later, earlier_ranks=earlier_ranking.ranks, later_ranks=later_ranking.ranks,
            earlier_actions=earlier_actions, later_actions=later_actions,
        )

    def set_rank(self, item_id: int, rank: int, reason: str) -> RegisterItemRecord:
        """The CRO places an item at `rank`, giving a reason that is kept and shown with it."""
        reason = reason.strip()
        problems = {}
        if rank < 1:
            problems["rank"] = _("Choose a rank of 1 or more.")
        if not reason:
            problems["reason"] = _("Say why this item takes this rank; the reason is kept with it.")
        elif len(reason) > MAX_REASON_LENGTH:
            problems["reason"] = _("Keep the reason short (under 1,000 characters).")
        if problems:
            raise InvalidInputError(problems)
        with self._session() as session:
            repository = RegisterRepository(session)
            record = repository.get(item_id)
            if not record.is_rated:
                raise InvalidInputError({"rank": _("Rate the stress's severity and trend before setting its rank.") if record.item.kind == "stress"
                                         else _("Rate the item's likelihood and impact before setting its rank.")})
            return repository.set_override(item_id, rank, reason)

    def clear_rank(self, item_id: int) -> RegisterItemRecord:
        """Let the item take its computed rank again."""
        with self._session() as session:
            return RegisterRepository(session).set_override(item_id, None, "")

    # -- actions ------------------------------------------------------------------------------------

    def actions(self, assessment_id: int) -> list[ActionRecord]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return PlanningRepository(session).actions(assessment_id)

    def _clean_action(self, assessment_id: int, session: Session, draft: ActionDraft) -> ActionDraft:
        framework = self._framework(session, assessment_id)
        return clean_action(
            draft,
            goal_ids=[goal.id for goal in framework.goals()],
            item_ids=[record.id for record in RegisterRepository(session).items(assessment_id)],
            quality_ids=[quality.id for quality in framework.qualities],
        )

    def add_action(self, assessment_id: int, draft: ActionDraft) -> ActionRecord:
        with self._session() as session:
            return PlanningRepository(session).add_action(assessment_id, self._clean_action(assessment_id, session, draft))

    def update_action(self, assessment_id: int, action_id: int, draft: ActionDraft) -> ActionRecord:
        with self._session() as session:
            return PlanningRepository(session).update_action(action_id, self._clean_action(assessment_id, session, draft))

    def remove_action(self, action_id: int) -> None:
        with self._session() as session:
            PlanningRepository(session).remove_action(action_id)

    def goal_action_counts(self, assessment_id: int) -> dict[str, int]:
        """How many actions address each goal (actions on hold do not count)."""
        with self._session() as session:
            framework = self._framework(session, assessment_id)
            actions = PlanningRepository(session).actions(assessment_id)
        return action_counts(actions, [goal.id for goal in framework.goals()])

    # -- discovery areas -------------------------------------------------------------------------------

    def areas(self, assessment_id: int) -> list[DiscoveryAreaRecord]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return PlanningRepository(session).areas(assessment_id)

    def propose_areas(self, assessment_id: int) -> list[DiscoveryAreaRecord]:
        """Replace the app's untouched proposals with fresh ones from the profile, the ranking and the actions.

        Goals already in an area the CRO accepted, rejected or added are not proposed again. Their titles
        and rationales are kept in every language (`core.every_language`): they read in the language of
        the screen or document, whichever language they were proposed in.
        """
        with self._session() as session:  # the reads and the replacement see the same register
            framework = self._framework(session, assessment_id)
            profile = profile_in(session, self._context, assessment_id)
            register, planning = RegisterRepository(session), PlanningRepository(session)
            records = register.items(assessment_id)
            links = [Link(link.source_id, link.target_id) for link in register.links(assessment_id)]
            drafts = self._proposals(framework, profile, records, links, planning, assessment_id)
            planning.remove_app_proposals(assessment_id)
            return [planning.add_area(assessment_id, draft) for draft in drafts]

    def _proposals(
        self,
        framework: Framework,
        profile: ResilienceProfile,
        records: list[RegisterItemRecord],
        links: list[Link[int]],
        planning: PlanningRepository,
        assessment_id: int,
    ) -> list[DiscoveryAreaDraft]:
        actions = planning.actions(assessment_id)
        areas = planning.areas(assessment_id)
        items = {record.id: record for record in records}
        ranking = ranking_of(records, links)
        served = {record.step.area_id for record in planning.next_steps(assessment_id)}
        settled = {goal for area in areas if not _is_untouched_proposal(area, served) for goal in area.area.goals}
        standings = [
            GoalStanding(goal.id, profile.goals[goal.id].level, profile.goals[goal.id].coverage)
            for goal in framework.goals()
            if goal.id not in settled
        ]
        proposals = propose_areas(
            standings,
            [entry.item.item_id for entry in ranking.ranked],
            {item_id: pressure_goals(record.item.goals, self.catalogue.get(record.item.hazard_id or "")) for item_id, record in items.items()},
            action_counts(actions, [goal.id for goal in framework.goals()]),
        )
        drafts = []
        for proposal in proposals:
            goal = framework.goal(proposal.goal_id)
            assert goal is not None
            texts = {lang: describe(proposal, goal.name.in_language(lang), self._namer(items, lang), lang) for lang in SUPPORTED_LANGUAGES}
            drafts.append(
                DiscoveryAreaDraft(
                    title=_in_every_language(texts, lambda text: text.title),
                    rationale=_in_every_language(texts, lambda text: text.rationale),
                    goals=(proposal.goal_id,),
                    item_ids=proposal.disrupting_items,
                    status="proposed",
                    origin="app",
                    reasoning={lang: text.reasons for lang, text in texts.items()},
                )
            )
        return drafts

    def _namer(self, items: dict[int, RegisterItemRecord], language: str) -> Callable[[int], str]:
        return lambda item_id: self.item_name(items[item_id], language)

    def _clean_area(self, session: Session, assessment_id: int, draft: DiscoveryAreaDraft) -> DiscoveryAreaDraft:
        framework = self._framework(session, assessment_id)
        items = RegisterRepository(session).items(assessment_id)
        return clean_area(draft, goal_ids=[goal.id for goal in framework.goals()], item_ids=[record.id for record in items])

    def add_area(self, assessment_id: int, draft: DiscoveryAreaDraft) -> DiscoveryAreaRecord:
        with self._session() as session:
            cleaned = self._clean_area(session, assessment_id, dataclasses.replace(draft, origin="own"))
            return PlanningRepository(session).add_area(assessment_id, cleaned)

    def update_area(self, area_id: int, change: Callable[[DiscoveryAreaDraft], DiscoveryAreaDraft]) -> DiscoveryAreaRecord:
        """Apply `change` to the stored area (editing it, accepting or rejecting it), in one transaction."""
        with self._session() as session:
            planning = PlanningRepository(session)
            current = planning.get_area(area_id)
            changed = change(current.area)
            if current.area.origin == "app" and _wording_or_links(changed) != _wording_or_links(current.area):
                changed = dataclasses.replace(changed, origin="edited")  # the CRO's version: kept when the app proposes again
            return planning.update_area(area_id, self._clean_area(session, current.assessment_id, changed))

    def set_area_status(self, area_id: int, status: str) -> DiscoveryAreaRecord:
        return self.update_area(area_id, lambda area: dataclasses.replace(area, status=status))

    def merge_areas(self, area_ids: list[int]) -> DiscoveryAreaRecord:
        """One area in place of several: the first one's title, every goal, item and reason, rationales joined, the
        Phase II questions, data and partners joined line by line; their next steps serve the merged area."""
        if len(set(area_ids)) < 2:
            raise InvalidInputError({"areas": _("Choose two or more discovery areas to merge.")})
        with self._session() as session:  # the areas merged are the areas removed
            planning = PlanningRepository(session)
            areas = [planning.get_area(area_id) for area_id in dict.fromkeys(area_ids)]
            if len({area.assessment_id for area in areas}) != 1:
                raise InvalidInputError({"areas": _("Choose discovery areas of the same assessment.")})
            merged = merge_drafts([area.area for area in areas], joiner=_("; "))
            assessment_id = areas[0].assessment_id
            added = planning.add_area(assessment_id, self._clean_area(session, assessment_id, merged))
            planning.move_next_steps([area.id for area in areas], added.id)  # the steps that served them serve the merged area
            planning.remove_areas([area.id for area in areas])
            return added

    def remove_area(self, area_id: int) -> None:
        with self._session() as session:
            PlanningRepository(session).remove_areas([area_id])


def _in_every_language(texts: dict[str, ProposalText], part: Callable[[ProposalText], str]) -> str:
    """One part of a proposal's wording, kept in every language (`core.every_language`)."""
    return in_every_language(lambda language: part(texts[language]))


def _wording_or_links(area: DiscoveryAreaDraft) -> tuple[object, ...]:
    return (area.title, area.rationale, area.goals, area.item_ids)


def copy_register(session: Session, from_assessment: int, to_assessment: int) -> None:
    """Copy the register, its links, the actions, the discovery areas and the next steps to another assessment."""
    register, planning = RegisterRepository(session), PlanningRepository(session)
    new_ids = {}
    for record in register.items(from_assessment):
        copy = register.add(to_assessment, record.item)
        register.set_override(copy.id, record.override_rank, record.override_reason)
        new_ids[record.id] = copy.id
    for link in register.links(from_assessment):
        register.set_link(to_assessment, RegisterLinkRecord(new_ids[link.source_id], new_ids[link.target_id]), True)
    for action in planning.actions(from_assessment):
        planning.add_action(to_assessment, dataclasses.replace(action.action, item_ids=tuple(new_ids[i] for i in action.action.item_ids if i in new_ids)))
    new_area_ids = {}
    for area in planning.areas(from_assessment):
        copied = planning.add_area(to_assessment, dataclasses.replace(area.area, item_ids=tuple(new_ids[i] for i in area.area.item_ids if i in new_ids)))
        new_area_ids[area.id] = copied.id
    for step in planning.next_steps(from_assessment):
        area_id = new_area_ids.get(step.step.area_id) if step.step.area_id is not None else None
        planning.add_next_step(to_assessment, dataclasses.replace(step.step, area_id=area_id))


def _is_untouched_proposal(area: DiscoveryAreaRecord, served: set[int | None]) -> bool:
    """An app proposal the CRO has neither decided on, reworded, written Phase II work for nor given a next step
    (the areas in `served`): proposing again replaces it."""
    return area.area.origin == "app" and area.area.status == "proposed" and not area.area.has_phase_two_work and area.id not in served


def ranking_of(records: list[RegisterItemRecord], links: list[Link[int]]) -> RegisterRanking:
    rated = [record for record in records if record.is_rated]
    ranked = rank_items(
        [RatedItem(record.id, record.item.likelihood or 0, record.item.impact or 0, record.item.trend) for record in rated],  # type: ignore[arg-type]  # stored as text; register/rules.py saves only TRENDS
        links,
        [RankOverride(record.id, record.override_rank, record.override_reason) for record in rated if record.override_rank],
    )
    return RegisterRanking(
        ranked=ranked,
        unrated=[record for record in records if not record.is_rated],
        most_connected=most_connected([record.id for record in records], links),
    )


def action_counts(actions: list[ActionRecord], goal_ids: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(goal_ids, 0)
    for record in actions:
        if record.action.status == "on_hold":
            continue
        for goal_id in set(record.action.goals):
            if goal_id in counts:
                counts[goal_id] += 1
    return counts


def merge_drafts(areas: list[DiscoveryAreaDraft], *, joiner: str) -> DiscoveryAreaDraft:
    first = areas[0]
    rationale = joiner.join(area.rationale for area in areas if area.rationale)
    reasoning = {
        language: tuple(line for area in areas for line in area.reasoning.get(language, ()))
        for language in SUPPORTED_LANGUAGES
        if any(area.reasoning.get(language) for area in areas)
    }
    return DiscoveryAreaDraft(
        title=first.title,
        rationale=rationale[:500],
        goals=tuple(dict.fromkeys(goal for area in areas for goal in area.goals)),
        item_ids=tuple(dict.fromkeys(item for area in areas for item in area.item_ids)),
        status="accepted" if any(area.status == "accepted" for area in areas) else "proposed",
        origin="own",
        reasoning=reasoning,
        questions=_joined_lines(area.questions for area in areas),
        data_needed=_joined_lines(area.data_needed for area in areas),
        partners=_joined_lines(area.partners for area in areas),
    )


def _joined_lines(texts: Iterable[str]) -> str:
    """Several areas' texts as one, each on its own lines (a line that two areas share kept once)."""
    return "\n".join(dict.fromkeys(line for text in texts for line in text.splitlines() if line.strip()))
