"""Choosing a backup to restore: from the menu, or at start-up when the database is damaged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from resilience_app.core.i18n import _
from resilience_app.core.storage.backup_service import describe
from resilience_app.core.storage.backups import Backup

FRESH_START = 2  # the dialog's result when the user sets a damaged database aside instead


def _newest_with_data(backups: list[Backup]) -> int:
    """The row of the newest backup that holds assessments (the newest of all when none does)."""
    return next((row for row, backup in enumerate(backups) if backup.assessments), 0)


class BackupsDialog(QDialog):
    """The backups, newest first; `chosen()` after it is accepted."""

    def __init__(
        self, parent: QWidget | None, backups: list[Backup], *, title: str, explanation: str, fresh_start_label: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._backups = backups
        layout = QVBoxLayout(self)
        message = QLabel(explanation)
        message.setWordWrap(True)
        message.setObjectName("backups_explanation")
        layout.addWidget(message)
        self.list = QListWidget()
        self.list.setObjectName("backups_list")
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setToolTip(backup.path.name)
            self.list.addItem(item)
        self.empty = QLabel(_("There are no backups yet: one is taken each time the app starts."))
        self.empty.setObjectName("backups_empty")
        layout.addWidget(self.list if backups else self.empty)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(_("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.fresh_button: QPushButton | None = None
        offer_fresh_start = bool(fresh_start_label)
        if offer_fresh_start:
            self.fresh_button = buttons.addButton(fresh_start_label, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.fresh_button.setObjectName("fresh_start_button")
            self.fresh_button.clicked.connect(lambda: self.done(FRESH_START))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Quit") if offer_fresh_start else _("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row >= 0))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if backups:
            self.list.setCurrentRow(_newest_with_data(backups))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def for_damaged_database(cls, backups: list[Backup], problem: str) -> BackupsDialog:
        """Shown at start-up when the database is damaged: `problem` says so, the backups are the way out."""
        explanation = problem + "\n\n" + _(
            "Choose a backup to put in its place: the newest is usually best. The damaged file is kept beside it, "
            "renamed, so nothing is deleted. Answers saved after the backup was taken are not in it."
        )
        return cls(
            None, backups, title=_("The database is damaged"), explanation=explanation,
            fresh_start_label=_("Set the damaged file aside and start afresh"),
        )

    @classmethod
    def for_missing_database(cls, backups: list[Backup], problem: str) -> BackupsDialog:
        """Shown at start-up when the database is gone or empty although this folder held assessments."""
        explanation = problem + "\n\n" + _(
            "If you know where the file went, quit and put it back. Otherwise choose a backup to restore: "
            "the newest one that holds assessments is selected. Answers saved after it was taken are not in it."
        )
        return cls(
            None, backups, title=_("The database is missing"), explanation=explanation,
            fresh_start_label=_("Start with an empty database"),
        )

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None
