"""Temporary files the app writes outside its data folder (a brief being exported into the user's
folder), recorded in the data folder while they exist.

A run killed while writing one cannot remove it; the next start does (`remove_recorded`),
and only the very file the record shows the app created: never a file made there since.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import stat
import threading
from contextlib import suppress
from pathlib import Path

_log = logging.getLogger("resilience_app.storage")

RECORDS_DIR_NAME = "writing"  # in the data folder: one record per temporary file being written outside it

_ours: set[Path] = set()  # the records of this process's files under way: never a leftover
_ours_guard = threading.Lock()


def _record_of(records: Path, temporary: Path) -> Path:
    return records / (hashlib.sha256(os.fsencode(temporary)).hexdigest()[:32] + ".json")


def _write_record(record: Path, content: dict[str, object]) -> None:
    staging = record.with_name(f".{record.name}.{secrets.token_hex(4)}")
    try:
        handle = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(content, stream)
        os.replace(staging, record)
    except BaseException:
        with suppress(OSError):
            staging.unlink()
        raise


def _record_of_staging(staging: Path) -> Path:
    """The record a staging copy (`_write_record`) was to become."""
    return staging.with_name(staging.name[1:].rpartition(".")[0])


def _start_record(records: Path, temporary: Path) -> Path | None:
    """The record of `temporary`, written before the file exists (no moment it is unrecorded); None when it cannot be."""
    record = _record_of(records, temporary)
    with _ours_guard:
        _ours.add(record)
    try:
        records.mkdir(mode=0o700, exist_ok=True)
        _write_record(record, {"path": os.fsdecode(temporary)})
    except OSError as error:  # the data folder is on a full disk or read-only media: write the file all the same
        _log.warning("The temporary file %s is not recorded (%s): a kill now would leave it", temporary, error)
        _forget(record)
        return None
    return record


def _forget(record: Path) -> None:
    with suppress(OSError):
        record.unlink(missing_ok=True)
    with _ours_guard:
        _ours.discard(record)


def new_temporary_file(data_dir: Path, folder: Path, *, prefix: str, suffix: str) -> Path:
    """Create an empty, owner-only file in `folder`, recorded in the data folder first so that,
    if the run is killed before `discard_temporary_file`, the next start removes it.

    `OSError` when the file cannot be created.
    """
    records = data_dir / RECORDS_DIR_NAME
    while True:
        temporary = folder / f"{prefix}{secrets.token_hex(8)}{suffix}"
        record = _start_record(records, temporary)
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except BaseException as error:
            if record is not None:
                _forget(record)
            if isinstance(error, FileExistsError):
                continue  # a name taken already: draw another
            raise
        try:
            identity = os.fstat(handle)
        finally:
            os.close(handle)
        if record is not None:
            with suppress(OSError):  # without it, the path and an empty file still identify it
                _write_record(record, {"path": os.fsdecode(temporary), "device": identity.st_dev, "inode": identity.st_ino})
        return temporary


def discard_temporary_file(data_dir: Path, temporary: Path) -> None:
    """Remove `temporary` if it is still there (not moved into place) and its record."""
    temporary.unlink(missing_ok=True)
    _forget(_record_of(data_dir / RECORDS_DIR_NAME, temporary))


def remove_recorded(data_dir: Path) -> int:
    """Remove the recorded temporary files a killed run left (how many), and their records."""
    records = data_dir / RECORDS_DIR_NAME
    if not records.is_dir():
        return 0
    with _ours_guard:
        ours = set(_ours)
    removed = 0
    for record in records.iterdir():
        if record.name.startswith("."):  # a record's staging copy: a killed run's, unless this process is writing it
            if _record_of_staging(record) not in ours:
                with suppress(OSError):
                    record.unlink()
            continue
        if record in ours:  # under way in this process
            continue
        try:
            content = json.loads(record.read_text(encoding="utf-8"))
            temporary = Path(content["path"])
            if _is_the_recorded_file(temporary, content):
                temporary.unlink()
                removed += 1
        except (OSError, ValueError, KeyError, TypeError) as error:
            _log.info("Record %s of a temporary file not used: %s", record, error)
        with suppress(OSError):
            record.unlink()
    return removed


def _is_the_recorded_file(temporary: Path, content: dict[str, object]) -> bool:
    """Whether the file at `temporary` is the one the app created there (not a file made since)."""
    try:
        found = temporary.lstat()
    except FileNotFoundError:
        return False  # moved into place, or removed already
    if not stat.S_ISREG(found.st_mode):
        return False
    if "inode" in content:
        return (found.st_dev, found.st_ino) == (content.get("device"), content.get("inode"))
    return found.st_size == 0  # killed between creating it and recording which file it is: still empty
