"""The documents made from one assessment and the sections each can hold, in the order they appear.

Two documents share one model and most builders: the workshop brief, read *before* the
agenda-setting or strategy workshop, and the Preliminary Resilience Assessment (PRA), written
*after* it. The user picks the document, then which of its sections to include.
"""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.i18n import N_

BRIEF = "brief"
PRA = "pra"

SECTION_TITLES: dict[str, str] = {
    "summary": N_("Summary"),
    "executive_summary": N_("Executive summary"),
    "purpose": N_("Purpose of the workshop"),
    "primer": N_("How to read this brief"),
    "city_profile": N_("The city"),
    "city_context": N_("City context"),
    "resilience_profile": N_("Resilience profile"),
    "quantitative": N_("The figures behind the levels"),
    "change": N_("Change since the baseline"),
    "by_framework": N_("The profile by framework"),
    "strengths_weaknesses": N_("Strengths and weaknesses by goal"),
    "qualities": N_("The seven qualities"),
    "shocks_stresses": N_("Priority shocks and stresses"),
    "scenarios": N_("Scenarios of the priority shocks and stresses"),
    "interconnections": N_("Interconnections"),
    "workshop": N_("What the workshop said"),
    "actions": N_("Actions inventory"),
    "gaps_overlaps": N_("Gaps and overlaps in the actions"),
    "discovery_areas": N_("Discovery areas"),
    "contributors": N_("Contributors and agreement"),
    "evidence_gaps": N_("Evidence gaps and low confidence"),
    "agenda": N_("Proposed workshop agenda"),
    "next_steps": N_("Next steps"),
    "appendix": N_("Appendix: every answer"),
}


@dataclass(frozen=True)
class DocumentKind:
    id: str
    name: str  # what the export dialog and the cover call it (untranslated)
    sections: tuple[str, ...]  # every section it can hold, in its order
    defaults: tuple[str, ...]  # those included unless the user picks others
    with_an_earlier_round: tuple[str, ...] = ()  # defaults only for a later round of a series (worth their pages then)

    def defaults_for(self, *, has_earlier_round: bool) -> tuple[str, ...]:
        """The sections included unless the user picks others, for an assessment with or without an earlier round."""
        return self.defaults if has_earlier_round else tuple(section for section in self.defaults if section not in self.with_an_earlier_round)


def _kind(kind_id: str, name: str, sections: tuple[str, ...], optional: tuple[str, ...], with_an_earlier_round: tuple[str, ...] = ()) -> DocumentKind:
    assert set(sections) <= set(SECTION_TITLES) and set(optional) <= set(sections)
    return DocumentKind(kind_id, name, sections, tuple(section for section in sections if section not in optional), with_an_earlier_round)


DOCUMENTS: dict[str, DocumentKind] = {
    BRIEF: _kind(
        BRIEF, N_("Workshop brief"),
        ("summary", "purpose", "primer", "city_profile", "resilience_profile", "change", "strengths_weaknesses", "qualities", "by_framework",
         "shocks_stresses", "scenarios", "interconnections", "evidence_gaps", "contributors", "agenda", "next_steps", "appendix"),
        optional=("qualities", "by_framework", "interconnections", "evidence_gaps", "contributors", "next_steps", "appendix"),
        with_an_earlier_round=("change",),  # read before the workshop, what moved since the last round is the first question
    ),
    PRA: _kind(
        PRA, N_("Preliminary Resilience Assessment"),
        ("executive_summary", "city_context", "contributors", "resilience_profile", "quantitative", "change", "strengths_weaknesses", "qualities",
         "by_framework", "workshop", "shocks_stresses", "scenarios", "interconnections", "actions", "gaps_overlaps", "discovery_areas",
         "next_steps", "evidence_gaps", "appendix"),
        optional=("evidence_gaps", "appendix"),
    ),
}
DOCUMENT_IDS: tuple[str, ...] = tuple(DOCUMENTS)
SECTION_IDS: tuple[str, ...] = DOCUMENTS[BRIEF].sections  # the workshop brief's sections (every one it can hold)
