"""Consistent copies of the SQLite file, taken with SQLite's online backup API (safe with WAL)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

_log = logging.getLogger("resilience_app.storage")
KEEP_LATEST = 10


def back_up_sqlite(database_file: Path, backups_dir: Path, *, reason: str) -> Path | None:
    """Copy `database_file` into `backups_dir` and keep the newest `KEEP_LATEST` copies."""
    if not database_file.exists() or database_file.stat().st_size == 0:
        return None
    backups_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{database_file.stem}-{stamp}-{reason}.sqlite3"
    source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    _log.info("Backed up %s to %s (%s)", database_file, target, reason)
    for old in sorted(backups_dir.glob(f"{database_file.stem}-*.sqlite3"))[:-KEEP_LATEST]:
        old.unlink(missing_ok=True)
    return target
