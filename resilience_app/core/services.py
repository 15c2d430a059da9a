"""The use cases the GUI and the command line call: the one door into the core.

Each method opens its own database session (one unit of work per user action),
returns frozen values, and raises `UserFacingError` for failures a user can act on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_app.core import resources
from resilience_app.core.answer_rules import clean_answer
from resilience_app.core.assessment_rules import clean_details
from resilience_app.core.backup_service import BackupService
from resilience_app.core.content import Content, ContentLoadResult, load_content
from resilience_app.core.content.model import Framework, Question
from resilience_app.core.content.snapshot import CONTENT_SNAPSHOT_FILE_NAME, load_content_via_snapshot
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.evidence_rules import MAX_FILE_BYTES, clean_evidence, refusal_message
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _, ngettext, translate_in
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.service import RegisterService, copy_register
from resilience_app.core.scoring import AnswerValue, ResilienceProfile, build_profile
from resilience_app.core.storage.answer_repository import AnswerRepository
from resilience_app.core.storage.backups import Backup, evidence_named_in
from resilience_app.core.storage.database import Database
from resilience_app.core.storage.errors import missing_database_error
from resilience_app.core.storage.evidence_files import EvidenceFolder, FileRefused, StoredFile
from resilience_app.core.storage.evidence_repository import EvidenceNotFound, EvidenceRepository
from resilience_app.core.storage.folder_lock import LOCK_FILE_NAME, DataLock
from resilience_app.core.storage.leftovers import remove_leftovers
from resilience_app.core.storage.own_files import is_own_file
from resilience_app.core.storage.records import (
    AnswerChange,
    AnswerDraft,
    AnswerRecord,
    AssessmentDetails,
    AssessmentRecord,
    EvidenceDraft,
    EvidenceRecord,
)
from resilience_app.core.storage.repositories import AssessmentNotFound, AssessmentRepository
from resilience_app.core.workshop.service import WorkshopService

if TYPE_CHECKING:
    from resilience_app.core.brief.export import ExportResult
    from resilience_app.core.brief.withheld import Withheld

_log = logging.getLogger("resilience_app.services")


@dataclass(frozen=True)
class AssessmentSummary:
    """One row of the list of assessments."""

    record: AssessmentRecord
    answered: int
    total_questions: int

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def progress(self) -> float:
        """Answered questions as a fraction of the framework's questions (0 when it has none)."""
        return self.answered / self.total_questions if self.total_questions else 0.0

    def city_names(self) -> dict[str, str]:
        return {language: self.record.city_name(language) for language in SUPPORTED_LANGUAGES}


class ContentInvalidError(UserFacingError):
    def __init__(self, result: ContentLoadResult) -> None:
        errors = result.errors
        first = errors[0].format() if errors else ""
        super().__init__(
            ngettext("The content files have {count} error.", "The content files have {count} errors.", len(errors)).format(count=len(errors))
            + "\n" + first,
            hint=_("Run “resilience-app validate-content” to see every problem, then correct the files."),
            code="content-invalid",
        )
        self.result = result


def _not_found(assessment_id: int) -> UserFacingError:
    return UserFacingError(
        _("Assessment {id} does not exist (it may have been deleted).").format(id=assessment_id),
        hint=_("Run “resilience-app list” to see the assessments there are."),
        code="assessment-not-found",
    )


COPY_NAME = N_("{name} (copy)")


def _copy_name(name: str, language: str) -> str:
    return translate_in(language, COPY_NAME).format(name=name) if name else ""


