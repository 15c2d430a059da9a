"""One answer cell read back: a level, a confidence, a number, a text, or the data's kind of source, year or
scale, in whichever language and digits it was typed. A cell that cannot be read raises `CellUnreadable` with a translated message.

Words are compared as `word_key` makes them: case, spaces, direction marks, Arabic letter variants and
diacritics and the digit script do not matter, so "not applicable", "NOT APPLICABLE" and " لا ينطبق "
read the same.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from resilience_app.core.assessment.answer_rules import CONFIDENCES, DATA_SCALES, LEVELS, SOURCE_KINDS, data_quality_problems
from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, SOURCE_KIND_NAMES, STATUS_VALUES
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import parse_number, plain_number_text
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _, isolate, translate_in
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.spreadsheet_text import text_from_cell
from resilience_app.core.text_rules import clean_text, text_problem, too_long

# What openpyxl gives for a cell: a text, a number, a truth value, a date or time, or None; read as any value,
# as a crafted file may make it give something else.
CellValue = object

# Besides the app's own words in every language: what people type for "not applicable" and "don't know".
STATUS_ALIASES = {"not_applicable": ("n/a", "na", "not_applicable"), "dont_know": ("?", "؟", "dont_know")}
# "3 · Partly in place", "3. Partly in place", "3 - …", "3: …", "3) …", "3": a level's number, then perhaps its name.
_NUMBERED = re.compile(r"([1-5])(?:[·•∙.:)\-–—](.*))?", re.DOTALL)
_WHOLE_LEVEL = re.compile(r"([1-5])(?:\.0+)?")
_SHOWN_CHARACTERS = 40
_TRUTH = {True: N_("Yes"), False: N_("No")}  # a TRUE or FALSE cell, as a text
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides and isolates, and what closes them


class CellUnreadable(Exception):
    """The cell's content cannot be read; the message says why, in the current language."""


@dataclass(frozen=True)
class Vocabulary:
    """The words a returned workbook may use for levels, statuses and confidences, in every language."""

    levels: Mapping[str, int]  # word key of a level's name -> its level
    statuses: Mapping[str, str]  # word key -> "not_applicable" or "dont_know"
    confidences: Mapping[str, str]  # word key -> "low", "medium" or "high"
    source_kinds: Mapping[str, str]  # word key of a kind's name in any language, or of its code -> the code
    data_scales: Mapping[str, str]  # the same for the scales

    @classmethod
    def of(cls, level_names: Iterable[tuple[int, str]]) -> Vocabulary:
        """The app's words in every language, and the given (level, name) pairs of the framework."""
        levels = {key: level for level, name in level_names if (key := word_key(name))}
        statuses = {word_key(alias): status for status, aliases in STATUS_ALIASES.items() for alias in aliases}
        statuses |= {word_key(translate_in(language, STATUS_VALUES[status])): status
                     for status in STATUS_ALIASES for language in SUPPORTED_LANGUAGES}
        confidences = {word_key(translate_in(language, CONFIDENCE_NAMES[key])): key for key in CONFIDENCES for language in SUPPORTED_LANGUAGES}
        confidences |= {key: key for key in CONFIDENCES}
        return cls(levels, statuses, confidences, _names_and_codes(SOURCE_KINDS, SOURCE_KIND_NAMES), _names_and_codes(DATA_SCALES, DATA_SCALE_NAMES))


def _names_and_codes(codes: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """Word key -> code, for each code's name in every language and for the code itself ("expert_judgement")."""
    found = {word_key(translate_in(language, names[code])): code for code in codes for language in SUPPORTED_LANGUAGES}
    return found | {word_key(code): code for code in codes}


def word_key(text: str) -> str:
    """A word as compared (see the module's docstring)."""
    return "".join(character for character in normalise_for_search(text) if not character.isspace() and unicodedata.category(character) != "Cf")


def shown(value: CellValue) -> str:
    """A cell's content as a message quotes it: shortened, and kept in its own direction (`quoted`)."""
    return quoted(_as_text(value))


def quoted(text: str) -> str:
    """A text from the workbook as a message quotes it: shortened, kept in its own direction, and with each
    character that opens or closes a direction (an override, an embedding, an isolate) written out as
    [U+202E]: left in, one would close the message's isolate around the text, or turn the message's own words
    around after it."""
    text = text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS] + "…"
    return isolate(DIRECTION_CONTROLS.sub(lambda control: f"[U+{ord(control.group()):04X}]", text))


def is_empty(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not word_key(text_from_cell(value)))


