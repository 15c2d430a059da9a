"""A workshop's participant list in and out of CSV: sign-in sheets typed in Excel, often in Arabic.

Reading never raises: whatever the bytes, every failure becomes a translated problem, either of the
whole file (nothing is imported) or of one row (that row is skipped, the others are imported).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resilience_app.core.content.model import Sector
from resilience_app.core.formatting import format_number, latin_digits
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _, isolate, ngettext, translate_in
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, label_in, own_sector, sector_name
from resilience_app.core.workshop.records import ParticipantDraft
from resilience_app.core.workshop.rules import MAX_GROUP_NAME_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH

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
MAX_LENGTHS = {"name": MAX_NAME_LENGTH, "organisation": MAX_TITLE_LENGTH, "group": MAX_GROUP_NAME_LENGTH}  # as when typed in
MAX_ROWS = 5_000
# A sign-in sheet of MAX_ROWS participants is well under 1 MB. A bigger file is refused after reading one byte
# past the cap, before it is decoded: a 300 MB file took 42 s and 2.1 GB to preview.
MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MIN_AGE, MAX_AGE = 10, 120
SUGGEST_CHARS = 100  # no sector name is longer: a longer text is not a misspelt one
# The first age past each band, youngest band first (the bands of AGE_BAND_NAMES).
AGE_BAND_ENDS = ((25, "under-25"), (35, "25-34"), (50, "35-49"), (65, "50-64"), (MAX_AGE + 1, "65-plus"))

UTF8, UTF16, WINDOWS_1256 = "utf-8", "utf-16", "windows-1256"
DELIMITERS = ",;\t"  # Excel writes semicolons where the decimal separator is a comma (Maghreb, French locales)
SNIFF_LINES, SNIFF_CHARS = 50, 8_000  # csv.Sniffer takes quadratic time on some texts: give it a short sample

_EDGES = "\\s\u200b\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e\ufeff"
_SURROUNDING_SPACE = re.compile(f"^[{_EDGES}]+|[{_EDGES}]+$")  # spaces, and direction marks copied from Arabic text
_FORMULA_START = tuple("=+-@")  # Excel would run a cell starting with these as a formula
_WHOLE_NUMBER = re.compile(r"\d+")
_NEEDS_QUOTES = re.compile('[,;\t"\r\n]')  # "," and ";" both: Excel splits on ";" where it is the list separator


class _FileProblem(Exception):
    """A problem with the whole file: its translated message is the exception's text."""


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


@dataclass(frozen=True)
class ParticipantsImport:
    encoding: str  # UTF8, UTF16 or WINDOWS_1256: what the file was read as
    rows: tuple[ImportRow, ...]
    ignored_columns: tuple[str, ...]  # header names not understood (shown to the user, ignored)
    problems: tuple[str, ...]  # problems of the whole file; when present nothing is importable (and rows is empty)
    existing_groups: tuple[str, ...] = field(default=(), repr=False)

    @property
    def importable_rows(self) -> tuple[ImportRow, ...]:
        return () if self.problems else tuple(row for row in self.rows if row.importable)

    @property
    def new_groups(self) -> tuple[str, ...]:
        """Group names of the importable rows that are not groups of the workshop yet, in first-seen order."""
        names = (row.group for row in self.importable_rows if row.group and row.group not in self.existing_groups)
        return tuple(dict.fromkeys(names))

    def summary(self) -> str:
        """One translated line: how many participants will be imported, and what is skipped."""
        if self.problems:
            count = len(self.problems)
            return ngettext(
                "Nothing will be imported: the file has {count} problem.", "Nothing will be imported: the file has {count} problems.", count
            ).format(count=format_number(count))
        return _("{clauses}.").format(clauses=_("; ").join(self._clauses()))

    def _clauses(self) -> Iterator[str]:
        imported = len(self.importable_rows)
        yield ngettext("{count} participant will be imported", "{count} participants will be imported", imported).format(
            count=format_number(imported)
        )
        if wrong := sum(row.participant is None for row in self.rows):
            yield ngettext("{count} row has problems", "{count} rows have problems", wrong).format(count=format_number(wrong))
        if duplicates := sum(row.participant is not None and row.duplicate for row in self.rows):
            yield ngettext("{count} duplicate is skipped", "{count} duplicates are skipped", duplicates).format(
                count=format_number(duplicates)
            )


