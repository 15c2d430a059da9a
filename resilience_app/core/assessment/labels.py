"""The words for answer states, confidences and history fields, shared by every view and export."""

from __future__ import annotations

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import CrosswalkItem, Framework
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import N_, _, ngettext

CONFIDENCE_NAMES = {"low": N_("Low"), "medium": N_("Medium"), "high": N_("High")}
FIELD_NAMES = {
    "status": N_("Answer"),
    "level": N_("Level"),
    "numeric_value": N_("Value"),
    "justification": N_("Justification"),
    "confidence": N_("Confidence"),
    "answered_by": N_("Answered by"),
    "evidence": N_("Evidence"),
    "sensitive": N_("Sensitive"),
    "contribution": N_("Contribution"),  # a contributor's answer, from their workbook: its level or status
    "consensus": N_("How it was agreed"),  # the CRO's words when setting the level the contributors agreed on
    "carried_over": N_("Carried over — to review"),  # from an earlier round; saving the answer again confirms it
    "source_kind": N_("Source of the data"),
    "data_year": N_("Year of the data"),
    "data_scale": N_("Scale of the data"),
    # A contributor's own answer, from their workbook: each data-quality field it changes is a line of its own.
    "contribution_source_kind": N_("Contribution: source of the data"),
    "contribution_data_year": N_("Contribution: year of the data"),
    "contribution_data_scale": N_("Contribution: scale of the data"),
}
CONTRIBUTION_FIELD_PREFIX = "contribution_"  # + a data-quality field: that field of a contribution, in the history
SOURCE_KIND_NAMES = {
    "measured": N_("Measured data"),
    "estimate": N_("An estimate"),
    "expert_judgement": N_("Expert judgement"),
    "perception": N_("A perception"),
}
DATA_SCALE_NAMES = {"city": N_("City level"), "governorate_region": N_("Governorate or region level"), "country": N_("Country level")}
NOT_STATED = N_("Not stated")  # an optional data-quality field left empty
STATUS_VALUES = {"level": N_("Level chosen"), "not_applicable": N_("Not applicable"), "dont_know": N_("Don't know")}


def level_name(framework: Framework, level: int) -> str:
    """'3 · Developing': the level's number and its name in the framework."""
    return _("{number} · {name}").format(number=format_number(level), name=framework.levels.get(level, ""))


def mean_level_text(level: float | None) -> str:
    """A group's level as shown to users: one decimal, or a dash when nothing has a level yet."""
    return format_number(level, decimals=1) if level is not None else _("—")


# How much of an external framework's item the mapped indicators cover, as the crosswalk's authors judge it.
FIT_NAMES = {"full": N_("Full"), "partial": N_("Partial"), "thin": N_("Thin")}


def fit_text(item: CrosswalkItem) -> str:
    return _(FIT_NAMES[item.fit])


def crosswalk_level_text(item: CrosswalkItem, level: float | None, levelled: int) -> str:
    """An external framework's item's CRF level as shown: none for an outcome the CRF does not measure (Sendai's loss
    targets), bracketed with its few indicators where the fit is thin, so a thin mean is not read as a full one."""
    if item.no_level:
        return _("No CRF level: an outcome counted as losses")
    if item.fit == "thin" and level is not None:
        return ngettext("({level}) thin: {count} indicator", "({level}) thin: {count} indicators", levelled).format(
            level=mean_level_text(level), count=format_number(levelled))
    return mean_level_text(level)


def history_value(field: str, value: str | None) -> str:
    """A stored history value as a user reads it."""
    if value is None or value == "":
        return _("—")
    field = field.removeprefix(CONTRIBUTION_FIELD_PREFIX)  # a contribution's data-quality field reads as the answer's
    if field == "status" or (field == "contribution" and not value.isdigit()):
        return _(STATUS_VALUES.get(value, value))
    if field in ("sensitive", "carried_over"):
        return _("Yes") if value == "True" else _("No")
    if field == "confidence":
        return _(CONFIDENCE_NAMES.get(value, value))
    if field == "source_kind":
        return _(SOURCE_KIND_NAMES.get(value, value))
    if field == "data_scale":
        return _(DATA_SCALE_NAMES.get(value, value))
    if field == "data_year":
        return localise_digits(value)  # a year, never grouped: 2022, ٢٠٢٢
    if field in ("level", "numeric_value", "contribution"):
        try:
            return format_number(float(value)) if "." in value else format_number(int(value))
        except ValueError:
            return value
    return value


def answer_summary(framework: Framework, answer: AnswerDraft | None) -> str:
    """An answer in a few words: '3 · Developing', 'Not applicable', "Don't know", or a dash when there is none."""
    if answer is None or not answer.status:
        return _("—")
    if answer.status == "level" and answer.level is not None:
        return level_name(framework, answer.level)
    return _(STATUS_VALUES.get(answer.status, answer.status))


def data_quality_text(answer: AnswerDraft) -> str:
    """"Measured data · 2025 · City level": what an answer says of its data, or "" when it says nothing."""
    parts = [history_value(field, None if value is None else str(value))
             for field, value in (("source_kind", answer.source_kind), ("data_year", answer.data_year), ("data_scale", answer.data_scale))
             if value is not None]
    return _(" · ").join(parts)


def progress_to_review(progress: float, to_review: int) -> str:
    """"100%", or "100% (92 to review)" for a round whose answers carried over are not all reviewed yet."""
    shown = format_percent(progress)
    if not to_review:
        return shown
    return _("{progress} ({count} to review)").format(progress=shown, count=format_number(to_review))