def read_level(value: CellValue, vocabulary: Vocabulary) -> tuple[str, int | None]:
    """(status, level): ("level", 3), ("not_applicable", None), ("dont_know", None) or ("", None) when empty."""
    if is_empty(value):
        return "", None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value in LEVELS:  # 3 or 3.0, typed as a number
        return "level", int(value)
    if isinstance(value, str):
        key = word_key(text_from_cell(value))
        if key in vocabulary.statuses:
            return vocabulary.statuses[key], None
        if key in vocabulary.levels:
            return "level", vocabulary.levels[key]
        if whole := _WHOLE_LEVEL.fullmatch(key):
            return "level", int(whole.group(1))
        if numbered := _NUMBERED.fullmatch(key):
            level, name = int(numbered.group(1)), numbered.group(2) or ""
            if not name or vocabulary.levels.get(name) == level:
                return "level", level
    raise CellUnreadable(_("“{value}” is not a level. Choose a level from 1 to 5, “not applicable” or “don't know”.").format(value=shown(value)))


def read_confidence(value: CellValue, vocabulary: Vocabulary) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, str) and (confidence := vocabulary.confidences.get(word_key(text_from_cell(value)))):
        return confidence
    raise CellUnreadable(_("“{value}” is not a confidence. Choose low, medium or high confidence.").format(value=shown(value)))


def read_source_kind(value: CellValue, vocabulary: Vocabulary) -> str | None:
    """The kind of source's code ("measured"), or None when the cell is empty (not stated)."""
    return _read_choice(value, vocabulary.source_kinds, "source_kind", _("“{value}” is not a kind of source. {hint}"))


def read_data_scale(value: CellValue, vocabulary: Vocabulary) -> str | None:
    """The scale's code ("governorate_region"), or None when the cell is empty (not stated)."""
    return _read_choice(value, vocabulary.data_scales, "data_scale", _("“{value}” is not a scale. {hint}"))


def _read_choice(value: CellValue, choices: Mapping[str, str], field: str, message: str) -> str | None:
    if is_empty(value):
        return None
    if isinstance(value, str) and (code := choices.get(word_key(text_from_cell(value)))):
        return code
    typed = _as_text(value)
    draft = AnswerDraft(status="", source_kind=typed) if field == "source_kind" else AnswerDraft(status="", data_scale=typed)
    hint = data_quality_problems(draft)[field]  # the answer editor's own words
    raise CellUnreadable(message.format(value=shown(value), hint=hint))


def read_data_year(value: CellValue, *, today: dt.date | None = None) -> int | None:
    """The year the data describe, typed as a number or as a text in any digits ("٢٠٢٢"); None when the cell is empty.

    A year outside what the answer editor accepts is refused with its words (`data_quality_problems`).
    """
    if is_empty(value):
        return None
    year: int | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value == int(value):
        year = int(value)
    elif isinstance(value, str):
        text = "".join(character for character in text_from_cell(value) if not character.isspace() and unicodedata.category(character) != "Cf")
        if text.isdecimal() and len(text) <= 6:  # any script's digits, which int() reads; a longer run is no year
            year = int(text)
    hint = data_quality_problems(AnswerDraft(status="", data_year=year if year is not None else -1), today=today)
    if year is None:
        raise CellUnreadable(_("“{value}” is not a year. {hint}").format(value=shown(value), hint=hint["data_year"]))
    if "data_year" in hint:
        raise CellUnreadable(hint["data_year"])
    return year


def read_number(value: CellValue) -> str | None:
    """The number in plain ASCII decimal notation ("٣٫٥" -> "3.5", 1250.0 -> "1250"), or None when the cell is empty."""
    if is_empty(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise CellUnreadable(_("“{text}” is not a number.").format(text=shown(value)))
    text = text_from_cell(value) if isinstance(value, str) else _number_text(value)
    try:
        return plain_number_text(parse_number(text, field="value"))
    except InvalidInputError as error:
        raise CellUnreadable(error.field_errors["value"]) from None


def read_text(value: CellValue, *, limit: int, language: str) -> str:
    """A text cell as the app keeps a typed text (`clean_text`); a number or date typed into it as it shows, TRUE or
    FALSE as "Yes" or "No" in the workbook's `language`: never the window's, or the same workbook imported again
    in the other language would change what is stored."""
    text = clean_text(translate_in(language, _TRUTH[value]) if isinstance(value, bool) else _as_text(value))
    if problem := text_problem(text) or too_long(text, limit):
        raise CellUnreadable(problem)
    return text


def read_id(value: CellValue) -> str:
    """A question id as written in its cell (without the spaces around it)."""
    return _as_text(value).strip()


def _as_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return text_from_cell(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, (dt.datetime, dt.date, dt.time)) else str(value)


def percent_shown(value: int | float) -> str:
    """A number kept as a fraction and shown as a percentage (0.45 shown "45%"), as the number shown ("45")."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return plain_number_text(Decimal(repr(value)) * 100)


def _number_text(value: int | float) -> str:
    """A number from a cell in plain decimal notation, as if typed (1e21 -> "1000000000000000000000")."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return plain_number_text(Decimal(repr(value)))
    return str(value)
