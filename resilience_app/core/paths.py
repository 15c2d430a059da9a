"""Every place the app writes to, derived from one root so `--data-dir` redirects them all.

The app tightens to owner-only only what is its own: the folders it creates, and a folder
recognisably its own (holding its database or the marker it leaves in each data folder it
creates). A folder that others may enter and that is not the app's is left as it is; the
data go into a private folder the app creates inside it (`PRIVATE_FOLDER_NAME`).
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import os
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.i18n import _, isolate

APP_NAME = "resilience-app"
DATABASE_FILE_NAME = "resilience.sqlite3"
OWN_FOLDER_MARKER = ".resilience-app-folder"  # written in each data folder the app creates
PRIVATE_FOLDER_NAME = "resilience-app-data"  # the app's own folder inside a shared one
_MARKER_TEXT = b"This folder was created by resilience-app to keep its data; it may tighten its permissions.\n"
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})  # the folder is there but cannot take changes

_log = logging.getLogger("resilience_app.storage")


def is_own_folder(folder: Path) -> bool:
    """Whether `folder` is recognisably the app's: it holds the app's database or the app's marker."""
    return (folder / DATABASE_FILE_NAME).exists() or (folder / OWN_FOLDER_MARKER).exists()


def _open_to_others(folder: Path) -> bool:
    return bool(stat.S_IMODE(folder.stat().st_mode) & 0o077)


def data_folder_for(root: Path) -> Path:
    """Where the data of `--data-dir root` live: `root` itself, or a private folder inside it when
    `root` exists, is not the app's and is open to others (a shared folder, `/tmp`, a home)."""
    if os.name != "posix":
        return root
    private = root / PRIVATE_FOLDER_NAME
    try:
        if is_own_folder(root):
            return root
        if is_own_folder(private):  # chosen before, e.g. while `root` was shared
            return private
        if root.is_dir() and _open_to_others(root):
            return private
    except OSError:  # cannot be looked into: `ensure_writable` explains
        pass
    return root


@dataclass(frozen=True)
class AppPaths:
    """The folders of one installation: data (database, evidence, backups), config, logs.

    `named_for_the_app`: the per-user folders, the app's by their very names.
    `tighten_existing`: False for the commands that only read, which never change the
    permissions of anything that exists. `shared_folder`: the folder given with
    `--data-dir` when it was shared and the data are kept in a private folder inside it.
    """

    data_dir: Path
    config_dir: Path
    log_dir: Path
    named_for_the_app: bool = False
    tighten_existing: bool = True
    shared_folder: Path | None = None

    @classmethod
    def for_user(cls) -> AppPaths:
        """The per-user folders the operating system recommends."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            named_for_the_app=True,
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (the `--data-dir` option; tests use it), see `data_folder_for`."""
        root = root.expanduser().resolve()
        data_dir = data_folder_for(root)
        return cls(
            data_dir=data_dir, config_dir=data_dir / "config", log_dir=data_dir / "logs",
            shared_folder=root if data_dir != root else None,
        )

    def for_reading(self) -> AppPaths:
        """The same folders for a command that only reads: existing permissions are left alone."""
        return dataclasses.replace(self, tighten_existing=False)

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

    def ensure_writable(self) -> str:
        """Create the folders (owner-only on POSIX) and try writing in each.

        `UserFacingError` ("data-dir-unwritable") when a folder cannot be created or written
        for any other reason than the ones below. A folder that is there but is on a full
        disk or read-only media is opened all the same, to read and export elsewhere: the
        return value says why it cannot take changes (else "").
        """
        if self.shared_folder is not None:
            _log.info("Keeping the data in %s: %s is open to others and not the app's own folder", self.data_dir, self.shared_folder)
        problem = ""
        own = self.named_for_the_app
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            try:
                created = _make_folder(folder)
                if folder == self.data_dir:
                    if created:
                        _mark_as_own(folder)
                    self._refuse_a_private_folder_of_another_user(folder)
                    own = own or is_own_folder(folder)
                if os.name == "posix" and (created or (own and self.tighten_existing)):
                    _tighten(folder)  # one made by an older version, or opened by hand, becomes owner-only again
                _probe(folder)
            except OSError as error:
                if error.errno in _NO_ROOM and folder.is_dir():
                    problem = problem or _no_room_problem(folder, error)
                    _log.warning("%s can be read but not written: %s", folder, error)
                    continue
                raise user_error(ErrorCode.DATA_DIR_UNWRITABLE, folder=isolate(str(folder))) from error
        if os.name == "posix":
            os.umask(0o077)
        return problem

    def _refuse_a_private_folder_of_another_user(self, folder: Path) -> None:
        """A private folder inside a shared one that someone else made could be read by them."""
        if self.shared_folder is None or os.name != "posix" or folder.stat().st_uid == os.geteuid():
            return
        raise user_error(ErrorCode.DATA_DIR_NOT_PRIVATE, folder=isolate(str(folder)))


def _make_folder(folder: Path) -> bool:
    """Create `folder` owner-only if it is not there; whether it was created now."""
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return not existed


def _mark_as_own(folder: Path) -> None:
    try:
        handle = os.open(folder / OWN_FOLDER_MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another copy starting at the same moment made it
        return
    try:
        os.write(handle, _MARKER_TEXT)
    finally:
        os.close(handle)


def _tighten(folder: Path) -> None:
    try:
        folder.chmod(0o700)
    except OSError as error:
        if error.errno != errno.EROFS:  # on read-only media nothing can change, and nothing is written either
            raise


def _probe(folder: Path) -> None:
    """Write a few bytes in `folder` under a name no other copy of the app uses at the same time."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".write-test-")
    try:
        os.write(handle, b"probe")  # a byte to write, so a full disk is told, not only a folder closed
    finally:
        os.close(handle)
        with suppress(OSError):
            os.unlink(name)


def _no_room_problem(folder: Path, error: OSError) -> str:
    if error.errno == errno.EROFS:
        return _("The folder {folder} is on read-only media: the assessments can be read and exported elsewhere, not changed.").format(
            folder=isolate(str(folder))
        )
    return _("The disk holding {folder} is full: the assessments can be read and exported elsewhere, not changed.").format(
        folder=isolate(str(folder))
    )