# --- Reading -------------------------------------------------------------------------------------


def read_participants_csv(
    data: bytes,
    *,
    sectors: Sequence[Sector],
    own_sectors: Sequence[str] = (),
    existing: Sequence[ParticipantDraft] = (),
    groups: Sequence[str] = (),
    encoding: str | None = None,
) -> ParticipantsImport:
    """The rows of a sign-in sheet, each with its participant or its problems; never raises.

    `encoding` forces how the bytes are read (the user's choice when the guess was wrong).
    """
    if len(data) > MAX_FILE_BYTES:  # checked before anything else reads the bytes
        return ParticipantsImport(encoding or UTF8, (), (), (_too_large(),), tuple(groups))
    used = _encoding_for(data, encoding)
    try:
        header, records = _table(_decode_as(data, used))
    except _FileProblem as problem:
        return ParticipantsImport(used, (), (), (str(problem),), tuple(groups))
    columns, ignored = _columns(header)
    if "sector" not in columns:
        return ParticipantsImport(used, (), ignored, (_no_sector_column(),), tuple(groups))
    rows = _rows(records, columns, _Vocabulary.of(sectors, own_sectors), existing, groups)
    return ParticipantsImport(used, rows, ignored, (), tuple(groups))


def read_participants_file(path: Path) -> bytes:
    """The bytes of the sheet at `path` to give `read_participants_csv`: at most MAX_FILE_BYTES + 1 of them.

    A longer file is read no further; `read_participants_csv` refuses the MAX_FILE_BYTES + 1 bytes as too large.
    Raises OSError when the file cannot be read.
    """
    with path.open("rb") as stream:
        return stream.read(MAX_FILE_BYTES + 1)


def _too_large() -> str:
    return _("The file is larger than {size} MB, more than any sign-in sheet; split it into smaller files.").format(
        size=format_number(MAX_FILE_MB)
    )


def _encoding_for(data: bytes, forced: str | None) -> str:
    """The encoding to read the file as.

    A byte-order mark settles it. Without one we try strict UTF-8 (Excel's "CSV UTF-8", LibreOffice,
    Google Sheets) and fall back to Windows-1256, the code page Arabic Excel uses for plain "CSV" on
    Windows. Arabic Windows-1256 text is almost never valid UTF-8, and Windows-1256 decodes any bytes,
    so the choice is between two known encodings and needs no detection library; when the guess is
    wrong the user chooses the encoding and `forced` overrides the guess.
    """
    if forced:
        return _encoding_label(forced)
    if data.startswith(codecs.BOM_UTF8):
        return UTF8
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        return UTF16
    try:
        data.decode(UTF8)
    except UnicodeDecodeError:
        return WINDOWS_1256
    return UTF8


def _decode_as(data: bytes, encoding: str) -> str:
    codec = "utf-8-sig" if _encoding_label(encoding) == UTF8 else encoding  # a forced UTF-8 still drops the BOM
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise _FileProblem(
            _("The file cannot be read as {encoding}. Choose another encoding, or save the sheet again as “CSV UTF-8”.").format(
                encoding=isolate(encoding)
            )
        ) from None


