"""The sample's brief, exported once per language for the module that reads it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import BriefDocument
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService
from tests.brief.page_layout import Page, pages

EXPORT_DAY = dt.date(2026, 11, 24)
LANGUAGES = ["en", "ar"]


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, dict[str, int]]]:
    """The sample made in each language (as a user of that language gets it from Help)."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("brief-data")))
    ids = {language: create_sample(service, language).id for language in LANGUAGES}
    yield service, ids
    service.close()


def _export_samples(sample_service: tuple[ResilienceService, dict[str, int]], folder: Path, kind: str) -> dict[str, Path]:
    """The sample's brief in each language as a PDF or a Word document (`kind`), dated the export day."""
    service, ids = sample_service
    export = service.export_brief_docx if kind == "docx" else service.export_brief
    return {language: export(ids[language], language=language, path=folder / f"brief-{language}.{kind}", today=EXPORT_DAY).path for language in LANGUAGES}


@pytest.fixture(scope="session")
def sample_briefs(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("briefs"), "pdf")


@pytest.fixture(scope="session")
def sample_word_briefs(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("word-briefs"), "docx")


@pytest.fixture(scope="session")
def sample_documents(sample_service: tuple[ResilienceService, dict[str, int]]) -> dict[str, BriefDocument]:
    """The document model of each sample brief in `sample_briefs`: what its pages should show."""
    service, ids = sample_service
    return {language: build_brief(collect(service.context, ids[language], language=language, today=EXPORT_DAY), language) for language in LANGUAGES}


@pytest.fixture(scope="session")
def sample_pages(sample_briefs: dict[str, Path]) -> dict[str, list[Page]]:
    """Where the text of each sample brief sits on its pages, as poppler reads it."""
    return {language: pages(sample_briefs[language]) for language in LANGUAGES}
