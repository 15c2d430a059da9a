"""A service on its own data folder, shared by a module's properties that go through storage."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ResilienceService]:
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("data")))
    yield service
    service.close()


@pytest.fixture(scope="module")
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba")).id
