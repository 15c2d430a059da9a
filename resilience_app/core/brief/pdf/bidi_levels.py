"""Unicode bidirectional levels of a paragraph, from python-bidi's implementation of the algorithm.

python-bidi's public `get_display` returns only the reordered string, and a PDF
needs more: the level of every character, so that a paragraph can be broken into
lines first and each line reordered afterwards (rule L2 applies per line), and so
that each run is shaped in its own direction. The package keeps the algorithm's
steps (X1–X9, W1–W7, N1–N2, I1–I2) as functions in `bidi.algorithm`; we run those.

That implementation predates isolates (U+2066–U+2069), which our texts use to keep a
name in its own direction inside a sentence. Before the steps run, each isolate is
replaced by the embedding that behaves the same for our texts (an FSI by the
embedding of its content's first strong direction), one character for one, so
indices still match the text.

The app itself writes isolates and direction marks only. Embeddings and overrides
(U+202A–U+202E) in a text are therefore a user's, typed or pasted; one left open
would reorder everything after it, the app's own words included, so they are
ignored, as is a PDI that closes no isolate. A character that Python's Unicode data
does not know (a newer emoji) gets the class the standard gives unassigned code
points instead of the empty class that would stop the algorithm.
"""

from __future__ import annotations

import unicodedata

from bidi import algorithm

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_IGNORED = "\u200b"  # boundary neutral (BN): what a user's embedding or override becomes
_MAX_ISOLATE_DEPTH = 30  # python-bidi's explicit levels end at 61, and each nesting takes up to two
_RTL_CLASSES = frozenset({"R", "AL"})
_STRONG_CLASSES = frozenset({"L", "R", "AL"})
_NEEDS_ALGORITHM = frozenset({"R", "AL", "AN", "RLI", "FSI", "LRI"})

# Zero-width controls that steer the algorithm and are never drawn.
FORMATTING_CHARACTERS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

# Unassigned code points default by block (UAX #9, DerivedBidiClass.txt): right-to-left scripts' blocks.
_DEFAULT_RTL_BLOCKS = ((0x0590, 0x05FF, "R"), (0x0600, 0x07BF, "AL"), (0x07C0, 0x085F, "R"), (0x0860, 0x08FF, "AL"),
                       (0xFB1D, 0xFB4F, "R"), (0xFB50, 0xFDCF, "AL"), (0xFDF0, 0xFDFF, "AL"), (0xFE70, 0xFEFF, "AL"),
                       (0x10800, 0x10CFF, "R"), (0x10D00, 0x10D3F, "AL"), (0x10D40, 0x10EBF, "R"), (0x10EC0, 0x10EFF, "AL"),
                       (0x10F00, 0x10F2F, "R"), (0x10F30, 0x10F6F, "AL"), (0x10F70, 0x10FFF, "R"), (0x1E800, 0x1EC6F, "R"),
                       (0x1EC70, 0x1ECBF, "AL"), (0x1ECC0, 0x1ECFF, "R"), (0x1ED00, 0x1ED4F, "AL"), (0x1ED50, 0x1EDFF, "R"),
                       (0x1EE00, 0x1EEFF, "AL"), (0x1EF00, 0x1EFFF, "R"))


def bidi_class(char: str) -> str:
    """The bidirectional class of `char`, also for code points newer than Python's Unicode data."""
    kind = unicodedata.bidirectional(char)
    if kind:
        return kind
    code = ord(char)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "BN"  # noncharacters
    if 0x20A0 <= code <= 0x20CF:
        return "ET"  # currency symbols
    return next((kind for first, last, kind in _DEFAULT_RTL_BLOCKS if first <= code <= last), "L")


def _algorithm_input(text: str) -> str:
    """`text`, one character for one, as the algorithm is given it: isolates as embeddings,
    a user's embeddings and overrides, any unmatched PDI and isolates nested deeper than
    the algorithm counts as ignorable (which also bounds the first-strong scans of FSIs)."""
    chars = list(text)
    depth = overflow = 0
    for index, char in enumerate(chars):
        if char in (LRI, RLI, FSI):
            if depth >= _MAX_ISOLATE_DEPTH:
                chars[index] = _IGNORED
                overflow += 1
                continue
            depth += 1
            if char == FSI:
                chars[index] = RLE if first_strong_direction(text, default_rtl=False, start=index + 1) else LRE
            else:
                chars[index] = RLE if char == RLI else LRE
        elif char == PDI:
            if overflow:
                overflow -= 1
                chars[index] = _IGNORED
            elif depth:
                depth -= 1
                chars[index] = PDF
            else:
                chars[index] = _IGNORED
        elif char in (LRE, RLE, PDF, LRO, RLO):
            chars[index] = _IGNORED
    return "".join(chars)


def embedding_levels(text: str, *, rtl: bool) -> list[int]:
    """The resolved level of each character of `text` (even: left to right, odd: right to left).

    Rule L1 (trailing spaces at the paragraph level) is left to line layout, which
    drops a line's trailing spaces anyway.
    """
    base = 1 if rtl else 0
    if not rtl and not any(bidi_class(char) in _NEEDS_ALGORITHM for char in text):
        return [0] * len(text)  # left-to-right and neutral characters only: nothing to resolve
    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(_algorithm_input(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if not char["type"]:
            char["type"] = char["orig"] = bidi_class(char["ch"])
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [base] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    return levels


def first_strong_direction(text: str, *, default_rtl: bool, start: int = 0) -> bool:
    """Whether `text` (from `start`) reads right to left by its first strong letter, skipping
    nested isolates and stopping at the PDI that closes the one `start` is in; `default_rtl` if none."""
    depth = 0
    for char in text[start:]:
        if char in (LRI, RLI, FSI):
            depth += 1
        elif char == PDI:
            if depth == 0:
                return default_rtl
            depth -= 1
        elif depth == 0:
            kind = bidi_class(char)
            if kind in _STRONG_CLASSES:
                return kind in _RTL_CLASSES
    return default_rtl
