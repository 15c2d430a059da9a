"""The profile grouped by each external framework the assessment's framework is mapped to (UNDRR's Ten Essentials,
the Sendai Framework, SDG 11, the Strong Cities Network): one row per item, its levels on the CRF's own 1–5 scale,
never converted to another framework's scale (`scoring.by_framework`)."""

from __future__ import annotations

from resilience_app.core.assessment.labels import fit_text
from resilience_app.core.brief.data import BriefData
from resilience_app.core.i18n import _, current_language
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet
from resilience_app.core.spreadsheet.sheets_assessment import ID, NAME


def profile_by_framework(data: BriefData) -> Sheet:
    language = current_language()
    rows: list[tuple[CellValue, ...]] = []
    for profile in data.by_framework:
        for result in profile.items:
            rows.append((
                profile.crosswalk.id, profile.crosswalk.name.in_language(language), result.item.id, result.item.reference(language),
                result.item.name.in_language(language), fit_text(result.item), result.mapped, result.levelled_indicators, result.coverage, result.level,
                ", ".join(indicator.indicator.number for indicator in result.indicators) or None,
            ))
    return Sheet(
        key="profile_frameworks",
        title=_("Profile by framework"),
        columns=(
            Column(_("Framework id"), ID), Column(_("Framework"), NAME), Column(_("Item id"), ID), Column(_("Ref."), 10),
            Column(_("Item"), NAME), Column(_("Fit"), 10), Column(_("Indicators mapped"), 10), Column(_("Indicators with a level"), 10),
            Column(_("Questions answered"), 10, "share"), Column(_("CRF level (1–5)"), 10, "level"), Column(_("Indicators"), NAME),
        ),
        rows=tuple(rows),
    )
