"""Every place the app writes to, derived from one root so `--data-dir` redirects them all."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _, isolate

APP_NAME = "resilience-app"
DATABASE_FILE_NAME = "resilience.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """The folders of one installation: data (database, evidence, backups), config, logs."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The per-user folders the operating system recommends."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (the `--data-dir` option; tests use it)."""
        root = root.expanduser().resolve()
        return cls(data_dir=root, config_dir=root / "config", log_dir=root / "logs")

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def cache_dir(self) -> Path:
        """What the app can rebuild from its own files (the content snapshot): safe to delete."""
        return self.data_dir / "cache"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "resilience-app.log"

    def default_database_url(self) -> str:
        return f"sqlite:///{self.database_file}"

    def ensure_writable(self) -> None:
        """Create the folders (owner-only on POSIX); a clear error when one cannot be written."""
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                if os.name == "posix":
                    folder.chmod(0o700)  # a folder made by an older version, or by hand, becomes owner-only too
                probe = folder / ".write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as error:
                raise UserFacingError(
                    _("The folder {folder} cannot be written to.").format(folder=isolate(str(folder))),
                    hint=_("Choose another folder with --data-dir, or check its permissions and free space."),
                    code="data-dir-unwritable",
                ) from error
        if os.name == "posix":
            os.umask(0o077)
