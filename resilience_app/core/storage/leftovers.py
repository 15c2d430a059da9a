"""What a killed run left behind, removed at the next start.

A run that is killed cannot tidy up after itself: the partial copy of an evidence file,
the copy of a backup being restored beside the database, the temporary file of a brief
being exported into the user's folder, an unfinished sample assessment. The next
start removes them, once it holds the folder's lock (so no other process can be
writing them). A temporary file outside the data folder is
removed only when the data folder recorded it (`temporary_files`): the app never
deletes a file it did not create.
"""

from __future__ import annotations

import logging
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select

from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import N_, translate_in
from resilience_app.core.paths import AppPaths
from resilience_app.core.storage.database import Database
from resilience_app.core.storage.models import AssessmentRow
from resilience_app.core.temporary_files import remove_recorded

_log = logging.getLogger("resilience_app.storage")

RESTORING_SUFFIX = ".restoring"  # `backups.restore_copy`'s copy beside the database
EVIDENCE_PARTIAL_PATTERN = "assessment-*/.*.partial"  # `EvidenceFolder.store`'s copy before its rename
# An assessment whose making has not finished (the sample, built in many steps) carries this mark
# in its name until its last step, so it is never listed as finished; one left by a killed run is removed.
UNFINISHED_MARK = N_("{name} (being made)")

_being_made: set[tuple[str, int]] = set()  # (database, assessment id) of what this process is making now
_being_made_guard = threading.Lock()


def unfinished_name(name: str, language: str) -> str:
    return translate_in(language, UNFINISHED_MARK).format(name=name)


@contextmanager
def being_made(database: Database, assessment_id: int) -> Iterator[None]:
    """While this process makes the assessment: a start in this process (a second opening) leaves it alone."""
    key = (database.location, assessment_id)
    with _being_made_guard:
        _being_made.add(key)
    try:
        yield
    finally:
        with _being_made_guard:
            _being_made.discard(key)


def remove_leftovers(paths: AppPaths, database: Database) -> None:
    """Remove what a killed run left in `paths` and `database`; never fails the start (logged).

    Called with the folder's lock held, so no other process is writing any of it. What
    this process itself has under way (a second opening of the folder, by a window and a
    command it runs) is left alone: its recorded temporary files and the assessment it is
    making. An evidence copy or a restore running in another thread of this same process
    at that moment would fail plainly, the database and evidence as they were.
    """
    removed = remove_recorded(paths.data_dir)
    if database.file is not None:
        removed += _remove_file(database.file.with_name(database.file.name + RESTORING_SUFFIX))
    if paths.evidence_dir.is_dir():
        removed += sum(_remove_file(partial) for partial in paths.evidence_dir.glob(EVIDENCE_PARTIAL_PATTERN))
    removed += _remove_unfinished_assessments(database)
    if removed:
        _log.info("Removed %s files or unfinished assessments a killed run left behind", removed)


def _remove_file(path: Path) -> int:
    """Remove `path` if it is a regular file (never a link's target, never a folder); 1 when removed."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return 0
        path.unlink()
    except OSError:
        return 0
    return 1


def _remove_unfinished_assessments(database: Database) -> int:
    suffix = unfinished_name("", "en")
    unfinished = (AssessmentRow.is_sample.is_(True)) & AssessmentRow.city_name_en.endswith(suffix, autoescape=True)
    try:
        with database.session() as session:
            with _being_made_guard:
                ours = {assessment_id for location, assessment_id in _being_made if location == database.location}
            ids = [assessment_id for assessment_id in session.scalars(select(AssessmentRow.id).where(unfinished)) if assessment_id not in ours]
            if ids:
                session.execute(delete(AssessmentRow).where(AssessmentRow.id.in_(ids)))
    except UserFacingError as error:  # read-only media, a full disk: it stays until a start that can remove it
        _log.warning("An unfinished assessment could not be removed: %s", error.message)
        return 0
    return len(ids)
