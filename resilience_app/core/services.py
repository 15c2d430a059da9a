"""The composition root: the one door the GUI and the command line open into the core.

It makes the shared `CoreContext` (data folder, database, content, backups, evidence folder), wires the
features over it and owns what spans them: opening and closing the data folder, restoring a backup,
and exporting the brief (PDF and Word) and the whole assessment (Excel). The features are reached as attributes:

- `assessments`: details, answers, evidence and the profile (`core.assessment`);
- `register`: shocks and stresses, links, ranks, actions and discovery areas (`core.register`);
- `next_steps`: the assessment's next steps after the Preliminary Resilience Assessment (`core.register`);
- `contributions`: contributors, their assigned questions, department workbooks out and back, and settling
  where their answers disagree (`core.contributions`);
- `workshops`: workshops, participants, exercises and the room's results (`core.workshop`);
- `rounds`: the rounds of a city's assessment over time, follow-ups and their comparison (`core.rounds`).

The features never import this module; an import-linter layers contract keeps it so.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_app.core.assessment.service import AssessmentService
from resilience_app.core.content import Content
from resilience_app.core.content.model import Framework
from resilience_app.core.context import CoreContext
from resilience_app.core.contributions.service import ContributionService
from resilience_app.core.paths import OWN_FOLDER_MARKER, AppPaths
from resilience_app.core.register.next_steps_service import NextStepService
from resilience_app.core.register.service import RegisterService, copy_register
from resilience_app.core.rounds.service import RoundService
from resilience_app.core.storage.backup_service import BackupService
from resilience_app.core.storage.backups import Backup
from resilience_app.core.storage.database import Database
from resilience_app.core.storage.errors import missing_database_error
from resilience_app.core.storage.evidence_files import EvidenceFolder
from resilience_app.core.storage.folder_lock import LOCK_FILE_NAME, DataLock
from resilience_app.core.storage.leftovers import remove_leftovers
from resilience_app.core.storage.own_files import is_own_file
from resilience_app.core.temporary_files import RECORDS_DIR_NAME
from resilience_app.core.workshop.service import WorkshopService, forget_item

if TYPE_CHECKING:
    from resilience_app.core.brief.docx.export import WordExportResult
    from resilience_app.core.brief.export import ExportResult
    from resilience_app.core.brief.withheld import Withheld
    from resilience_app.core.spreadsheet.export import WorkbookResult

_log = logging.getLogger("resilience_app.services")


class ResilienceService:
    """The features of the app over one data folder, one database and one content set."""

    def __init__(self, paths: AppPaths, *, database_url: str | None = None, content_paths: Sequence[Path] | None = None) -> None:
        self.context = CoreContext(paths, database_url=database_url, content_paths=content_paths)
        self._lock: DataLock | None = None

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        database_url: str | None = None,
        content_paths: Sequence[Path] | None = None,
        start_empty: bool = False,
    ) -> ResilienceService:
        """Create the folders, lock the data folder and the database file, check and back up the database, migrate.

        `UserFacingError` with code "already-open" when another copy of the app has the
        folder or the database, "database-corrupt" when the database is damaged,
        "database-missing" when it is gone or empty while its backups or evidence show it
        held assessments (unless `start_empty`: the user chose to begin again), and
        "database-foreign" or "database-newer" for a file this version must not change.
        """
        paths.ensure_writable()
        service = cls(paths, database_url=database_url, content_paths=content_paths)
        lock = DataLock(paths.data_dir, service.database.file)
        lock.acquire()
        try:
            if not start_empty:
                service._refuse_a_vanished_database()
            service.database.open(backups_dir=paths.backups_dir)
            remove_leftovers(paths, service.database)  # what a killed run left, now that no other process can be writing it
            service.assessments.collect_unnamed_evidence()
        except BaseException:
            service.database.dispose()
            lock.release()
            raise
        service._lock = lock
        return service

    def _refuse_a_vanished_database(self) -> None:
        """A database file that is gone or empty is new only when nothing says it held assessments."""
        file = self.database.file
        if file is None or (file.exists() and file.stat().st_size > 0):
            return
        with_data = [backup for backup in self.backups.list() if backup.assessments]
        if with_data or self.evidence_files.kept_files():
            raise missing_database_error(self.database.location, has_backups=bool(with_data))

    def close(self) -> None:
        self.database.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def restore_backup(self, backup: Backup) -> Backup:
        """Put a backup in place of the open database and open it again (migrated if it is older)."""
        self.database.dispose()
        try:
            self.backups.restore(backup)
        finally:
            self.database.open(backups_dir=None)  # the restored copy is itself a backup
        self.assessments.collect_unnamed_evidence()
        _log.info("Restored the database from %s", backup.path.name)
        return backup

    # -- the shared context, as the GUI and the command line use it ---------------------------

    @property
    def paths(self) -> AppPaths:
        return self.context.paths

    @property
    def database(self) -> Database:
        return self.context.database

    @property
    def backups(self) -> BackupService:
        return self.context.backups

    @property
    def evidence_files(self) -> EvidenceFolder:
        return self.context.evidence_files

    @property
    def content(self) -> Content:
        """The validated content (`context.ContentInvalidError` when a file has an error)."""
        return self.context.content

    def framework(self, framework_id: str | None = None) -> Framework:
        return self.context.framework(framework_id)

    # -- the features -----------------------------------------------------------------------------

    @cached_property
    def register(self) -> RegisterService:
        """Shocks and stresses, their interconnections and ranks, actions and discovery areas."""
        return RegisterService(self.context, item_removers=(forget_item,))

    @cached_property
    def next_steps(self) -> NextStepService:
        """What is to be done after the Preliminary Resilience Assessment, by whom and by when."""
        return NextStepService(self.context)

    @cached_property
    def assessments(self) -> AssessmentService:
        """Assessments: details, answers, evidence and the profile; a duplicate takes the register (and next steps) along."""
        return AssessmentService(self.context, copiers=(copy_register,))

    @cached_property
    def rounds(self) -> RoundService:
        """Rounds of a city's assessment over time: follow-ups (carrying answers and the register over) and comparisons."""
        return RoundService(self.context, assessments=self.assessments, register_copier=copy_register)

    @cached_property
    def contributions(self) -> ContributionService:
        """Contributors, their assigned questions and workbooks, their answers, and settling disagreements."""
        return ContributionService(self.context, is_own_file=self.is_own_file)

    @cached_property
    def workshops(self) -> WorkshopService:
        """Workshops: participants and representation, exercises, and what the room said."""
        return WorkshopService(self.context)

    # -- the brief and the workbook -----------------------------------------------------------------

    def export_brief(
        self,
        assessment_id: int,
        *,
        language: str,
        path: Path,
        sections: Iterable[str] | None = None,
        document: str = "brief",
        today: dt.date | None = None,
        include_sensitive: bool = False,
    ) -> ExportResult:
        """Write the strategy-workshop brief ("brief") or the Preliminary Resilience Assessment ("pra") of an
        assessment as a PDF (see `brief.export`), with `sections` (by default the document's own).

        Content marked sensitive stays out unless `include_sensitive` (see `brief.withholding`).
        """
        from resilience_app.core.brief.export import export_brief  # ReportLab loads only when a brief is made

        return export_brief(
            self.context, assessment_id, language=language, path=path, is_own_file=self.is_own_file,
            sections=sections, document=document, today=today, include_sensitive=include_sensitive,
        )

    def export_brief_docx(
        self,
        assessment_id: int,
        *,
        language: str,
        path: Path,
        sections: Iterable[str] | None = None,
        document: str = "brief",
        today: dt.date | None = None,
        include_sensitive: bool = False,
    ) -> WordExportResult:
        """Write the workshop brief ("brief") or the Preliminary Resilience Assessment ("pra") of an assessment as an
        editable Word document (see `brief.docx.export`).

        The same document as the PDF, with the same sections and the same content withheld unless `include_sensitive`.
        """
        from resilience_app.core.brief.docx.export import export_brief_docx  # python-docx loads only when a Word document is made

        return export_brief_docx(
            self.context, assessment_id, language=language, path=path, is_own_file=self.is_own_file,
            sections=sections, document=document, today=today, include_sensitive=include_sensitive,
        )

    def export_xlsx(
        self,
        assessment_id: int,
        *,
        language: str,
        path: Path,
        include_sensitive: bool = False,
        today: dt.date | None = None,
    ) -> WorkbookResult:
        """Write the whole assessment as one Excel workbook for analysis (see `spreadsheet.export`).

        Content marked sensitive stays out unless `include_sensitive`, as in the brief.
        """
        from resilience_app.core.spreadsheet.export import export_workbook  # openpyxl loads only when a workbook is made

        return export_workbook(
            self.context, assessment_id, language=language, path=path, is_own_file=self.is_own_file,
            include_sensitive=include_sensitive, today=today,
        )

    def sensitive_content(self, assessment_id: int) -> Withheld:
        """What a brief (or the Excel workbook) of the assessment would leave out unless sensitive content is included."""
        from resilience_app.core.brief.data import withheld_of

        return withheld_of(self.context, assessment_id)

    def is_own_file(self, target: Path) -> bool:
        """True when `target` is the database, its log or lock, the data folder's marker, or inside the backups, evidence,
        cache, settings or logs, or the records of files being written (which the next start clears)."""
        paths = self.paths
        folders = (paths.backups_dir, paths.evidence_dir, paths.cache_dir, paths.config_dir, paths.log_dir, paths.data_dir / RECORDS_DIR_NAME)
        files = (paths.data_dir / LOCK_FILE_NAME, paths.data_dir / OWN_FOLDER_MARKER)
        return is_own_file(target, database_file=self.database.file, folders=folders, files=files)
