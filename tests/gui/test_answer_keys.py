"""The answer keys mean the same on an English and an Arabic keyboard layout."""

from __future__ import annotations

import pytest

from resilience_app.gui.answer_keys import answer_for_key


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [("3", ("level", 3)), ("٣", ("level", 3)), ("۵", ("level", 5)), ("n", ("not_applicable", None)), ("ى", ("not_applicable", None)),
     ("?", ("dont_know", None)), ("؟", ("dont_know", None))],
)
def test_answer_keys(typed: str, meaning: tuple[str, int | None]) -> None:
    assert answer_for_key(typed) == meaning


@pytest.mark.parametrize("typed", ["0", "6", "x", "", "12"])
def test_other_keys_answer_nothing(typed: str) -> None:
    assert answer_for_key(typed) is None
