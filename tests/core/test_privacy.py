"""What the app writes is readable by its owner only (on POSIX): the database, evidence, backups, logs and exports."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails, EvidenceDraft
from resilience_app.core.logging_setup import configure_logging
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService

pytestmark = pytest.mark.skipif(os.name != "posix", reason="owner-only modes are a POSIX matter")


def _open_to_others(root: Path) -> list[str]:
    return [str(path) for path in [root, *root.rglob("*")] if stat.S_IMODE(path.stat().st_mode) & 0o077]


def test_everything_the_app_writes_is_owner_only(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "data")
    ResilienceService.open(paths).close()  # the app makes its folder...
    paths.data_dir.chmod(0o755)  # ...which is then opened to others by hand
    paths = AppPaths.under(tmp_path / "data")
    assert paths.data_dir == tmp_path / "data"  # still the app's own folder, tightened again
    service = ResilienceService.open(paths)
    configure_logging(paths.log_file)
    logger = logging.getLogger("resilience_app")
    logger.info("a line in the log")
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa"))
    question = next(iter(service.framework().questions())).id
    source = tmp_path / "report.txt"
    source.write_text("evidence", encoding="utf-8")
    service.assessments.add_evidence(record.id, question, EvidenceDraft("Report", source_file=source))
    service.database.open(backups_dir=paths.backups_dir)  # a start-up: a backup is taken
    exported = service.export_brief(record.id, language="en", path=tmp_path / "brief.pdf")
    service.close()
    for handler in list(logger.handlers):  # leave logging as other tests expect it
        logger.removeHandler(handler)
        handler.close()
    assert paths.log_file.exists()
    assert list(paths.backups_dir.iterdir())
    assert _open_to_others(tmp_path / "data") == []
    assert stat.S_IMODE(exported.path.stat().st_mode) & 0o077 == 0
