"""The sample's register, actions inventory, discovery areas and next steps, read from `sample_register.yaml`.

The file holds every text in both languages; the sample keeps them both (`core.every_language`).
After the register and the actions are in, the app proposes discovery areas as it would for
any city, and the sample accepts the first few, so what a user sees is the app's own reasoning;
the CRO's part (what Phase II must work on in each, and the next steps) is then filled from the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from resilience_app.core.every_language import in_every_language
from resilience_app.core.register.records import ActionDraft, DiscoveryAreaDraft, NextStepDraft, RegisterItemDraft
from resilience_app.core.services import ResilienceService

SAMPLE_REGISTER_FILE = Path(__file__).with_name("sample_register.yaml")


def _load() -> dict[str, Any]:
    with SAMPLE_REGISTER_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = YAML(typ="safe", pure=True).load(stream)
    return data


def _text(value: dict[str, str] | None) -> str:
    return in_every_language(lambda language: (value or {}).get(language, ""))


def add_sample_register(service: ResilienceService, assessment_id: int) -> dict[str, int]:
    """Add the register, actions and areas; returns the items' ids by their key in the file."""
    data = _load()
    register = service.register
    ids: dict[str, int] = {}
    for entry in data["items"]:
        name = entry.get("name", {})
        draft = RegisterItemDraft(
            kind=entry.get("kind", "shock"),
            hazard_id=entry.get("hazard"),
            name_en=name.get("en", ""),
            name_ar=name.get("ar", ""),
            likelihood=entry["likelihood"],
            impact=entry["impact"],
            trend=entry["trend"],
            scenario_probable=_text(entry.get("probable")),
            scenario_severe=_text(entry.get("severe")),
            goals=tuple(entry.get("goals", ())),
            systems=_text(entry.get("systems")),
            groups_affected=_text(entry.get("groups")),
            confidence=entry.get("confidence"),
            notes=_text(entry.get("notes")),
            sensitive=bool(entry.get("sensitive", False)),
        )
        ids[entry["key"]] = register.add_item(assessment_id, draft).id
    for source, target in data["links"]:
        register.set_link(assessment_id, ids[source], ids[target])
    for override in data["overrides"]:
        register.set_rank(ids[override["item"]], override["rank"], _text(override["reason"]))
    for entry in data["actions"]:
        register.add_action(
            assessment_id,
            ActionDraft(
                title=_text(entry["title"]),
                owner=_text(entry.get("owner")),
                status=entry["status"],
                timeframe=_text(entry.get("timeframe")),
                budget_source=_text(entry.get("budget")),
                goals=tuple(entry.get("goals", ())),
                item_ids=tuple(ids[key] for key in entry.get("items", ())),
                qualities=tuple(entry.get("qualities", ())),
            ),
        )
    for area in register.propose_areas(assessment_id):  # the workshop accepted those Phase II has work written for
        if area.area.goals and area.area.goals[0] in data["phase_two"]:
            register.set_area_status(area.id, "accepted")
    _add_phase_two(service, assessment_id, data)
    return ids


def _add_phase_two(service: ResilienceService, assessment_id: int, data: dict[str, Any]) -> None:
    """What Phase II must work on in each accepted area (found by its goal), and the next steps."""
    areas = {area.area.goals[0]: area.id for area in service.register.areas(assessment_id) if area.area.status == "accepted"}
    for goal_id, work in data["phase_two"].items():
        if goal_id not in areas:
            continue

        def filled(area: DiscoveryAreaDraft, work: dict[str, Any] = work) -> DiscoveryAreaDraft:
            return dataclasses.replace(area, questions=_text(work["questions"]), data_needed=_text(work["data"]), partners=_text(work["partners"]))

        service.register.update_area(areas[goal_id], filled)
    start = service.assessments.get_assessment(assessment_id).details.assessment_date or dt.date.today()
    for entry in data["next_steps"]:
        draft = NextStepDraft(
            what=_text(entry["what"]),
            owner=_text(entry["owner"]),
            due=start + dt.timedelta(weeks=entry["weeks"]),
            status=entry["status"],
            area_id=areas.get(entry.get("area", "")),
        )
        service.next_steps.add_next_step(assessment_id, draft)
