"""The words for the register's scales and states, shared by every view and export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from resilience_app.core.content.model import Hazard
from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import N_, N_plural, _, current_language, ngettext
from resilience_app.core.register.records import RegisterItemDraft, RegisterItemRecord

KIND_NAMES = {"shock": N_("Shock"), "stress": N_("Stress")}
# What a catalogue entry that is not a pressure is (forms/README.md, `nature`), said where it is picked.
# A vulnerability's note names the goals it mirrors, one or several: a plural message on their number.
VULNERABILITY_NOTE = N_plural(
    "Not a pressure but a shortfall of the city's own capacity, which the questions of goal {goals} already measure: "
    "discovery areas do not count it as pressure on that goal.",
    "Not a pressure but a shortfall of the city's own capacity, which the questions of goals {goals} already measure: "
    "discovery areas do not count it as pressure on those goals.",
)
NATURE_NOTES = {
    "impact": N_("An impact of other shocks and stresses rather than a pressure of its own: link it to the items that cause it."),
    "driver": N_("A driver of other shocks and stresses, changing their likelihood and trend: link it to the items it drives."),
}
LIKELIHOOD_NAMES = {1: N_("Rare"), 2: N_("Unlikely"), 3: N_("Possible"), 4: N_("Likely"), 5: N_("Almost certain")}
IMPACT_NAMES = {1: N_("Negligible"), 2: N_("Minor"), 3: N_("Moderate"), 4: N_("Major"), 5: N_("Severe")}
# A stress is rated on its trend (stored as the likelihood) and its severity (stored as the impact): records.RegisterItemDraft.
TREND_RATING_NAMES = {1: N_("Easing fast"), 2: N_("Easing"), 3: N_("Stable"), 4: N_("Worsening"), 5: N_("Worsening fast")}
SEVERITY_NAMES = IMPACT_NAMES  # how heavily a stress weighs on the city today, in the words of a shock's impact
TREND_NAMES = {"rising": N_("Rising"), "stable": N_("Stable"), "falling": N_("Falling"), "unknown": N_("Unknown")}


@dataclass(frozen=True)
class RatingTerms:
    """What an item's two ratings are called, by kind: each a title (a message id) and the names of its five levels."""

    likelihood: str  # the rating stored as the likelihood: a shock's likelihood, a stress's trend
    likelihood_names: Mapping[int, str]
    impact: str  # the rating stored as the impact: a shock's impact, a stress's severity
    impact_names: Mapping[int, str]


RATING_TERMS = {
    "shock": RatingTerms(N_("Likelihood"), LIKELIHOOD_NAMES, N_("Impact"), IMPACT_NAMES),
    "stress": RatingTerms(N_("Trend"), TREND_RATING_NAMES, N_("Severity"), SEVERITY_NAMES),
}


def rating_terms(kind: str) -> RatingTerms:
    """The names of a shock's or a stress's ratings (a shock's for anything else)."""
    return RATING_TERMS.get(kind, RATING_TERMS["shock"])


ACTION_STATUS_NAMES = {"planned": N_("Planned"), "ongoing": N_("Ongoing"), "completed": N_("Completed"), "on_hold": N_("On hold")}
AREA_STATUS_NAMES = {"proposed": N_("Proposed"), "accepted": N_("Accepted"), "rejected": N_("Rejected")}
NEXT_STEP_STATUS_NAMES = {"planned": N_("Planned"), "under_way": N_("Under way"), "done": N_("Done")}
ORIGIN_NAMES = {"app": N_("Proposed by the app"), "edited": N_("Proposed by the app, edited"), "own": N_("Added by the CRO")}  # of a discovery area


def nature_note(nature: str, goal_numbers: list[str]) -> str:
    """What a catalogue entry that is not a pressure is, for the catalogue picker: empty for a pressure; for a
    vulnerability, with the numbers of the goals it mirrors ("goal 6", "goals 1 and 12")."""
    if nature == "vulnerability":
        return ngettext(*VULNERABILITY_NOTE, len(goal_numbers)).format(goals=format_list(goal_numbers))
    return _(NATURE_NOTES[nature]) if nature in NATURE_NOTES else ""


def scale_label(names: dict[int, str], level: int | None) -> str:
    """'4 · Likely', or a dash when not rated yet."""
    if level is None:
        return _("—")
    return _("{number} · {name}").format(number=format_number(level), name=_(names[level]))


def name_list(names: list[str], language: str | None = None) -> str:
    """Names of shocks and stresses as a list, each quoted: many Arabic names hold «و» ("and"), so a list
    joined with «و» would not show where one name ends; in English a quoted name reads as one thing named
    ("“Informal settlements” disrupts it"), not as a plural subject."""
    lang = language or current_language()
    shown = [f"«{name}»" if lang == "ar" else f"“{name}”" for name in names]
    return format_list(shown, language=lang)


def item_name(catalogue: Mapping[str, Hazard], record: RegisterItemRecord | RegisterItemDraft, language: str | None = None) -> str:
    """The item's name in `language`: the catalogue's name for a catalogue entry, else the city's own, falling back
    to the other language when it has none in this one."""
    draft = record.item if isinstance(record, RegisterItemRecord) else record
    lang = language or current_language()
    hazard = catalogue.get(draft.hazard_id or "")
    if hazard is not None:
        return hazard.name.in_language(lang)
    preferred = draft.name_ar if lang == "ar" else draft.name_en
    return preferred or draft.name_en or draft.name_ar


def rating_text(record: RegisterItemRecord | RegisterItemDraft) -> str:
    """"16 (likelihood 4 × impact 4)": a shock's priority with its likelihood and impact; "20 (severity 4 × trend 5)" for a stress;
    a dash while it is not rated."""
    draft = record.item if isinstance(record, RegisterItemRecord) else record
    if draft.likelihood is None or draft.impact is None:
        return _("—")
    if draft.kind == "stress":
        return _("{priority} (severity {severity} × trend {trend})").format(
            priority=format_number(draft.likelihood * draft.impact), severity=format_number(draft.impact), trend=format_number(draft.likelihood))
    return _("{priority} (likelihood {likelihood} × impact {impact})").format(priority=format_number(draft.likelihood * draft.impact),
                                                           likelihood=format_number(draft.likelihood), impact=format_number(draft.impact))


def ratings_phrase(record: RegisterItemRecord | RegisterItemDraft) -> str:
    """"likelihood 4 × impact 5" for a shock, "severity 4 × trend 5" for a stress, "not rated yet" while it is not."""
    draft = record.item if isinstance(record, RegisterItemRecord) else record
    if draft.likelihood is None or draft.impact is None:
        return _("not rated yet")
    if draft.kind == "stress":
        return _("severity {severity} × trend {trend}").format(severity=format_number(draft.impact), trend=format_number(draft.likelihood))
    return _("likelihood {likelihood} × impact {impact}").format(likelihood=format_number(draft.likelihood), impact=format_number(draft.impact))
