"""Checks shared by every form: lengths, required titles, and what a typed text may hold.

One rule for every text field a user types into (names, titles, justifications, notes):

- cleaned, silently, because nothing a user can see is lost: surrounding spaces; Windows and
  old Mac line ends and a word processor's line and page breaks (made "\\n"); the other
  control characters but tab and newline (a NUL, C1 controls) and Unicode noncharacters
  (U+FFFE, U+FFFF, U+10FFFF...), which have no meaning in text, show as nothing or a box,
  and break the brief;
  a surrogate pair that arrived as two halves is joined into the character it encodes; the bidi
  embeddings and overrides (U+202A–U+202E), which reorder the words around a typed text in a
  document (a right-to-left override turns "(Accepted)" into ")detpeccA("), and isolates left open
  are closed at the text's end (a stray closing one dropped), so a typed text never moves the
  words the app puts around it;
- refused, naming the field and where: a lone surrogate (half of an emoji or symbol, left by
  a broken copy), which cannot be stored at all and would otherwise end as a crash.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _

Draft = TypeVar("Draft", bound=Any)

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_NOT_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}]")
_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x85", "\n"))  # old Mac line ends, a word processor's line and page breaks
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _joined_pairs(text: str) -> str:
    return _SURROGATE_PAIR.sub(lambda pair: pair.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)


def clean_text(text: str) -> str:
    """`text` as it is kept: line ends as "\\n", no control characters but tab and newline,
    no noncharacters, surrogate halves joined, no surrounding spaces, no bidi override and every
    isolate closed. Lone surrogates stay (`text_problem` refuses them)."""
    cleaned = _balanced_isolates(_joined_pairs(_NOT_TEXT.sub("", text.replace("\r\n", "\n").translate(_LINE_BREAKS))).strip())
    # joined last: removing a NUL between two halves makes them a pair. A text cleaning leaves as it was is
    # kept as the same object (text the app wrote in every language stays whole: core.every_language).
    return text if cleaned == text else cleaned


_OVERRIDES = re.compile("[\u202a-\u202e]")  # LRE, RLE, PDF, LRO, RLO
_OPENS, _CLOSES = "\u2066\u2067\u2068", "\u2069"  # LRI, RLI, FSI; PDI
_BIDI_CONTROLS = re.compile(f"[\u202a-\u202e{_OPENS}{_CLOSES}]")


def _balanced_isolates(text: str, *, strip: bool = True) -> str:
    """`text` without bidi embeddings or overrides, each line's isolates closed: a closing one with none open dropped,
    one left open closed at the line's end (Unicode's bidi rules end both at a paragraph's end anyway)."""
    if not _BIDI_CONTROLS.search(text):
        return text
    lines = []
    for line in _OVERRIDES.sub("", text).split("\n"):
        kept, depth = [], 0
        for character in line:
            if character in _CLOSES:
                if not depth:
                    continue
                depth -= 1
            elif character in _OPENS:
                depth += 1
            kept.append(character)
        lines.append("".join(kept) + _CLOSES * depth)
    joined = "\n".join(lines)
    return joined.strip() if strip else joined


def as_printed(text: str) -> str:
    """`text` as a document prints it, whatever was stored (an older file, a restored backup): no character XML
    refuses, no bidi override, isolates closed, a lone surrogate as "?". Spaces are kept (a text may be a piece of a line)."""
    printed = _balanced_isolates(_joined_pairs(_NOT_TEXT.sub("", text.replace("\r\n", "\n").translate(_LINE_BREAKS))), strip=False)
    return printed.encode("utf-8", "replace").decode("utf-8") if _LONE_SURROGATE.search(printed) else printed


def has_visible_character(text: str) -> bool:
    """Whether `text` shows anything: not only spaces, marks on nothing, or invisible and blank-looking characters."""
    return any(not _hides_something(character) and not character.isspace() and unicodedata.category(character) not in ("Mn", "Me")
               for character in text)


def text_problem(text: str) -> str:
    """A message when `text` holds a character that cannot be kept (a lone surrogate), else ""."""
    broken = _LONE_SURROGATE.search(_joined_pairs(text))
    if broken is None:
        return ""
    position = broken.start() + 1  # counted as the text box shows it, a joined pair as one character
    return _(
        "Character {position} of this text is broken (half of an emoji or symbol, often left by copying). Delete it or type it again."
    ).format(position=format_number(position))


def _texts_of(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple):
        return tuple(item for item in value if isinstance(item, str))
    return ()


def text_problems(draft: Any, *fields: str) -> dict[str, str]:
    """Field name -> message for each text field of `draft` (the named ones, else every one) that cannot be kept."""
    names = fields or tuple(field.name for field in dataclasses.fields(draft))
    problems = {}
    for name in names:
        for text in _texts_of(getattr(draft, name)):
            if message := text_problem(text):
                problems[name] = message
                break
    return problems


def too_long(text: str, limit: int) -> str:
    """A message when `text` is over `limit` characters, else ""."""
    return _("Keep this under {count} characters.").format(count=format_number(limit)) if len(text) > limit else ""


def title_problem(title: str, when_missing: str, limit: int) -> str:
    """`when_missing` for a title that shows nothing (empty, or only invisible characters), else the length check."""
    return when_missing if not has_visible_character(title) else too_long(title, limit)


def strip_texts(draft: Draft) -> Draft:
    """The dataclass `draft` with every text field, and every text in a tuple field, cleaned (`clean_text`)."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(draft):
        value = getattr(draft, field.name)
        if isinstance(value, str):
            changes[field.name] = clean_text(value)
        elif isinstance(value, tuple) and any(isinstance(item, str) for item in value):
            changes[field.name] = tuple(clean_text(item) if isinstance(item, str) else item for item in value)
    return dataclasses.replace(draft, **changes)


# Characters that show as nothing or as blank space though they are not a plain space: shown
# written out in a file name, where they could hide its real extension.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u180b\u180c\u180d\u180e\u180f") | frozenset(map(chr, range(0xFE00, 0xFE10)))
_LETTER_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner shape Arabic and Persian letters


def shown_file_name(name: str) -> str:
    """A file name as it is shown: every character that is invisible, blank-looking or moves the text
    around (a right-to-left override that makes "report, override, fdp.exe" read "reportexe.pdf", a
    line break, a filler) is written out as [U+202E], so the name on screen is the name on disk."""
    return "".join(f"[U+{ord(character):04X}]" if _hides_something(character) else character for character in name)


def _hides_something(character: str) -> bool:
    if character == " " or character in _LETTER_JOINERS:
        return False
    return character in _BLANK_LOOKING or unicodedata.category(character) in ("Cf", "Cc", "Zl", "Zp", "Zs", "Co", "Cn", "Cs")