def _encoding_label(encoding: str) -> str:
    """UTF8, UTF16 or WINDOWS_1256 for any of their spellings; other encodings by Python's name."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return {"utf-8-sig": UTF8, "cp1256": WINDOWS_1256}.get(name, name)


@dataclass(frozen=True)
class _Record:
    line: int
    cells: list[str]


def _table(text: str) -> tuple[_Record, list[_Record]]:
    """The header and the data rows that are not blank; raises `_FileProblem` for an empty or oversized file."""
    records = _records(text, _delimiter(text))
    header = next(records, None)
    if header is None:
        raise _FileProblem(_("The file is empty."))
    rows: list[_Record] = []
    for record in records:
        if len(rows) == MAX_ROWS:
            raise _FileProblem(
                _("The file has more than {count} participants; split it into smaller files.").format(count=format_number(MAX_ROWS))
            )
        rows.append(record)
    if not rows:
        raise _FileProblem(_("The file has no participants below its header row."))
    return header, rows


def _delimiter(text: str) -> str:
    """The delimiter under which the first row names the most known columns; a guess from the sample otherwise.

    The header decides because a guess from the whole sample is swayed by the data: a sheet whose names are
    quoted ";" reads as semicolon-separated to csv.Sniffer.
    """
    first_line = next(iter(text.splitlines()), "")
    named = {delimiter: _known_headers(first_line, delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: named[delimiter])
    return best if named[best] else _sniffed_delimiter(text)


def _known_headers(line: str, delimiter: str) -> int:
    """How many cells of `line`, split at `delimiter`, are headers the app understands."""
    known = _header_keys()
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a stray quote or a cell over the csv module's size limit: not a header row this way
        return 0
    return sum(_header_key(cell_text(cell)) in known for cell in cells)


def _sniffed_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:SNIFF_LINES])
    if len(sample) > SNIFF_CHARS:
        sample = sample[:SNIFF_CHARS].rpartition("\n")[0] or sample[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def _records(text: str, delimiter: str) -> Iterator[_Record]:
    """The rows of the file that are not blank, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end_of_last = 0
    try:
        for cells in reader:
            start, end_of_last = end_of_last + 1, reader.line_num
            if any(cell_text(cell) for cell in cells):
                yield _Record(start, cells)
    except csv.Error:
        raise _FileProblem(
            _("Line {line} of the file cannot be read as CSV; check it for a stray quotation mark.").format(
                line=format_number(end_of_last + 1)
            )
        ) from None


def _columns(header: _Record) -> tuple[dict[str, tuple[int, str]], tuple[str, ...]]:
    """Each understood field's column (index, header as written), and the headers not understood."""
    known = _header_keys()
    columns: dict[str, tuple[int, str]] = {}
    ignored = []
    for index, cell in enumerate(header.cells):
        title = cell_text(cell)
        found = known.get(_header_key(title))
        if found and found not in columns:
            columns[found] = (index, title)
        elif title:
            ignored.append(title)
    return columns, tuple(ignored)


def _no_sector_column() -> str:
    return _("The file has no sector column: add a column headed “{header}” that gives each participant's sector.").format(
        header=_(HEADER_NAMES["sector"])
    )


