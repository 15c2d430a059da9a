"""`make run` passes ARGS to the app, and its first run says it is installing instead of staying silent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _dry_run(*arguments: str) -> list[str]:
    """What `make` would run (-n runs nothing; -B as on a first run, with nothing installed yet)."""
    done = subprocess.run(["make", "--no-print-directory", "-n", "-B", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_make_run_passes_args_to_the_app() -> None:
    lines = _dry_run("run", "ARGS=--lang ar --data-dir /tmp/a folder")
    assert lines[-1] == ".venv/bin/resilience-app --lang ar --data-dir /tmp/a folder"


def test_make_run_without_args_starts_the_app_plainly() -> None:
    assert _dry_run("run")[-1].strip() == ".venv/bin/resilience-app"


def test_the_first_run_says_it_is_installing_and_lets_pip_show_progress() -> None:
    lines = _dry_run("run")
    assert any(line.startswith("echo") and "minute and a half" in line for line in lines)
    [install] = [line for line in lines if "pip install" in line and "-e" in line]
    assert "--quiet" not in install
