"""Each row of a sign-in sheet read into a participant, or into the problems that keep it out, duplicates marked."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from resilience_app.core.formatting import format_number, latin_digits
from resilience_app.core.i18n import _, isolate
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.workshop.labels import AGE_BAND_NAMES
from resilience_app.core.workshop.participants_csv.decoding import Record
from resilience_app.core.workshop.participants_csv.formulas import unescape_formula
from resilience_app.core.workshop.participants_csv.vocabulary import FIELDS, HEADER_NAMES, Vocabulary, cell_text, word_key
from resilience_app.core.workshop.records import ParticipantDraft
from resilience_app.core.workshop.rules import MAX_GROUP_NAME_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH

MAX_LENGTHS = {"name": MAX_NAME_LENGTH, "organisation": MAX_TITLE_LENGTH, "group": MAX_GROUP_NAME_LENGTH}  # as when typed in
MIN_AGE, MAX_AGE = 10, 120
SUGGEST_CHARS = 100  # no sector name is longer: a longer text is not a misspelt one
# The first age past each band, youngest band first (the bands of AGE_BAND_NAMES).
AGE_BAND_ENDS = ((25, "under-25"), (35, "25-34"), (50, "35-49"), (65, "50-64"), (MAX_AGE + 1, "65-plus"))
_WHOLE_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class ImportRow:
    line: int  # the line of the file where the row starts (the header is line 1)
    values: dict[str, str]  # every field of FIELDS -> the raw text read ("" when the file has no such column)
    participant: ParticipantDraft | None  # None when the row has problems; group_id always None
    group: str  # the group name given ("" if none), spelt as an existing group when it names one
    problems: tuple[str, ...]  # translated messages, each naming the column and the value
    duplicate: bool = False  # same name and organisation as an earlier good row or a participant already in the workshop

    @property
    def importable(self) -> bool:
        return self.participant is not None and not self.duplicate


def read_rows(
    records: list[Record],
    columns: dict[str, tuple[int, str]],
    vocabulary: Vocabulary,
    existing: Sequence[ParticipantDraft],
    groups: Sequence[str],
) -> tuple[ImportRow, ...]:
    """Every row read, with duplicates marked and group names spelt as the first time they appear.

    Values are compared as read, after the formula guard's apostrophe is removed. A named row is a duplicate of an
    earlier good row or a participant of the same name and organisation. Anonymous rows may be several alike, so
    each anonymous participant already in the workshop accounts for one identical anonymous row (organisation,
    sector, gender, age band): re-importing the app's own export adds nothing, two such rows in one file add two.
    """
    seen = {_person_key(draft.name, draft.organisation) for draft in existing if cell_text(draft.name)}
    anonymous = Counter(_anonymous_key(draft) for draft in existing if not cell_text(draft.name))
    spelling = {_name_key(group): group for group in groups}
    rows: list[ImportRow] = []
    for record in records:
        row = _read_row(record, columns, vocabulary)
        group = spelling.setdefault(_name_key(row.group), row.group) if row.group else ""
        name, organisation = (unescape_formula(cell_text(row.values[key])) for key in ("name", "organisation"))
        person = _person_key(name, organisation) if cell_text(name) else None
        duplicate = person in seen
        if person is None and row.participant is not None and anonymous[key := _anonymous_key(row.participant)] > 0:
            anonymous[key] -= 1
            duplicate = True
        rows.append(ImportRow(row.line, row.values, row.participant, group, row.problems, duplicate=duplicate))
        if person and row.participant is not None:
            seen.add(person)
    return tuple(rows)


def _anonymous_key(draft: ParticipantDraft) -> tuple[str, str, str, str]:
    return _name_key(draft.organisation), draft.sector, draft.gender, draft.age_band


def _person_key(name: str, organisation: str) -> tuple[str, str]:
    return _name_key(name), _name_key(organisation)


def _name_key(text: str) -> str:
    """A name as the workshop compares names: case, Arabic letter variants and runs of spaces aside."""
    return " ".join(normalise_for_search(cell_text(text)).split())


def _read_row(record: Record, columns: dict[str, tuple[int, str]], vocabulary: Vocabulary) -> ImportRow:
    values = {name: _cell(record.cells, columns[name][0]) if name in columns else "" for name in FIELDS}
    found: dict[str, str] = {}
    problems = []
    for name, value in values.items():
        column = _(HEADER_NAMES[name])  # named in the window's language, whatever the file's header says
        found[name], problem = _read_value(name, unescape_formula(cell_text(value)), column, vocabulary)
        if problem:
            problems.append(problem)
    participant = None if problems else _participant(found)
    return ImportRow(record.line, values, participant, found["group"], tuple(problems))


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _participant(found: dict[str, str]) -> ParticipantDraft:
    return ParticipantDraft(
        sector=found["sector"], name=found["name"], organisation=found["organisation"], gender=found["gender"], age_band=found["age_band"]
    )


def _read_value(name: str, text: str, column: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """The value a field takes from its text, and the problem with it ("" if none)."""
    if name == "sector":
        return _read_sector(text, column, vocabulary)
    if name == "gender":
        return _read_gender(text, column, vocabulary)
    if name == "age_band":
        return _read_age_band(text, column, vocabulary)
    if name == "group":
        text = " ".join(text.split())  # as the workshop stores group names
    return _read_text(text, column, MAX_LENGTHS[name])


def _problem(message: str, column: str, text: str, **more: str) -> tuple[str, str]:
    """No value, and the translated `message` naming the column and the value as typed."""
    return "", message.format(column=isolate(column), value=isolate(_shortened(text)), **more)


def _read_text(text: str, column: str, limit: int) -> tuple[str, str]:
    if len(text) > limit:
        return _problem(_("{column}: “{value}” is longer than {count} characters."), column, text, count=format_number(limit))
    return text, ""


def _read_sector(text: str, column: str, vocabulary: Vocabulary) -> tuple[str, str]:
    if not text:
        return _problem(_("{column}: a sector is required."), column, text)
    if sector := vocabulary.sectors.get(word_key(text)):
        return sector, ""
    if suggestion := _suggest(text, vocabulary.sector_names):
        message = _("{column}: “{value}” is not one of the workshop's sectors. Did you mean “{suggestion}”?")
        return _problem(message, column, text, suggestion=isolate(suggestion))
    return _problem(_("{column}: “{value}” is not one of the workshop's sectors."), column, text)


def _suggest(text: str, names: dict[str, str]) -> str:
    """The name, in the current language, of the sector whose name or id in any language is closest to `text`."""
    if len(text) > SUGGEST_CHARS:
        return ""
    close = difflib.get_close_matches(word_key(text), names, n=1, cutoff=0.6)
    return names[close[0]] if close else ""


def _read_gender(text: str, column: str, vocabulary: Vocabulary) -> tuple[str, str]:
    if not text:
        return "", ""
    if gender := vocabulary.genders.get(word_key(text)):
        return gender, ""
    return _problem(_("{column}: “{value}” is not a gender; write woman or man, or leave it blank."), column, text)


def _read_age_band(text: str, column: str, vocabulary: Vocabulary) -> tuple[str, str]:
    if not text:
        return "", ""
    if band := vocabulary.age_bands.get(word_key(text)):
        return band, ""
    digits = latin_digits(text)
    if not _WHOLE_NUMBER.fullmatch(digits):
        message = _(
            "{column}: “{value}” is neither an age nor an age band; write an age such as {age}, a band such as “{band}”, or leave it blank."
        )
        return _problem(message, column, text, age=format_number(28), band=_(AGE_BAND_NAMES["25-34"]))
    significant = digits.lstrip("0") or "0"  # int() refuses texts of thousands of digits: no age has more than three
    if len(significant) > len(str(MAX_AGE)) or not MIN_AGE <= int(significant) <= MAX_AGE:
        message = _("{column}: an age of “{value}” is not between {minimum} and {maximum}.")
        return _problem(message, column, text, minimum=format_number(MIN_AGE), maximum=format_number(MAX_AGE))
    return _age_band(int(significant)), ""


def _age_band(age: int) -> str:
    return next(band for end, band in AGE_BAND_ENDS if age < end)


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
