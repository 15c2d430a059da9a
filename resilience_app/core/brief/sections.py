"""The sections a brief can hold, in the order they appear; the user picks which to include."""

from __future__ import annotations

from resilience_app.core.i18n import N_

SECTION_TITLES: dict[str, str] = {
    "purpose": N_("Purpose of the workshop"),
    "primer": N_("How to read this brief"),
    "city_profile": N_("The city"),
    "resilience_profile": N_("Resilience profile"),
    "strengths_weaknesses": N_("Strengths and weaknesses by goal"),
    "qualities": N_("The seven qualities"),
    "shocks_stresses": N_("Priority shocks and stresses"),
    "interconnections": N_("Interconnections"),
    "workshop": N_("What the workshop said"),
    "actions": N_("Actions already under way"),
    "discovery_areas": N_("Candidate discovery areas"),
    "contributors": N_("Contributors and agreement"),
    "evidence_gaps": N_("Evidence gaps and low confidence"),
    "agenda": N_("Proposed workshop agenda"),
    "next_steps": N_("Next steps"),
    "appendix": N_("Appendix: every answer"),
}
SECTION_IDS: tuple[str, ...] = tuple(SECTION_TITLES)
