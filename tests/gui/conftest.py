"""GUI fixtures: a main window on a fresh data folder, in the language under test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resilience_app.core.paths import AppPaths
from resilience_app.gui.app import create_main_window
from resilience_app.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, language: str) -> Iterator[MainWindow]:
    main_window = create_main_window(qapp, app_paths)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.service.close()
