"""The words for rounds and for how two rounds compare, in both languages.

The comparison's two sides are the earlier and the later round whatever their kinds (a mid-term may be compared
with a follow-up); the kinds are named apart.
"""

from __future__ import annotations

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import N_, _
from resilience_app.core.rounds.compare import GroupChange, RoundFigures

ROUND_KIND_NAMES = {"baseline": N_("Baseline"), "mid_term": N_("Mid-term"), "follow_up": N_("Follow-up")}
VERDICT_NAMES = {
    "improved": N_("improved"),
    "declined": N_("declined"),
    "unchanged": N_("unchanged"),
    "coverage_fell": N_("coverage fell: not called an improvement"),
    "not_comparable": N_("not comparable"),
}
REASON_NAMES = {
    "not_in_baseline": N_("not in the earlier round's framework"),
    "not_in_follow_up": N_("not in the later round's framework"),
    "no_level_in_baseline": N_("no level in the earlier round"),
    "no_level_in_follow_up": N_("no level in the later round"),
    "no_level_in_either": N_("no level in either round"),
    "nothing_in_common": N_("no question levelled in both rounds"),
}


def round_kind_name(kind: str | None) -> str:
    """A round's kind as a user reads it, or a dash for an assessment in no series."""
    return _(ROUND_KIND_NAMES[kind]) if kind in ROUND_KIND_NAMES else _("—")


def verdict_name(verdict: str) -> str:
    return _(VERDICT_NAMES.get(verdict, verdict))


def reason_name(reason: str | None) -> str:
    return _(REASON_NAMES[reason]) if reason in REASON_NAMES else ""


def verdict_text(group: GroupChange) -> str:
    """What a group's change means, with why it is not comparable where it is not ("not comparable: no level in …")."""
    if group.reason is not None:
        return _("{verdict}: {reason}").format(verdict=verdict_name(group.verdict), reason=reason_name(group.reason))
    return verdict_name(group.verdict)


def signed_change(change: float) -> str:
    """A change with its sign, one decimal ("+0.5", "-1.0"; "0.0" for a change that rounds to nothing)."""
    sign = "+" if round(change, 1) > 0 else ""
    return localise_digits(sign) + format_number(change, decimals=1)


def change_text(group: GroupChange) -> str:
    """"+0.8 (improved)", or why there is no change ("not comparable: no level in the earlier round")."""
    if group.change is None:
        return verdict_text(group)
    return _("{change} ({verdict})").format(change=signed_change(group.change), verdict=verdict_name(group.verdict))


def figures_text(figures: RoundFigures | None) -> str:
    """"2.0 (100% covered)": a group's level and coverage in one round, a dash where its framework has no such group."""
    if figures is None:
        return _("—")
    coverage = format_percent(figures.coverage) if figures.coverage is not None else _("—")
    return _("{level} ({coverage} covered)").format(level=mean_level_text(figures.level), coverage=coverage)
