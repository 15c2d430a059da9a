"""The section "The profile by framework": the profile grouped by each external framework the assessment's framework is
mapped to (UNDRR's Ten Essentials, the Sendai Framework, SDG 11, the Strong Cities Network), for readers who report
under them. Levels stay on the CRF's 1–5 scale and are labelled so, never converted to another framework's scale."""

from __future__ import annotations

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.brief.build_figures import DASH
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Heading, Paragraph, Table
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import _, current_language


def by_framework(data: BriefData) -> list[Block]:
    if not data.by_framework:
        return [Paragraph(_("The framework of this assessment is not mapped to any other framework."))]
    language = current_language()
    blocks: list[Block] = [Paragraph(_(
        "The same answers grouped by the frameworks the city may also report under. Each item gathers the indicators whose "
        "subject corresponds to it (a correspondence of subject, not an equivalence of measure): its level is the mean of their "
        "levels on this framework's own scale of 1 to 5, never converted to another framework's scale, such as the UNDRR "
        "scorecard's 0 to 5."))]
    for profile in data.by_framework:
        blocks.append(Heading(profile.crosswalk.name.in_language(language)))
        rows = tuple(
            (result.item.reference(language), result.item.name.in_language(language), format_number(result.mapped),
             format_number(result.levelled_indicators), format_percent(result.coverage) if result.coverage is not None else _(DASH),
             mean_level_text(result.level))
            for result in profile.items
        )
        blocks.append(Table(header=(_("Ref."), _("Item"), _("Indicators mapped"), _("Indicators with a level"), _("Coverage"),
                                    _("CRF level (1–5)")), rows=rows, unbroken=(0, 2, 3, 4, 5)))
    return blocks
