"""Sheets read from the register: the shocks and stresses with their ratings and scenarios, their
interconnections, the actions inventory, the discovery areas and the next steps."""

from __future__ import annotations

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES
from resilience_app.core.brief.data import BriefData
from resilience_app.core.i18n import _, current_language
from resilience_app.core.register.labels import (
    ACTION_STATUS_NAMES,
    AREA_STATUS_NAMES,
    KIND_NAMES,
    NEXT_STEP_STATUS_NAMES,
    ORIGIN_NAMES,
    TREND_NAMES,
    rating_terms,
)
from resilience_app.core.register.ranking import Link, connectedness
from resilience_app.core.spreadsheet.cells import goal_names, ids, label, lines, moment, quality_names, text
from resilience_app.core.spreadsheet.model import Column, Sheet
from resilience_app.core.spreadsheet.sheets_assessment import ID, LONG, NAME


def register(data: BriefData) -> Sheet:
    """Each shock and stress with its rating, rank, scenarios and what it disrupts; the room's rating beside its own."""
    language = current_language()
    ranked = {int(entry.item.item_id): entry for entry in data.ranking.ranked}
    connections = connectedness(data.items, [Link(link.source_id, link.target_id) for link in data.links])
    rows = []
    for item_id, record in data.items.items():
        item, entry, room = record.item, ranked.get(item_id), data.room_ratings.get(item_id)
        terms = rating_terms(item.kind)  # a stress's trend and severity sit in the likelihood and impact columns
        rows.append((
            item_id, entry.rank if entry else None, data.item_name(item_id, language), label(KIND_NAMES, item.kind), item.hazard_id,
            item.likelihood, label(terms.likelihood_names, item.likelihood), item.impact, label(terms.impact_names, item.impact), record.priority,
            label(TREND_NAMES, item.trend), connections.get(item_id, 0), record.override_rank, text(record.override_reason),
            text(item.scenario_probable), text(item.scenario_severe), ids(item.goals), goal_names(data.framework, item.goals),
            text(item.systems), text(item.groups_affected), label(CONFIDENCE_NAMES, item.confidence), text(item.notes), item.sensitive,
            room.likelihood if room else None, room.impact if room else None, room.groups if room else None, room.exercise_id if room else None,
        ))
    return Sheet(
        key="register",
        title=_("Shocks and stresses"),
        columns=(
            Column(_("Item id"), 10), Column(_("Rank"), 8), Column(_("Shock or stress"), NAME), Column(_("Kind"), 10),
            Column(_("Catalogue id"), ID), Column(_("Likelihood (shock) / trend (stress)"), 12),
            Column(_("Likelihood or trend: name"), 14), Column(_("Impact (shock) / severity (stress)"), 12), Column(_("Impact or severity: name"), 14), Column(_("Priority (1–25)"), 10), Column(_("Trend"), 10), Column(_("Interconnections"), 10),
            Column(_("Rank set by the CRO"), 10), Column(_("Reason for the rank"), NAME), Column(_("Most probable scenario"), LONG),
            Column(_("Most severe scenario"), LONG), Column(_("Goal ids"), 24), Column(_("Goals it disrupts"), NAME),
            Column(_("Systems it disrupts"), NAME), Column(_("Groups most affected"), NAME), Column(_("Confidence"), 12),
            Column(_("Notes"), LONG), Column(_("Sensitive"), 10), Column(_("Room’s likelihood / trend"), 10, "level"),
            Column(_("Room’s impact / severity"), 10, "level"), Column(_("Groups that rated it"), 10), Column(_("Room’s rating: exercise id"), 10),
        ),
        rows=tuple(rows),
    )


