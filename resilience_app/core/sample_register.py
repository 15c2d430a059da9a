"""The sample's register, actions inventory and discovery areas, read from `sample_register.yaml`.

The file holds every text in both languages; the sample keeps them both (`core.every_language`).
After the register and the actions are in, the app proposes discovery areas as it would for
any city, and the sample accepts the first few, so what a user sees is the app's own reasoning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from resilience_app.core.every_language import in_every_language
from resilience_app.core.register.records import ActionDraft, RegisterItemDraft
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
    for area in register.propose_areas(assessment_id)[: data["accept"]]:
        register.set_area_status(area.id, "accepted")
    return ids
