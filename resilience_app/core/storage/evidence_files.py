"""Evidence files copied into each assessment's own folder, whole or not at all.

A file is first copied to a hidden partial name in the destination folder, flushed
to disk, then renamed into place; a failure at any point removes the partial copy,
so the folder never holds half a file. It is kept under the SHA-256 of its content
and a cleaned extension: the name a user gave it (kept in the database) never
becomes a path, so "../" or a device name in it can do no harm, and the same file
attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from pathlib import Path

from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _, isolate

_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def _extension(name: str) -> str:
    """The file's extension when it is a plain one (".pdf", ".xlsx"), else none."""
    suffix = Path(name).suffix.lower()
    return suffix if _EXTENSION.match(suffix) else ""


class EvidenceFolder:
    """The folder holding the attached files of every assessment."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder_for(self, assessment_id: int) -> Path:
        return self.root / f"assessment-{assessment_id}"

    def path_of(self, assessment_id: int, stored_name: str) -> Path:
        return self.folder_for(assessment_id) / stored_name

    def store(self, assessment_id: int, source: Path) -> tuple[str, bool]:
        """Copy `source` in; the name it is kept under, and False when that content was kept already."""
        folder = self.folder_for(assessment_id)
        partial = folder / f".{uuid.uuid4().hex}.partial"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with source.open("rb") as reader, partial.open("wb") as writer:
                while chunk := reader.read(1024 * 1024):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            stored_name = digest.hexdigest() + _extension(source.name)
            is_new = not (folder / stored_name).exists()
            if is_new:
                os.replace(partial, folder / stored_name)
            else:  # the same content, attached before: one copy serves every entry that names it
                partial.unlink()
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise UserFacingError(
                _("The file {name} could not be copied into the assessment's evidence folder.").format(name=isolate(source.name)),
                hint=_("Check that there is free space in {folder}, then try again.").format(folder=isolate(str(self.root))),
                code="evidence-copy-failed",
            ) from error
        return stored_name, is_new

    def remove(self, assessment_id: int, stored_name: str) -> None:
        """Remove a stored file (callers keep it while another evidence entry still names it)."""
        self.path_of(assessment_id, stored_name).unlink(missing_ok=True)

    def copy_between(self, from_assessment: int, to_assessment: int, stored_name: str) -> None:
        source = self.path_of(from_assessment, stored_name)
        if source.exists():
            target = self.folder_for(to_assessment)
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / stored_name)

    def remove_assessment(self, assessment_id: int) -> None:
        shutil.rmtree(self.folder_for(assessment_id), ignore_errors=True)
