"""The sample's agenda-setting workshop, read from `sample_workshop.yaml`.

Participants, tables, a goals dot vote and a ranking of shortlisted register items, entered
through the same service calls the facilitator's screens use; the room's ranking is then
applied to the register, as a facilitator would at the end of the day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from resilience_app.core.every_language import in_every_language
from resilience_app.core.services import ResilienceService
from resilience_app.core.workshop.records import DOT_VOTE, RANKING, ExerciseDraft, GroupRating, ParticipantDraft, WorkshopDraft

SAMPLE_WORKSHOP_FILE = Path(__file__).with_name("sample_workshop.yaml")
GENDERS = {"w": "woman", "m": "man", "-": ""}


def _load() -> dict[str, Any]:
    with SAMPLE_WORKSHOP_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = YAML(typ="safe", pure=True).load(stream)
    return data


def _both(texts: dict[str, str]) -> str:
    """A text of the file in every language (`core.every_language`)."""
    return in_every_language(lambda language: texts[language])


def add_sample_workshop(service: ResilienceService, assessment_id: int, item_ids: dict[str, int], held_on: dt.date) -> None:
    """Add the workshop; `item_ids` are the sample register's items by their key in the register file."""
    data, workshops = _load(), service.workshops
    about = data["workshop"]
    record = workshops.add_workshop(
        assessment_id,
        WorkshopDraft(
            title=_both(about["title"]),
            held_on=held_on - dt.timedelta(days=about["days_before_assessment"]),
            venue=_both(about["venue"]),
            notes=_both(about["notes"]),
        ),
    )
    snapshot = workshops.snapshot(record.id)
    first_session = snapshot.sessions[0]
    session_ids = [first_session.id] + [workshops.add_session(record.id, _both(title)).id for title in data["sessions"][1:]]
    workshops.rename_session(first_session.id, _both(data["sessions"][0]))
    group_ids = [workshops.add_group(record.id, _both(name)).id for name in data["groups"]]
    _add_participants(service, record.id, data, group_ids)

    vote = data["dot_vote"]
    exercise = workshops.add_exercise(
        record.id,
        ExerciseDraft(DOT_VOTE, _both(vote["title"]), session_ids[vote["session"]], dots_per_group=vote["dots_per_group"], duration_minutes=vote["minutes"]),
    )
    for table, dots in vote["votes"].items():
        for goal_id, count in dots.items():
            workshops.set_dots(exercise.id, group_ids[table - 1], goal_id, count)

    ranking = data["ranking"]
    exercise = workshops.add_exercise(
        record.id,
        ExerciseDraft(
            RANKING, _both(ranking["title"]), session_ids[ranking["session"]], duration_minutes=ranking["minutes"],
            item_ids=tuple(item_ids[key] for key in ranking["items"]),
        ),
    )
    for table, ratings in ranking["ratings"].items():
        for key, (likelihood, impact) in ratings.items():
            workshops.set_rating(exercise.id, GroupRating(group_ids[table - 1], item_ids[key], likelihood, impact))
    workshops.apply_room_ranking(exercise.id)


def _full_name(first: dict[str, str], family: dict[str, str]) -> str:
    return in_every_language(lambda language: f"{first[language]} {family[language]}")


def _add_participants(service: ResilienceService, workshop_id: int, data: dict[str, Any], group_ids: list[int]) -> None:
    first_names = {gender: iter(names * 3) for gender, names in data["first_names"].items()}
    family_names = data["family_names"]
    for number, (sector, gender, age_band, table, organisation, named) in enumerate(data["participants"]):
        name = ""
        if named:
            first = next(first_names["woman" if gender == "w" else "man"])
            family = family_names[number % len(family_names)]
            name = _full_name(first, family)
        service.workshops.add_participant(
            workshop_id,
            ParticipantDraft(
                sector=sector,
                name=name,
                organisation=_both(data["organisations"][sector][organisation]),
                gender=GENDERS[gender],
                age_band="" if age_band == "-" else age_band,
                group_id=group_ids[table - 1],
            ),
        )
