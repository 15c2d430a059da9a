"""Asking before something is removed for good (the register has no undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from resilience_app.core.i18n import _


def ask_to_remove(parent: QWidget, title: str, question: str, remove: Callable[[], None], *, name: str) -> QMessageBox:
    """A non-blocking Remove/Keep question; `remove` runs only on Remove. Keep is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName(name)
    box.button(QMessageBox.StandardButton.Yes).setText(_("Remove"))
    box.button(QMessageBox.StandardButton.No).setText(_("Keep"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.accepted.connect(remove)
    box.open()
    return box
