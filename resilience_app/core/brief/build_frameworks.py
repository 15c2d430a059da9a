"""The section "The profile by framework": the profile grouped by each external framework the assessment's framework is
mapped to (UNDRR's Ten Essentials, the Sendai Framework, SDG 11, the Strong Cities Network), for readers who report
under them. Levels stay on the CRF's 1–5 scale and are labelled so, never converted to another framework's scale."""

from __future__ import annotations

from resilience_app.core.assessment.labels import crosswalk_level_text, fit_text
from resilience_app.core.brief.build_figures import DASH
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Heading, Paragraph, Table
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import _, current_language


def by_framework(data: BriefData) -> list[Block]:
    if not data.by_framework:
        return [Paragraph(_("The framework of this assessment is not mapped to any other framework."))]
    language = current_language()
    separator = "، " if language == "ar" else ", "  # the Arabic comma between indicator numbers ("١.١، ١.٢")
    blocks: list[Block] = [Paragraph(_(
        "The same answers grouped by the frameworks the city may also report under. Each item gathers the indicators whose "
        "subject corresponds to it (a correspondence of subject, not an equivalence of measure): its level is the mean of their "
        "levels on the assessment's own framework scale of 1 to 5, never converted to another framework's scale, such as the "
        "0 to 5 of UNDRR's Disaster Resilience Scorecard for Cities. The fit says how much of the item those indicators cover; "
        "where it is thin the level is bracketed."))]
    for profile in data.by_framework:
        blocks.append(Heading(profile.crosswalk.name.in_language(language)))
        if profile.crosswalk.notes:
            blocks.append(Paragraph(profile.crosswalk.notes.in_language(language)))
        rows = tuple(
            (result.item.reference(language), result.item.name.in_language(language), fit_text(result.item),
             localise_digits(separator.join(indicator.indicator.number for indicator in result.indicators), language=language) or _(DASH),
             format_number(result.levelled_indicators), format_percent(result.coverage) if result.coverage is not None else _(DASH),
             crosswalk_level_text(result.item, result.level, result.levelled_indicators))
            for result in profile.items
        )
        blocks.append(Table(header=(_("Ref."), _("Item"), _("Fit"), _("Indicators mapped"), _("Indicators with a level"),
                                    _("Questions answered"), _("CRF level (1–5)")), rows=rows, unbroken=(0, 2, 4, 5)))
    return blocks
