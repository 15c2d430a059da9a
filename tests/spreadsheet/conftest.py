"""The sample assessment exported as a workbook once per language (and once with sensitive content), read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService

EXPORT_DAY = dt.date(2026, 11, 24)
LANGUAGES = ("en", "ar")


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, dict[str, int]]]:
    """The sample made in each language (as a user of that language gets it from Help)."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("workbook-data")))
    ids = {language: create_sample(service, language).id for language in LANGUAGES}
    yield service, ids
    service.close()


@pytest.fixture(scope="session")
def sample_workbooks(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Path]:
    """(language, include_sensitive) -> the exported workbook of the sample made in that language."""
    service, ids = sample_service
    folder = tmp_path_factory.mktemp("workbooks")
    return {
        (language, included): service.export_xlsx(
            ids[language], language=language, path=folder / f"sample-{language}{'-all' if included else ''}.xlsx", include_sensitive=included,
            today=EXPORT_DAY,
        ).path
        for language in LANGUAGES
        for included in (False, True)
    }


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[ResilienceService]:
    """A service on the test's own, empty data folder."""
    service = ResilienceService.open(app_paths)
    yield service
    service.close()
