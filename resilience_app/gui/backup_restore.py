"""Backups as the main window offers them: putting one back in place of every assessment, and the
warning after a start whose backup could not be written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from resilience_app.core.i18n import _, isolate
from resilience_app.core.storage.backup_service import taken_at_text
from resilience_app.gui.background_job import start_job
from resilience_app.gui.backups_dialog import BackupsDialog
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.operations import Change

if TYPE_CHECKING:
    from resilience_app.gui.main_window import MainWindow


def restore_from_backup(window: MainWindow) -> None:
    """Put a backup in place of every assessment; the current state is backed up first."""
    dialog = BackupsDialog(
        window,
        window.service.backups.list(),
        title=_("Restore from backup"),
        explanation=_(
            "Choose the copy to put back in place of all the assessments as they are now. "
            "They are kept as a backup first (“Before a restore”), so you can undo this by restoring that copy."
        ),
    )

    def restore() -> None:
        backup = dialog.chosen()
        if backup is None:
            return
        window.show_list()
        for stack in window.undo_group.stacks():
            stack.clear()  # their steps belong to the data being replaced

        def done(_restored: object) -> None:
            window.bus.changed.emit(Change.EVERYTHING)
            window.statusBar().showMessage(_("Restored the backup of {moment}.").format(moment=taken_at_text(backup)), 10_000)

        # Off the GUI thread, the window repainting; its pages, menus and toolbar off meanwhile, since the database is
        # closed and replaced under them (not cancellable: a half-restored database is no state to stop in).
        start_job(window, _("Restoring the backup…"), lambda: window.service.restore_backup(backup), key="restore", on_done=done,
                  holds=(window.restore_action, window.pages, window.menuBar(), window.toolbar))

    dialog.accepted.connect(restore)
    open_tracked(window, dialog)


def warn_about_backup_problem(window: MainWindow) -> None:
    """Tell once, after start-up, that the start-up backup could not be written."""
    if not window.service.database.backup_problem:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("No backup today"),
        _("The backup taken at start-up could not be written to {folder}.").format(folder=isolate(str(window.service.paths.backups_dir))),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("backup_problem_dialog")
    box.setInformativeText(_("Your work is saved as usual. Free some space on the disk, or check that it is not read-only, so the next backup can be taken."))
    open_tracked(window, box)
