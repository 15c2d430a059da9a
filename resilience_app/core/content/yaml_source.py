"""Read a YAML file keeping line numbers, so every problem can point at its line.

libyaml parses (PyYAML's `CSafeLoader`), so a first start reads the shipped content in
milliseconds rather than the seconds ruamel.yaml's pure-Python parser took. This module builds
the values from libyaml's events itself, in one pass with a stack of its own rather than
recursion, and keeps the line of every mapping, key and list item. (Composing PyYAML nodes
first would recurse in C once per level of nesting, as deep as a hostile file likes with a
libyaml that sets no limit.)

The content is written in YAML 1.2 and reads as it did with ruamel.yaml: plain scalars follow
the 1.2 rules below, not PyYAML's 1.1 ones, so `yes`, `no`, `on`, `off` and `1:30` are text and
`012` is twelve. Everything a content file has no use for is refused with its line, never
guessed at: tags (`!!int`, `!custom`), a `%YAML` version other than 1.2, a second document, a
list or mapping used as a key, a duplicate key, an alias to an anchor not yet defined or to the
list or mapping it is in, a plain `=` or `<<` value, a `#` straight after the `|` or `>` of a block
scalar (libyaml alone takes it for a comment), and nesting deeper than MAX_DEPTH. An alias
stands for its anchor's value, shared rather than copied, so a file of aliases to aliases (an
"alias bomb") costs no more memory than its text. A merge key (`<<: *defaults`) adds the fields
the mapping does not have itself. The syntax is libyaml's, which counts U+0085, U+2028 and
U+2029 as line breaks (ruamel.yaml did in some places, not in others) and takes a tab where
YAML allows a space, after `key:` or between words (ruamel.yaml refused it).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from yaml.reader import ReaderError

from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.i18n import _

try:
    from yaml import CSafeLoader as _Loader

    _LIBYAML = True
except ImportError:  # PyYAML built without libyaml: the same events from its pure-Python parser, only slower
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _LIBYAML = False

# Far deeper than any content file nests (under ten levels), and below libyaml's own limit (1,000).
MAX_DEPTH = 200

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks libyaml counts

# Plain (unquoted) scalars, as YAML 1.2 and ruamel.yaml read them; any other plain scalar is text.
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_FLOAT = re.compile(
    r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)
_INT = re.compile(r"[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+")  # "012" is decimal in 1.2
_INT_BASES = {"0b": 2, "0o": 8, "0x": 16}
_TIMESTAMP = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)(?::(?P<tz_minute>[0-9]{2}))?))?)?"
)
_NAN = math.nan
_NUMBER_START = frozenset("-+0123456789.")
_MERGE = "<<"  # a plain `<<` key merges mappings in; a plain `<<` or `=` value meant something else to ruamel.yaml
_RESERVED_VALUES = frozenset((_MERGE, "="))
_STANDARD_TAG = "tag:yaml.org,2002:"
# `|#` or `>-#`: YAML wants a space before a comment; libyaml alone takes none after a block scalar's indicators.
_UNSPACED_COMMENT_AFTER_BLOCK_INDICATOR = re.compile(r"(?:&\S+[ \t]+)?[|>][-+1-9]{0,2}#")


@dataclass(frozen=True)
class YamlFailure:
    code: ProblemCode  # FILE_UNREADABLE or YAML_SYNTAX
    reason: str
    line: int | None


class YamlMapping(dict[Any, Any]):
    """A mapping read from YAML: `line` is where it starts, `key_lines` where each of its own keys is."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}


class YamlList(list[Any]):
    """A list read from YAML: `line` is where it starts, `item_lines` where each item is."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


def parse_yaml(data: bytes) -> Any | YamlFailure:
    """The parsed document of a file's bytes (already read, and bounded, by the caller) or why it failed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = _line_at(data[: error.start].decode("utf-8"))
        return YamlFailure(ProblemCode.FILE_UNREADABLE, f"not UTF-8 text ({error.reason} at byte {error.start})", bad_line)
    # libyaml counts a reader error's position in bytes, the pure-Python reader in characters.
    source: bytes | str = data if _LIBYAML else text
    try:
        loader = _Loader(source)  # the pure-Python reader checks the characters here already
        try:
            return _Builder(text).build(loader)
        finally:
            loader.dispose()
    except _Refused as refused:
        return YamlFailure(ProblemCode.YAML_SYNTAX, refused.reason, refused.line)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # libyaml puts the end of a file that lacks a final line break on a line of its own: the last line it is
        line = min(mark.line + 1, _line_at(text)) if mark is not None else None
        reason = " ".join(part for part in (error.context, error.problem) if part)
        return YamlFailure(ProblemCode.YAML_SYNTAX, reason or "syntax error", line)
    except ReaderError as error:  # a character YAML does not allow, at a known position
        before = source[: error.position]
        return YamlFailure(ProblemCode.YAML_SYNTAX, _first_line(error), _line_at(before.decode("utf-8", "replace") if isinstance(before, bytes) else before))
    except YAMLError as error:
        return YamlFailure(ProblemCode.YAML_SYNTAX, _first_line(error), None)


