"""How failures reach the user: plain dialogs for expected ones, a crash dialog for bugs."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _, isolate

_log = logging.getLogger("resilience_app.gui")


def show_user_error(parent: QWidget | None, error: UserFacingError) -> QMessageBox:
    """A warning with the message and what to do about it; returned so callers and tests can see it."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Resilience app"), error.message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("user_error_dialog")
    if error.hint:
        box.setInformativeText(error.hint)
    if parent is None:
        box.exec()
    else:
        box.open()
    return box


def install_crash_handler(log_file: Path) -> None:
    """Unexpected exceptions are logged with their traceback and reported with the log's location."""

    def handle(kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        if isinstance(value, UserFacingError):
            show_user_error(None, value)
            return
        _log.critical("Unexpected error", exc_info=(kind, value, traceback))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _("Something went wrong"),
            _("Something unexpected went wrong. Your saved work is safe."),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("crash_dialog")
        box.setInformativeText(
            _("The details are in the log file: {path}. Please send it to your support contact.").format(path=isolate(str(log_file)))
        )
        box.exec()

    sys.excepthook = handle
