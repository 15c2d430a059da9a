"""The sample's two documents — the workshop brief and the PRA — exported once per language for the modules that read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

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
T = TypeVar("T")
DOCUMENTS = ["brief", "pra"]


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, dict[str, int]]]:
    """The sample made in each language (as a user of that language gets it from Help)."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("brief-data")))
    ids = {language: create_sample(service, language).id for language in LANGUAGES}
    yield service, ids
    service.close()


def _export_samples(sample_service: tuple[ResilienceService, dict[str, int]], folder: Path, kind: str) -> dict[tuple[str, str], Path]:
    """Each document of the sample, by (document, language), with its default sections, dated the export day,
    as a PDF or a Word document (`kind`)."""
    service, ids = sample_service
    export = service.export_brief_docx if kind == "docx" else service.export_brief
    return {
        (document, language): export(ids[language], language=language, document=document, path=folder / f"{document}-{language}.{kind}",
                                     today=EXPORT_DAY).path
        for document in DOCUMENTS
        for language in LANGUAGES
    }


@pytest.fixture(scope="session")
def sample_exports(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("briefs"), "pdf")


@pytest.fixture(scope="session")
def sample_word_exports(sample_service: tuple[ResilienceService, dict[str, int]], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    return _export_samples(sample_service, tmp_path_factory.mktemp("word-briefs"), "docx")


@pytest.fixture(scope="session")
def sample_word_briefs(sample_word_exports: dict[tuple[str, str], Path]) -> dict[str, Path]:
    return _the_briefs(sample_word_exports)


def _the_briefs(by_document: dict[tuple[str, str], T]) -> dict[str, T]:
    """The workshop brief's of each language, from what is kept for both documents."""
    return {language: by_document["brief", language] for language in LANGUAGES}


@pytest.fixture(scope="session")
def sample_briefs(sample_exports: dict[tuple[str, str], Path]) -> dict[str, Path]:
    return _the_briefs(sample_exports)


@pytest.fixture(scope="session")
def sample_models(sample_service: tuple[ResilienceService, dict[str, int]]) -> dict[tuple[str, str], BriefDocument]:
    """The document model of each export in `sample_exports`: what its pages should show."""
    service, ids = sample_service
    return {
        (document, language): build_brief(collect(service.context, ids[language], language=language, today=EXPORT_DAY), language, document=document)
        for document in DOCUMENTS
        for language in LANGUAGES
    }


@pytest.fixture(scope="session")
def sample_documents(sample_models: dict[tuple[str, str], BriefDocument]) -> dict[str, BriefDocument]:
    return _the_briefs(sample_models)


@pytest.fixture(scope="session")
def sample_layouts(sample_exports: dict[tuple[str, str], Path]) -> dict[tuple[str, str], list[Page]]:
    """Where the text of each export sits on its pages, as poppler reads it."""
    return {key: pages(path) for key, path in sample_exports.items()}


@pytest.fixture(scope="session")
def sample_pages(sample_layouts: dict[tuple[str, str], list[Page]]) -> dict[str, list[Page]]:
    return _the_briefs(sample_layouts)
