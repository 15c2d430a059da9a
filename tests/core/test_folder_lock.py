"""One app at a time on a data folder: a second one is told plainly and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService

_HOLD = """
import sys
from pathlib import Path
from resilience_app.core.services import ResilienceService
from resilience_app.core.paths import AppPaths
service = ResilienceService.open(AppPaths.under(Path(sys.argv[1])))
print("open", flush=True)
sys.stdin.read()
service.close()
"""


@pytest.fixture
def other_app(app_paths: AppPaths) -> Iterator[subprocess.Popen[str]]:
    """Another copy of the app with the folder open, until the test ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(app_paths.data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "open"
    yield process
    process.kill()
    process.wait(timeout=30)


def test_a_second_app_on_the_same_folder_is_told_it_is_already_open(app_paths: AppPaths, other_app: subprocess.Popen[str]) -> None:
    before = app_paths.database_file.read_bytes()
    with pytest.raises(UserFacingError) as caught:
        ResilienceService.open(app_paths)
    assert caught.value.code == "already-open"
    assert "already open" in caught.value.message
    assert app_paths.database_file.read_bytes() == before
    assert list(app_paths.backups_dir.glob("*.sqlite3")) == []  # not even a start-up copy


def test_the_command_line_is_refused_plainly_while_the_app_has_the_folder(app_paths: AppPaths, other_app: subprocess.Popen[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resilience_app", "--data-dir", str(app_paths.data_dir), "--lang", "ar", "demo"],
        capture_output=True, text=True, timeout=120, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "مفتوحة" in result.stderr


def test_the_folder_opens_again_once_the_other_app_is_killed(app_paths: AppPaths, other_app: subprocess.Popen[str]) -> None:
    other_app.kill()  # no clean exit: the system drops the lock with the process
    other_app.wait(timeout=30)
    service = ResilienceService.open(app_paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Jerash"))
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Jerash"]
    service.close()


def test_one_app_may_open_its_own_folder_twice(app_paths: AppPaths) -> None:
    first = ResilienceService.open(app_paths)
    second = ResilienceService.open(app_paths)  # e.g. the window and a command it runs
    second.close()
    first.assessments.create_assessment(AssessmentDetails(city_name_en="Ajloun"))
    first.close()


def test_the_lock_file_is_private_and_outside_the_backups(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    lock_files = sorted(path.name for path in app_paths.data_dir.glob("*.lock"))
    assert lock_files == ["resilience.lock", "resilience.sqlite3.lock"]  # the folder's and the database file's
    if os.name == "posix":
        assert all((app_paths.data_dir / name).stat().st_mode & 0o077 == 0 for name in lock_files)
    service.close()
