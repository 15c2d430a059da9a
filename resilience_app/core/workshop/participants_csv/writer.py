"""A workshop's participants written as a CSV file that Excel opens correctly in any language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resilience_app.core.content.model import Sector
from resilience_app.core.i18n import translate_in
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, label_in, sector_name
from resilience_app.core.workshop.participants_csv.formulas import escape_formula
from resilience_app.core.workshop.participants_csv.vocabulary import FIELDS, HEADER_NAMES
from resilience_app.core.workshop.records import ParticipantDraft

_NEEDS_QUOTES = re.compile('[,;\t"\r\n]')  # "," and ";" both: Excel splits on ";" where it is the list separator


def write_participants_csv(participants: Sequence[tuple[ParticipantDraft, str]], *, sectors: Sequence[Sector], language: str) -> bytes:
    """The participants, each with its group name, as a CSV file Excel opens correctly in any language.

    UTF-8 with a byte-order mark (without it Excel reads Arabic as Windows-1256), comma-separated,
    headers and labels in `language`; `read_participants_csv` reads it back to the same drafts.
    """
    by_id = {sector.id: sector for sector in sectors}
    lines = [_line([translate_in(language, HEADER_NAMES[name]) for name in FIELDS])]
    for draft, group in participants:
        cells = (
            draft.name,
            draft.organisation,
            sector_name(draft.sector, by_id, language),
            label_in(GENDER_NAMES, draft.gender, language),
            label_in(AGE_BAND_NAMES, draft.age_band, language),
            group,
        )
        lines.append(_line([escape_formula(cell) for cell in cells]))
    return "".join(lines).encode("utf-8-sig")


def _line(cells: Sequence[str]) -> str:
    """One CSV line: comma-separated, a cell quoted when it holds a comma, semicolon, tab, quote or line break.

    csv.QUOTE_MINIMAL quotes only for the delimiter written: Excel set to split on ";" would split an unquoted
    `Ali;=cmd|' /C calc'!A0` and run the formula in its second half.
    """
    quoted = ('"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell for cell in cells)
    return ",".join(quoted) + "\r\n"
