"""A service on the test's own data folder, for the core tests that go through it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[ResilienceService]:
    service = ResilienceService.open(app_paths)
    yield service
    service.close()