def interconnections(data: BriefData) -> Sheet:
    """One row per link: which shock or stress triggers or aggravates which."""
    language = current_language()
    rows = tuple(
        (link.source_id, data.item_name(link.source_id, language), link.target_id, data.item_name(link.target_id, language)) for link in data.links
    )
    return Sheet(
        key="interconnections",
        title=_("Interconnections"),
        columns=(Column(_("Item id"), 10), Column(_("Shock or stress"), NAME), Column(_("Triggers or aggravates: item id"), 12),
                 Column(_("Triggers or aggravates"), NAME)),
        rows=rows,
    )


def actions(data: BriefData) -> Sheet:
    """The actions inventory: existing plans, programmes and projects, with what they address."""
    language = current_language()
    rows = tuple(
        (
            record.id, record.action.title, text(record.action.owner), label(ACTION_STATUS_NAMES, record.action.status), text(record.action.timeframe),
            text(record.action.budget_source), ids(record.action.goals), goal_names(data.framework, record.action.goals), ids(record.action.item_ids),
            lines(data.item_name(item_id, language) for item_id in record.action.item_ids), ids(record.action.qualities),
            quality_names(data.framework, record.action.qualities), text(record.action.notes),
        )
        for record in data.actions
    )
    return Sheet(
        key="actions",
        title=_("Actions"),
        columns=(
            Column(_("Action id"), 10), Column(_("Action"), NAME), Column(_("Owner"), 24), Column(_("Status"), 12), Column(_("Timeframe"), 14),
            Column(_("Budget source"), 20), Column(_("Goal ids"), 24), Column(_("Goals"), NAME), Column(_("Item ids"), 14),
            Column(_("Shocks and stresses"), NAME), Column(_("Quality ids"), 24), Column(_("Qualities"), NAME), Column(_("Notes"), LONG),
        ),
        rows=rows,
    )


def discovery_areas(data: BriefData) -> Sheet:
    """The discovery areas, proposed, accepted or rejected, with the app's reasons in the workbook's language."""
    language = current_language()
    rows = tuple(
        (
            record.id, record.area.title, label(AREA_STATUS_NAMES, record.area.status), label(ORIGIN_NAMES, record.area.origin),
            text(record.area.rationale), lines(record.area.reasoning.get(language, ())), ids(record.area.goals),
            goal_names(data.framework, record.area.goals), ids(record.area.item_ids),
            lines(data.item_name(item_id, language) for item_id in record.area.item_ids), text(record.area.questions),
            text(record.area.data_needed), text(record.area.partners), moment(record.updated_at),
        )
        for record in data.areas
    )
    return Sheet(
        key="discovery_areas",
        title=_("Discovery areas"),
        columns=(
            Column(_("Area id"), 10), Column(_("Title"), NAME), Column(_("Status"), 12), Column(_("Origin"), 20), Column(_("Rationale"), LONG),
            Column(_("The app’s reasons"), LONG), Column(_("Goal ids"), 24), Column(_("Goals"), NAME), Column(_("Item ids"), 14),
            Column(_("Shocks and stresses"), NAME), Column(_("Questions Phase II must answer"), LONG), Column(_("Data needed"), LONG),
            Column(_("Partners to involve"), NAME), Column(_("Last changed"), 18),
        ),
        rows=rows,
    )


def next_steps(data: BriefData) -> Sheet:
    """The next steps after the PRA: what, who, by when, how far along, and the discovery area each serves."""
    titles = {record.id: record.area.title for record in data.areas}
    rows = tuple(
        (
            record.id, record.step.what, text(record.step.owner), record.step.due, label(NEXT_STEP_STATUS_NAMES, record.step.status),
            record.step.area_id, titles.get(record.step.area_id) if record.step.area_id is not None else None,
        )
        for record in data.next_steps
    )
    return Sheet(
        key="next_steps",
        title=_("Next steps"),
        columns=(
            Column(_("Step id"), 10), Column(_("What is to be done"), LONG), Column(_("Owner"), 24), Column(_("Due date"), 14),
            Column(_("Status"), 12), Column(_("Area id"), 10), Column(_("Discovery area"), NAME),
        ),
        rows=rows,
    )
