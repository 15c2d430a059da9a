"""Long work runs off the GUI thread: the window keeps processing events, the job's action is off while it runs,
a second click starts nothing, a cancelled export leaves the existing file whole, and the export proposes a folder
that exists, remembers the last one, and stays open with its choices after a refusal."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.i18n import translate_in
from resilience_app.gui.background_job import JobIndicator, running_job, start_job
from resilience_app.gui.export_dialog import WorkbookExportDialog
from resilience_app.gui.main_window import MainWindow


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a job's work until the test opens it (always opened at the end, so no worker is left waiting)."""
    event = threading.Event()
    yield event
    event.set()


def _held(gate: threading.Event, work: Callable[..., object]) -> Callable[..., object]:
    def held(*args: object, **kwargs: object) -> object:
        assert threading.current_thread() is not threading.main_thread(), "the work runs off the GUI thread"
        assert gate.wait(20), "the GUI thread never let the job go on: its event loop was blocked"
        return work(*args, **kwargs)

    return held


def _assessment(window: MainWindow) -> int:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    window.refresh()
    window.select_assessment(record.id)
    return record.id


def _workbook_dialog(window: MainWindow) -> WorkbookExportDialog:
    window.export_workbook_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkbookExportDialog)
    return dialog


def _indicator(dialog: WorkbookExportDialog) -> JobIndicator:
    indicator = dialog.findChild(JobIndicator)
    assert isinstance(indicator, JobIndicator) and indicator.isVisible()
    return indicator


def test_an_export_runs_while_the_window_keeps_working_and_cannot_start_twice(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assessment(window)
    calls: list[object] = []
    real = window.service.export_xlsx

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window.service, "export_xlsx", _held(gate, counted))
    dialog = _workbook_dialog(window)
    target = tmp_path / "assessment.xlsx"
    dialog.path_edit.setText(str(target))
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.timeout.connect(lambda: gate.set() if len(ticks) >= 3 else None)  # the job goes on only once the event loop has run meanwhile
    timer.start(20)
    dialog.export_button().click()

    indicator = _indicator(dialog)
    assert indicator.label.text() == translate_in(language, "Exporting to Excel…")
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert cancel.isEnabled() and cancel.text() == translate_in(language, "Cancel")  # the dialog's Cancel stops the export
    assert not indicator.cancel_button.isVisible()  # not a second one beside the bar
    assert not window.export_workbook_action.isEnabled() and not dialog.export_button().isEnabled()
    assert start_job(window, "again", lambda: None, key=window.export_workbook_action.objectName(), on_done=lambda _result: None) is None
    window.export_workbook_action.trigger()  # a second click starts nothing
    assert window.active_dialog is dialog

    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)
    timer.stop()
    assert len(ticks) >= 3 and len(calls) == 1
    assert target.is_file() and not dialog.isVisible()
    assert window.export_workbook_action.isEnabled() and running_job(window.export_workbook_action.objectName()) is None
    window.active_dialog.close()


