"""Start-up time of the app against a bare Qt window, both as fresh processes on the offscreen platform.

The app: `resilience-app --smoke-test` (builds the main window on a data folder holding the sample,
shows it, processes events and quits). The reference: a script that shows one QMainWindow the same
way and quits. They run alternately, a warm-up each then ROUNDS each; the figure is the ratio of the
medians. Both use a bytecode cache of their own (an installed app has its bytecode compiled; the
checkout may be run with PYTHONDONTWRITEBYTECODE set).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 7
TIMEOUT_S = 120

BARE_QT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
app.processEvents()
QTimer.singleShot(0, window.close)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def app_command() -> Path:
    """The console script installed beside this Python (.venv/bin/resilience-app)."""
    script = Path(sys.executable).with_name("resilience-app")
    if not script.exists():
        raise SystemExit(f"bench: {script} not found; install the app into this environment first (make)")
    return script


def wall_time_s(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"bench: {command[0]} exited with {completed.returncode}:\n{completed.stdout}{completed.stderr}")
    return elapsed


def measure(rounds: int = ROUNDS) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache")}
        data = str(Path(folder) / "data")
        script = str(app_command())
        wall_time_s([script, "--data-dir", data, "--lang", "en", "demo"], env)  # the fresh sample
        app = [script, "--data-dir", data, "--lang", "en", "--smoke-test"]
        bare = [sys.executable, "-c", BARE_QT]
        wall_time_s(app, env), wall_time_s(bare, env)  # warm-up: file cache, bytecode
        app_s, bare_s = [], []
        for _ in range(rounds):
            app_s.append(wall_time_s(app, env))
            bare_s.append(wall_time_s(bare, env))
    return {
        "startup_ratio_vs_bare_qt": statistics.median(app_s) / statistics.median(bare_s),
        "startup_app_s": statistics.median(app_s),
        "startup_bare_qt_s": statistics.median(bare_s),
    }
