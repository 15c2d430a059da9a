"""Settings and checks shared by the property tests."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, settings

# At least a thousand generated inputs per property; no example database in the checkout,
# no per-example deadline (the machine is shared), and tmp_path/fixtures reused across examples
# on purpose (every example overwrites what it needs).
# `make test` draws the same inputs on every run, so a red CI run is a change's doing and can be
# reproduced; `make fuzz` (FUZZ_RANDOM=1) draws new ones each time to look for what these miss.
FUZZ = settings(
    max_examples=1000,
    deadline=None,
    database=None,
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def has_arabic_letters(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))


def reads_in_arabic(message: str) -> bool:
    """An Arabic window's message is in Arabic."""
    return has_arabic_letters(message)
