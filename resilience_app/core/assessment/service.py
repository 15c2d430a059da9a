"""The assessment's use cases: its details, answers and evidence, and the profile computed from them.

Reached as `ResilienceService.assessments`. Each method is one unit of work (`CoreContext.unit_of_work`):
what it reads to check and what it writes share one transaction. It returns frozen records and raises
`UserFacingError` for what a user can act on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_repository import AnswerRepository
from resilience_app.core.assessment.answer_rules import clean_answer
from resilience_app.core.assessment.details_rules import clean_details
from resilience_app.core.assessment.evidence_repository import EvidenceNotFound, EvidenceRepository
from resilience_app.core.assessment.evidence_rules import MAX_FILE_BYTES, clean_evidence, refusal_message
from resilience_app.core.assessment.records import (
    AnswerChange,
    AnswerDraft,
    AnswerRecord,
    AssessmentDetails,
    AssessmentRecord,
    EvidenceDraft,
    EvidenceRecord,
)
from resilience_app.core.assessment.repository import AssessmentNotFound, AssessmentRepository
from resilience_app.core.content.model import Crosswalk, Framework, Question
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, translate_in
from resilience_app.core.scoring import (
    AnswerValue,
    DataQualityProfile,
    DataQualityValue,
    ResilienceProfile,
    build_data_quality,
    build_profile,
)
from resilience_app.core.scoring.by_framework import FrameworkProfile, group_by_crosswalk
from resilience_app.core.storage.backups import evidence_named_in
from resilience_app.core.storage.evidence_files import FileRefused, StoredFile
from resilience_app.core.storage.unit_of_work import GoneMessages

_log = logging.getLogger("resilience_app.assessment")

COPY_NAME = N_("{name} (copy)")

# Copies another feature's rows of an assessment into its duplicate, inside the duplication's transaction.
Copier = Callable[[Session, int, int], None]
# Runs inside a copy's transaction once the new assessment exists: (session, the original, the new one).
AfterCopy = Callable[[Session, AssessmentRecord, AssessmentRecord], None]


@dataclass(frozen=True)
class CopyPlan:
    """What a new assessment made from another takes along: a duplicate by default.

    A follow-up round keeps the city's names, takes the framework's current version, and may carry the answers
    over (each marked to review) and the other features' rows (`copiers`).
    """

    name_as_copy: bool = True  # the names marked "(copy)" in each language
    latest_framework: bool = False  # the content's current version of the original's framework, not the original's
    answers: bool = True  # the answers and their evidence
    carry_over: bool = False  # every answer copied is marked carried over — to review
    copiers: Sequence[Copier] = ()
    and_then: AfterCopy | None = None
    changed_by: str = ""  # who the history names for the answers carried over


def not_found(assessment_id: object) -> UserFacingError:
    return user_error(ErrorCode.ASSESSMENT_NOT_FOUND, id=assessment_id)


# What every feature's unit of work says when the assessment it works on is gone.
ASSESSMENT_GONE: GoneMessages = {AssessmentNotFound: lambda missing: not_found(missing.args[0] if missing.args else "")}


def assessment_in(session: Session, assessment_id: int) -> AssessmentRecord:
    """The assessment, read in the caller's unit of work; `AssessmentNotFound` (see ASSESSMENT_GONE) when gone."""
    return AssessmentRepository(session).get(assessment_id)


@dataclass(frozen=True)
class AssessmentSummary:
    """One row of the list of assessments."""

    record: AssessmentRecord
    answered: int
    total_questions: int
    to_review: int = 0  # answers carried over from an earlier round and not yet reviewed (counted in `answered`)

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def progress(self) -> float:
        """Answered questions as a fraction of the framework's questions (0 when it has none)."""
        return self.answered / self.total_questions if self.total_questions else 0.0

    def city_names(self) -> dict[str, str]:
        return {language: self.record.city_name(language) for language in SUPPORTED_LANGUAGES}


