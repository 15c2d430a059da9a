"""The words a sign-in sheet is read with: its column headers, and the sectors, genders and age bands in its cells.

Every word is compared as `word_key` makes it: case, spaces, Arabic letter variants, diacritics and digit
scripts do not matter, nor the spaces and direction marks around a cell copied from Arabic text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from resilience_app.core.content.model import Sector
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, translate_in
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, own_sector

FIELDS = ("name", "organisation", "sector", "gender", "age_band", "group")
HEADER_NAMES = {
    "name": N_("Name"),
    "organisation": N_("Organisation"),
    "sector": N_("Sector"),
    "gender": N_("Gender"),
    "age_band": N_("Age band"),
    "group": N_("Group"),
}
# What people head their columns with, in English and Arabic, besides the headers we write.
HEADER_ALIASES = {
    "name": ("name", "full name", "participant", "participant name", "الاسم", "الاسم الكامل", "اسم المشارك", "الاسم الثلاثي"),
    "organisation": ("organisation", "organization", "institution", "agency", "الجهة", "المؤسسة", "المنظمة", "جهة العمل"),
    "sector": ("sector", "القطاع"),
    "gender": ("gender", "sex", "الجنس", "النوع الاجتماعي", "النوع"),
    "age_band": ("age band", "age group", "age", "الفئة العمرية", "العمر", "السن"),
    "group": ("group", "table", "المجموعة", "الطاولة"),
}
GENDER_ALIASES = {
    "woman": ("woman", "female", "f", "w", "امرأة", "أنثى", "انثى", "سيدة"),
    "man": ("man", "male", "m", "رجل", "ذكر"),
}

_EDGES = "\\s\u200b\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e\ufeff"
_SURROUNDING_SPACE = re.compile(f"^[{_EDGES}]+|[{_EDGES}]+$")  # spaces, and direction marks copied from Arabic text


def columns_of(header: Sequence[str]) -> tuple[dict[str, tuple[int, str]], tuple[str, ...]]:
    """Each understood field's column (index, header as written) among the header row's cells, and the headers not understood."""
    known = header_keys()
    columns: dict[str, tuple[int, str]] = {}
    ignored = []
    for index, cell in enumerate(header):
        title = cell_text(cell)
        found = known.get(header_key(title))
        if found and found not in columns:
            columns[found] = (index, title)
        elif title:
            ignored.append(title)
    return columns, tuple(ignored)


def header_keys() -> dict[str, str]:
    """Every accepted header, compared as `header_key`, -> its field."""
    keys = {header_key(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
    for language in SUPPORTED_LANGUAGES:
        keys |= {header_key(translate_in(language, header)): name for name, header in HEADER_NAMES.items()}
    return keys


def header_key(text: str) -> str:
    """A header as compared: "Full_Name", "full name" and "FULL-NAME" are the same."""
    return word_key(re.sub("[_-]", " ", text))


def word_key(text: str) -> str:
    """A value as compared: case, spaces, Arabic letter variants, diacritics and digit scripts do not matter."""
    return "".join(normalise_for_search(cell_text(text)).split())


def cell_text(text: str) -> str:
    """A cell's value as imported: without the spaces and direction marks around it (copied from Arabic text)."""
    return _SURROUNDING_SPACE.sub("", text)


@dataclass(frozen=True)
class Vocabulary:
    """The words an import understands for sectors, genders and age bands."""

    sectors: dict[str, str]  # key -> a sector id or own sector
    sector_names: dict[str, str]  # key of any of a sector's names or its id -> its name in the current language
    genders: dict[str, str]  # key -> gender id
    age_bands: dict[str, str]  # key -> age band id

    @classmethod
    def of(cls, sectors: Sequence[Sector], own_sectors: Sequence[str]) -> Vocabulary:
        own = {word_key(name): name for name in own_sectors if cell_text(name)}
        known = {key: own_sector(name) for key, name in own.items()}
        names = dict(own)
        for sector in sectors:
            keys = [word_key(text) for text in (sector.id, *sector.name.translations.values())]
            known |= dict.fromkeys(keys, sector.id)
            names |= dict.fromkeys(keys, sector.name.in_language())
        return cls(known, names, _gender_words(), _age_band_words())


def _gender_words() -> dict[str, str]:
    words = {word_key(alias): gender for gender, aliases in GENDER_ALIASES.items() for alias in aliases}
    return words | _label_words(GENDER_NAMES)


def _age_band_words() -> dict[str, str]:
    return {word_key(band): band for band in AGE_BAND_NAMES} | _label_words(AGE_BAND_NAMES)


def _label_words(names: dict[str, str]) -> dict[str, str]:
    return {word_key(translate_in(language, label)): key for key, label in names.items() for language in SUPPORTED_LANGUAGES}
