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
"""

from __future__ import annotations

import unicodedata

from bidi import algorithm

LRE, RLE, PDF = "\u202a", "\u202b", "\u202c"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_RTL_CLASSES = frozenset({"R", "AL"})
_STRONG_CLASSES = frozenset({"L", "R", "AL"})
_NEEDS_ALGORITHM = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI", "FSI", "LRE", "LRO", "LRI"})

# Zero-width controls that steer the algorithm and are never drawn.
FORMATTING_CHARACTERS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def _isolates_as_embeddings(text: str) -> str:
    chars = list(text)
    for index, char in enumerate(chars):
        if char == LRI:
            chars[index] = LRE
        elif char == RLI:
            chars[index] = RLE
        elif char == FSI:
            chars[index] = RLE if first_strong_direction(text, default_rtl=False, start=index + 1) else LRE
        elif char == PDI:
            chars[index] = PDF
    return "".join(chars)


def embedding_levels(text: str, *, rtl: bool) -> list[int]:
    """The resolved level of each character of `text` (even: left to right, odd: right to left).

    Rule L1 (trailing spaces at the paragraph level) is left to line layout, which
    drops a line's trailing spaces anyway.
    """
    base = 1 if rtl else 0
    if not rtl and not any(unicodedata.bidirectional(char) in _NEEDS_ALGORITHM for char in text):
        return [0] * len(text)  # left-to-right and neutral characters only: nothing to resolve
    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(_isolates_as_embeddings(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
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
            kind = unicodedata.bidirectional(char)
            if kind in _STRONG_CLASSES:
                return kind in _RTL_CLASSES
    return default_rtl
