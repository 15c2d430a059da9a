"""Sections read from the register: priorities, interconnections and discovery areas."""

from __future__ import annotations

from collections import defaultdict

from resilience_app.core.brief.build_profile import shortened
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, MatrixChart, Paragraph, Table
from resilience_app.core.brief.sections import SECTION_TITLES
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, current_language, ngettext
from resilience_app.core.register.labels import KIND_NAMES, TREND_NAMES, name_list, rating_terms

WORKSHOP_TITLE = SECTION_TITLES["workshop"]  # named in the note on the room's ratings
# Each kind's matrix: placed by what describes it (a stress's trend and severity sit where a shock's likelihood and impact do).
MATRIX_CAPTIONS = {
    "shock": N_("Shocks, placed by likelihood and impact. Each number is the item's rank in the table below."),
    "stress": N_("Stresses, placed by trend and severity. A stress is already present, so instead of its likelihood it is rated on its "
                 "trend, from easing fast (1) to worsening fast (5), and on its severity: how heavily it weighs on the city today. "
                 "Each number is the item's rank in the table below."),
}


def item_name_of(data: BriefData, item_id: int) -> str:
    return data.item_name(item_id, current_language())


def shocks_stresses(data: BriefData) -> list[Block]:
    ranking = data.ranking
    if not data.items:
        return [Paragraph(_("The register is empty: no shock or stress has been added yet."))]
    cells: dict[str, dict[tuple[int, int], list[str]]] = {"shock": defaultdict(list), "stress": defaultdict(list)}
    rows = []
    for ranked in ranking.ranked:
        item = ranked.item
        item_id = int(item.item_id)
        record = data.items[item_id]
        kind = "stress" if record.item.kind == "stress" else "shock"
        terms = rating_terms(kind)
        cells[kind][(item.likelihood, item.impact)].append(format_number(ranked.rank))
        reason = ranked.override.reason if ranked.override else ""
        rows.append((
            format_number(ranked.rank),
            item_name_of(data, item_id),
            _(KIND_NAMES[kind]),
            _(terms.likelihood_names[item.likelihood]),
            _(terms.impact_names[item.impact]),
            format_number(item.priority),
            # a stress's trend is already its rating (the fourth column): said once
            _("—") if kind == "stress" else _(TREND_NAMES.get(item.trend, TREND_NAMES["unknown"])),
            shortened(reason) or _("—"),
        ))
    blocks: list[Block] = []
    if rows:
        for kind, placed in cells.items():  # one matrix per kind that has a rated item, each with its own axes
            if placed:
                terms = rating_terms(kind)
                blocks.append(MatrixChart(
                    cells={cell: tuple(labels) for cell, labels in placed.items()},
                    likelihood_title=_(terms.likelihood),
                    impact_title=_(terms.impact),
                    likelihood_names=tuple(_(terms.likelihood_names[level]) for level in range(1, 6)),
                    impact_names=tuple(_(terms.impact_names[level]) for level in range(1, 6)),
                    caption=_(MATRIX_CAPTIONS[kind]),
                    small=all(cells.values()),  # both kinds rated: two matrices to a page
                ))
        blocks.append(Paragraph(_(
            "Priority is likelihood times impact for a shock and severity times trend for a stress, so both rank on one scale from 1 to 25. "
            "Items of equal priority are ordered by their interconnections, then their trend; a rank set apart from its priority gives its reason."
        ), muted=True))
        blocks.append(Table(
            header=(_("Rank"), _("Shock or stress"), _("Kind"), _("Likelihood / trend").replace(" / ", " /\n", 1), _("Impact / severity").replace(" / ", " /\n", 1),
                    _("Priority"), _("Trend of a shock"), _("Reason for the rank")),
            rows=tuple(rows),
            unbroken=(2, 3, 4),  # shock or stress, likelihood or trend, impact or severity
        ))
    applied = sum(item_id in data.items for item_id in data.room_ratings)
    if applied:
        blocks.append(Paragraph(ngettext(
            "The workshop's ratings were applied to {count} item; they are shown in “{section}” beside the register's own.",
            "The workshop's ratings were applied to {count} items; they are shown in “{section}” beside the register's own.",
            applied,
        ).format(count=format_number(applied), section=_(WORKSHOP_TITLE)), muted=True))
    if ranking.unrated:
        blocks.append(Paragraph(_("Not rated yet: {names}.").format(names=name_list([item_name_of(data, record.id) for record in ranking.unrated]))))
    if not data.includes_sensitive and data.withheld.items:
        blocks.append(Paragraph(ngettext(
            "{count} shock or stress marked sensitive is left out of this document; the ranks above are among those shown.",
            "{count} shocks and stresses marked sensitive are left out of this document; the ranks above are among those shown.",
            data.withheld.items).format(count=format_number(data.withheld.items)), muted=True))
    return blocks


def interconnections(data: BriefData) -> list[Block]:
    if not data.links:
        return [Paragraph(_("No interconnections have been recorded between shocks and stresses."))]
    targets: dict[int, list[str]] = defaultdict(list)
    for link in data.links:
        targets[link.source_id].append(item_name_of(data, link.target_id))
    rows = tuple(
        (item_name_of(data, source_id), "\n".join(names))
        for source_id, names in sorted(targets.items(), key=lambda pair: (-len(pair[1]), item_name_of(data, pair[0])))
    )
    blocks: list[Block] = [
        Paragraph(_("Which shock or stress triggers or aggravates which. Items linked to many others are where one intervention can help most.")),
        Table(header=(_("Shock or stress"), _("Triggers or aggravates")), rows=rows),
    ]
    if data.ranking.most_connected:
        blocks.append(Paragraph(_("Most connected: {names}.").format(names=name_list([item_name_of(data, item_id) for item_id in data.ranking.most_connected]))))
    return blocks
