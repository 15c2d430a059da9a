"""The words for rounds and for how two rounds compare, in both languages.

The comparison's two sides are the earlier and the later round whatever their kinds (a mid-term may be compared
with a follow-up); the kinds are named apart.
"""

from __future__ import annotations

from resilience_app.core.i18n import N_, _

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
