"""A database that vanished or was emptied is noticed, never silently replaced, and its backups outlive any restarts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AssessmentDetails, EvidenceDraft
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.backups import KEEP_LATEST, back_up_sqlite, backups_of

STARTS = 12  # more than the rotation's KEEP_LATEST: before, a morning of restarts rotated every copy with data out


def _cities(paths: AppPaths) -> list[str]:
    service = ResilienceService.open(paths)
    try:
        return [summary.record.city_name("en") for summary in service.assessments.list_assessments()]
    finally:
        service.close()


def _with_assessments(paths: AppPaths, *cities: str) -> None:
    service = ResilienceService.open(paths)
    for city in cities:
        service.assessments.create_assessment(AssessmentDetails(city_name_en=city))
    service.close()
    ResilienceService.open(paths).close()  # a start-up backup that holds them


def _remove_database(paths: AppPaths) -> None:
    for suffix in ("", "-wal", "-shm"):
        paths.database_file.with_name(paths.database_file.name + suffix).unlink(missing_ok=True)


def _open_refused(paths: AppPaths) -> UserFacingError:
    with pytest.raises(UserFacingError) as refused:
        ResilienceService.open(paths)
    return refused.value


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_vanished_database_is_told_at_every_start_and_its_backups_stay(app_paths: AppPaths, how: str) -> None:
    _with_assessments(app_paths, "Irbid", "Zarqa")
    kept_before = backups_of(app_paths.database_file, app_paths.backups_dir)
    if how == "deleted":
        _remove_database(app_paths)
    else:
        app_paths.database_file.write_bytes(b"")
    for _start in range(STARTS):
        error = _open_refused(app_paths)
        assert error.code == "database-missing"
        assert "missing or empty" in error.message and "restore-backup 1" in error.hint
    assert backups_of(app_paths.database_file, app_paths.backups_dir) == kept_before  # no empty copy taken, none rotated
    service = ResilienceService.open(app_paths, start_empty=True)
    service.restore_backup(service.backups.list()[0])
    assert sorted(summary.record.city_name("en") for summary in service.assessments.list_assessments()) == ["Irbid", "Zarqa"]
    service.close()


def test_starting_empty_on_purpose_never_rotates_the_copies_with_data_out(app_paths: AppPaths) -> None:
    _with_assessments(app_paths, "Irbid")
    _remove_database(app_paths)
    ResilienceService.open(app_paths, start_empty=True).close()  # the user chose to begin again
    for _start in range(STARTS * 2):  # each start backs the empty database up
        ResilienceService.open(app_paths).close()
    kept = backups_of(app_paths.database_file, app_paths.backups_dir)
    assert len(kept) > KEEP_LATEST  # the newest ten empty copies, and the older ones that hold data
    with_data = [backup for backup in kept if backup.assessments]
    assert with_data, "every copy that held the assessment was rotated out"
    service = ResilienceService.open(app_paths)
    service.restore_backup(with_data[0])
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Irbid"]
    service.close()


def test_rotation_keeps_the_copy_that_held_the_most_after_a_mass_deletion(tmp_path: Path) -> None:
    database = tmp_path / "resilience.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("create table assessments (id integer primary key)")
        connection.executemany("insert into assessments values (?)", [(number,) for number in range(9)])
    start = dt.datetime(2026, 11, 1, 8, 0)
    back_up_sqlite(database, tmp_path / "backups", reason="startup", now=start)
    with sqlite3.connect(database) as connection:
        connection.execute("delete from assessments where id > 0")  # eight of nine deleted by mistake
    for hour in range(1, 40):
        back_up_sqlite(database, tmp_path / "backups", reason="startup", now=start + dt.timedelta(hours=hour))
    held = [backup.assessments for backup in backups_of(database, tmp_path / "backups")]
    assert 9 in held


def test_evidence_files_alone_say_the_folder_held_assessments(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    report = tmp_path / "survey.pdf"
    report.write_bytes(b"%PDF- survey")
    service.assessments.add_evidence(assessment.id, next(service.framework().questions()).id, EvidenceDraft("Survey", source_file=report))
    service.close()
    _remove_database(app_paths)
    for backup in app_paths.backups_dir.glob("*"):
        backup.unlink()
    error = _open_refused(app_paths)
    assert error.code == "database-missing" and "--start-empty" in error.hint


def test_a_new_folder_opens_without_a_question(app_paths: AppPaths) -> None:
    assert _cities(app_paths) == []
    assert _cities(app_paths) == []  # a folder whose backups hold no assessment is nothing lost either


def test_the_command_line_says_the_database_is_missing_and_changes_nothing(app_paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    _with_assessments(app_paths, "Irbid")
    _remove_database(app_paths)
    assert main(["--data-dir", str(app_paths.data_dir), "list"]) == 2
    error = capsys.readouterr().err
    assert "missing or empty" in error and "restore-backup 1" in error
    assert not app_paths.database_file.exists()
    assert main(["--data-dir", str(app_paths.data_dir), "restore-backup", "1"]) == 0
    assert _cities(app_paths) == ["Irbid"]
    _remove_database(app_paths)
    assert main(["--data-dir", str(app_paths.data_dir), "--start-empty", "list"]) == 0
