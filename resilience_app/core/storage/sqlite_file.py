"""What a SQLite file on disk is, found without changing a byte of it.

Read before the app's own connections touch a file: those switch it to WAL and
migrations add tables, which must never happen to another program's database or
to one a newer version of the app wrote. SQLite's own checks also miss a file cut
short by less than a page (it reads the missing bytes as zeros), so the header is
compared with the file's size here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# What reading a damaged file can raise: SQLite's errors, and the UnicodeDecodeError Python's sqlite3 raises
# when SQLite's message quotes damaged schema text that is no longer UTF-8 (a flipped bit in a CREATE TABLE).
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, UnicodeDecodeError)
_HEADER_LENGTH = 100


class FileKind(Enum):
    NEW = "new"  # missing, empty, or a SQLite file without tables: the app may create its schema
    OURS = "ours"  # the app's database, at a revision this version knows
    DAMAGED = "damaged"
    FOREIGN = "foreign"  # another program's database
    NEWER = "newer"  # the app's database at a revision this version does not know


@dataclass(frozen=True)
class FileState:
    kind: FileKind
    revision: str | None = None
    reason: str = ""


def sqlite_file_problem(path: Path) -> str | None:
    """Why `path` is not a whole SQLite file (no header, a size that is not whole pages), else None."""
    try:
        with path.open("rb") as stream:
            header = stream.read(_HEADER_LENGTH)
        size = path.stat().st_size
    except OSError as error:
        return str(error)
    if len(header) < _HEADER_LENGTH or not header.startswith(SQLITE_HEADER):
        return "not a SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"impossible page size {page_size}"
    if size % page_size:
        return f"{size} bytes is not a whole number of {page_size}-byte pages: the file was cut short"
    pages_in_header = int.from_bytes(header[28:32], "big")
    header_size_valid = header[92:96] == header[24:28]  # SQLite's own rule for trusting the in-header size
    if header_size_valid and pages_in_header * page_size > size:
        return f"the header counts {pages_in_header} pages, the file holds {size // page_size}: the file was cut short"
    return None


def inspect_database_file(path: Path, *, known_revisions: frozenset[str], own_table: str) -> FileState:
    """Classify the file at `path` (see `FileKind`), reading it only."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return FileState(FileKind.NEW)
    except OSError as error:
        return FileState(FileKind.DAMAGED, reason=str(error))
    problem = sqlite_file_problem(path)
    if problem is not None:
        return FileState(FileKind.DAMAGED, reason=problem)
    try:
        connection = sqlite3.connect(path)  # no pragma, no write: only reads follow
        try:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()
            if integrity != ("ok",):
                return FileState(FileKind.DAMAGED, reason=str(integrity[0] if integrity else "integrity check failed"))
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
        finally:
            connection.close()
    except READ_ERRORS as error:
        return FileState(FileKind.DAMAGED, reason=str(error))
    if not tables:
        return FileState(FileKind.NEW)
    if revision in known_revisions:
        return FileState(FileKind.OURS, revision=revision)
    if own_table in tables and revision is not None:
        return FileState(FileKind.NEWER, revision=revision)
    if own_table in tables:
        return FileState(FileKind.DAMAGED, revision=None, reason="the app's tables without their revision")
    return FileState(FileKind.FOREIGN, revision=revision)
