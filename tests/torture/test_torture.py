"""A writer saving answers is killed with SIGKILL again and again: no acknowledged save is ever lost.

The driver is tools/torture.py (run by path, as from a fresh clone); `make torture` runs 200 kills.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import Database, alembic_config

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the torture test kills processes with SIGKILL, which only POSIX has")

TOOL = Path(__file__).resolve().parents[2] / "tools" / "torture.py"


@pytest.fixture(scope="module")
def torture() -> Iterator[ModuleType]:
    """tools/torture.py, loaded by path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("torture_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture
def saved(torture: ModuleType, app_paths: AppPaths) -> tuple[Path, Any]:
    """A folder with saves made as the writer makes them, and the ledger of those acknowledged."""
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Torture")).id
        first, second = [question.id for question in service.framework().questions()][:2]
        lines = [f"#ready\t{assessment_id}\t0.1\t0.05"]
        for question_id, counter in ((first, 1), (first, 2), (second, 3), (first, 4)):
            service.assessments.save_answer(assessment_id, question_id, torture.expected_draft(counter))
            lines.append(f"{question_id}\t{counter}")
        service.assessments.save_answer(assessment_id, second, torture.expected_draft(5))  # landed, killed before it was acknowledged
    finally:
        service.close()
    ledger = torture.Ledger()
    ledger.take("".join(line + "\n" for line in lines) + f"{second}\t5")  # the cut-off last line does not count
    assert ledger.last_answer == {first: 4, second: 3}
    return app_paths.data_dir, ledger


def _sabotage(data_dir: Path, sql: str, *parameters: object) -> None:
    connection = sqlite3.connect(data_dir / "resilience.sqlite3")
    try:
        assert connection.execute(sql, parameters).rowcount >= 1
        connection.commit()
    finally:
        connection.close()


def test_the_checker_passes_a_folder_holding_every_acknowledged_save(torture: ModuleType, saved: tuple[Path, Any]) -> None:
    data_dir, ledger = saved
    assert torture.check_database(data_dir, ledger) == []
    assert torture.check_app_reads(data_dir, ledger) == []


def test_the_checker_reports_a_missing_acknowledged_save(torture: ModuleType, saved: tuple[Path, Any]) -> None:
    data_dir, ledger = saved
    question_id = sorted(ledger.last_answer)[0]
    _sabotage(data_dir, "DELETE FROM answers WHERE question_id = ?", question_id)
    problems = torture.check_database(data_dir, ledger)
    assert any(f"answer to {question_id} is missing" in problem for problem in problems), problems
    assert any(question_id in problem for problem in torture.check_app_reads(data_dir, ledger))


def test_the_checker_reports_an_answer_gone_back_to_an_older_save(torture: ModuleType, saved: tuple[Path, Any]) -> None:
    data_dir, ledger = saved
    question_id = next(q for q, counter in ledger.last_answer.items() if counter == 4)
    older = torture.expected_draft(2)
    _sabotage(data_dir, "UPDATE answers SET status = ?, level = ?, justification = ?, confidence = ?, answered_by = ? WHERE question_id = ?",
              older.status, older.level, older.justification, older.confidence, older.answered_by, question_id)
    problems = torture.check_database(data_dir, ledger)
    assert f"answer to {question_id} went back to save 2, but save 4 had been acknowledged" in problems


def test_the_checker_reports_a_torn_answer_and_a_lost_history_line(torture: ModuleType, saved: tuple[Path, Any]) -> None:
    data_dir, ledger = saved
    _sabotage(data_dir, "UPDATE answers SET confidence = 'nonsense' WHERE justification LIKE '[n=4] %'")
    _sabotage(data_dir, "DELETE FROM answer_changes WHERE field = 'justification' AND new_value LIKE '[n=1] %'")
    problems = torture.check_database(data_dir, ledger)
    assert any("(save 4) is not stored whole: confidence differ" in problem for problem in problems), problems
    assert any("1 acknowledged saves are missing from the answer history" in problem for problem in problems), problems


def _previous_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_revision("head").down_revision  # type: ignore[no-any-return, union-attr]


@pytest.mark.parametrize("upgrade_from", ["new folder", "previous revision"])
def test_a_kill_during_a_migration_leaves_a_folder_the_app_opens(torture: ModuleType, tmp_path: Path, upgrade_from: str) -> None:
    """Killed just before a migration commits, the folder must open again (the migration simply runs again)."""
    paths = AppPaths.under(tmp_path / "data")
    if upgrade_from == "previous revision":
        previous = _previous_revision()
        if previous is None:
            pytest.skip("there is only one migration")
        paths.ensure_writable()
        database = Database(paths.default_database_url())
        with database.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, previous)
        database.dispose()
    writer = subprocess.run(
        [sys.executable, str(TOOL), "write", str(paths.data_dir), "--start", "0", "--die-before", "COMMIT"],
        capture_output=True, text=True, timeout=120,
    )
    assert writer.returncode == -signal.SIGKILL, writer.stderr
    assert "#ready" not in writer.stdout and "killed before statement" in writer.stderr  # killed inside the migration
    assert torture.check_database(paths.data_dir, torture.Ledger()) == []  # SQLite finds the file sound
    # Before migrations ran in one explicit transaction, the CREATE TABLEs committed on their own
    # and every later start failed on "table ... already exists" (storage/database.py).
    assert torture.check_app_reads(paths.data_dir, torture.Ledger()) == []


@pytest.mark.slow
def test_a_short_torture_run_loses_no_acknowledged_save(tmp_path: Path) -> None:
    """Ten seeded kills (the kills on a brand-new folder are the migration test's above)."""
    run = subprocess.run(
        [sys.executable, str(TOOL), "--kills", "10", "--seed", "2024", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "ok: every acknowledged save survived every kill" in run.stdout
    acknowledged = re.search(r"^(\d+) acknowledged saves over (\d+) questions", run.stdout, re.MULTILINE)
    assert acknowledged and int(acknowledged.group(1)) > 0, run.stdout  # the writers really saved between kills