class AssessmentService:
    """Everything a user does with an assessment's details, answers and evidence."""

    def __init__(self, context: CoreContext, *, copiers: Sequence[Copier] = ()) -> None:
        """`copiers` copy the other features' rows when an assessment is duplicated (the register's, for one)."""
        self._context = context
        self._copiers = tuple(copiers)

    def _unit_of_work(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work(ASSESSMENT_GONE)

    def _framework(self, record: AssessmentRecord) -> Framework:
        return self._context.framework(record.framework_id)

    # -- assessments -----------------------------------------------------------

    def list_assessments(self) -> list[AssessmentSummary]:
        with self._unit_of_work() as session:
            records = AssessmentRepository(session).list()
            answers = AnswerRepository(session)
            answered, carried = answers.answered_question_ids(), answers.answered_question_ids(carried_over_only=True)
        return [self._summary(record, answered.get(record.id, set()), carried.get(record.id, set())) for record in records]

    def _summary(self, record: AssessmentRecord, answered: set[str], carried: set[str]) -> AssessmentSummary:
        framework = self._context.content.framework(record.framework_id)
        question_ids = framework.question_ids if framework else frozenset()
        # Answers to questions the framework no longer has do not count towards progress.
        return AssessmentSummary(record=record, answered=len(answered & question_ids), total_questions=len(question_ids),
                                 to_review=len(carried & question_ids))

    def get_assessment(self, assessment_id: int) -> AssessmentRecord:
        with self._unit_of_work() as session:
            return assessment_in(session, assessment_id)

    def create_assessment(self, details: AssessmentDetails, *, is_sample: bool = False) -> AssessmentRecord:
        cleaned = clean_details(details)
        framework = self._context.framework()
        with self._unit_of_work() as session:
            record = AssessmentRepository(session).add(
                cleaned, framework_id=framework.id, framework_version=framework.version, is_sample=is_sample
            )
        _log.info("Created assessment %s", record.id)
        return record

    def update_details(self, assessment_id: int, details: AssessmentDetails) -> AssessmentRecord:
        cleaned = clean_details(details)
        with self._unit_of_work() as session:
            return AssessmentRepository(session).update_details(assessment_id, cleaned)

    def rename_assessment(self, assessment_id: int, *, city_name_en: str, city_name_ar: str) -> AssessmentRecord:
        with self._unit_of_work() as session:
            repository = AssessmentRepository(session)
            current = repository.get(assessment_id).details
            renamed = clean_details(dataclasses.replace(current, city_name_en=city_name_en, city_name_ar=city_name_ar))
            return repository.update_details(assessment_id, renamed)

    def duplicate_assessment(self, assessment_id: int) -> AssessmentRecord:
        """A new assessment with the same details, answers, evidence and the other features' rows (`copiers`).

        Its names are marked as a copy in each language. A duplicate belongs to no series of rounds (it is a copy,
        not a new round). One transaction: a failure copies nothing.
        """
        record = self.copy_assessment(assessment_id, plan=CopyPlan(copiers=self._copiers))
        _log.info("Duplicated assessment %s as %s", assessment_id, record.id)
        return record

    def copy_assessment(self, assessment_id: int, *, plan: CopyPlan) -> AssessmentRecord:
        """A new assessment made from another as `plan` says (a duplicate, or the next round of a series).

        The answers' evidence goes with them, its files copied once the transaction is committed. One transaction:
        a failure copies nothing.
        """
        with self._unit_of_work() as session:
            repository = AssessmentRepository(session)
            original = repository.get(assessment_id)
            details = original.details
            if plan.name_as_copy:
                details = dataclasses.replace(
                    details,
                    city_name_en=_copy_name(details.city_name_en, "en"),
                    city_name_ar=_copy_name(details.city_name_ar, "ar"),
                )
            framework_id, framework_version = original.framework_id, original.framework_version
            if plan.latest_framework:
                framework = self._context.framework(original.framework_id)
                framework_id, framework_version = framework.id, framework.version
            record = repository.add(details, framework_id=framework_id, framework_version=framework_version, is_sample=original.is_sample)
            copied: list[EvidenceRecord] = []
            if plan.answers:
                # Carried into a newer framework, only the questions it still has come along (matched by id).
                question_ids = self._context.framework(framework_id).question_ids if plan.latest_framework else None
                AnswerRepository(session).copy_all(
                    assessment_id, record.id, question_ids=question_ids, carry_over=plan.carry_over, changed_by=plan.changed_by
                )
                copied = EvidenceRepository(session).copy_all(assessment_id, record.id, question_ids=question_ids)
            for copier in plan.copiers:
                copier(session, assessment_id, record.id)
            if plan.and_then is not None:
                plan.and_then(session, original, record)
        for evidence in copied:
            if evidence.file_name:
                self._context.evidence_files.copy_between(assessment_id, record.id, evidence.file_name)
        return record

    def delete_assessment(self, assessment_id: int) -> None:
        with self._unit_of_work() as session:
            AssessmentRepository(session).delete(assessment_id)
        self.collect_unnamed_evidence()  # its files stay while a backup names them
        _log.info("Deleted assessment %s", assessment_id)

    # -- answers -------------------------------------------------------------------

    def _question(self, record: AssessmentRecord, question_id: str) -> Question:
        question = self._framework(record).question(question_id)
        if question is None:
            raise user_error(ErrorCode.QUESTION_NOT_FOUND, id=question_id)
        return question

    def save_answer(self, assessment_id: int, question_id: str, draft: AnswerDraft, *, changed_by: str = "") -> AnswerRecord:
        """Validate and store one answer at once (autosave), keeping a history of what changed."""
        with self._unit_of_work() as session:
            record = assessment_in(session, assessment_id)
            cleaned = clean_answer(self._question(record, question_id), draft)
            by = changed_by or cleaned.answered_by or record.details.cro_name  # nobody named: the CRO runs the assessment
            return AnswerRepository(session).save(assessment_id, question_id, cleaned, changed_by=by)

    def clear_answer(self, assessment_id: int, question_id: str, *, changed_by: str = "") -> None:
        """Make a question unanswered again (undoing a first answer), keeping the history."""
        with self._unit_of_work() as session:
            record = assessment_in(session, assessment_id)
            self._question(record, question_id)
            AnswerRepository(session).clear(assessment_id, question_id, changed_by=changed_by or record.details.cro_name)

    def answers(self, assessment_id: int) -> dict[str, AnswerRecord]:
        with self._unit_of_work() as session:
            assessment_in(session, assessment_id)
            return AnswerRepository(session).for_assessment(assessment_id)

    def answer_history(self, assessment_id: int, question_id: str) -> list[AnswerChange]:
        """The question's changes, oldest first; a change recorded without a name is the CRO's (who runs the assessment)."""
        with self._unit_of_work() as session:
            cro_name = assessment_in(session, assessment_id).details.cro_name
            changes = AnswerRepository(session).history(assessment_id, question_id)
        return [change if change.changed_by else dataclasses.replace(change, changed_by=cro_name) for change in changes]

    def profile(self, assessment_id: int) -> ResilienceProfile:
        """The resilience profile of an assessment: per goal, dimension and quality."""
        with self._unit_of_work() as session:
            return profile_in(session, self._context, assessment_id)

    def crosswalks(self, assessment_id: int) -> tuple[Crosswalk, ...]:
        """The external frameworks (UNDRR, Sendai, SDG 11, ...) the assessment's framework is mapped to."""
        with self._unit_of_work() as session:
            framework_id = self._framework(assessment_in(session, assessment_id)).id
        return tuple(crosswalk for crosswalk in self._context.content.crosswalks if crosswalk.framework_id == framework_id)

    def profile_by_framework(self, assessment_id: int, crosswalk_id: str) -> FrameworkProfile:
        """The profile grouped by an external framework's items, each level on the framework's own 1-5 scale."""
        with self._unit_of_work() as session:
            record = assessment_in(session, assessment_id)
            framework = self._framework(record)
            answers = answer_values(AnswerRepository(session).for_assessment(assessment_id))
        crosswalk = self._context.content.crosswalk(crosswalk_id)
        if crosswalk is None or crosswalk.framework_id != framework.id:
            raise user_error(ErrorCode.CROSSWALK_MISSING, id=crosswalk_id)
        return group_by_crosswalk(framework, crosswalk, answers)

    def data_quality(self, assessment_id: int) -> DataQualityProfile:
        """How well the levels rest on data, per goal and overall: measured, national, older than five years."""
        with self._unit_of_work() as session:
            return data_quality_in(session, self._context, assessment_id)

    # -- evidence --------------------------------------------------------------------

    def evidence(self, assessment_id: int) -> dict[str, list[EvidenceRecord]]:
        """Every question's evidence, oldest first."""
        with self._unit_of_work() as session:
            return EvidenceRepository(session).for_assessment(assessment_id)

    def add_evidence(self, assessment_id: int, question_id: str, draft: EvidenceDraft, *, changed_by: str = "") -> EvidenceRecord:
        """Add a reference, copying its file (if any) whole into the assessment's evidence folder.

        The file is copied before the transaction opens (a large copy holds no lock on the database).
        """
        self._question(self.get_assessment(assessment_id), question_id)
        cleaned = clean_evidence(draft)
        file_name = file_size = None
        stored_now = False
        if cleaned.source_file is not None:
            stored = self._store_evidence_file(assessment_id, cleaned.source_file)
            file_name, file_size, stored_now = stored.name, stored.size, stored.is_new
        try:
            with self._unit_of_work() as session:
                return EvidenceRepository(session).add(
                    assessment_id, question_id, cleaned, file_name=file_name, file_size=file_size, changed_by=changed_by
                )
        except BaseException:
            if file_name and stored_now:  # the same content attached before is that entry's file too
                self._context.evidence_files.remove(assessment_id, file_name)
            raise

    def _store_evidence_file(self, assessment_id: int, source: Path) -> StoredFile:
        """Copy an evidence file in; a file refused while copying is told as a problem of the file field."""
        try:
            return self._context.evidence_files.store(assessment_id, source, max_bytes=MAX_FILE_BYTES)
        except FileRefused as refused:
            raise InvalidInputError({"source_file": refusal_message(source.name, refused.reason, refused.size)}) from refused

    def remove_evidence(self, evidence_id: int, *, changed_by: str = "") -> None:
        """Remove an evidence entry; its file stays while another entry or a backup names it."""
        try:
            with self._unit_of_work() as session:
                EvidenceRepository(session).remove(evidence_id, changed_by=changed_by)
        except EvidenceNotFound:
            return  # already gone: removing it again changes nothing
        self.collect_unnamed_evidence()

    def evidence_file(self, evidence: EvidenceRecord) -> Path | None:
        """Where the attached copy is kept, or None when the evidence has no file."""
        return self._context.evidence_files.path_of(evidence.assessment_id, evidence.file_name) if evidence.file_name else None

    def collect_unnamed_evidence(self) -> None:
        """Remove the evidence files neither the database nor any backup names (`EvidenceFolder.keep_only`)."""
        evidence_files = self._context.evidence_files
        if not evidence_files.kept_files():
            return
        with self._unit_of_work() as session:
            named = EvidenceRepository(session).stored_files()
        for backup in self._context.backups.list():
            in_backup = evidence_named_in(backup.path)
            if in_backup is not None:  # an unreadable copy cannot be restored either
                named |= in_backup
        removed = evidence_files.keep_only(named)
        if removed:
            _log.info("Removed %s evidence files that no assessment or backup names", removed)


def profile_in(session: Session, context: CoreContext, assessment_id: int) -> ResilienceProfile:
    """The profile of an assessment, read in the caller's unit of work."""
    record = assessment_in(session, assessment_id)
    answers = AnswerRepository(session).for_assessment(assessment_id)
    evidenced = set(EvidenceRepository(session).for_assessment(assessment_id))
    return profile_of(context.framework(record.framework_id), answers, evidenced)


def data_quality_in(session: Session, context: CoreContext, assessment_id: int) -> DataQualityProfile:
    """The data-quality summary of an assessment, read in the caller's unit of work."""
    record = assessment_in(session, assessment_id)
    return data_quality_of(context.framework(record.framework_id), record, AnswerRepository(session).for_assessment(assessment_id))


def data_quality_of(framework: Framework, record: AssessmentRecord, answers: Mapping[str, AnswerRecord]) -> DataQualityProfile:
    """The data-quality summary of answers already read. Data are aged at the assessment's date, or at the day it was
    created when it has none."""
    assessment_year = (record.details.assessment_date or record.created_at.date()).year
    values = {
        question_id: DataQualityValue(
            levelled=stored.answer.status == "level",
            source_kind=stored.answer.source_kind,
            data_year=stored.answer.data_year,
            data_scale=stored.answer.data_scale,
        )
        for question_id, stored in answers.items()
    }
    return build_data_quality(framework, values, assessment_year=assessment_year)


def profile_of(framework: Framework, answers: dict[str, AnswerRecord], evidenced: set[str]) -> ResilienceProfile:
    return build_profile(framework, answer_values(answers, evidenced))


def answer_values(answers: dict[str, AnswerRecord], evidenced: set[str] | frozenset[str] = frozenset()) -> dict[str, AnswerValue]:
    """What scoring needs of each answer; notes kept before an answer is chosen are not an answer."""
    return {
        question_id: AnswerValue(
            stored.answer.status,  # type: ignore[arg-type]  # stored as text; answer_rules.clean_answer saves only STATUSES
            stored.answer.level,
            stored.answer.confidence,  # type: ignore[arg-type]  # stored as text; answer_rules.clean_answer saves only CONFIDENCES
            has_evidence=question_id in evidenced,
            carried_over=stored.carried_over,
        )
        for question_id, stored in answers.items()
        if stored.answer.status
    }


def _copy_name(name: str, language: str) -> str:
    return translate_in(language, COPY_NAME).format(name=name) if name else ""

