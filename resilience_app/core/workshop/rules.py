"""What makes a workshop, a participant, a group, a session or an exercise acceptable, and the allowance rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from resilience_app.core.assessment.answer_rules import is_level
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.text_rules import clean_text, strip_texts, text_problem, text_problems, title_problem, too_long
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, own_sector
from resilience_app.core.workshop.records import DOT_VOTE, EXERCISE_KINDS, RANKING, ExerciseDraft, ParticipantDraft, WorkshopDraft

MAX_TITLE_LENGTH = 300
MAX_NAME_LENGTH = 200
MAX_GROUP_NAME_LENGTH = 100
MAX_NOTES_LENGTH = 20_000
MAX_DOTS_PER_GROUP = 100
MAX_MINUTES = 240


def _raise_if(problems: dict[str, str]) -> None:
    if problems:
        raise InvalidInputError(problems)


def same_name(first: str, second: str) -> bool:
    """Two names a user would take for the same (case, Arabic letter variants and spaces aside)."""
    return " ".join(normalise_for_search(first).split()) == " ".join(normalise_for_search(second).split())


def clean_workshop(draft: WorkshopDraft, *, content_sector_names: Iterable[str]) -> WorkshopDraft:
    broken = text_problems(draft, "title", "venue", "notes", "own_sectors")
    draft = strip_texts(draft)
    own = tuple(" ".join(name.split()) for name in draft.own_sectors if name.strip())
    problems: dict[str, str] = {}
    if message := title_problem(draft.title, _("Give the workshop a title."), MAX_TITLE_LENGTH):
        problems["title"] = message
    if message := too_long(draft.venue, MAX_TITLE_LENGTH):
        problems["venue"] = message
    if message := too_long(draft.notes, MAX_NOTES_LENGTH):
        problems["notes"] = message
    taken = list(content_sector_names)
    for name in own:
        if too_long(name, MAX_GROUP_NAME_LENGTH):
            problems["own_sectors"] = too_long(name, MAX_GROUP_NAME_LENGTH)
        elif any(same_name(name, other) for other in taken):
            problems["own_sectors"] = _("The sector “{name}” is already in the list.").format(name=isolate(name))
        taken.append(name)
    if draft.held_on is not None and type(draft.held_on) is not dt.date:
        problems["held_on"] = _("Enter the date the workshop is held on.")
    problems.update(broken)
    _raise_if(problems)
    return dataclasses.replace(draft, own_sectors=own)


def clean_name(name: str, others: Iterable[str], *, when_missing: str, when_taken: str, limit: int) -> str:
    """A group's or a session's name: given, short enough, not the name of another one."""
    message = text_problem(name)
    cleaned = clean_text(name)
    spaced = " ".join(cleaned.split())
    name = cleaned if spaced == cleaned else spaced  # unchanged, a name the app worded in every language stays so
    message = message or title_problem(name, when_missing, limit)
    if not message and any(same_name(name, other) for other in others):
        message = when_taken.format(name=isolate(name))
    _raise_if({"name": message} if message else {})
    return name


def clean_participant(draft: ParticipantDraft, *, sector_ids: Iterable[str], own_sectors: Iterable[str], group_ids: Iterable[int]) -> ParticipantDraft:
    broken = text_problems(draft, "name", "organisation")
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    known = set(sector_ids) | {own_sector(name) for name in own_sectors}
    if not draft.sector:
        problems["sector"] = _("Choose the participant's sector.")
    elif draft.sector not in known:
        problems["sector"] = _("Choose one of the workshop's sectors.")
    if message := too_long(draft.name, MAX_NAME_LENGTH):
        problems["name"] = message
    if message := too_long(draft.organisation, MAX_TITLE_LENGTH):
        problems["organisation"] = message
    if draft.gender and draft.gender not in GENDER_NAMES:
        problems["gender"] = _("Choose woman, man, or leave it blank.")
    if draft.age_band and draft.age_band not in AGE_BAND_NAMES:
        problems["age_band"] = _("Choose an age band, or leave it blank.")
    if draft.group_id is not None and not (type(draft.group_id) is int and draft.group_id in set(group_ids)):
        problems["group_id"] = _("Choose one of the workshop's groups.")
    problems.update(broken)
    _raise_if(problems)
    return draft


def clean_exercise(draft: ExerciseDraft, *, session_ids: Iterable[int], item_ids: Iterable[int]) -> ExerciseDraft:
    broken = text_problems(draft, "title")
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    if draft.kind not in EXERCISE_KINDS:
        problems["kind"] = _("Choose a dot vote or a ranking.")
    if message := title_problem(draft.title, _("Give the exercise a title."), MAX_TITLE_LENGTH):
        problems["title"] = message
    if draft.session_id not in set(session_ids):
        problems["session_id"] = _("Choose one of the workshop's sessions.")
    if draft.kind == DOT_VOTE and not _whole_between(draft.dots_per_group, 1, MAX_DOTS_PER_GROUP):
        problems["dots_per_group"] = _("Give each group from 1 to {count} dots.").format(count=format_number(MAX_DOTS_PER_GROUP))
    if not _whole_between(draft.duration_minutes, 0, MAX_MINUTES):
        problems["duration_minutes"] = _("Set a time from 0 (no timer) to {count} minutes.").format(count=format_number(MAX_MINUTES))
    if draft.kind == RANKING:
        if not draft.item_ids:
            problems["item_ids"] = _("Shortlist at least one shock or stress of the register.")
        elif set(draft.item_ids) - set(item_ids):
            problems["item_ids"] = _("Choose shocks and stresses that are in the register.")
    problems.update(broken)
    _raise_if(problems)
    item_list = tuple(dict.fromkeys(draft.item_ids)) if draft.kind == RANKING else ()
    dots = draft.dots_per_group if draft.kind == DOT_VOTE else 0
    return ExerciseDraft(draft.kind, draft.title, draft.session_id, dots, draft.duration_minutes, item_list)


def _whole_between(value: object, lowest: int, highest: int) -> bool:
    """A whole number (not 2.5, not True) from `lowest` to `highest`."""
    return type(value) is int and lowest <= value <= highest


def check_dots(votes: Mapping[tuple[int, str], int], *, group_id: int, group_name: str, goal_id: str, dots: int, allowance: int) -> None:
    """Refuse a number of dots that is negative or takes the group over its allowance."""
    if type(dots) is not int or dots < 0:
        raise InvalidInputError({"dots": _("A group cannot place fewer than 0 dots on a goal.")})
    elsewhere = sum(count for (group, goal), count in votes.items() if group == group_id and goal != goal_id)
    if elsewhere + dots > allowance:
        left = allowance - elsewhere
        raise InvalidInputError(
            {
                "dots": _("{group} has {allowance} dots in all and {used} are on other goals: at most {left} can go on this one.").format(
                    group=isolate(group_name), allowance=format_number(allowance), used=format_number(elsewhere), left=format_number(left)
                )
            }
        )


def check_rating_level(value: int | None, field: str) -> None:
    if value is not None and not is_level(value):
        raise InvalidInputError({field: _("Choose a level from 1 to 5.")})
