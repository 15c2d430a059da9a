"""One app at a time on a data folder: an operating-system lock on a file inside it.

The lock is `filelock`'s (flock on POSIX, LockFileEx on Windows): the system drops it
when the process ends, even when killed, so there is no stale lock to clean up. It is
shared within one process (a window and its own services open the folder freely) and
refused to any other process, which is told plainly that the assessments are open.
"""

from __future__ import annotations

import logging
from pathlib import Path

import filelock

from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import isolate

_log = logging.getLogger("resilience_app.storage")
LOCK_FILE_NAME = "resilience.lock"


def already_open_error(folder: Path) -> UserFacingError:
    return user_error(ErrorCode.ALREADY_OPEN, folder=isolate(str(folder)))


class FolderLock:
    """Held from opening the data folder until `release`; `UserFacingError` when another process holds it."""

    def __init__(self, folder: Path, *, lock_file: Path | None = None) -> None:
        self.folder = folder
        self._lock = filelock.FileLock(
            lock_file or folder / LOCK_FILE_NAME, timeout=0, thread_local=False, is_singleton=True, fallback_to_soft=False
        )
        self._held = False


    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise already_open_error(self.folder) from None
        except (OSError, NotImplementedError) as error:  # a file system without locks: work on, unguarded
            _log.warning("Could not lock %s (%s); a second copy of the app would not be stopped", self.folder, error)
            return
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._lock.release()


class DataLock:
    """The data folder's lock and the database file's own, beside it: two data folders given the same
    `--database` are refused to each other as two apps on one folder are."""

    def __init__(self, data_dir: Path, database_file: Path | None) -> None:
        self._locks = [FolderLock(data_dir)]
        if database_file is not None:
            self._locks.append(FolderLock(database_file.parent, lock_file=database_file.with_name(database_file.name + ".lock")))

    def acquire(self) -> None:
        held: list[FolderLock] = []
        try:
            for lock in self._locks:
                lock.acquire()
                held.append(lock)
        except BaseException:
            for lock in reversed(held):
                lock.release()
            raise

    def release(self) -> None:
        for lock in reversed(self._locks):
            lock.release()
