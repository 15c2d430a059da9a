"""Excel's formula guard: an exported cell that would start a formula gets a leading apostrophe, taken off on import."""

from __future__ import annotations

_FORMULA_START = tuple("=+-@")  # Excel would run a cell starting with these as a formula


def escape_formula(text: str) -> str:
    """A cell Excel shows as text: one that would start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def unescape_formula(text: str) -> str:
    """The cell as typed: without the apostrophe `escape_formula` put before a formula."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text
