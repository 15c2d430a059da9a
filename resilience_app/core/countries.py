"""A country typed in either language, shown in the language of the screen where the app knows it.

The country field is free text. When what was typed is a country's name in English or Arabic as
Babel's locale data (CLDR) gives it («Jordan», «الأردن», «jordan»), it is shown by that country's
name in the language asked for; anything else (a region, a misspelling) is shown as typed.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from resilience_app.core.i18n import SUPPORTED_LANGUAGES, current_language
from resilience_app.core.search_text import normalise_for_search


def _key(name: str) -> str:
    return " ".join(normalise_for_search(name).split())


@cache
def _territory_codes() -> dict[str, str]:
    """Every country's name in every supported language, as compared, to its two-letter code."""
    return {
        _key(name): code
        for language in SUPPORTED_LANGUAGES
        for code, name in Locale.parse(language).territories.items()
        if len(code) == 2 and code.isalpha()  # countries, not regions such as "001" (World)
    }


def country_name(country: str, language: str | None = None) -> str:
    """`country` in `language` (the current one by default) when it names a known country, else as typed."""
    code = _territory_codes().get(_key(country)) if country.strip() else None
    if code is None:
        return country
    return str(Locale.parse(language or current_language()).territories[code])
