"""The summaries on the first page of each document: the workshop brief's one-page summary and the
PRA's executive summary. Both lead with the same key findings; the PRA adds what the workshop, the
actions inventory and the discovery areas settled."""

from __future__ import annotations

from resilience_app.core.brief.build_profile import DASH, answered_summary
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Facts, Paragraph
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import _, current_language
from resilience_app.core.register.labels import name_list
from resilience_app.core.register.service import action_counts

TOP_ITEMS = 3  # priority shocks and stresses named in a summary


def _goals(data: BriefData, goal_ids: list[str]) -> str:
    return "\n".join(goal_label(goal) for goal_id in goal_ids if (goal := data.framework.goal(goal_id)) is not None) or _(DASH)


def _key_findings(data: BriefData) -> list[tuple[str, str]]:
    overall, profile = data.profile.overall, data.profile
    language = current_language()
    top = [_("{number}. {name}").format(number=format_number(ranked.rank), name=data.item_name(int(ranked.item.item_id), language))
           for ranked in data.ranking.ranked[:TOP_ITEMS]]
    return [
        (_("Questions answered"), answered_summary(overall)),
        (_("Strongest goals"), _goals(data, profile.strongest_goals())),
        (_("Weakest goals"), _goals(data, profile.weakest_goals())),
        (_("Highest-ranked shocks and stresses"), "\n".join(top) or _("None rated yet")),
    ]


def summary(data: BriefData) -> list[Block]:
    city = data.assessment.city_name(current_language())
    return [
        Paragraph(_("This brief prepares the strategy workshop of {city}. It sets out what the assessment found so that the day can agree "
                    "the city's priority shocks and stresses, its main strengths and weaknesses, and three to five discovery areas.").format(city=city)),
        Facts(tuple(_key_findings(data))),
        Paragraph(_("The goals are compared by their level only; the city's resilience is not summed into one score."), muted=True),
    ]


def executive_summary(data: BriefData) -> list[Block]:
    city = data.assessment.city_name(current_language())
    goals = [goal.id for goal in data.framework.goals()]
    counts = action_counts(list(data.actions), goals)
    held = [workshop.snapshot.record.workshop for workshop in data.workshops]
    accepted = [area.area.title for area in data.areas if area.area.status == "accepted"]
    pairs = [
        *_key_findings(data),
        (_("Workshops"), "\n".join(_("{title} ({date})").format(title=draft.title, date=format_date(draft.held_on) if draft.held_on else _(DASH))
                                   for draft in held) or _("None recorded")),
        (_("Actions in the inventory"), format_number(len(data.actions))),
        (_("Goals no action works on"), "\n".join(goal_label(goal) for goal in data.framework.goals() if counts[goal.id] == 0) or _("None")),
        (_("Discovery areas accepted"), name_list(accepted) if accepted else _("None accepted yet")),
    ]
    return [
        Paragraph(_("This Preliminary Resilience Assessment records where {city} stands after the strategy workshop: its resilience profile, "
                    "its priority shocks and stresses, the actions already under way and the discovery areas Phase II will explore.").format(city=city)),
        Facts(tuple(pairs)),
    ]
