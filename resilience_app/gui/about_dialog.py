"""The About dialog: what the app is, its version, and where the user's data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from resilience_app import __version__
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import _, isolate
from resilience_app.core.paths import AppPaths


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, paths: AppPaths, database_location: str) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(_("About Resilience app"))
        self.setMinimumWidth(520)
        app_name = _("Resilience app")
        title = QLabel(f"<h2>{app_name}</h2>")
        version = QLabel(_("Version {version}").format(version=isolate(localise_digits(__version__))))
        purpose = QLabel(
            _(
                "Guides a city's Chief Resilience Officer through the City Resilience Framework and the "
                "catalogue of shocks and stresses, and prepares the strategy-workshop brief. "
                "It works fully offline: nothing leaves this computer."
            )
        )
        purpose.setWordWrap(True)
        where = QLabel(
            _("Database: {database}").format(database=isolate(database_location))
            + "\n"
            + _("Backups: {folder}").format(folder=isolate(str(paths.backups_dir)))
            + "\n"
            + _("Log file: {path}").format(path=isolate(str(paths.log_file)))
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(False)  # a path broken over two lines loses its direction in Arabic
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (title, version, purpose, where, buttons):
            layout.addWidget(widget)
