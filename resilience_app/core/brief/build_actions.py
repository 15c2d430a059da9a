"""The actions inventory as the PRA analyses it: every action with its owner, status, budget source
and the shocks and stresses it addresses; the actions by goal; and the gaps and overlaps — goals no or
few actions work on, priority items no action addresses, goals several actions share."""

from __future__ import annotations

from resilience_app.core.brief.build_profile import DASH
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Bullets, Heading, Paragraph, Table
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, current_language
from resilience_app.core.register.labels import ACTION_STATUS_NAMES, name_list
from resilience_app.core.register.records import ActionRecord
from resilience_app.core.register.service import action_counts

THIN_ACTIONS = 2  # fewer actions than this marks a goal as thinly covered (as on the Actions tab)
SHARED_GOAL = 3  # this many actions or more on one goal are worth coordinating
PRIORITY_ITEMS = 5  # the highest-ranked items checked for an action that addresses them
COUNTED_NOTE = N_("Actions on hold are not counted.")


def _counted(data: BriefData) -> list[ActionRecord]:
    return [record for record in data.actions if record.action.status != "on_hold"]


def actions(data: BriefData) -> list[Block]:
    if not data.actions:
        return [Paragraph(_("No action has been recorded yet."))]
    language = current_language()
    rows = tuple(
        (record.action.title, record.action.owner or _(DASH), _(ACTION_STATUS_NAMES.get(record.action.status, record.action.status)),
         record.action.timeframe or _(DASH), record.action.budget_source or _(DASH),
         "\n".join(data.item_name(item_id, language) for item_id in record.action.item_ids if item_id in data.items) or _(DASH))
        for record in data.actions
    )
    goals = list(data.framework.goals())
    counts = action_counts(list(data.actions), [goal.id for goal in goals])
    counted = _counted(data)
    by_goal = tuple(
        (goal_label(goal), format_number(counts[goal.id]), "\n".join(record.action.title for record in counted if goal.id in record.action.goals) or _(DASH))
        for goal in goals
    )
    return [
        Table(header=(_("Action"), _("Owner"), _("Status"), _("Timeframe"), _("Budget source"), _("Shocks and stresses addressed")), rows=rows,
              unbroken=(2,)),  # the status
        Heading(_("Actions per goal")),
        Paragraph(_(COUNTED_NOTE) + " " + _("Goals in bold have fewer than two actions."), muted=True),
        Table(header=(_("Goal"), _("Number of actions"), _("Which")), rows=by_goal,
              emphasis=tuple(index for index, goal in enumerate(goals) if counts[goal.id] < THIN_ACTIONS)),
    ]


def gaps_overlaps(data: BriefData) -> list[Block]:
    if not data.actions:
        return [Paragraph(_("No action has been recorded yet, so there are no gaps or overlaps to show."))]
    language = current_language()
    goals = list(data.framework.goals())
    counts = action_counts(list(data.actions), [goal.id for goal in goals])
    counted = _counted(data)
    addressed = {item_id for record in counted for item_id in record.action.item_ids}
    # the highest-ranked, and any the Chief Resilience Officer ranked apart from its priority so that it is not forgotten
    checked = [ranked for position, ranked in enumerate(data.ranking.ranked) if position < PRIORITY_ITEMS or ranked.override is not None]
    unaddressed = [ranked for ranked in checked if int(ranked.item.item_id) not in addressed]
    shared = [goal for goal in goals if counts[goal.id] >= SHARED_GOAL]
    blocks: list[Block] = [Paragraph(_(COUNTED_NOTE), muted=True), Heading(_("Goals no action works on"))]
    none = [goal_label(goal) for goal in goals if counts[goal.id] == 0]
    blocks.append(Bullets(tuple(none)) if none else Paragraph(_("Every goal has at least one action.")))
    blocks.append(Heading(_("Goals with a single action")))
    single = [goal_label(goal) for goal in goals if counts[goal.id] == 1]
    blocks.append(Bullets(tuple(single)) if single else Paragraph(_("No goal rests on a single action.")))
    blocks.append(Heading(_("Priority shocks and stresses no action addresses")))
    blocks.append(Bullets(tuple(_("{name} (rank {number})").format(number=format_number(ranked.rank), name=data.item_name(int(ranked.item.item_id), language))
                                for ranked in unaddressed))
                  if unaddressed else Paragraph(_("Each of the highest-ranked shocks and stresses, and each ranked apart from its priority, has at least one action.")))
    blocks.append(Heading(_("Goals several actions share")))
    if not shared:
        return [*blocks, Paragraph(_("No goal has three or more actions."))]
    blocks.append(Paragraph(_("Where several actions work on one goal, their owners should coordinate so that they add up rather than overlap.")))
    blocks.append(Bullets(tuple(
        _("{goal}: {actions}").format(goal=goal_label(goal), actions=name_list([record.action.title for record in counted if goal.id in record.action.goals]))
        for goal in shared
    )))
    return blocks

