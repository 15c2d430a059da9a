"""Damage SQLite's quick check misses, a file cut short, unreadable stored values, and files that are not ours."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.backups import backups_of, check_copy

TABLE_LEAF_PAGE = 0x0D


def _assessment_with_answers(paths: AppPaths, count: int = 20) -> list[str]:
    service = ResilienceService.open(paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="National City"))
    question_ids = [question.id for question in service.framework().questions()][:count]
    for question_id in question_ids:
        service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=3, justification="Reviewed"))
    service.close()
    ResilienceService.open(paths).close()  # one sound backup of it
    return question_ids


def _flip_a_bit_in_table_rows(database: Path, needles: list[str]) -> int:
    """Flip the last bit of each needle (a question id) wherever a table page stores it, not where an index page does.

    The unique index of answers keeps the old values, so `integrity_check` finds rows
    missing from it while `quick_check`, which does not compare them, passes.
    """
    data = bytearray(database.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    flipped = 0
    for needle in (text.encode() for text in needles):
        at = data.find(needle)
        while at >= 0:
            page = at // page_size
            if data[page * page_size + (100 if page == 0 else 0)] == TABLE_LEAF_PAGE:
                data[at + len(needle) - 1] ^= 0x01
                flipped += 1
            at = data.find(needle, at + 1)
    database.write_bytes(bytes(data))
    return flipped


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bit_flips_the_quick_check_misses_are_found_and_no_damaged_copy_is_backed_up(app_paths: AppPaths) -> None:
    question_ids = _assessment_with_answers(app_paths)
    sound = backups_of(app_paths.database_file, app_paths.backups_dir)
    assert _flip_a_bit_in_table_rows(app_paths.database_file, question_ids) >= 20
    with sqlite3.connect(app_paths.database_file) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)  # the damage this test is about
        assert connection.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    for _start in range(12):
        with pytest.raises(UserFacingError) as refused:
            ResilienceService.open(app_paths)
        assert refused.value.code == "database-corrupt"
    assert backups_of(app_paths.database_file, app_paths.backups_dir) == sound  # nothing added, nothing rotated out
    assert all(check_copy(backup.path, thorough=True) for backup in sound)


@pytest.mark.parametrize("cut", [1, 100, 4096])
def test_a_database_cut_short_is_damaged_with_the_backups_offered(app_paths: AppPaths, cut: int, capsys: pytest.CaptureFixture[str]) -> None:
    _assessment_with_answers(app_paths)
    data = app_paths.database_file.read_bytes()
    app_paths.database_file.write_bytes(data[:-cut])
    assert main(["--data-dir", str(app_paths.data_dir), "list"]) == 2
    error = capsys.readouterr().err
    assert "damaged" in error and "restore-backup 1" in error


def test_a_stored_value_that_cannot_be_read_is_damage_not_a_crash(app_paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    _assessment_with_answers(app_paths)
    with sqlite3.connect(app_paths.database_file) as connection:
        connection.execute("update assessments set created_at = 'not a date'")  # sound to SQLite, unreadable to the app
    service = ResilienceService.open(app_paths)
    with pytest.raises(UserFacingError) as refused:
        service.assessments.list_assessments()
    assert refused.value.code == "database-corrupt"
    service.close()
    assert main(["--data-dir", str(app_paths.data_dir), "list"]) == 2
    assert "damaged" in capsys.readouterr().err


def test_a_database_from_a_newer_version_is_refused_unchanged_and_not_backed_up(app_paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    _assessment_with_answers(app_paths, count=1)
    with sqlite3.connect(app_paths.database_file) as connection:
        connection.execute("update alembic_version set version_num = '0042'")
    before, copies = _sha(app_paths.database_file), backups_of(app_paths.database_file, app_paths.backups_dir)
    for _try in range(3):
        assert main(["--data-dir", str(app_paths.data_dir), "list"]) == 2
        assert "newer version of the app" in capsys.readouterr().err
    with pytest.raises(UserFacingError) as refused:
        ResilienceService.open(app_paths)
    assert refused.value.code == "database-newer"
    assert _sha(app_paths.database_file) == before
    assert backups_of(app_paths.database_file, app_paths.backups_dir) == copies


def test_another_programs_database_is_refused_and_left_exactly_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "inventory.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("create table stock (item text, count integer)")
        connection.execute("insert into stock values ('pumps', 12)")
    connection.close()
    before = _sha(other)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--database", f"sqlite:///{other}", "list"]) == 2
    assert "another program" in capsys.readouterr().err
    assert _sha(other) == before
    assert not other.with_name(other.name + "-wal").exists()
    with sqlite3.connect(other) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert [row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")] == ["stock"]
    connection.close()
