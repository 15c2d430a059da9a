"""A sign-in sheet's bytes made into rows of cells: its encoding guessed, its delimiter found, its records split."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.core.workshop.participants_csv.vocabulary import cell_text, header_key, header_keys

MAX_ROWS = 5_000
UTF8, UTF16, WINDOWS_1256 = "utf-8", "utf-16", "windows-1256"
DELIMITERS = ",;\t"  # Excel writes semicolons where the decimal separator is a comma (Maghreb, French locales)
SNIFF_LINES, SNIFF_CHARS = 50, 8_000  # csv.Sniffer takes quadratic time on some texts: give it a short sample


class FileProblem(Exception):
    """A problem with the whole file: its translated message is the exception's text."""


def encoding_for(data: bytes, forced: str | None) -> str:
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


def decode_as(data: bytes, encoding: str) -> str:
    codec = "utf-8-sig" if _encoding_label(encoding) == UTF8 else encoding  # a forced UTF-8 still drops the BOM
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise FileProblem(
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
class Record:
    line: int
    cells: list[str]


def read_table(text: str) -> tuple[Record, list[Record]]:
    """The header and the data rows that are not blank; raises `FileProblem` for an empty or oversized file."""
    records = _records(text, _delimiter(text))
    header = next(records, None)
    if header is None:
        raise FileProblem(_("The file is empty."))
    rows: list[Record] = []
    for record in records:
        if len(rows) == MAX_ROWS:
            raise FileProblem(
                _("The file has more than {count} participants; split it into smaller files.").format(count=format_number(MAX_ROWS))
            )
        rows.append(record)
    if not rows:
        raise FileProblem(_("The file has no participants below its header row."))
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
    known = header_keys()
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a stray quote or a cell over the csv module's size limit: not a header row this way
        return 0
    return sum(header_key(cell_text(cell)) in known for cell in cells)


def _sniffed_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:SNIFF_LINES])
    if len(sample) > SNIFF_CHARS:
        sample = sample[:SNIFF_CHARS].rpartition("\n")[0] or sample[:SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def _records(text: str, delimiter: str) -> Iterator[Record]:
    """The rows of the file that are not blank, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end_of_last = 0
    try:
        for cells in reader:
            start, end_of_last = end_of_last + 1, reader.line_num
            if any(cell_text(cell) for cell in cells):
                yield Record(start, cells)
    except csv.Error:
        raise FileProblem(
            _("Line {line} of the file cannot be read as CSV; check it for a stray quotation mark.").format(
                line=format_number(end_of_last + 1)
            )
        ) from None
