"""Restoring a backup from the window, and the offer to restore when the database is damaged at start-up."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage import backups as backup_files
from resilience_app.gui import app as gui_app
from resilience_app.gui.backups_dialog import BackupsDialog
from resilience_app.gui.main_window import MainWindow


def _cities(window: MainWindow) -> list[str]:
    return [summary.record.city_name("en") for summary in window.service.assessments.list_assessments()]


def _a_database_with_one_startup_copy(paths: AppPaths, city: str) -> None:
    service = ResilienceService.open(paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en=city, city_name_ar=city))
    service.close()
    ResilienceService.open(paths).close()  # a start-up: the copy holding `city`


def test_restore_from_backup_brings_back_the_list_as_it_was(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, language: str) -> None:
    _a_database_with_one_startup_copy(app_paths, "Amman")
    window = gui_app.create_main_window(qapp, app_paths)
    qtbot.addWidget(window)
    window.show()
    window.delete_selected()
    window.active_dialog.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert window.model.rowCount() == 0

    window.restore_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, BackupsDialog)
    assert dialog.list.count() >= 1 and dialog.restore_button.isEnabled()
    assert dialog.isRightToLeft() == (language == "ar")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # restored off the GUI thread
    assert _cities(window) == ["Amman"]
    assert window.service.backups.list()[0].reason == "before-restore"  # the deletion can be had back too
    window.service.close()


def test_a_damaged_database_at_start_up_offers_the_newest_backup(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    _a_database_with_one_startup_copy(app_paths, "Irbid")
    app_paths.database_file.write_bytes(b"a laptop switched off mid-write" * 300)
    seen: list[str] = []

    def choose_the_newest() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        seen.append(dialog.findChild(object, "backups_explanation").text())  # type: ignore[union-attr]
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_the_newest)
    monkeypatch.setattr(gui_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(gui_app.QApplication, "exec", lambda self: 0)
    assert gui_app.run_gui(app_paths) == 0
    assert "damaged" in seen[0]
    service = ResilienceService.open(app_paths)
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Irbid"]
    service.close()
    assert len(list(app_paths.data_dir.glob("resilience-damaged-*.sqlite3"))) == 1


def test_a_damaged_database_can_be_set_aside_for_a_fresh_start(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    app_paths.ensure_writable()
    app_paths.database_file.write_bytes(b"no backups and no database" * 300)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().fresh_button.click())  # type: ignore[union-attr]
    monkeypatch.setattr(gui_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(gui_app.QApplication, "exec", lambda self: 0)
    assert gui_app.run_gui(app_paths) == 0
    damaged = list(app_paths.data_dir.glob("resilience-damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].read_bytes().startswith(b"no backups")
    ResilienceService.open(app_paths).close()  # a fresh, working database


def test_a_start_up_backup_that_failed_is_told_once(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    ResilienceService.open(app_paths).close()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_files, "_copy_database", full_disk)
    window = gui_app.create_main_window(qapp, app_paths)
    qtbot.addWidget(window)
    window.warn_about_backup_problem()
    assert isinstance(window.active_dialog, QMessageBox)
    assert window.active_dialog.objectName() == "backup_problem_dialog"
    assert "saved as usual" in window.active_dialog.informativeText()
    window.service.close()


def test_a_vanished_database_offers_the_newest_backup_with_assessments(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    _a_database_with_one_startup_copy(app_paths, "Irbid")
    app_paths.database_file.unlink()
    seen: list[tuple[str, str, int]] = []

    def choose_what_is_selected() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        seen.append((dialog.windowTitle(), dialog.list.currentItem().text(), dialog.list.currentRow()))
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_what_is_selected)
    monkeypatch.setattr(gui_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(gui_app.QApplication, "exec", lambda self: 0)
    assert gui_app.run_gui(app_paths) == 0
    [(title, chosen, _row)] = seen
    assert title == ("قاعدة البيانات مفقودة" if language == "ar" else "The database is missing")
    assert ("تقييم واحد" if language == "ar" else "1 assessment") in chosen
    service = ResilienceService.open(app_paths)
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Irbid"]
    service.close()


def test_a_vanished_database_can_be_replaced_by_an_empty_one_on_purpose(qtbot: QtBot, qapp: QApplication, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    _a_database_with_one_startup_copy(app_paths, "Irbid")
    app_paths.database_file.unlink()
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().fresh_button.click())  # type: ignore[union-attr]
    monkeypatch.setattr(gui_app.MainWindow, "show", lambda self: None)
    monkeypatch.setattr(gui_app.QApplication, "exec", lambda self: 0)
    assert gui_app.run_gui(app_paths) == 0
    service = ResilienceService.open(app_paths)  # no question any more: the empty database is the one chosen
    assert service.assessments.list_assessments() == []
    assert any(backup.assessments == 1 for backup in service.backups.list())  # and the copy with Irbid is still there
    service.close()

