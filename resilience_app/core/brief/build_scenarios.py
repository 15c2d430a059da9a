"""The scenarios of the priority shocks and stresses: for each of the highest-ranked items, its most
probable and most severe scenarios, the systems it disrupts and the groups it hurts most, as the
register records them."""

from __future__ import annotations

from resilience_app.core.brief.build_profile import shortened
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Facts, Heading, Paragraph
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, current_language

PRIORITY_ITEMS = 5  # the highest-ranked items described in full
SCENARIO_LIMIT = 600  # characters of a scenario printed; longer ones are cut (the register keeps them whole)


def scenarios(data: BriefData) -> list[Block]:
    priority = data.ranking.ranked[:PRIORITY_ITEMS]
    if not priority:
        return [Paragraph(_("No shock or stress has been rated yet, so none is a priority to describe."))]
    blocks: list[Block] = [Paragraph(_("The highest-ranked shocks and stresses, at most {count}, as the register describes them.").format(
        count=format_number(PRIORITY_ITEMS)))]
    missing = _("Not recorded")
    for ranked in priority:
        item_id = int(ranked.item.item_id)
        item = data.items[item_id].item
        blocks.append(Heading(_("{number}. {name}").format(number=format_number(ranked.rank), name=data.item_name(item_id, current_language()))))
        blocks.append(Facts((
            (_("Most probable scenario"), shortened(item.scenario_probable, SCENARIO_LIMIT) or missing),
            (_("Most severe scenario"), shortened(item.scenario_severe, SCENARIO_LIMIT) or missing),
            (_("Systems disrupted"), shortened(item.systems, SCENARIO_LIMIT) or missing),
            (_("Groups most affected"), shortened(item.groups_affected, SCENARIO_LIMIT) or missing),
        )))
    return blocks
