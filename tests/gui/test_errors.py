"""Failures reach the user as plain messages; bugs as a dialog that names the log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from resilience_app.core.logging_setup import configure_logging
from resilience_app.core.paths import AppPaths
from resilience_app.gui import errors


def test_unexpected_error_is_logged_and_the_dialog_names_the_log(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # type: ignore[no-untyped-def]
    app_paths.ensure_writable()
    configure_logging(app_paths.log_file)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    previous = sys.excepthook
    errors.install_crash_handler(app_paths.log_file)
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    [box] = shown
    assert box.objectName() == "crash_dialog"
    assert str(app_paths.log_file) in box.informativeText()
    assert "RuntimeError: boom in a slot" in app_paths.log_file.read_text(encoding="utf-8")


def test_gui_refuses_a_corrupt_database_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "resilience.sqlite3").write_bytes(b"not a database" * 500)
    result = subprocess.run(
        [sys.executable, "-m", "resilience_app", "--data-dir", str(tmp_path), "--smoke-test"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False,
    )
    assert result.returncode == 2
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
