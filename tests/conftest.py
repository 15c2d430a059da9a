"""Shared fixtures. Qt runs headless; every test gets its own data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt

from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core import formatting, i18n
from resilience_app.core.paths import AppPaths


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English with default digit settings, whatever the last one did."""
    i18n.set_language("en")
    formatting.use_arabic_indic_digits = True
    yield
    i18n.set_language("en")
    formatting.use_arabic_indic_digits = True


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "data")


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest) -> str:
    """Run a test once in English and once in Arabic."""
    i18n.set_language(request.param)
    return str(request.param)
