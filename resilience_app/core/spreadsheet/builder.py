"""The whole assessment as a workbook model: the sheets, in order, in one language.

A sheet is added by writing a `SheetBuilder` (a function of `BriefData` that returns a `Sheet`) and
listing it in `SHEET_BUILDERS`, or, for a feature the export should not know of, by handing it to
`export.export_workbook(extra_sheets=...)`: extra sheets come after the workbook's own, in the order
given. The contributors' sheets (the department workbooks) are the workbook's own: their data are read
with the rest in `brief.data.collect`, so they follow the same sensitive-content rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from resilience_app.core.brief.data import BriefData
from resilience_app.core.i18n import _, using_language
from resilience_app.core.spreadsheet import (
    sheets_assessment,
    sheets_contributors,
    sheets_frameworks,
    sheets_register,
    sheets_rounds,
    sheets_workshop,
)
from resilience_app.core.spreadsheet.model import MAX_SHEET_TITLE, Sheet, SheetBuilder, Workbook

SHEET_BUILDERS: tuple[SheetBuilder, ...] = (
    sheets_assessment.about,
    sheets_assessment.answers,
    sheets_assessment.evidence,
    sheets_assessment.profile_by_goal,
    sheets_assessment.profile_by_dimension,
    sheets_assessment.profile_by_quality,
    sheets_frameworks.profile_by_framework,
    sheets_rounds.change_by_goal,
    sheets_rounds.change_by_dimension,
    sheets_rounds.questions_moved,
    sheets_register.register,
    sheets_register.interconnections,
    sheets_register.actions,
    sheets_register.discovery_areas,
    sheets_register.next_steps,
    sheets_workshop.workshops,
    sheets_workshop.dot_votes,
    sheets_workshop.room_rankings,
    sheets_contributors.contributors,
    sheets_contributors.contributions,
)


def build_workbook(data: BriefData, language: str, extra_sheets: Iterable[SheetBuilder] = ()) -> Workbook:
    """The workbook of `data` in `language`: the workbook's own sheets, then `extra_sheets`."""
    with using_language(language):
        sheets = tuple(build(data) for build in (*SHEET_BUILDERS, *extra_sheets))
        title = _("City resilience assessment: {city}").format(city=data.assessment.city_name(language))
    check_sheets(sheets)
    return Workbook(language=language, title=title, sheets=sheets)


def check_sheets(sheets: Iterable[Sheet]) -> None:
    """A workbook Excel opens: distinct keys and sheet names (Excel ignores case), names that fit, rows as wide as the header.

    A broken sheet is a mistake in a builder, not in the user's data: it fails here, before any file is written.
    """
    keys: set[str] = set()
    titles: set[str] = set()
    for sheet in sheets:
        if sheet.key in keys or sheet.title.casefold() in titles:
            raise ValueError(f"two sheets are called {sheet.key!r} / {sheet.title!r}")
        if not 0 < len(sheet.title) <= MAX_SHEET_TITLE or any(character in sheet.title for character in "[]:*?/\\"):
            raise ValueError(f"sheet {sheet.key!r}: Excel cannot name a sheet {sheet.title!r}")
        if any(len(row) != len(sheet.columns) for row in sheet.rows):
            raise ValueError(f"sheet {sheet.key!r}: a row does not have one value per column")
        keys.add(sheet.key)
        titles.add(sheet.title.casefold())
