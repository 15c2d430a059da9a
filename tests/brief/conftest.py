"""The sample's brief, exported once per language for the module that reads it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService

EXPORT_DAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, dict[str, int]]]:
    """The sample made in each language (as a user of that language gets it from Help)."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("brief-data")))
    ids = {language: create_sample(service, language).id for language in ("en", "ar")}
    yield service, ids
    service.close()


def _export_samples(sample_service: tuple[ResilienceService, dict[str, int]], folder: Path, kind: str) -> dict[str, Path]:
    """The sample's brief in each language as a PDF or a Word document (`kind`), dated the export day."""
    service, ids = sample_service
    export = service.export_brief_docx if kind == "docx" else service.export_brief
    return {language: export(ids[language], language=language, path=folder / f"brief-{language}.{kind}", today=EXPORT_DAY).path for language in ("en", "ar")}


@pytest.fixture(scope="session")
def sample_briefs(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("briefs"), "pdf")


@pytest.fixture(scope="session")
def sample_word_briefs(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("word-briefs"), "docx")
