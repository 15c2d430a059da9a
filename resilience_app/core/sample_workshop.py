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

from resilience_app.core.services import ResilienceService
from resilience_app.core.workshop.records import DOT_VOTE, RANKING, ExerciseDraft, GroupRating, ParticipantDraft, WorkshopDraft

SAMPLE_WORKSHOP_FILE = Path(__file__).with_name("sample_workshop.yaml")
GENDERS = {"w": "woman", "m": "man", "-": ""}


def _load() -> dict[str, Any]:
    with SAMPLE_WORKSHOP_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = YAML(typ="safe", pure=True).load(stream)
    return data


def add_sample_workshop(service: ResilienceService, assessment_id: int, item_ids: dict[str, int], held_on: dt.date, language: str) -> None:
    """Add the workshop; `item_ids` are the sample register's items by their key in the register file."""
    data, workshops = _load(), service.workshops
    about = data["workshop"]
    record = workshops.add_workshop(
        assessment_id,
        WorkshopDraft(
            title=about["title"][language],
            held_on=held_on - dt.timedelta(days=about["days_before_assessment"]),
            venue=about["venue"][language],
            notes=about["notes"][language],
        ),
    )
    snapshot = workshops.snapshot(record.id)
    first_session = snapshot.sessions[0]
    session_ids = [first_session.id] + [workshops.add_session(record.id, title[language]).id for title in data["sessions"][1:]]
    workshops.rename_session(first_session.id, data["sessions"][0][language])
    group_ids = [workshops.add_group(record.id, name[language]).id for name in data["groups"]]
    _add_participants(service, record.id, data, group_ids, language)

    vote = data["dot_vote"]
    exercise = workshops.add_exercise(
        record.id,
        ExerciseDraft(DOT_VOTE, vote["title"][language], session_ids[vote["session"]], dots_per_group=vote["dots_per_group"], duration_minutes=vote["minutes"]),
    )
    for table, dots in vote["votes"].items():
        for goal_id, count in dots.items():
            workshops.set_dots(exercise.id, group_ids[table - 1], goal_id, count)

    ranking = data["ranking"]
    exercise = workshops.add_exercise(
        record.id,
        ExerciseDraft(
            RANKING, ranking["title"][language], session_ids[ranking["session"]], duration_minutes=ranking["minutes"],
            item_ids=tuple(item_ids[key] for key in ranking["items"]),
        ),
    )
    for table, ratings in ranking["ratings"].items():
        for key, (likelihood, impact) in ratings.items():
            workshops.set_rating(exercise.id, GroupRating(group_ids[table - 1], item_ids[key], likelihood, impact))
    workshops.apply_room_ranking(exercise.id)


def _add_participants(service: ResilienceService, workshop_id: int, data: dict[str, Any], group_ids: list[int], language: str) -> None:
    first_names = {gender: iter(names * 3) for gender, names in data["first_names"].items()}
    family_names = data["family_names"]
    for number, (sector, gender, age_band, table, organisation, named) in enumerate(data["participants"]):
        name = ""
        if named:
            first = next(first_names["woman" if gender == "w" else "man"])
            name = f"{first[language]} {family_names[number % len(family_names)][language]}"
        service.workshops.add_participant(
            workshop_id,
            ParticipantDraft(
                sector=sector,
                name=name,
                organisation=data["organisations"][sector][organisation][language],
                gender=GENDERS[gender],
                age_band="" if age_band == "-" else age_band,
                group_id=group_ids[table - 1],
            ),
        )
