"""The keys that answer a question, whatever the keyboard layout: the digits 1–5 in any
script, N (or the key in its place on an Arabic keyboard, ى) for "not applicable",
and ? or ؟ for "don't know"."""

from __future__ import annotations

from resilience_app.core.formatting import latin_digits

NOT_APPLICABLE_KEYS = frozenset("nNى")
DONT_KNOW_KEYS = frozenset("?؟")


def answer_for_key(text: str) -> tuple[str, int | None] | None:
    """The (status, level) a typed character means, or None when it means no answer."""
    if len(text) != 1:
        return None
    if text in NOT_APPLICABLE_KEYS:
        return ("not_applicable", None)
    if text in DONT_KNOW_KEYS:
        return ("dont_know", None)
    digit = latin_digits(text)
    if digit in "12345":
        return ("level", int(digit))
    return None
