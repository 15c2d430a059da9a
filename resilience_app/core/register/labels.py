"""The words for the register's scales and states, shared by every view and export."""

from __future__ import annotations

from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import N_, _, current_language

KIND_NAMES = {"shock": N_("Shock"), "stress": N_("Stress")}
LIKELIHOOD_NAMES = {1: N_("Rare"), 2: N_("Unlikely"), 3: N_("Possible"), 4: N_("Likely"), 5: N_("Almost certain")}
IMPACT_NAMES = {1: N_("Negligible"), 2: N_("Minor"), 3: N_("Moderate"), 4: N_("Major"), 5: N_("Severe")}
TREND_NAMES = {"rising": N_("Rising"), "stable": N_("Stable"), "falling": N_("Falling"), "unknown": N_("Unknown")}
ACTION_STATUS_NAMES = {"planned": N_("Planned"), "ongoing": N_("Ongoing"), "completed": N_("Completed"), "on_hold": N_("On hold")}
AREA_STATUS_NAMES = {"proposed": N_("Proposed"), "accepted": N_("Accepted"), "rejected": N_("Rejected")}


def scale_label(names: dict[int, str], level: int | None) -> str:
    """'4 · Likely', or a dash when not rated yet."""
    if level is None:
        return _("—")
    return _("{number} · {name}").format(number=format_number(level), name=_(names[level]))


def name_list(names: list[str], language: str | None = None) -> str:
    """Names of shocks and stresses as a list. In Arabic each is quoted: many names hold «و»
    ("and"), so a list joined with «و» would not show where one name ends."""
    lang = language or current_language()
    shown = [f"«{name}»" for name in names] if lang == "ar" else list(names)
    return format_list(shown, language=lang)
