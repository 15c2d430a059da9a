"""Files another program deletes, moves or shares under a running app; exports that would overwrite the app's own files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService

SAVES = 60

_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from resilience_app.core.paths import AppPaths
    from resilience_app.core.services import ResilienceService
    from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails

    paths = AppPaths.under(Path(sys.argv[1]))
    service = ResilienceService.open(paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    questions = [question.id for question in service.framework().questions()][: int(sys.argv[2])]
    half = len(questions) // 2
    for number, question_id in enumerate(questions):
        if number == half:  # another program removes the log and its index while the app saves
            for suffix in ("-wal", "-shm"):
                os.unlink(str(paths.database_file) + suffix)
        service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=1 + number % 5))
    print("saved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # a crash before any clean close
    """
)


def _answer_count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        count = int(connection.execute("select count(*) from answers").fetchone()[0])
    connection.close()
    return count


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and deleting open files are POSIX")
def test_saves_survive_a_deleted_write_ahead_log_and_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    run = subprocess.run([sys.executable, "-c", _WRITER, str(folder), str(SAVES)], capture_output=True, text=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert run.stdout.strip() == "saved"
    assert _answer_count(folder / "resilience.sqlite3") == SAVES


def _command(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resilience_app", *arguments], capture_output=True, text=True, timeout=120)


def test_two_data_folders_on_one_database_file_are_refused_to_each_other(tmp_path: Path) -> None:
    shared = tmp_path / "shared.sqlite3"
    url = f"sqlite:///{shared}"
    first = ResilienceService.open(AppPaths.under(tmp_path / "one"), database_url=url)
    first.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    ResilienceService.open(AppPaths.under(tmp_path / "two"), database_url=url).close()  # gives folder two a backup
    for command in (["list"], ["restore-backup", "1"]):  # another process, through the other folder
        refused = _command("--data-dir", str(tmp_path / "two"), "--database", url, *command)
        assert refused.returncode == 2 and "already open" in refused.stderr
    first.close()
    second = ResilienceService.open(AppPaths.under(tmp_path / "two"), database_url=url)
    assert [summary.record.city_name("en") for summary in second.assessments.list_assessments()] == ["Irbid"]
    second.close()


def test_a_database_moved_away_while_open_keeps_every_save_in_a_backup(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    questions = [question.id for question in service.framework().questions()][:5]
    for question_id in questions[:3]:
        service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=2))
    os.replace(app_paths.database_file, app_paths.data_dir / "moved-by-a-sync-tool.sqlite3")
    with pytest.raises(UserFacingError) as refused:
        service.assessments.save_answer(assessment.id, questions[3], AnswerDraft(status="level", level=4))
    assert refused.value.code == "database-moved" and "-rescued.sqlite3" in refused.value.hint
    with pytest.raises(UserFacingError):  # and every change after it, instead of saving into an empty new file
        service.assessments.save_answer(assessment.id, questions[4], AnswerDraft(status="level", level=4))
    service.close()
    [rescued] = [backup for backup in app_paths.backups_dir.iterdir() if backup.name.endswith("-rescued.sqlite3")]
    assert _answer_count(rescued) == 3  # every save made before the move; the refused ones were told
    assert not app_paths.database_file.exists()
    with pytest.raises(UserFacingError) as next_start:
        ResilienceService.open(app_paths)
    assert next_start.value.code == "database-missing"  # and the rescued copy is offered first
    assert not app_paths.database_file.exists()


@pytest.mark.parametrize("own", ["database", "wal", "backup", "settings", "other-sqlite"])
def test_an_export_over_one_of_the_apps_own_files_is_refused(app_paths: AppPaths, tmp_path: Path, own: str, capsys: pytest.CaptureFixture[str]) -> None:
    service = ResilienceService.open(app_paths)
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    service.close()
    ResilienceService.open(app_paths).close()
    other = tmp_path / "someone-elses.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    targets = {
        "database": app_paths.database_file,
        "wal": app_paths.data_dir / "resilience.sqlite3-wal",
        "backup": next(app_paths.backups_dir.iterdir()),
        "settings": app_paths.settings_file,
        "other-sqlite": other,
    }
    target = targets[own]
    before = target.read_bytes() if target.exists() else None
    assert main(["--data-dir", str(app_paths.data_dir), "export-pdf", str(assessment.id), "--lang", "en", "--out", str(target)]) == 2
    assert "one of the app's own files" in capsys.readouterr().err
    assert (target.read_bytes() if target.exists() else None) == before
    assert main(["--data-dir", str(app_paths.data_dir), "list"]) == 0