def test_a_cancelled_export_leaves_the_existing_file_whole_and_the_dialog_open(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assessment(window)
    monkeypatch.setattr(window.service, "export_xlsx", _held(gate, window.service.export_xlsx))
    target = tmp_path / "assessment.xlsx"
    target.write_bytes(b"last week's workbook")
    dialog = _workbook_dialog(window)
    other = "ar" if language == "en" else "en"
    dialog.findChild(QRadioButton, f"assessment_language_{other}").setChecked(True)  # type: ignore[union-attr]
    dialog.path_edit.setText(str(target))
    dialog.export_button().click()
    indicator = _indicator(dialog)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    cancel.click()
    assert indicator.label.text() == translate_in(language, "Cancelling…") and not cancel.isEnabled()
    assert dialog.isVisible()  # the dialog waits for the export to stop
    gate.set()
    qtbot.waitUntil(lambda: running_job(window.export_workbook_action.objectName()) is None, timeout=60_000)
    assert target.read_bytes() == b"last week's workbook"
    assert not any(path.name.endswith(".part") for path in tmp_path.iterdir())  # the new file is discarded
    assert dialog.isVisible() and window.active_dialog is dialog  # nothing exported: the dialog stays, its choices intact
    assert dialog.language() == other and dialog.path_edit.text() == str(target)
    assert dialog.export_button().isEnabled() and cancel.isEnabled() and window.export_workbook_action.isEnabled()
    assert dialog.findChild(JobIndicator) is None or not dialog.findChild(JobIndicator).isVisible()  # type: ignore[union-attr]
    dialog.close()


def test_a_refusal_shows_the_translated_message_and_keeps_the_choices(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    _assessment(window)
    dialog = _workbook_dialog(window)
    other = "ar" if language == "en" else "en"
    dialog.findChild(QRadioButton, f"assessment_language_{other}").setChecked(True)  # type: ignore[union-attr]
    typed = str(tmp_path / "no-such-folder" / "assessment.xlsx")
    dialog.path_edit.setText(typed)
    dialog.export_button().click()
    qtbot.waitUntil(lambda: any(box.isVisible() for box in dialog.findChildren(QMessageBox)))
    [box] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    reason = translate_in(language, "the folder does not exist")
    assert box.text() == translate_in(language, "The workbook could not be saved as {path}: {reason}").format(
        path=typed, reason=reason)
    box.close()
    assert dialog.isVisible() and dialog.language() == other and dialog.path_edit.text() == typed
    assert dialog.export_button().isEnabled()
    dialog.close()


def test_the_export_proposes_a_folder_that_exists_and_remembers_the_last(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"  # no Documents folder in it
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    _assessment(window)
    dialog = _workbook_dialog(window)
    proposed = Path(dialog.path_edit.text())
    assert proposed.parent == home / "Documents" and proposed.parent.is_dir()
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    dialog.path_edit.setText(str(elsewhere / "assessment.xlsx"))
    dialog.export_button().click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, QMessageBox), timeout=60_000)
    window.active_dialog.close()  # type: ignore[union-attr]
    again = _workbook_dialog(window)
    assert Path(again.path_edit.text()).parent == elsewhere  # the last folder used
    again.close()
    window.export_action.trigger()  # the brief's export proposes it too
    brief = window.active_dialog
    assert Path(brief.path_edit.text()).parent == elsewhere  # type: ignore[union-attr]
    brief.close()  # type: ignore[union-attr]


def test_duplicating_runs_in_the_background_with_its_name_in_the_status_bar(
    window: MainWindow, qtbot: QtBot, language: str, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = _assessment(window)
    window.service.assessments.save_answer(assessment_id, next(window.service.framework().questions()).id, AnswerDraft("level", 2))
    assessments = window.service.assessments
    monkeypatch.setattr(assessments, "duplicate_assessment", _held(gate, assessments.duplicate_assessment))
    window.duplicate_action.trigger()
    indicator = window.statusBar().findChild(JobIndicator)
    assert isinstance(indicator, JobIndicator) and indicator.isVisible()
    assert indicator.label.text() == translate_in(language, "Duplicating the assessment…")
    assert not indicator.cancel_button.isVisible()  # a half-made copy is no state to stop in
    assert not window.duplicate_action.isEnabled()
    window.duplicate_action.trigger()  # a second click starts nothing
    window.table.clearSelection()
    window.select_assessment(assessment_id)  # the window enabling its actions for a selection keeps this one off
    assert not window.duplicate_action.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    qtbot.waitUntil(lambda: window.duplicate_action.isEnabled())
    assert len(window.service.assessments.list_assessments()) == 2  # one copy, not two
    assert not any(label.isVisible() for label in window.statusBar().findChildren(QLabel, "job_name"))


def test_the_sample_is_created_in_the_background(window: MainWindow, qtbot: QtBot, language: str) -> None:
    seen: list[bool] = []
    QTimer.singleShot(0, lambda: seen.append(not window.sample_action.isEnabled() and window.statusBar().findChild(JobIndicator) is not None))
    window.sample_action.trigger()
    assert seen == [True]  # the event loop ran while the sample was made, its action off
    assert window.sample_action.isEnabled()
    assert window.assessment_page.isVisible()  # opened
    assert not [button for button in window.statusBar().findChildren(QPushButton, "job_cancel_button") if button.isVisible()]
