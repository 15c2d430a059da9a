"""What the PRA hands on to Phase II: the discovery areas with their reasons and the work Phase II must do on
each (its questions, the data needed, the partners), and the next steps with their owners and dates."""

from __future__ import annotations

import datetime as dt
import re

from resilience_app.core.brief.build_profile import DASH, shortened
from resilience_app.core.brief.build_register import item_name_of
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Bullets, Heading, Paragraph, Table
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import _, current_language, ngettext
from resilience_app.core.register.labels import AREA_STATUS_NAMES, NEXT_STEP_STATUS_NAMES, name_list
from resilience_app.core.register.records import DiscoveryAreaDraft, NextStepRecord

STATUS_ORDER = ("under_way", "planned", "done")


LIST_MARK = re.compile(r"^[-–•*·]\s+")  # a list mark the CRO typed before a line: one mark, then a space


def _lines(text: str) -> tuple[str, ...]:
    """The lines the CRO typed, one item each (blank lines and a typed list mark left out; "-5 °C" keeps its sign)."""
    return tuple(line for line in (LIST_MARK.sub("", raw.strip()).strip() for raw in text.splitlines()) if line)


def _phase_two_work(area: DiscoveryAreaDraft) -> list[Block]:
    """The questions Phase II must answer, the data it needs and the partners to involve, each as typed."""
    blocks: list[Block] = []
    for lead_in, text in (
        (_("Questions Phase II must answer:"), area.questions),
        (_("Data needed:"), area.data_needed),
        (_("Partners to involve:"), area.partners),
    ):
        lines = _lines(text)
        if lines:
            blocks += [Paragraph(lead_in), Bullets(tuple(shortened(line) for line in lines))]
    if not blocks and area.status == "accepted":  # a proposal not yet decided has none to write
        blocks.append(Paragraph(_("The questions, data and partners for Phase II have not been written yet."), muted=True))
    return blocks


def _goal_names(data: BriefData, goal_ids: tuple[str, ...]) -> str:
    goals = [goal for goal_id in goal_ids if (goal := data.framework.goal(goal_id)) is not None]
    return _("; ").join(goal_label(goal) for goal in goals) or _(DASH)


def discovery_areas(data: BriefData) -> list[Block]:
    language = current_language()
    shown = sorted((area for area in data.areas if area.area.status != "rejected"), key=lambda area: area.area.status != "accepted")
    if not shown:
        return [Paragraph(_("No discovery area has been proposed or accepted yet."))]
    blocks: list[Block] = [
        Paragraph(_("The areas of focus for Phase II of the strategy, accepted ones first: why each matters, from the assessment and the "
                    "register, and what Phase II must find out."))
    ]
    for record in shown:
        area = record.area
        blocks.append(Heading(_("{title} ({status})").format(title=area.title, status=_(AREA_STATUS_NAMES.get(area.status, area.status)))))
        if area.rationale.strip():
            blocks.append(Paragraph(shortened(area.rationale)))
        reasons = area.reasoning.get(language) or ()
        if reasons:
            blocks.append(Bullets(tuple(reasons)))
        if area.goals:
            blocks.append(Paragraph(ngettext("Goal: {goals}", "Goals: {goals}", len(area.goals)).format(goals=_goal_names(data, area.goals)), muted=True))
        if area.item_ids:
            names = name_list([item_name_of(data, item_id) for item_id in area.item_ids if item_id in data.items])
            if names:
                blocks.append(Paragraph(_("Shocks and stresses: {names}").format(names=names), muted=True))
        blocks += _phase_two_work(area)
    return blocks


def _in_order(steps: list[NextStepRecord]) -> list[NextStepRecord]:
    """Steps under way, then planned, then done; each group by its due date (undated last), then in the order they were added."""
    def key(record: NextStepRecord) -> tuple[int, dt.date, int]:
        status = STATUS_ORDER.index(record.step.status) if record.step.status in STATUS_ORDER else len(STATUS_ORDER)
        return (status, record.step.due or dt.date.max, record.id)

    return sorted(steps, key=key)


def next_steps(data: BriefData) -> list[Block]:
    """The next steps recorded for the assessment: what, who, by when, how far along and the discovery area each serves."""
    steps = _in_order(list(data.next_steps))
    if not steps:
        return [Paragraph(_("No next step has been recorded yet: add them, with an owner and a date, under the discovery areas."))]
    areas = {record.id: record.area.title for record in data.areas}
    rows = tuple(
        (
            shortened(record.step.what),
            shortened(record.step.owner) or _(DASH),
            format_date(record.step.due) if record.step.due else _(DASH),
            _(NEXT_STEP_STATUS_NAMES.get(record.step.status, record.step.status)),
            areas.get(record.step.area_id, _(DASH)) if record.step.area_id is not None else _("No particular area"),
        )
        for record in steps
    )
    blocks: list[Block] = [Table(header=(_("What is to be done"), _("Owner"), _("Due date"), _("Status"), _("Discovery area")), rows=rows,
                                 unbroken=(2, 3))]
    undated = [record for record in steps if record.step.due is None and record.step.status != "done"]
    unowned = [record for record in steps if not record.step.owner.strip() and record.step.status != "done"]
    if undated or unowned:
        blocks.append(Paragraph(_("Steps still without an owner: {unowned}; without a date: {undated}.").format(
            unowned=format_number(len(unowned)), undated=format_number(len(undated))), muted=True))
    return blocks

