"""What importing a sign-in sheet would do: every row with its participant or its problems, before anything is saved."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resilience_app.core.content.model import Sector
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, ngettext
from resilience_app.core.workshop.participants_csv.decoding import UTF8, FileProblem, decode_as, encoding_for, read_table
from resilience_app.core.workshop.participants_csv.rows import ImportRow, read_rows
from resilience_app.core.workshop.participants_csv.vocabulary import HEADER_NAMES, Vocabulary, columns_of
from resilience_app.core.workshop.records import ParticipantDraft

# A sign-in sheet of MAX_ROWS participants is well under 1 MB. A bigger file is refused after reading one byte
# past the cap, before it is decoded: a 300 MB file took 42 s and 2.1 GB to preview.
MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024


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
    used = encoding_for(data, encoding)
    try:
        header, records = read_table(decode_as(data, used))
    except FileProblem as problem:
        return ParticipantsImport(used, (), (), (str(problem),), tuple(groups))
    columns, ignored = columns_of(header.cells)
    if "sector" not in columns:
        return ParticipantsImport(used, (), ignored, (_no_sector_column(),), tuple(groups))
    rows = read_rows(records, columns, Vocabulary.of(sectors, own_sectors), existing, groups)
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


def _no_sector_column() -> str:
    return _("The file has no sector column: add a column headed “{header}” that gives each participant's sector.").format(
        header=_(HEADER_NAMES["sector"])
    )
