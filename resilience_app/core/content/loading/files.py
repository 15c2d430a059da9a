"""Content files found and read: only ordinary files, never more than MAX_CONTENT_FILE_BYTES of one."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from resilience_app.core.content.yaml_source import YamlFailure, parse_yaml
from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.i18n import _

# The largest content file read: the shipped ones are a few hundred KB. A bigger file (or /dev/zero) is refused
# after reading one byte past this, so validating never takes more memory or time than this bounds.
MAX_CONTENT_FILE_MB = 5
MAX_CONTENT_FILE_BYTES = MAX_CONTENT_FILE_MB * 1024 * 1024


def content_files(paths: Iterable[Path]) -> list[Path]:
    """Every `.yaml`/`.yml` file named, or found below a named folder, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Every entry named as content is listed, pipes and folders too, so that it is reported, not skipped.
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


class ContentFileRefused(OSError):
    """A content file not read: not an ordinary file (`not-a-file`), too large (`too-large`) or unreadable."""

    def __init__(self, code: ProblemCode, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a special file")


def read_content_bytes(path: Path) -> bytes:
    """The bytes of the content file `path`, which must be an ordinary file of at most MAX_CONTENT_FILE_BYTES.

    A pipe would block the read forever and /dev/zero never ends: the type is checked before opening, and
    again on the opened descriptor (opened without blocking) in case the path was swapped in between.
    """
    try:
        before = os.stat(path)
    except OSError as error:
        raise ContentFileRefused(ProblemCode.FILE_UNREADABLE, reason=error.strerror or str(error)) from None
    if not stat.S_ISREG(before.st_mode):
        raise ContentFileRefused(ProblemCode.NOT_A_FILE, found=_kind_of(before.st_mode))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ContentFileRefused(ProblemCode.FILE_UNREADABLE, reason=error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise ContentFileRefused(ProblemCode.NOT_A_FILE, found=_kind_of(mode))
        try:
            data = stream.read(MAX_CONTENT_FILE_BYTES + 1)
        except OSError as error:
            raise ContentFileRefused(ProblemCode.FILE_UNREADABLE, reason=error.strerror or str(error)) from None
    if len(data) > MAX_CONTENT_FILE_BYTES:
        raise ContentFileRefused(ProblemCode.TOO_LARGE, limit=MAX_CONTENT_FILE_MB)
    return data


def read_yaml(path: Path) -> Any | YamlFailure | ContentFileRefused:
    """The parsed document of the content file `path`, why it is not valid YAML, or why it was not read."""
    try:
        data = read_content_bytes(path)
    except ContentFileRefused as refused:
        return refused
    return parse_yaml(data)
