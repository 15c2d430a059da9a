"""Start the desktop app: Qt application, language, error handling, database, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from resilience_app.core import i18n
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.settings import Settings
from resilience_app.core.storage.backup_service import BackupService
from resilience_app.core.storage.folder_lock import DataLock
from resilience_app.gui.app_fonts import use_shipped_fonts
from resilience_app.gui.backups_dialog import FRESH_START, BackupsDialog
from resilience_app.gui.errors import install_crash_handler, show_user_error
from resilience_app.gui.language import LanguageController
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.paragraph_style import use_paragraph_style


def create_main_window(app: QApplication, paths: AppPaths, *, database_url: str | None = None, start_empty: bool = False) -> MainWindow:
    """Open the data and build the main window in the current language (raises UserFacingError)."""
    use_shipped_fonts(app)
    use_paragraph_style(app)
    settings = Settings(paths.settings_file)
    language = LanguageController(app, settings)
    language.apply(i18n.current_language(), remember=False)
    service = ResilienceService.open(paths, database_url=database_url, start_empty=start_empty)
    try:
        _ = service.content  # refuse to start on invalid content, with a clear message
        window = MainWindow(service, settings, language)  # reads the list: stored data that cannot be read is damage
    except BaseException:
        service.close()  # a restore offered next must find the database closed
        raise
    window.setWindowIcon(MainWindow.app_icon())
    return window


RECOVERABLE = (ErrorCode.DATABASE_CORRUPT, ErrorCode.DATABASE_MISSING)


def offer_recovery(paths: AppPaths, database_url: str | None, error: UserFacingError) -> str:
    """The database is damaged or gone: explain, and offer a backup or a fresh start.

    "restored" or "set-aside" to try opening again, "start-empty" to open an empty database
    (for one that is gone), "" to quit.
    """
    backups = BackupService.for_database(paths.backups_dir, database_url or paths.default_database_url())
    if not backups.available:
        show_user_error(None, error)
        return ""
    missing = error.code == ErrorCode.DATABASE_MISSING
    dialog = BackupsDialog.for_missing_database(backups.list(), error.message) if missing else BackupsDialog.for_damaged_database(
        backups.list(), error.message
    )
    outcome = dialog.exec()
    if outcome == QDialog.DialogCode.Rejected:
        return ""
    if outcome == FRESH_START and missing:
        return "start-empty"
    lock = DataLock(paths.data_dir, backups.database_file)
    try:
        lock.acquire()
        chosen = dialog.chosen()
        if outcome == FRESH_START:
            backups.set_damaged_aside()
            return "set-aside"
        if chosen is not None:
            backups.restore(chosen)
    except UserFacingError as failure:
        show_user_error(None, failure)
    finally:
        lock.release()
    return "restored"


def run_gui(paths: AppPaths, *, database_url: str | None = None, smoke_test: bool = False, start_empty: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("resilience-app")
    app.setApplicationDisplayName(i18n._("Resilience app"))
    install_crash_handler(paths.log_file)
    window = None
    while window is None:
        try:
            window = create_main_window(app, paths, database_url=database_url, start_empty=start_empty)
        except UserFacingError as error:
            if smoke_test:
                print(error, file=sys.stderr)
                return 2
            if error.code not in RECOVERABLE:
                show_user_error(None, error)
                return 2
            outcome = offer_recovery(paths, database_url, error)
            if not outcome:
                return 2
            start_empty = outcome == "start-empty"  # else restored or set aside: open again
    window.show()
    if not smoke_test:
        QTimer.singleShot(0, window.offer_sample)
        QTimer.singleShot(0, window.warn_about_backup_problem)
    if smoke_test:
        app.processEvents()
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
        app.exec()
        window.service.close()
        return 0
    code = app.exec()
    window.service.close()
    return int(code)
