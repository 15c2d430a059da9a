"""The app's own files, which no export may overwrite (a brief saved over the database destroys it)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from resilience_app.core.storage.sqlite_file import SQLITE_HEADER

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)  # also through a hard link or another name for the same file
    except OSError:
        return first == second


def _is_sqlite_database(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_own_file(target: Path, *, database_file: Path | None, folders: Iterable[Path], files: Iterable[Path] = ()) -> bool:
    """True when writing `target` would replace the database (or its log or lock), one of `files`, a file
    in one of the app's own `folders` (backups, evidence, settings, logs), or any SQLite database at all."""
    resolved = target.expanduser().resolve()
    protected = [path.expanduser().resolve() for path in files]
    if database_file is not None:
        database = database_file.resolve()
        protected += [database, *(database.with_name(database.name + suffix) for suffix in COMPANION_SUFFIXES)]
    if any(resolved == path or _same_file(resolved, path) for path in protected):
        return True
    for folder in folders:
        if resolved.is_relative_to(folder.expanduser().resolve()):
            return True
    return resolved.is_file() and _is_sqlite_database(resolved)