class ResilienceService:
    """Everything a user does with their assessments, over one database and one content set."""

    def __init__(self, paths: AppPaths, *, database_url: str | None = None, content_paths: Sequence[Path] | None = None) -> None:
        self.paths = paths
        self._content_paths = list(content_paths) if content_paths else [resources.forms_dir()]
        self.database = Database(database_url or paths.default_database_url())
        self.evidence_files = EvidenceFolder(paths.evidence_dir)
        self.backups = BackupService(paths.backups_dir, self.database.file)
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
            service._collect_unnamed_evidence()
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

    def _collect_unnamed_evidence(self) -> None:
        """Remove the evidence files neither the database nor any backup names (`EvidenceFolder.keep_only`)."""
        if not self.evidence_files.kept_files():
            return
        with self.database.session() as session:
            named = EvidenceRepository(session).stored_files()
        for backup in self.backups.list():
            in_backup = evidence_named_in(backup.path)
            if in_backup is not None:  # an unreadable copy cannot be restored either
                named |= in_backup
        removed = self.evidence_files.keep_only(named)
        if removed:
            _log.info("Removed %s evidence files that no assessment or backup names", removed)

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
        self._collect_unnamed_evidence()
        _log.info("Restored the database from %s", backup.path.name)
        return backup

    @cached_property
    def register(self) -> RegisterService:
        """Shocks and stresses, their interconnections and ranks, actions and discovery areas."""
        return RegisterService(self)

    @cached_property
    def workshops(self) -> WorkshopService:
        """Workshops: participants and representation, exercises, and what the room said."""
        return WorkshopService(self)

    # -- content ------------------------------------------------------------

    def validate_content(self, paths: Sequence[Path] | None = None) -> ContentLoadResult:
        return load_content(paths or self._content_paths)

    @cached_property
    def content(self) -> Content:
        """The validated content; `ContentInvalidError` when any file has an error.

        Read from the snapshot in the cache folder when it matches the files byte for byte
        (parsing them all is most of a start-up), else parsed and, when valid, snapshotted.
        """
        result = load_content_via_snapshot(self._content_paths, self.paths.cache_dir / CONTENT_SNAPSHOT_FILE_NAME)
        if not result.ok:
            raise ContentInvalidError(result)
        return result.content

    def framework(self, framework_id: str | None = None) -> Framework:
        framework = self.content.framework(framework_id) if framework_id else self.content.default_framework
        if framework is None:
            raise UserFacingError(
                _("The framework “{id}” is not among the installed content.").format(id=framework_id or ""),
                hint=_("Install the content version this assessment was made with."),
                code="framework-missing",
            )
        return framework

    # -- assessments -----------------------------------------------------------

    def list_assessments(self) -> list[AssessmentSummary]:
        with self.database.session() as session:
            records = AssessmentRepository(session).list()
            answered = AnswerRepository(session).answered_question_ids()
        return [self._summary(record, answered.get(record.id, set())) for record in records]

    def _summary(self, record: AssessmentRecord, answered: set[str]) -> AssessmentSummary:
        framework = self.content.framework(record.framework_id)
        question_ids = framework.question_ids if framework else frozenset()
        # Answers to questions the framework no longer has do not count towards progress.
        return AssessmentSummary(record=record, answered=len(answered & question_ids), total_questions=len(question_ids))

    def get_assessment(self, assessment_id: int) -> AssessmentRecord:
        try:
            with self.database.session() as session:
                return AssessmentRepository(session).get(assessment_id)
        except AssessmentNotFound:
            raise _not_found(assessment_id) from None

    def create_assessment(self, details: AssessmentDetails, *, is_sample: bool = False) -> AssessmentRecord:
        cleaned = clean_details(details)
        framework = self.framework()
        with self.database.session() as session:
            record = AssessmentRepository(session).add(
                cleaned, framework_id=framework.id, framework_version=framework.version, is_sample=is_sample
            )
        _log.info("Created assessment %s", record.id)
        return record

    def update_details(self, assessment_id: int, details: AssessmentDetails) -> AssessmentRecord:
        cleaned = clean_details(details)
        try:
            with self.database.session() as session:
                return AssessmentRepository(session).update_details(assessment_id, cleaned)
        except AssessmentNotFound:
            raise _not_found(assessment_id) from None

    def rename_assessment(self, assessment_id: int, *, city_name_en: str, city_name_ar: str) -> AssessmentRecord:
        current = self.get_assessment(assessment_id)
        renamed = dataclasses.replace(current.details, city_name_en=city_name_en, city_name_ar=city_name_ar)
        return self.update_details(assessment_id, renamed)

    def duplicate_assessment(self, assessment_id: int) -> AssessmentRecord:
        """A new assessment with the same details, its names marked as a copy in each language."""
        original = self.get_assessment(assessment_id)
        details = original.details
        copy = dataclasses.replace(
            details,
            city_name_en=_copy_name(details.city_name_en, "en"),
            city_name_ar=_copy_name(details.city_name_ar, "ar"),
        )
        with self.database.session() as session:
            record = AssessmentRepository(session).add(
                copy, framework_id=original.framework_id, framework_version=original.framework_version, is_sample=original.is_sample
            )
            AnswerRepository(session).copy_all(assessment_id, record.id)
            copied = EvidenceRepository(session).copy_all(assessment_id, record.id)
            copy_register(session, assessment_id, record.id)
        for evidence in copied:
            if evidence.file_name:
                self.evidence_files.copy_between(assessment_id, record.id, evidence.file_name)
        _log.info("Duplicated assessment %s as %s", assessment_id, record.id)
        return record

    def delete_assessment(self, assessment_id: int) -> None:
        try:
            with self.database.session() as session:
                AssessmentRepository(session).delete(assessment_id)
        except AssessmentNotFound:
            raise _not_found(assessment_id) from None
        self._collect_unnamed_evidence()  # its files stay while a backup names them
        _log.info("Deleted assessment %s", assessment_id)

    # -- answers -------------------------------------------------------------------

    def _question(self, record: AssessmentRecord, question_id: str) -> Question:
        question = self.framework(record.framework_id).question(question_id)
        if question is None:
            raise UserFacingError(
                _("The question “{id}” is not part of this assessment's framework.").format(id=question_id),
                code="question-not-found",
            )
        return question

    def save_answer(self, assessment_id: int, question_id: str, draft: AnswerDraft, *, changed_by: str = "") -> AnswerRecord:
        """Validate and store one answer at once (autosave), keeping a history of what changed."""
        record = self.get_assessment(assessment_id)
        cleaned = clean_answer(self._question(record, question_id), draft)
        with self.database.session() as session:
            return AnswerRepository(session).save(assessment_id, question_id, cleaned, changed_by=changed_by or cleaned.answered_by)

    def clear_answer(self, assessment_id: int, question_id: str, *, changed_by: str = "") -> None:
        """Make a question unanswered again (undoing a first answer), keeping the history."""
        self._question(self.get_assessment(assessment_id), question_id)
        with self.database.session() as session:
            AnswerRepository(session).clear(assessment_id, question_id, changed_by=changed_by)

    def answers(self, assessment_id: int) -> dict[str, AnswerRecord]:
        self.get_assessment(assessment_id)
        return self._stored_answers(assessment_id)

    def _stored_answers(self, assessment_id: int) -> dict[str, AnswerRecord]:
        with self.database.session() as session:
            return AnswerRepository(session).for_assessment(assessment_id)

    def answer_history(self, assessment_id: int, question_id: str) -> list[AnswerChange]:
        with self.database.session() as session:
            return AnswerRepository(session).history(assessment_id, question_id)

    def profile(self, assessment_id: int) -> ResilienceProfile:
        """The resilience profile of an assessment: per goal, dimension and quality."""
        record = self.get_assessment(assessment_id)
        with self.database.session() as session:
            answers = AnswerRepository(session).for_assessment(assessment_id)
            evidenced = set(EvidenceRepository(session).for_assessment(assessment_id))
        return profile_of(self.framework(record.framework_id), answers, evidenced)

    # -- evidence --------------------------------------------------------------------

    def evidence(self, assessment_id: int) -> dict[str, list[EvidenceRecord]]:
        """Every question's evidence, oldest first."""
        with self.database.session() as session:
            return EvidenceRepository(session).for_assessment(assessment_id)

    def add_evidence(self, assessment_id: int, question_id: str, draft: EvidenceDraft, *, changed_by: str = "") -> EvidenceRecord:
        """Add a reference, copying its file (if any) whole into the assessment's evidence folder."""
        self._question(self.get_assessment(assessment_id), question_id)
        cleaned = clean_evidence(draft)
        file_name = file_size = None
        stored_now = False
        if cleaned.source_file is not None:
            stored = self._store_evidence_file(assessment_id, cleaned.source_file)
            file_name, file_size, stored_now = stored.name, stored.size, stored.is_new
        try:
            with self.database.session() as session:
                return EvidenceRepository(session).add(
                    assessment_id, question_id, cleaned, file_name=file_name, file_size=file_size, changed_by=changed_by
                )
        except BaseException:
            if file_name and stored_now:  # the same content attached before is that entry's file too
                self.evidence_files.remove(assessment_id, file_name)
            raise

    def _store_evidence_file(self, assessment_id: int, source: Path) -> StoredFile:
        """Copy an evidence file in; a file refused while copying is told as a problem of the file field."""
        try:
            return self.evidence_files.store(assessment_id, source, max_bytes=MAX_FILE_BYTES)
        except FileRefused as refused:
            raise InvalidInputError({"source_file": refusal_message(source.name, refused.reason, refused.size)}) from refused

    def remove_evidence(self, evidence_id: int, *, changed_by: str = "") -> None:
        """Remove an evidence entry; its file stays while another entry or a backup names it."""
        try:
            with self.database.session() as session:
                EvidenceRepository(session).remove(evidence_id, changed_by=changed_by)
        except EvidenceNotFound:
            return  # already gone: removing it again changes nothing
        self._collect_unnamed_evidence()

    def export_brief(
        self,
        assessment_id: int,
        *,
        language: str,
        path: Path,
        sections: Iterable[str] | None = None,
        today: dt.date | None = None,
        include_sensitive: bool = False,
    ) -> ExportResult:
        """Write the strategy-workshop brief of an assessment as a PDF (see `brief.export`).

        Content marked sensitive stays out unless `include_sensitive` (see `brief.withholding`).
        """
        from resilience_app.core.brief.export import export_brief  # ReportLab loads only when a brief is made
        from resilience_app.core.brief.sections import SECTION_IDS

        return export_brief(
            self, assessment_id, language=language, path=path, sections=SECTION_IDS if sections is None else sections,
            today=today, include_sensitive=include_sensitive,
        )

    def sensitive_content(self, assessment_id: int) -> Withheld:
        """What a brief of the assessment would leave out unless sensitive content is included."""
        from resilience_app.core.brief.data import collect

        return collect(self, assessment_id).withheld

    def is_own_file(self, target: Path) -> bool:
        """True when `target` is the database, its log or lock, or inside the backups, evidence, cache, settings or logs."""
        paths = self.paths
        folders = (paths.backups_dir, paths.evidence_dir, paths.cache_dir, paths.config_dir, paths.log_dir)
        return is_own_file(target, database_file=self.database.file, folders=folders, files=(paths.data_dir / LOCK_FILE_NAME,))

    def evidence_file(self, evidence: EvidenceRecord) -> Path | None:
        """Where the attached copy is kept, or None when the evidence has no file."""
        return self.evidence_files.path_of(evidence.assessment_id, evidence.file_name) if evidence.file_name else None


def profile_of(framework: Framework, answers: dict[str, AnswerRecord], evidenced: set[str]) -> ResilienceProfile:
    values = {
        question_id: AnswerValue(
            stored.answer.status,  # type: ignore[arg-type]  # stored as text; answer_rules.clean_answer saves only STATUSES
            stored.answer.level,
            stored.answer.confidence,  # type: ignore[arg-type]  # stored as text; answer_rules.clean_answer saves only CONFIDENCES
            has_evidence=question_id in evidenced,
        )
        for question_id, stored in answers.items()
        if stored.answer.status  # notes kept before an answer is chosen are not an answer
    }
    return build_profile(framework, values)
