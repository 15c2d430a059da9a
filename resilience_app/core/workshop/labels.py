"""The words for participants' details and the exercises, shared by every view, import and export."""

from __future__ import annotations

from resilience_app.core.content.model import Sector
from resilience_app.core.i18n import N_, current_language, translate_in
from resilience_app.core.workshop.records import DOT_VOTE, OWN_SECTOR_PREFIX, RANKING

GENDER_NAMES = {"woman": N_("Woman"), "man": N_("Man")}
# Age bands, youngest first. Many Arab national youth policies count people up to 35 as young.
AGE_BAND_NAMES = {
    "under-25": N_("Under 25"),
    "25-34": N_("25 to 34"),
    "35-49": N_("35 to 49"),
    "50-64": N_("50 to 64"),
    "65-plus": N_("65 and over"),
}
YOUTH_BANDS = ("under-25", "25-34")
EXERCISE_KIND_NAMES = {DOT_VOTE: N_("Goals dot vote"), RANKING: N_("Shocks and stresses ranking")}
# How the room's view of a goal compares with the questionnaire's (see `results.compare_perceptions`).
VERDICT_NAMES = {
    "both": N_("Both see a weakness"),
    "room_only": N_("The room’s concern; the questionnaire rates it higher"),
    "assessment_only": N_("The questionnaire’s weakness; the room gave it few dots"),
    "neither": N_("Neither"),
    "not_assessed": N_("Not assessed yet"),
}


def own_sector(name: str) -> str:
    """The value a participant's sector takes for a sector the workshop added itself."""
    return OWN_SECTOR_PREFIX + name


def sector_name(sector: str, sectors: dict[str, Sector], language: str | None = None) -> str:
    """A sector's name in `language`: the content's name, or the workshop's own name as typed."""
    if sector.startswith(OWN_SECTOR_PREFIX):
        return sector.removeprefix(OWN_SECTOR_PREFIX)
    known = sectors.get(sector)
    return known.name.in_language(language) if known else sector


def label_in(names: dict[str, str], key: str, language: str | None = None) -> str:
    """The translated label of `key` in `names`, or "" when not given."""
    return translate_in(language or current_language(), names[key]) if key in names else ""