def line_of(container: Any, key: Any = None) -> int | None:
    """1-based line of `container` itself, or of `key` inside it (a mapping key or list index)."""
    if key is None:
        return getattr(container, "line", None)
    if isinstance(container, YamlMapping):
        if key in container.key_lines:
            return container.key_lines[key]
        return container.line if key in container else None  # merged in by `<<: *anchor`: where the merge is
    if isinstance(container, YamlList) and isinstance(key, int) and -len(container.item_lines) <= key < len(container.item_lines):
        return container.item_lines[key]
    return None


def _line_at(text_before: str) -> int:
    """The 1-based line that starts after `text_before`, counting line breaks as YAML does."""
    return len(_LINE_BREAK.findall(text_before)) + 1


def _line(event: Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 1  # both parsers mark every event


def _first_line(error: BaseException) -> str:
    return next(iter(str(error).splitlines()), "") or type(error).__name__


class _Refused(Exception):
    """Something the content does not allow, at a line."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


_NO_KEY = object()


@dataclass
class _Open:
    """A list or mapping whose end has not been read yet, and for a mapping the key awaiting its value."""

    container: YamlMapping | YamlList
    key: Any = _NO_KEY
    key_line: int = 0
    merged: list[YamlMapping] | None = field(default=None)


class _Builder:
    """Turns a single document's events into values, refusing what content has no use for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] | None = None  # the text's lines as libyaml counts them, split when first needed
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (its value, its line)
        self.open: list[_Open] = []
        self.root: Any = None
        self.documents = 0

    def build(self, loader: Any) -> Any:
        while loader.check_event():
            event: Event = loader.get_event()
            if isinstance(event, NodeEvent):
                self._node(event, _line(event))
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                self._close()
            elif isinstance(event, DocumentStartEvent):
                self._document(event)
        return self.root

    def _document(self, event: DocumentStartEvent) -> None:
        line = _line(event)
        self.documents += 1
        if self.documents > 1:
            raise _Refused("expected a single document in the stream, but found another document", line)
        if event.version not in (None, (1, 2)):
            raise _Refused(f"content files are YAML 1.2: remove the line %YAML {'.'.join(map(str, event.version))}", line)

    def _node(self, event: NodeEvent, line: int) -> None:
        if isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                raise _Refused(f"found undefined alias {event.anchor!r}", line)
            value, anchored_line = self.anchors[event.anchor]  # the anchor's line, as for the value itself
            if any(value is open_.container for open_ in self.open):
                raise _Refused(f"found the alias {event.anchor!r} inside the list or mapping it names", line)
            self._add(value, anchored_line)
            return
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag
            raise _Refused(f"found the tag {shown}: content files use no tags; write the value without it", line)
        if isinstance(event, ScalarEvent):
            value = self._scalar(event, line)
            self._remember(event.anchor, value, line)
            self._add(value, line)
        elif isinstance(event, CollectionStartEvent):
            if len(self.open) >= MAX_DEPTH:
                raise _Refused(_("the lists and mappings are nested too deeply"), line)
            container = YamlMapping(line) if isinstance(event, MappingStartEvent) else YamlList(line)
            self._remember(event.anchor, container, line)  # before its items: an alias inside it is to itself
            self.open.append(_Open(container))

    def _remember(self, anchor: str | None, value: Any, line: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, line)  # a second anchor of the same name replaces the first

    def _scalar(self, event: ScalarEvent, line: int) -> Any:
        text = event.value
        if event.style in ("|", ">"):
            self._check_block_indicators(event, line)
        if not event.implicit[0]:  # quoted, or a block scalar: text
            return text
        if text in _RESERVED_VALUES:
            if self._expects_key():
                return _MERGE_KEY if text == _MERGE else text
            raise _Refused(f"a plain {text} means something else in YAML: write it in quotes ('{text}')", line)
        try:
            return _plain_value(text)
        except (ValueError, OverflowError) as error:
            raise _Refused(f"{text[:40]!r} cannot be read as a value ({error})", line) from None

    def _check_block_indicators(self, event: ScalarEvent, line: int) -> None:
        if self.lines is None:
            self.lines = _LINE_BREAK.split(self.text.removeprefix("\ufeff"))  # libyaml's columns start after a BOM
        mark = event.start_mark
        if mark is not None and _UNSPACED_COMMENT_AFTER_BLOCK_INDICATOR.match(self.lines[mark.line], mark.column):
            raise _Refused("found # straight after | or >: a comment needs a space before it", line)

    def _expects_key(self) -> bool:
        return bool(self.open) and isinstance(self.open[-1].container, YamlMapping) and self.open[-1].key is _NO_KEY

    def _close(self) -> None:
        done = self.open.pop()
        container = done.container
        if isinstance(container, YamlMapping):
            for source in done.merged or ():  # the first mapping merged in wins, and keys of the mapping's own win over all
                for key, value in source.items():
                    if key not in container:
                        container[key] = value
        self._add(container, container.line)

    def _add(self, value: Any, line: int) -> None:
        if not self.open:
            self.root = value
            return
        into = self.open[-1]
        container = into.container
        if isinstance(container, YamlList):
            container.append(value)
            container.item_lines.append(line)
        elif into.key is _NO_KEY:
            if isinstance(value, (YamlMapping, YamlList)):
                raise _Refused("found a list or mapping as a key: a key is one plain value", line)
            into.key, into.key_line = value, line
        else:
            self._put(into, container, value, line)

    def _put(self, into: _Open, mapping: YamlMapping, value: Any, line: int) -> None:
        key, key_line = into.key, into.key_line
        into.key = _NO_KEY
        if key is _MERGE_KEY:
            if into.merged is not None:
                raise _Refused('found duplicate merge key "<<"', key_line)
            into.merged = _mappings_to_merge(value, line)
        elif key in mapping.key_lines:
            raise _Refused(f'found duplicate key "{key}" (first on line {mapping.key_lines[key]})', key_line)
        else:
            mapping[key] = value
            mapping.key_lines[key] = key_line


_MERGE_KEY = object()


def _mappings_to_merge(value: Any, line: int) -> list[YamlMapping]:
    """The mappings `<<: value` merges in: one mapping, or a list of mappings."""
    if isinstance(value, YamlMapping):
        return [value]
    if not isinstance(value, YamlList):
        raise _Refused("expected a mapping or list of mappings for merging, but found a single value", line)
    for item, item_line in zip(value, value.item_lines, strict=True):
        if not isinstance(item, YamlMapping):
            raise _Refused("expected a mapping for merging, but found " + ("a list" if isinstance(item, YamlList) else "a single value"), item_line)
    return list(value)


def _plain_value(text: str) -> Any:
    """What a plain scalar stands for under YAML 1.2: nothing, true/false, a number, a date or text."""
    if text in _NULLS:
        return None
    first = text[0]
    if first in "tTfF" and text in _BOOLS:
        return _BOOLS[text]
    if first in _NUMBER_START:
        if _FLOAT.fullmatch(text):
            return _float(text)
        if first != "." and _INT.fullmatch(text):
            return _int(text)
        if first != "-" and first != "+" and (timestamp := _TIMESTAMP.fullmatch(text)):
            if timestamp["hour"] or (len(timestamp["month"]) == 2 and len(timestamp["day"]) == 2):
                return _timestamp(timestamp)
    return text


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return _NAN
    return sign * float(digits)


def _int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    base = _INT_BASES.get(digits[:2])
    return sign * (int(digits[2:], base) if base else int(digits))


def _timestamp(match: re.Match[str]) -> dt.date | dt.datetime:
    date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    if not match["hour"]:
        return date
    zone = None
    if match["tz_sign"]:
        offset = dt.timedelta(hours=int(match["tz_hour"]), minutes=int(match["tz_minute"] or 0))
        zone = dt.timezone(-offset if match["tz_sign"] == "-" else offset)
    elif match["tz"]:
        zone = dt.UTC
    microsecond = int((match["fraction"] or "")[:6].ljust(6, "0"))
    return dt.datetime(date.year, date.month, date.day, int(match["hour"]), int(match["minute"]), int(match["second"]), microsecond, zone)
