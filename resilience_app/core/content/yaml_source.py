"""Read a YAML file keeping line numbers, so every problem can point at its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from resilience_app.core.i18n import _

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class YamlFailure:
    code: str  # "file-unreadable" or "yaml-syntax"
    reason: str
    line: int | None


def read_yaml(path: Path) -> Any | YamlFailure:
    """The parsed document (mappings and lists keep their line numbers) or why it failed."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return YamlFailure("file-unreadable", error.strerror or str(error), None)
    return parse_yaml(data)


def parse_yaml(data: bytes) -> Any | YamlFailure:
    """The parsed document of a file's bytes (already read, and bounded, by the caller) or why it failed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = _line_at(data[: error.start].decode("utf-8"))
        return YamlFailure("file-unreadable", f"not UTF-8 text ({error.reason} at byte {error.start})", bad_line)
    parser = YAML(typ="rt", pure=True)
    parser.allow_duplicate_keys = False
    try:
        return parser.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = " ".join(part for part in (error.context, error.problem) if part)
        return YamlFailure("yaml-syntax", reason or "syntax error", line)
    except ReaderError as error:  # a character YAML does not allow, at a known position
        return YamlFailure("yaml-syntax", _first_line(error), _line_at(text[: error.position]))
    except YAMLError as error:
        return YamlFailure("yaml-syntax", _first_line(error), None)
    except RecursionError:
        return YamlFailure("yaml-syntax", _("the lists and mappings are nested too deeply"), None)
    except Exception as error:  # noqa: BLE001 - a tagged value that does not convert (!!int x): the file's problem, not a bug
        return YamlFailure("yaml-syntax", _first_line(error), None)


def _line_at(text_before: str) -> int:
    """The 1-based line that starts after `text_before`, counting line breaks as YAML does."""
    return len(_LINE_BREAK.findall(text_before)) + 1


def _first_line(error: BaseException) -> str:
    return next(iter(str(error).splitlines()), "") or type(error).__name__


def line_of(container: Any, key: Any = None) -> int | None:
    """1-based line of `container` itself, or of `key` inside it (a mapping key or list index)."""
    try:
        if key is None:
            return int(container.lc.line) + 1
        if isinstance(container, CommentedMap):
            if key in container and key not in container.lc.data:  # merged in by `<<: *anchor`: where the merge is
                return line_of(container)
            return int(container.lc.key(key)[0]) + 1
        if isinstance(container, CommentedSeq):
            return int(container.lc.item(key)[0]) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return None
