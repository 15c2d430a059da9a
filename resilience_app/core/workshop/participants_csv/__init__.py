"""A workshop's participant list in and out of CSV: sign-in sheets typed in Excel, often in Arabic.

Reading never raises: whatever the bytes, every failure becomes a translated problem, either of the
whole file (nothing is imported) or of one row (that row is skipped, the others are imported).

- `decoding`: the encoding guessed, the delimiter found, the records split;
- `vocabulary`: the headers, sectors, genders and age bands a sheet may be written with;
- `rows`: each row read into a participant or its problems, duplicates marked;
- `preview`: what an import would do (`read_participants_csv`), shown before anything is saved;
- `writer`: the export (`write_participants_csv`), which `read_participants_csv` reads back the same;
- `formulas`: the apostrophe that keeps Excel from running a cell as a formula.
"""

from resilience_app.core.workshop.participants_csv.decoding import MAX_ROWS, UTF8, UTF16, WINDOWS_1256
from resilience_app.core.workshop.participants_csv.preview import (
    MAX_FILE_BYTES,
    MAX_FILE_MB,
    ParticipantsImport,
    read_participants_csv,
    read_participants_file,
)
from resilience_app.core.workshop.participants_csv.rows import ImportRow
from resilience_app.core.workshop.participants_csv.vocabulary import FIELDS, GENDER_ALIASES, HEADER_ALIASES, HEADER_NAMES, cell_text
from resilience_app.core.workshop.participants_csv.writer import write_participants_csv

__all__ = [
    "FIELDS",
    "GENDER_ALIASES",
    "HEADER_ALIASES",
    "HEADER_NAMES",
    "MAX_FILE_BYTES",
    "MAX_FILE_MB",
    "MAX_ROWS",
    "UTF8",
    "UTF16",
    "WINDOWS_1256",
    "ImportRow",
    "ParticipantsImport",
    "cell_text",
    "read_participants_csv",
    "read_participants_file",
    "write_participants_csv",
]