def _header_keys() -> dict[str, str]:
    """Every accepted header, compared as `_header_key`, -> its field."""
    keys = {_header_key(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
    for language in SUPPORTED_LANGUAGES:
        keys |= {_header_key(translate_in(language, header)): name for name, header in HEADER_NAMES.items()}
    return keys


def _header_key(text: str) -> str:
    """A header as compared: "Full_Name", "full name" and "FULL-NAME" are the same."""
    return _key(re.sub("[_-]", " ", text))


def _key(text: str) -> str:
    """A value as compared: case, spaces, Arabic letter variants, diacritics and digit scripts do not matter."""
    return "".join(normalise_for_search(cell_text(text)).split())


def cell_text(text: str) -> str:
    """A cell's value as imported: without the spaces and direction marks around it (copied from Arabic text)."""
    return _SURROUNDING_SPACE.sub("", text)


@dataclass(frozen=True)
class _Vocabulary:
    """The words an import understands for sectors, genders and age bands."""

    sectors: dict[str, str]  # key -> a sector id or own sector
    sector_names: dict[str, str]  # key of any of a sector's names or its id -> its name in the current language
    genders: dict[str, str]  # key -> gender id
    age_bands: dict[str, str]  # key -> age band id

    @classmethod
    def of(cls, sectors: Sequence[Sector], own_sectors: Sequence[str]) -> _Vocabulary:
        own = {_key(name): name for name in own_sectors if cell_text(name)}
        known = {key: own_sector(name) for key, name in own.items()}
        names = dict(own)
        for sector in sectors:
            keys = [_key(text) for text in (sector.id, *sector.name.translations.values())]
            known |= dict.fromkeys(keys, sector.id)
            names |= dict.fromkeys(keys, sector.name.in_language())
        return cls(known, names, _gender_words(), _age_band_words())


def _gender_words() -> dict[str, str]:
    words = {_key(alias): gender for gender, aliases in GENDER_ALIASES.items() for alias in aliases}
    return words | _label_words(GENDER_NAMES)


def _age_band_words() -> dict[str, str]:
    return {_key(band): band for band in AGE_BAND_NAMES} | _label_words(AGE_BAND_NAMES)


def _label_words(names: dict[str, str]) -> dict[str, str]:
    return {_key(translate_in(language, label)): key for key, label in names.items() for language in SUPPORTED_LANGUAGES}


def _rows(
    records: list[_Record],
    columns: dict[str, tuple[int, str]],
    vocabulary: _Vocabulary,
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
        name, organisation = (_unescape(cell_text(row.values[key])) for key in ("name", "organisation"))
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


def _read_row(record: _Record, columns: dict[str, tuple[int, str]], vocabulary: _Vocabulary) -> ImportRow:
    values = {name: _cell(record.cells, columns[name][0]) if name in columns else "" for name in FIELDS}
    found: dict[str, str] = {}
    problems = []
    for name, value in values.items():
        column = columns[name][1] if name in columns else ""
        found[name], problem = _read_value(name, _unescape(cell_text(value)), column, vocabulary)
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


def _read_value(name: str, text: str, column: str, vocabulary: _Vocabulary) -> tuple[str, str]:
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


def _read_sector(text: str, column: str, vocabulary: _Vocabulary) -> tuple[str, str]:
    if not text:
        return _problem(_("{column}: a sector is required."), column, text)
    if sector := vocabulary.sectors.get(_key(text)):
        return sector, ""
    if suggestion := _suggest(text, vocabulary.sector_names):
        message = _("{column}: “{value}” is not one of the workshop's sectors. Did you mean “{suggestion}”?")
        return _problem(message, column, text, suggestion=isolate(suggestion))
    return _problem(_("{column}: “{value}” is not one of the workshop's sectors."), column, text)


def _suggest(text: str, names: dict[str, str]) -> str:
    """The name, in the current language, of the sector whose name or id in any language is closest to `text`."""
    if len(text) > SUGGEST_CHARS:
        return ""
    close = difflib.get_close_matches(_key(text), names, n=1, cutoff=0.6)
    return names[close[0]] if close else ""


def _read_gender(text: str, column: str, vocabulary: _Vocabulary) -> tuple[str, str]:
    if not text:
        return "", ""
    if gender := vocabulary.genders.get(_key(text)):
        return gender, ""
    return _problem(_("{column}: “{value}” is not a gender; write woman or man, or leave it blank."), column, text)


def _read_age_band(text: str, column: str, vocabulary: _Vocabulary) -> tuple[str, str]:
    if not text:
        return "", ""
    if band := vocabulary.age_bands.get(_key(text)):
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


# --- Writing -------------------------------------------------------------------------------------


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
        lines.append(_line([_escape(cell) for cell in cells]))
    return "".join(lines).encode("utf-8-sig")


def _line(cells: Sequence[str]) -> str:
    """One CSV line: comma-separated, a cell quoted when it holds a comma, semicolon, tab, quote or line break.

    csv.QUOTE_MINIMAL quotes only for the delimiter written: Excel set to split on ";" would split an unquoted
    `Ali;=cmd|' /C calc'!A0` and run the formula in its second half.
    """
    quoted = ('"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell for cell in cells)
    return ",".join(quoted) + "\r\n"


def _escape(text: str) -> str:
    """A cell Excel shows as text: one that would start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text
