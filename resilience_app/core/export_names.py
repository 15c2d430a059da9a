"""The file name an export proposes: in the export's language and in one script only.

«وادي-الزهور-(تقييم-تجريبي)-brief-ar.pdf» mixed two scripts (and two directions) in one name,
which a file manager shows jumbled. An Arabic export is named wholly in Arabic and an English one
wholly in Latin letters; a city whose name exists only in the other script is called by its number.
"""

from __future__ import annotations

import re
import unicodedata

from resilience_app.core.assessment.records import AssessmentRecord
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, translate_in

NAME_PATTERNS = {
    "brief": N_("{city} brief"),
    "pra": N_("{city} preliminary resilience assessment"),
    "assessment": N_("{city} assessment"),
}
NUMBERED_CITY = N_("assessment {number}")
SCRIPT_OF = {"ar": "ARABIC", "en": "LATIN"}
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s\u200e\u200f\u2066-\u2069]+')


def _in_script(text: str, language: str) -> bool:
    """Whether every letter of `text` is of the language's script."""
    script = SCRIPT_OF[language]
    return all(unicodedata.name(char, "").startswith(script) for char in text if char.isalpha())


def export_file_name(record: AssessmentRecord, language: str, *, kind: str, suffix: str) -> str:
    """The proposed name of a `kind` export ("brief", "pra", "assessment") of `record` in `language`, with `suffix`."""
    city = record.city_name(language)
    if not city or not _in_script(city, language):
        city = translate_in(language, NUMBERED_CITY).format(number=format_number(record.id, language=language))
    name = translate_in(language, NAME_PATTERNS[kind]).format(city=city)
    return (_NOT_IN_FILE_NAMES.sub("-", name).strip("-.") or str(record.id)) + suffix
