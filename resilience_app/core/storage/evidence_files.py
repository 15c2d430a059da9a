"""Evidence files copied into each assessment's own folder, whole or not at all.

A file is first copied to a hidden partial name in the destination folder, flushed
to disk, then renamed into place; a failure at any point removes the partial copy,
so the folder never holds half a file. It is kept under the SHA-256 of its content
and a cleaned extension: the name a user gave it (kept in the database) never
becomes a path, so "../" or a device name in it can do no harm, and the same file
attached twice is stored once.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import stat
import typing
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.i18n import isolate
from resilience_app.core.text_rules import shown_file_name

_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    """A file kept in the evidence folder: its stored name, the bytes copied, and whether it is new."""

    name: str
    size: int
    is_new: bool


class FileRefused(Exception):
    """The source is not something to keep: `reason` is "gone", "unreadable", "link", "not-ordinary", "too-large" or "changed"."""

    def __init__(self, reason: str, size: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.size = size


@contextlib.contextmanager
def _open_ordinary_file(source: Path) -> Iterator[typing.BinaryIO]:
    """`source` opened for reading when it is an ordinary file itself (not a link, pipe or device).

    O_NOFOLLOW refuses a link; O_NONBLOCK keeps a named pipe with no writer from hanging the open.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(source, flags)
    except OSError as error:
        if error.errno == errno.ELOOP or (source.is_symlink() and not isinstance(error, FileNotFoundError)):
            raise FileRefused("link") from error
        raise
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise FileRefused("not-ordinary")
        if not _still_names(source, opened):  # where O_NOFOLLOW does not exist (Windows), a link swapped in is caught here
            raise FileRefused("link")
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as reader:
        yield reader


def _still_names(source: Path, opened: os.stat_result) -> bool:
    """True when `source` is, itself and not through a link, the file that was opened."""
    try:
        named = os.lstat(source)
    except OSError:
        return False
    return not stat.S_ISLNK(named.st_mode) and (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def _unchanged(before: os.stat_result, after: os.stat_result) -> bool:
    """The same open file, neither resized nor written to (its inode cannot change under an open handle)."""
    return (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns)


def _extension(name: str) -> str:
    """The file's extension when it is a plain one (".pdf", ".xlsx"), else none."""
    suffix = Path(name).suffix.lower()
    return suffix if _EXTENSION.fullmatch(suffix) else ""


class EvidenceFolder:
    """The folder holding the attached files of every assessment."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder_for(self, assessment_id: int) -> Path:
        return self.root / f"assessment-{assessment_id}"

    def path_of(self, assessment_id: int, stored_name: str) -> Path:
        return self.folder_for(assessment_id) / stored_name

    def store(self, assessment_id: int, source: Path, *, max_bytes: int) -> StoredFile:
        """Copy `source` in, whole, when it is an ordinary file of at most `max_bytes`.

        The file is opened without following a link and checked on the opened handle, so what
        is copied is what was checked; the copy itself stops at `max_bytes` and at the size the
        file had when opened, so a file that grows while copied (a log being written, a
        /proc file that says it is empty) is refused instead of filling the disk.
        """
        folder = self.folder_for(assessment_id)
        partial = folder / f".{uuid.uuid4().hex}.partial"
        try:
            with _open_ordinary_file(source) as reader:
                opened = os.fstat(reader.fileno())
                expected = opened.st_size
                if expected > max_bytes:
                    raise FileRefused("too-large", expected)
                folder.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                copied = 0
                with partial.open("wb") as writer:
                    while chunk := reader.read(min(_CHUNK, expected - copied + 1)):
                        copied += len(chunk)
                        if copied > expected:
                            raise FileRefused("changed", copied)
                        digest.update(chunk)
                        writer.write(chunk)
                    writer.flush()
                    os.fsync(writer.fileno())
                if copied != expected or not _unchanged(opened, os.fstat(reader.fileno())):  # cut short or rewritten while copied
                    raise FileRefused("changed", copied)
            stored_name = digest.hexdigest() + _extension(source.name)
            is_new = not (folder / stored_name).exists()
            if is_new:
                os.replace(partial, folder / stored_name)
            else:  # the same content, attached before: one copy serves every entry that names it
                partial.unlink()
        except FileRefused:
            partial.unlink(missing_ok=True)
            raise
        except (FileNotFoundError, PermissionError) as error:  # moved or locked since the form was checked
            partial.unlink(missing_ok=True)
            raise FileRefused("gone" if isinstance(error, FileNotFoundError) else "unreadable") from error
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise user_error(ErrorCode.EVIDENCE_COPY_FAILED, name=isolate(shown_file_name(source.name)), folder=isolate(str(self.root))) from error
        return StoredFile(stored_name, copied, is_new)

    def remove(self, assessment_id: int, stored_name: str) -> None:
        """Remove a stored file (callers keep it while another evidence entry still names it)."""
        self.path_of(assessment_id, stored_name).unlink(missing_ok=True)

    def copy_between(self, from_assessment: int, to_assessment: int, stored_name: str) -> None:
        source = self.path_of(from_assessment, stored_name)
        if source.exists():
            target = self.folder_for(to_assessment)
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / stored_name)

    def kept_files(self) -> set[tuple[int, str]]:
        """Every file kept, as (assessment id, stored name); hidden partial copies are not files yet."""
        kept: set[tuple[int, str]] = set()
        if not self.root.is_dir():
            return kept
        for folder in self.root.iterdir():
            assessment_id = _assessment_of(folder.name)
            if assessment_id is None or not folder.is_dir():
                continue
            kept |= {(assessment_id, path.name) for path in folder.iterdir() if not path.name.startswith(".") and path.is_file()}
        return kept

    def keep_only(self, named: set[tuple[int, str]]) -> int:
        """Remove the kept files that are not in `named` (nothing names them any more); how many went.

        Files are never removed with the entry or assessment that named them: a backup may
        name them too, and restoring it must bring back its evidence. The service collects
        what the database and every backup name, and calls this.
        """
        removed = 0
        for assessment_id, stored_name in self.kept_files() - named:
            path = self.path_of(assessment_id, stored_name)
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue  # kept for now: the next collection tries again
        for folder in self.root.glob("assessment-*") if self.root.is_dir() else ():
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        return removed


def _assessment_of(folder_name: str) -> int | None:
    prefix, _separator, number = folder_name.partition("-")
    return int(number) if prefix == "assessment" and number.isdigit() and number.isascii() else None
