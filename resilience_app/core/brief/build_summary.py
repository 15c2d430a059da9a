"""The summaries on the first page of each document: the workshop brief's one-page summary and the
PRA's executive summary. Both lead with the same key findings; the PRA adds what the workshop, the
actions inventory and the discovery areas settled."""

from __future__ import annotations

from resilience_app.core.brief.build_change import change_summary
from resilience_app.core.brief.build_profile import DASH, answered_summary
from resilience_app.core.brief.data import BriefData, DotVoteResults, RankingResults
from resilience_app.core.brief.model import Block, Bullets, Facts, Heading, Paragraph
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_date, format_list, format_number
from resilience_app.core.i18n import _, current_language, ngettext
from resilience_app.core.register.labels import name_list
from resilience_app.core.register.service import action_counts
from resilience_app.core.rounds.labels import round_text

TOP_ITEMS = 3  # priority shocks and stresses named in a summary


def _goals(data: BriefData, goal_ids: list[str]) -> str:
    return "\n".join(goal_label(goal) for goal_id in goal_ids if (goal := data.framework.goal(goal_id)) is not None) or _(DASH)


def _key_findings(data: BriefData) -> list[tuple[str, str]]:
    overall, profile = data.profile.overall, data.profile
    language = current_language()
    top = [_("{number}. {name}").format(number=format_number(ranked.rank), name=data.item_name(int(ranked.item.item_id), language))
           for ranked in data.ranking.ranked[:TOP_ITEMS]]
    since = change_summary(data)
    changed = [(_("Change since the baseline"), since)] if since is not None else []
    return [
        (_("Questions answered"), answered_summary(overall)),
        *changed,
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
        (_("Workshop") if len(held) == 1 else _("Workshops"), "\n".join(_("{title} ({date})").format(title=draft.title, date=format_date(draft.held_on) if draft.held_on else _(DASH))
                                   for draft in held) or _("None recorded")),
        (_("Actions in the inventory"), format_number(len(data.actions))),
        (_("Goals no action works on"), "\n".join(goal_label(goal) for goal in data.framework.goals() if counts[goal.id] == 0) or _("None")),
        (_("Discovery areas accepted"), name_list(accepted) if accepted else _("None accepted yet")),
    ]
    return [
        Paragraph(_("This Preliminary Resilience Assessment records where {city} stands after the strategy workshop: its resilience profile, "
                    "its priority shocks and stresses, the actions already under way and the discovery areas Phase II will explore.").format(city=city)),
        Heading(_("Key messages")),
        Bullets(tuple(_key_messages(data, counts))),
        Facts(tuple(pairs)),
    ]


def _goal_numbers(data: BriefData, goal_ids: list[str]) -> str:
    """"goal 7" or "goals 7, 5 and 12": the goals by number (the facts below name them), in the document's digits."""
    numbers = [format_number(goal.number) for goal_id in goal_ids if (goal := data.framework.goal(goal_id)) is not None]
    return ngettext("goal {numbers}", "goals {numbers}", len(numbers)).format(numbers=format_list(numbers))


def _key_messages(data: BriefData, counts: dict[str, int]) -> list[str]:
    """What the mayor should take away, each computed from the assessment, the workshop, the actions and Phase II."""
    profile, language = data.profile, current_language()
    messages = []
    to_review = len(profile.to_review_questions)
    if to_review:  # first: a round copied forward and not yet reviewed must never read as a finished assessment
        messages.append(ngettext(
            "{count} answer was carried over from the earlier round and is not yet confirmed in this one: the profile below counts it, "
            "the change since the baseline leaves it out. Review it before this document is shared.",
            "{count} answers were carried over from the earlier round and are not yet confirmed in this one: the profile below counts "
            "them, the change since the baseline leaves them out. Review them before this document is shared.", to_review).format(
            count=format_number(to_review)))
    if profile.weakest_goals():
        messages.append(_("The assessment finds the city weakest in {weak} and strongest in {strong} (named below).").format(
            weak=_goal_numbers(data, profile.weakest_goals()), strong=_goal_numbers(data, profile.strongest_goals())))
    if data.earlier is not None:
        messages.append(_("Compared like for like with the earlier round ({earlier}). {summary}").format(
            earlier=round_text(data.earlier.round), summary=change_summary(data)))
    shared = [perception.goal_id for workshop in data.workshops for exercise in workshop.exercises if isinstance(exercise, DotVoteResults)
              for perception in exercise.perceptions if perception.verdict == "both"]
    if shared:
        messages.append(_("The workshop and the questionnaire agree on the weakness of {goals}.").format(goals=_goal_numbers(data, list(dict.fromkeys(shared)))))
    top = [data.item_name(int(ranked.item.item_id), language) for ranked in data.ranking.ranked[:TOP_ITEMS]]
    if top:
        messages.append(_("The shocks and stresses to plan for first, as the register ranks them: {names}.").format(names=name_list(top)))
    register_top = {int(ranked.item.item_id) for ranked in data.ranking.ranked[:TOP_ITEMS]}
    room_top = [item.item_id for workshop in data.workshops for exercise in workshop.exercises if isinstance(exercise, RankingResults)
                for item in exercise.ranking.ranked[:TOP_ITEMS]]
    raised = [data.item_name(item_id, language) for item_id in dict.fromkeys(room_top) if item_id not in register_top and item_id in data.items]
    if raised:
        messages.append(_(
            "The workshop ranked {names} among its first three, where the register does not: the register's order stands until the "
            "Chief Resilience Officer revises it, and Phase II should weigh the room's view.").format(names=name_list(raised)))
    uncovered = [goal_id for goal_id, count in counts.items() if count == 0]
    if uncovered:
        messages.append(ngettext("No action in the inventory works on {goals}.", "No action in the inventory works on {goals}.", len(uncovered)).format(
            goals=_goal_numbers(data, uncovered)))
    accepted = [area for area in data.areas if area.area.status == "accepted"]
    if accepted:
        open_steps = [record for record in data.next_steps if record.step.status != "done"]
        first = min((record.step.due for record in open_steps if record.step.due), default=None)
        message = ngettext("Phase II will explore {count} discovery area.", "Phase II will explore {count} discovery areas.", len(accepted)).format(
            count=format_number(len(accepted)))
        if open_steps:
            message += " " + ngettext("{count} next step is still to be done", "{count} next steps are still to be done", len(open_steps)).format(
                count=format_number(len(open_steps)))
            message += _(", the first due on {date}.").format(date=format_date(first)) if first else "."
        messages.append(message)
    return messages or [_("Too little is recorded yet for key messages: answer the questionnaire and rank the register first.")]
