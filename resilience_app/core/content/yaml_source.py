"""Read a YAML file keeping line numbers, so every problem can point at its line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError


@dataclass(frozen=True)
class YamlFailure:
    code: str  # "file-unreadable" or "yaml-syntax"
    reason: str
    line: int | None


def read_yaml(path: Path) -> Any | YamlFailure:
    """The parsed document (mappings and lists keep their line numbers) or why it failed."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return YamlFailure("file-unreadable", f"not UTF-8 text ({error.reason} at byte {error.start})", None)
    except OSError as error:
        return YamlFailure("file-unreadable", error.strerror or str(error), None)
    parser = YAML(typ="rt", pure=True)
    parser.allow_duplicate_keys = False
    try:
        return parser.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = " ".join(part for part in (error.context, error.problem) if part)
        return YamlFailure("yaml-syntax", reason or "syntax error", line)
    except YAMLError as error:
        return YamlFailure("yaml-syntax", str(error).splitlines()[0], None)


def line_of(container: Any, key: Any = None) -> int | None:
    """1-based line of `container` itself, or of `key` inside it (a mapping key or list index)."""
    try:
        if key is None:
            return int(container.lc.line) + 1
        if isinstance(container, CommentedMap):
            return int(container.lc.key(key)[0]) + 1
        if isinstance(container, CommentedSeq):
            return int(container.lc.item(key)[0]) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return None
