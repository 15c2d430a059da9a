"""The sample's baseline round: the same fictional city assessed two years before the sample (`core.sample`).

The baseline is made first and the sample is started from it as a follow-up, so the two are rounds of one series
and the comparison (the Change view, the documents' "Change since the baseline", the workbook's change sheets) shows
movement at once: most goals were a level lower two years before, two were higher, some answers differ, the
register lacked two of today's stresses and rated others differently, and several actions were only planned.
"""

from __future__ import annotations

from resilience_app.core.register.records import ActionDraft, RegisterItemDraft
from resilience_app.core.sample_register import _load, _text
from resilience_app.core.services import ResilienceService

BASELINE_YEARS = 2
BASELINE_SEED = 2024
# Each goal's typical level two years before: lower on most, higher on social stability, security and justice
# (goal-5) and on long-term and integrated planning (goal-12), which have worsened since.
BASELINE_GOAL_LEVELS = {
    "goal-1": 2, "goal-2": 2, "goal-3": 2, "goal-4": 2, "goal-5": 3, "goal-6": 3,
    "goal-7": 2, "goal-8": 2, "goal-9": 3, "goal-10": 3, "goal-11": 2, "goal-12": 3,
}
# The register two years before: two of today's stresses not yet recognised, one since resolved, some rated lower.
NOT_YET_IN_THE_REGISTER = frozenset({"youth", "riverbed"})
RATED_DIFFERENTLY = {"power-cuts": {"likelihood": 4}, "cost-of-living": {"likelihood": 3}, "heatwave": {"likelihood": 3}}
GONE_SINCE = {
    "kind": "stress",
    "name": {"en": "Fuel shortages", "ar": "نقص الوقود"},
    "likelihood": 4,
    "impact": 4,
    "trend": "stable",
}
# What each action's status was two years before, where it differed.
EARLIER_STATUS = {"ongoing": "planned", "completed": "ongoing"}
EARLIER_STATUS_EVERY = 2  # every second action of the inventory had not moved on yet


def add_baseline_register(service: ResilienceService, assessment_id: int) -> None:
    """The baseline's register and actions inventory (no links, overrides, areas or next steps: no workshop then)."""
    data = _load()
    register = service.register
    ids: dict[str, int] = {}
    for entry in (*data["items"], GONE_SINCE):
        key = entry.get("key", "")
        if key in NOT_YET_IN_THE_REGISTER:
            continue
        name = entry.get("name", {})
        rating = {"likelihood": entry["likelihood"], "impact": entry["impact"], **RATED_DIFFERENTLY.get(key, {})}
        draft = RegisterItemDraft(
            kind=entry.get("kind", "shock"),
            hazard_id=entry.get("hazard"),
            name_en=name.get("en", ""),
            name_ar=name.get("ar", ""),
            likelihood=rating["likelihood"],
            impact=rating["impact"],
            trend=entry["trend"],
            goals=tuple(entry.get("goals", ())),
            confidence=entry.get("confidence"),
            sensitive=bool(entry.get("sensitive", False)),
        )
        ids[key] = register.add_item(assessment_id, draft).id
    for number, entry in enumerate(data["actions"]):
        status = entry["status"]
        if number % EARLIER_STATUS_EVERY == 0:
            status = EARLIER_STATUS.get(status, status)
        register.add_action(
            assessment_id,
            ActionDraft(
                title=_text(entry["title"]),
                owner=_text(entry.get("owner")),
                status=status,
                goals=tuple(entry.get("goals", ())),
                item_ids=tuple(ids[key] for key in entry.get("items", ()) if key in ids),
                qualities=tuple(entry.get("qualities", ())),
            ),
        )

