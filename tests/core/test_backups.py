"""Backups: taken at start-up and before migrations and imports, rotated, restored from the service and the CLI."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event

from resilience_app.cli import main
from resilience_app.core import i18n
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage import backups as backup_files
from resilience_app.core.storage.backups import KEEP_LATEST, back_up_sqlite, backups_of, rotate
from resilience_app.core.storage.database import Database, alembic_config
from resilience_app.core.workshop.participants_csv import read_participants_csv
from resilience_app.core.workshop.records import WorkshopDraft


def _city(paths: AppPaths) -> list[str]:
    with sqlite3.connect(paths.database_file) as connection:
        return [row[0] for row in connection.execute("select city_name_en from assessments order by id")]


def _rename(service: ResilienceService, assessment_id: int, name: str) -> None:
    service.assessments.rename_assessment(assessment_id, city_name_en=name, city_name_ar="")


def test_rotation_keeps_the_newest_ten_and_one_a_day_for_a_week(tmp_path: Path) -> None:
    database = tmp_path / "resilience.sqlite3"
    sqlite3.connect(database).execute("create table t (x)").connection.close()
    start = dt.datetime(2026, 11, 1, 8, 0)
    for day in range(14):  # two weeks of four start-ups a day
        for hour in range(4):
            back_up_sqlite(database, tmp_path / "backups", reason="startup", now=start + dt.timedelta(days=day, hours=hour))
    kept = backups_of(database, tmp_path / "backups")
    newest = [backup.taken_at for backup in kept]
    last_ten = sorted((start + dt.timedelta(days=day, hours=hour) for day in range(14) for hour in range(4)), reverse=True)[:KEEP_LATEST]
    assert set(last_ten) <= set(newest)
    days_kept = {moment.date() for moment in newest}
    assert days_kept == {dt.date(2026, 11, 14) - dt.timedelta(days=offset) for offset in range(7)}
    assert all(moment.hour == 11 for moment in newest if moment not in last_ten)  # the newest of its day
    assert len(kept) == KEEP_LATEST + 4  # the last three days are inside the ten; four older days add one each


def test_rotation_leaves_files_that_are_not_backups_alone(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "resilience-old-copy.sqlite3").write_text("mine too")
    rotate(tmp_path / "resilience.sqlite3", folder, today=dt.date(2026, 11, 24))
    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt", "resilience-old-copy.sqlite3"]


def test_a_restore_puts_the_copy_back_and_can_itself_be_undone(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Amman"))
    service.close()
    service = ResilienceService.open(app_paths)  # start-up: the copy holding "Amman"
    _rename(service, record.id, "Zarqa")
    morning = service.backups.list()[0]
    assert morning.reason == "startup"

    service.restore_backup(morning)
    assert service.assessments.get_assessment(record.id).details.city_name_en == "Amman"
    before_restore = service.backups.list()[0]
    assert before_restore.reason == "before-restore"

    service.restore_backup(before_restore)  # undo
    assert service.assessments.get_assessment(record.id).details.city_name_en == "Zarqa"
    service.close()


def test_an_answer_saved_after_the_backup_is_gone_after_a_restore_but_kept_in_the_safety_copy(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    service.close()
    service = ResilienceService.open(app_paths)
    question = next(iter(service.framework().questions()))
    service.assessments.save_answer(record.id, question.id, AnswerDraft(status="dont_know"))
    service.restore_backup(service.backups.list()[0])
    assert service.assessments.answers(record.id) == {}
    with sqlite3.connect(service.backups.list()[0].path) as copy:
        assert copy.execute("select count(*) from answers").fetchone() == (1,)
    service.close()


def test_a_damaged_backup_is_refused_and_the_database_is_unchanged(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Aqaba"))
    service.close()
    service = ResilienceService.open(app_paths)
    backup = service.backups.list()[0]
    backup.path.write_bytes(b"scrambled" * 400)
    with pytest.raises(UserFacingError) as caught:
        service.restore_backup(backup)
    assert caught.value.code == "backup-damaged"
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Aqaba"]
    service.close()


def test_importing_participants_backs_up_first_and_a_failed_backup_imports_nothing(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt"))
    workshop = service.workshops.add_workshop(record.id, WorkshopDraft(title="Launch"))
    sheet = b"name,organisation,sector\nHala,Water Authority,utilities\n"
    preview = read_participants_csv(sheet, sectors=list(service.workshops.sectors.values()), groups=[])
    assert service.workshops.import_participants(workshop.id, preview) == 1
    assert [backup.reason for backup in service.backups.list()] == ["before-import"]

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_files, "_copy_database", full_disk)
    with pytest.raises(UserFacingError) as caught:
        service.workshops.import_participants(workshop.id, preview)
    assert caught.value.code == "backup-failed"
    assert len(service.workshops.snapshot(workshop.id).participants) == 1
    service.close()


def test_a_start_up_backup_that_cannot_be_written_is_reported_and_the_app_opens(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    ResilienceService.open(app_paths).close()

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(backup_files, "_copy_database", read_only)
    service = ResilienceService.open(app_paths)
    assert "Read-only" in service.database.backup_problem
    assert list(app_paths.backups_dir.glob("*.sqlite3")) == []  # no half-written copy left behind
    service.close()


def test_a_migration_never_runs_without_its_backup(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    app_paths.ensure_writable()
    older = Database(app_paths.default_database_url())
    config = alembic_config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    older.dispose()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_files, "_copy_database", full_disk)
    with pytest.raises(UserFacingError) as caught:
        ResilienceService.open(app_paths)
    assert caught.value.code == "backup-failed"
    with sqlite3.connect(app_paths.database_file) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == ("0004",)
    monkeypatch.undo()
    service = ResilienceService.open(app_paths)  # with room on the disk, the update runs after its copy
    assert service.backups.list()[0].reason == "before-migration"
    service.close()


def test_a_full_disk_while_saving_is_explained_and_what_was_saved_stays(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba"))
    questions = list(service.framework().questions())
    service.assessments.save_answer(record.id, questions[0].id, AnswerDraft(status="dont_know", justification="kept"))
    service.database.engine.dispose()
    with sqlite3.connect(app_paths.database_file) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]

    def no_room(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(service.database.engine, "connect", no_room)  # SQLite's own "database or disk is full"
    with pytest.raises(UserFacingError) as caught:
        for question in questions[1:]:
            service.assessments.save_answer(record.id, question.id, AnswerDraft(status="dont_know", justification="x" * 20_000))
    assert caught.value.code == "disk-full"
    assert service.assessments.answers(record.id)[questions[0].id].answer.justification == "kept"
    event.remove(service.database.engine, "connect", no_room)
    service.database.engine.dispose()
    service.assessments.save_answer(record.id, questions[-1].id, AnswerDraft(status="dont_know", justification="room again"))
    assert service.assessments.answers(record.id)[questions[-1].id].answer.justification == "room again"
    service.close()


def test_the_cli_lists_backups_and_restores_a_damaged_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "demo"]) == 0
    assert main([*data, "list"]) == 0  # a start-up: the copy holding the sample
    capsys.readouterr()
    database = tmp_path / "resilience.sqlite3"
    database.write_bytes(b"the disk mangled this" * 300)

    assert main([*data, "list"]) == 2
    assert "restore-backup" in capsys.readouterr().err
    assert main([*data, "backups"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("1\t") and "At start-up" in listing
    assert main([*data, "restore-backup", "1"]) == 0
    assert "Restored the backup" in capsys.readouterr().out
    assert main([*data, "list", "--json"]) == 0
    assert "Wadi Al-Zuhur" in capsys.readouterr().out
    damaged = list(tmp_path.glob("resilience-damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].read_bytes().startswith(b"the disk mangled this")


def test_the_cli_refuses_a_backup_that_does_not_exist_in_arabic(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "--lang", "ar", "restore-backup", "7"]) == 2
    err = capsys.readouterr().err
    assert "نسخة" in err
    i18n.set_language("en")


def test_a_copy_left_half_written_by_a_killed_app_is_never_listed_and_is_cleared(tmp_path: Path) -> None:
    database = tmp_path / "resilience.sqlite3"
    sqlite3.connect(database).execute("create table t (x)").connection.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / ".resilience-20261124-090000-000000-startup.sqlite3.partial").write_bytes(b"half")
    (folder / ".resilience-20261124-090000-000000-startup.sqlite3.partial-journal").write_bytes(b"log")
    assert backups_of(database, folder) == []
    back_up_sqlite(database, folder, reason="startup")
    assert [path.name.startswith(".") for path in folder.iterdir()] == [False]


def test_a_backup_whose_table_definitions_are_no_longer_text_is_unreadable_not_a_crash(app_paths: AppPaths) -> None:
    """A flipped bit inside a CREATE TABLE makes SQLite quote bytes that are not UTF-8 in its message."""
    service = ResilienceService.open(app_paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa"))
    service.close()
    ResilienceService.open(app_paths).close()  # a start-up backup holding the assessment
    [backup] = [path for path in app_paths.backups_dir.iterdir() if path.suffix == ".sqlite3"]
    data = bytearray(backup.read_bytes())
    where = data.index(b"CREATE TABLE ")
    data[where + 6] = 0xCF  # "CREATE" becomes "CREAT\xcf": bad SQL, and not UTF-8
    backup.write_bytes(bytes(data))

    service = ResilienceService.open(app_paths)  # backups are listed, counted and rotated at every start
    try:
        listed = {entry.path: entry.assessments for entry in service.backups.list()}
        assert listed[backup] is None  # shown as unreadable
        assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Zarqa"]
        with pytest.raises(UserFacingError) as refused:
            service.backups.restore(next(entry for entry in service.backups.list() if entry.path == backup))
        assert refused.value.code == "backup-damaged"
    finally:
        service.close()
