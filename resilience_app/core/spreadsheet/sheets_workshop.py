"""Sheets read from the workshops: each workshop, the goals dot votes (dots per goal, beside the
questionnaire's level) and the room's rankings of shocks and stresses.

Every number is computed by `core.workshop` (`results.py`), as the brief and the workshop screens show it.
"""

from __future__ import annotations

from resilience_app.core.brief.data import BriefData, DotVoteResults, RankingResults
from resilience_app.core.i18n import _, current_language
from resilience_app.core.spreadsheet.cells import label, lines, text
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet
from resilience_app.core.spreadsheet.sheets_assessment import ID, LONG, NAME
from resilience_app.core.workshop.labels import VERDICT_NAMES


def _exercise_columns() -> tuple[Column, ...]:
    return (Column(_("Workshop id"), 10), Column(_("Workshop"), 28), Column(_("Exercise id"), 10), Column(_("Exercise"), 28))


def workshops(data: BriefData) -> Sheet:
    rows = []
    for results in data.workshops:
        snapshot = results.snapshot
        draft = snapshot.record.workshop
        rows.append((
            snapshot.id, draft.title, draft.held_on, text(draft.venue), len(snapshot.participants), len(snapshot.groups),
            lines(session.title for session in snapshot.sessions), text(draft.notes),
        ))
    return Sheet(
        key="workshops",
        title=_("Workshops"),
        columns=(
            Column(_("Workshop id"), 10), Column(_("Workshop"), NAME), Column(_("Date"), 12), Column(_("Venue"), 24),
            Column(_("Participants"), 12), Column(_("Groups"), 10), Column(_("Sessions"), NAME), Column(_("Notes"), LONG),
        ),
        rows=tuple(rows),
    )


def dot_votes(data: BriefData) -> Sheet:
    """Each goal in each dot vote: the room's dots and rank beside the questionnaire's level, and how the two read together."""
    language = current_language()
    rows: list[tuple[CellValue, ...]] = []
    for results in data.workshops:
        for vote in results.exercises:
            if not isinstance(vote, DotVoteResults):
                continue
            tallies = {tally.goal_id: tally for tally in vote.tallies}
            for perception in vote.perceptions:  # every goal, framework order
                goal, tally = data.framework.goal(perception.goal_id), tallies.get(perception.goal_id)
                rows.append((
                    results.snapshot.id, results.snapshot.record.workshop.title, vote.exercise.id, vote.exercise.exercise.title,
                    perception.goal_id, goal.name.in_language(language) if goal else None, perception.dots, tally.groups if tally else 0,
                    tally.share if tally else 0.0, perception.room_rank, perception.level, label(VERDICT_NAMES, perception.verdict),
                ))
    return Sheet(
        key="dot_votes",
        title=_("Dot votes"),
        columns=(
            *_exercise_columns(), Column(_("Goal id"), ID), Column(_("Goal"), NAME), Column(_("Dots"), 8), Column(_("Groups"), 8),
            Column(_("Share of the dots"), 10, "share"), Column(_("Room’s rank"), 10), Column(_("Questionnaire level"), 12, "level"),
            Column(_("Reading"), NAME),
        ),
        rows=tuple(rows),
    )


def room_rankings(data: BriefData) -> Sheet:
    """Each shortlisted shock or stress in each ranking exercise: the room's rank and ratings (empty until a group rates it)."""
    language = current_language()
    register_ranks = {int(entry.item.item_id): entry.rank for entry in data.ranking.ranked}
    rows: list[tuple[CellValue, ...]] = []
    for results in data.workshops:
        for exercise in results.exercises:
            if not isinstance(exercise, RankingResults):
                continue
            about = (results.snapshot.id, results.snapshot.record.workshop.title, exercise.exercise.id, exercise.exercise.exercise.title)
            for item in exercise.ranking.ranked:
                rows.append((
                    *about, item.item_id, data.item_name(item.item_id, language), item.rank, item.likelihood, item.impact, item.priority,
                    item.lowest, item.highest, item.spread, item.groups, register_ranks.get(item.item_id),
                ))
            for item_id in exercise.ranking.unrated:
                rows.append((*about, item_id, data.item_name(item_id, language), None, None, None, None, None, None, None, 0, register_ranks.get(item_id)))
    return Sheet(
        key="room_rankings",
        title=_("Room rankings"),
        columns=(
            *_exercise_columns(), Column(_("Item id"), 10), Column(_("Shock or stress"), NAME), Column(_("Room’s rank"), 10),
            Column(_("Mean likelihood / trend"), 10, "level"), Column(_("Mean impact / severity"), 10, "level"), Column(_("Room priority (mean, 1–25)"), 12, "level"),
            Column(_("Lowest group priority"), 10), Column(_("Highest group priority"), 10), Column(_("Spread between groups"), 10),
            Column(_("Groups that rated it"), 10), Column(_("Register rank"), 10),
        ),
        rows=tuple(rows),
    )
