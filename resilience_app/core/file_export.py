"""Writing an export into the user's folder safely: a finished file or none at all.

Shared by the brief (PDF) and the workbook (Excel). The file is written to a temporary file beside
the target and moved into place only when complete, so a full disk or a crash never leaves half a
file behind, and an existing file of the same name is replaced only by a whole new one. The app's
own files (database, backups, evidence, settings) are never written over.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from resilience_app.core.cancellation import raise_if_cancelled
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _
from resilience_app.core.temporary_files import discard_temporary_file, new_temporary_file

_log = logging.getLogger("resilience_app.export")

Unwritable = Callable[[Path, str], UserFacingError]  # the export's own error for a target and the reason it failed


def proposed_export_folder(last: str | Path | None = None) -> Path:
    """Where an export proposes to save: the folder of the last export if it still exists, else the user's documents
    folder (created if missing, where its parent exists), else the home folder. Never a folder that is not there."""
    try:
        if last and Path(last).expanduser().is_dir():
            return Path(last).expanduser()
    except (OSError, RuntimeError, ValueError) as error:  # an unknown ~user, a name too long, a share gone: propose another
        _log.info("The last export folder %r cannot be used: %s", last, error)
    documents = Path(platformdirs.user_documents_dir()).expanduser()
    try:
        if not documents.is_dir() and documents.parent.is_dir():
            documents.mkdir()
    except OSError as error:  # read-only home, a file of that name: the home folder it is
        _log.info("Could not create the documents folder %s: %s", documents, error)
    return documents if documents.is_dir() else Path.home()


def export_target(path: Path, *, is_own_file: Callable[[Path], bool], unwritable: Unwritable) -> Path:
    """The absolute file an export writes for `path`, or the export's error saying why it cannot be written there."""
    target = path.expanduser().absolute()
    try:
        reason = _refusal(target, is_own_file)
    except (OSError, ValueError):  # a name the system refuses: too long, or holding a NUL
        reason = _("the system cannot use this file name (too long, or holding a character it refuses)")
    if reason:
        raise unwritable(target, reason)
    return target


def _refusal(target: Path, is_own_file: Callable[[Path], bool]) -> str:
    if target.is_symlink():
        return _("that is a link to another file: choose the file itself")
    if target.is_dir():
        return _("that is a folder")
    if target.exists() and not stat.S_ISREG(target.lstat().st_mode):  # a device, a pipe or a socket: never replaced by a file
        return _("that is not an ordinary file (a device or a pipe)")
    if not target.parent.is_dir():
        return _("the folder does not exist")
    if is_own_file(target):
        return _("that is one of the app's own files (its database, backups, evidence or settings)")
    return ""


@contextmanager
def writing_in_place(data_dir: Path, target: Path, *, prefix: str, suffix: str, unwritable: Unwritable) -> Iterator[Path]:
    """A temporary file beside `target` to write; moved onto `target` when the block ends without an error.

    The temporary file is recorded in the data folder while it exists, so the next start removes it if
    this run is killed before the end. An `OSError` becomes the export's `unwritable` error; nothing is left.
    A job cancelled meanwhile (`core.cancellation`) stops before the move: its file is discarded, the target untouched.
    """
    try:
        temporary = new_temporary_file(data_dir, target.parent, prefix=prefix, suffix=suffix)
    except OSError as error:
        raise unwritable(target, error.strerror or str(error)) from error
    try:
        yield temporary
        raise_if_cancelled()
        os.replace(temporary, target)
    except OSError as error:
        _log.warning("Export to %s failed: %s", target, error)
        raise unwritable(target, error.strerror or str(error)) from error
    finally:
        discard_temporary_file(data_dir, temporary)
