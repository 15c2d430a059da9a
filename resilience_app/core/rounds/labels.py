"""The words for rounds and for how two rounds compare, in both languages.

The comparison's two sides are the earlier and the later round whatever their kinds (a mid-term may be compared
with a follow-up); the kinds are named apart.
"""

from __future__ import annotations

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.formatting import format_date, format_number, format_percent
from resilience_app.core.i18n import N_, _
from resilience_app.core.rounds.compare import GroupChange, RoundFigures, shown_change
from resilience_app.core.rounds.records import RoundRecord

ROUND_KIND_NAMES = {"baseline": N_("Baseline"), "mid_term": N_("Mid-term"), "follow_up": N_("Follow-up")}
VERDICT_NAMES = {
    "improved": N_("improved"),
    "declined": N_("declined"),
    "little_change": N_("little or no change"),
    "mixed": N_("mixed: its goals moved in opposite directions"),
    "coverage_fell": N_("coverage fell: read as neither improvement nor decline"),
    "not_comparable": N_("not comparable"),
}
REASON_NAMES = {
    "not_in_baseline": N_("not in the earlier round's framework"),
    "not_in_follow_up": N_("not in the later round's framework"),
    "no_level_in_baseline": N_("no level in the earlier round"),
    "no_level_in_follow_up": N_("no level in the later round"),
    "no_level_in_either": N_("no level in either round"),
    "nothing_in_common": N_("no question levelled in both rounds"),
    "too_few_in_common": N_("too few questions levelled in both rounds"),
    "still_to_review": N_("answers carried over and still to review"),
}


def round_kind_name(kind: str | None) -> str:
    """A round's kind as a user reads it, or a dash for an assessment in no series."""
    return _(ROUND_KIND_NAMES[kind]) if kind in ROUND_KIND_NAMES else _("—")


def round_text(round_record: RoundRecord | None) -> str:
    """"Baseline, 7 Dec 2024" for a round; "—" for an assessment in no series."""
    if round_record is None or round_record.kind is None:
        return _("—")
    when = format_date(round_record.date, length="medium") if round_record.date else _("—")
    return _("{round}, {date}").format(round=round_kind_name(round_record.kind), date=when)


def verdict_name(verdict: str) -> str:
    return _(VERDICT_NAMES.get(verdict, verdict))


def reason_name(reason: str | None) -> str:
    return _(REASON_NAMES[reason]) if reason in REASON_NAMES else ""


def verdict_text(group: GroupChange) -> str:
    """What a group's change means: why it is not comparable where it is not ("not comparable: no level in …"),
    and "low confidence" where the compared answers were mostly unsure."""
    if group.reason is not None:
        text = _("{verdict}: {reason}").format(verdict=verdict_name(group.verdict), reason=reason_name(group.reason))
    else:
        text = verdict_name(group.verdict)
    return _("{verdict}, low confidence").format(verdict=text) if group.low_confidence and group.change is not None else text


def compared_on_text(group: GroupChange) -> str:
    """"compared on 8 of 9 questions: 3 up, 1 down, 4 the same"."""
    if not group.levelled_in_both:
        return _("no question levelled in both rounds")
    return _("compared on {both} of {questions} questions: {up} up, {down} down, {same} the same").format(
        both=format_number(group.levelled_in_both), questions=format_number(group.questions), up=format_number(group.up),
        down=format_number(group.down), same=format_number(group.same))


def signed_whole(value: int) -> str:
    """A whole number with its sign ("+1", "-2", "0"), as a scale of change marks it."""
    shown = format_number(abs(value))
    return _("+{change}").format(change=shown) if value > 0 else _("-{change}").format(change=shown) if value < 0 else shown


def signed_change(change: float) -> str:
    """A change with its sign, one decimal ("+0.5", "-1.0"; "0.0" for a change that rounds to nothing)."""
    size = shown_change(change)
    shown = format_number(size, decimals=1)
    if size == 0:
        return shown
    return _("+{change}").format(change=shown) if change > 0 else _("-{change}").format(change=shown)


def change_text(group: GroupChange) -> str:
    """"+0.8 (improved)", or why there is no change ("not comparable: no level in the earlier round")."""
    if group.change is None:
        return verdict_text(group)
    return _("{change} ({verdict})").format(change=signed_change(group.change), verdict=verdict_text(group))


def figures_text(figures: RoundFigures | None) -> str:
    """"2.0 (100% covered)": a group's level and coverage in one round, a dash where its framework has no such group."""
    if figures is None:
        return _("—")
    coverage = format_percent(figures.coverage) if figures.coverage is not None else _("—")
    if figures.low_confidence_share is None:
        return _("{level} ({coverage} covered)").format(level=mean_level_text(figures.level), coverage=coverage)
    return _("{level} ({coverage} covered, {low} low confidence)").format(
        level=mean_level_text(figures.level), coverage=coverage, low=format_percent(figures.low_confidence_share))
