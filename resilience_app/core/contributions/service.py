"""The contributions' use cases: contributors and their assignments, their answers, and settling where they disagree.

Reached as `ResilienceService.contributions`. Each method is one unit of work over the shared `CoreContext`.
A contributor's answers are kept per contributor and never overwrite another's or the answer on record;
only the CRO takes one as the answer on record, or sets a consensus level, and both go into the history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_repository import AnswerRepository
from resilience_app.core.assessment.answer_rules import clean_answer
from resilience_app.core.assessment.evidence_repository import EvidenceRepository
from resilience_app.core.assessment.evidence_rules import MAX_TITLE_LENGTH
from resilience_app.core.assessment.labels import CONTRIBUTION_FIELD_PREFIX
from resilience_app.core.assessment.records import AnswerDraft, AnswerRecord, EvidenceDraft
from resilience_app.core.assessment.service import ASSESSMENT_GONE, assessment_in
from resilience_app.core.content.model import Framework, Question
from resilience_app.core.context import CoreContext
from resilience_app.core.contributions.records import ContributionRecord, ContributorDraft, ContributorRecord, WorkbookRecord
from resilience_app.core.contributions.repository import ContributionRepository, ContributorNotFound, WorkbookNotFound
from resilience_app.core.contributions.rules import (
    DATA_QUALITY_FIELDS,
    clean_contributor,
    questions_in_scope,
    same_answer,
    spread,
    with_data_quality_kept,
)
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.every_language import message_in_every_language
from resilience_app.core.file_export import export_target, writing_in_place
from resilience_app.core.i18n import N_, _, current_language, isolate, using_language
from resilience_app.core.text_rules import clean_text

if TYPE_CHECKING:
    from resilience_app.core.contributions.workbook_import import ImportRow, WorkbookImported, WorkbookPreview

FROM_WORKBOOK = N_("from the workbook of {name}")  # how a contribution taken on record is named in the history
BY_CONSENSUS = N_("consensus of the contributors")


@dataclass(frozen=True)
class ContributorStatus:
    """One line of the chase list: what a contributor was asked and what came back."""

    record: ContributorRecord
    assigned: frozenset[str]
    answered: int  # assigned questions they answered (a level, not applicable or don't know)
    last_sent: WorkbookRecord | None

    @property
    def returned(self) -> bool:
        return self.last_sent is not None and self.last_sent.returned_at is not None


@dataclass(frozen=True)
class Disagreement:
    """A question whose contributions differ from each other or from the answer on record."""

    question_id: str
    contributions: tuple[ContributionRecord, ...]
    on_record: AnswerDraft | None
    spread: int  # highest level minus lowest; 4 when a "not applicable" stands against a level (see rules.spread)
    # The CRO took one of the contributions on record or set the level agreed (an ordinary edit of the answer
    # on record settles nothing). A contribution sent again with a different answer opens it again.
    settled: bool = False


def _gone(_missing: LookupError) -> UserFacingError:
    return user_error(ErrorCode.CONTRIBUTOR_NOT_FOUND)


def _unwritable(target: Path, reason: str) -> UserFacingError:
    return user_error(ErrorCode.WORKBOOK_EXPORT_FAILED, path=str(target), reason=reason)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _from_workbook_of(contributor: ContributorRecord) -> str:
    """How a contribution is named in the question's history, in every language (`core.every_language`)."""
    return message_in_every_language(FROM_WORKBOOK, name=contributor.label)


class ContributionService:
    def __init__(self, context: CoreContext, *, is_own_file: Callable[[Path], bool] = lambda _path: False) -> None:
        self._context = context
        self._is_own_file = is_own_file  # the app's own files, never written over by an export

    def _session(self) -> AbstractContextManager[Session]:
        return self._context.unit_of_work({**ASSESSMENT_GONE, ContributorNotFound: _gone, WorkbookNotFound: _gone})

    def _framework(self, session: Session, assessment_id: int) -> Framework:
        return self._context.framework(assessment_in(session, assessment_id).framework_id)

    # -- contributors ----------------------------------------------------------------------------

    def contributors(self, assessment_id: int) -> list[ContributorRecord]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return ContributionRepository(session).contributors(assessment_id)

    def add_contributor(self, assessment_id: int, draft: ContributorDraft) -> ContributorRecord:
        with self._session() as session:
            assessment_in(session, assessment_id)
            repository = ContributionRepository(session)
            cleaned = clean_contributor(draft, others=[other.contributor for other in repository.contributors(assessment_id)])
            return repository.save_contributor(assessment_id, cleaned)

    def update_contributor(self, contributor_id: int, draft: ContributorDraft) -> ContributorRecord:
        with self._session() as session:
            repository = ContributionRepository(session)
            current = repository.contributor(contributor_id)
            others = [other.contributor for other in repository.contributors(current.assessment_id) if other.id != contributor_id]
            return repository.save_contributor(current.assessment_id, clean_contributor(draft, others=others), contributor_id)

    def remove_contributor(self, contributor_id: int) -> None:
        """Remove a contributor with their assignments and contributions; answers already taken on record stay."""
        with self._session() as session:
            ContributionRepository(session).remove_contributor(contributor_id)

    # -- assignments ---------------------------------------------------------------------------------

    def assign(self, contributor_id: int, scope: Iterable[str]) -> list[str]:
        """Assign the questions of goals, indicators or single questions (ids mixed); returns the questions now assigned."""
        with self._session() as session:
            repository = ContributionRepository(session)
            contributor = repository.contributor(contributor_id)
            question_ids = questions_in_scope(self._framework(session, contributor.assessment_id), scope)
            repository.assign(contributor_id, question_ids)
            return question_ids

    def unassign(self, contributor_id: int, question_ids: Iterable[str]) -> None:
        with self._session() as session:
            repository = ContributionRepository(session)
            repository.contributor(contributor_id)
            repository.unassign(contributor_id, question_ids)

    def suggested_contributors(self, assessment_id: int, question_id: str) -> list[ContributorRecord]:
        """The contributors whose department the question's "who usually knows" names, in either language."""
        with self._session() as session:
            question = self._framework(session, assessment_id).question(question_id)
            contributors = ContributionRepository(session).contributors(assessment_id)
        if question is None:
            return []
        knows = " ".join(question.who_knows.translations.values()).casefold()
        return [record for record in contributors if _names_a_department(knows, record.contributor.department)]

    # -- the chase list -------------------------------------------------------------------------------

    def statuses(self, assessment_id: int) -> list[ContributorStatus]:
        """Each contributor with the questions assigned, the last workbook sent and how many came back answered."""
        with self._session() as session:
            assessment_in(session, assessment_id)
            repository = ContributionRepository(session)
            return statuses_of(
                repository.contributors(assessment_id), repository.assignments(assessment_id), repository.workbooks(assessment_id),
                repository.contributions(assessment_id),
            )

    # -- contributions and disagreements -----------------------------------------------------------------

    def contributions(self, assessment_id: int) -> dict[str, list[ContributionRecord]]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return ContributionRepository(session).contributions(assessment_id)

    def disagreements(self, assessment_id: int, *, include_settled: bool = False) -> list[Disagreement]:
        """The questions whose answers differ and are still to settle (with `include_settled`, all of them),
        widest spread first, then in framework order."""
        with self._session() as session:
            framework = self._framework(session, assessment_id)
            contributions = ContributionRepository(session).contributions(assessment_id)
            on_record = AnswerRepository(session).for_assessment(assessment_id)
        found = disagreements_of(framework, contributions, on_record)
        return found if include_settled else [entry for entry in found if not entry.settled]

    def take_contribution(self, assessment_id: int, contributor_id: int, question_id: str) -> AnswerRecord:
        """Make a contributor's answer the answer on record, with their evidence; the history names whose it was.

        The data quality the contribution leaves not stated stays as it was on record (`with_data_quality_kept`).

        The question's contributions count as settled from then on.
        """
        with self._session() as session:
            question = self._question(session, assessment_id, question_id)
            repository = ContributionRepository(session)
            contributor = repository.contributor(contributor_id)
            chosen = next((record for record in repository.contributions(assessment_id).get(question_id, []) if record.contributor_id == contributor_id), None)
            if chosen is None or contributor.assessment_id != assessment_id:
                raise user_error(ErrorCode.CONTRIBUTOR_NOT_FOUND)
            by = _from_workbook_of(contributor)
            answers = AnswerRepository(session)
            current = answers.for_assessment(assessment_id).get(question_id)
            taken_answer = with_data_quality_kept(chosen.answer, current.answer if current is not None else None)
            taken = answers.save(assessment_id, question_id, clean_answer(question, taken_answer), changed_by=by)
            self._carry_evidence(session, assessment_id, contributor, question_id, chosen.evidence, by)
            repository.mark_settled(assessment_id, question_id, _now())
            return taken

    def settle(self, assessment_id: int, question_id: str, level: int, reason: str) -> AnswerRecord:
        """Set the level the contributors agreed on; how it was agreed is a line of the question's history.

        The justification on record stays (it is the reason for a level, which the agreement may have kept); a
        value stays only where its thresholds give the agreed level. The question's contributions count as settled.
        """
        reason = clean_text(reason)  # the same object when already clean: a reason the app worded stays in every language
        if not reason:
            raise InvalidInputError({"reason": _("Say how the contributors agreed; the reason is kept in the history.")})
        with self._session() as session:
            question = self._question(session, assessment_id, question_id)
            answers = AnswerRepository(session)
            current = answers.for_assessment(assessment_id).get(question_id)
            base = current.answer if current is not None else AnswerDraft(status="level")
            value = base.numeric_value if question.numeric and base.numeric_value and question.numeric.level_for(float(base.numeric_value)) == level else None
            agreed = dataclasses.replace(base, status="level", level=level, numeric_value=value, justification=base.justification or reason)
            by = message_in_every_language(BY_CONSENSUS)
            settled = answers.save(assessment_id, question_id, clean_answer(question, agreed), changed_by=by)
            answers.note(assessment_id, question_id, "consensus", None, reason, changed_by=by)
            ContributionRepository(session).mark_settled(assessment_id, question_id, _now())
            return settled

    # -- department workbooks -----------------------------------------------------------------------------

    def export_workbook(
        self, contributor_id: int, path: Path, *, deadline: dt.date | None = None, return_to: str | None = None
    ) -> WorkbookRecord:
        """Write the workbook of the contributor's assigned questions, in their language, and record it as sent.

        Each question's data quality (kind of source, year, scale) is filled in from the answer on record.

        `return_to` (whom to send it back to) defaults to the assessment's CRO. The file is complete or not
        written at all; it is recorded only once written.
        """
        from resilience_app.core.contributions.workbook_request import workbook_request  # openpyxl loads only here
        from resilience_app.core.contributions.workbook_writer import write_workbook

        target = export_target(path, is_own_file=self._is_own_file, unwritable=_unwritable)
        with self._session() as session:
            language = ContributionRepository(session).contributor(contributor_id).contributor.language
        with using_language(language), self._session() as session:  # what the app wrote in every language, read in theirs
            repository = ContributionRepository(session)
            contributor = repository.contributor(contributor_id)
            assessment = assessment_in(session, contributor.assessment_id)
            framework = self._context.framework(assessment.framework_id)
            assigned = repository.assignments(assessment.id).get(contributor_id, frozenset())
            question_ids = [question.id for question in framework.questions() if question.id in assigned]
            if not question_ids:
                raise InvalidInputError({"scope": _("Assign questions to this contributor before exporting their workbook.")})
            sent = WorkbookRecord(
                id=uuid.uuid4().hex, contributor_id=contributor_id, language=contributor.contributor.language,
                question_ids=tuple(question_ids), deadline=deadline, sent_at=_now(), returned_at=None,
            )
            request = workbook_request(
                framework, assessment, contributor, question_ids, workbook_id=sent.id, deadline=deadline,
                return_to=assessment.details.cro_name if return_to is None else return_to,
                on_record={question_id: record.answer for question_id, record in AnswerRepository(session).for_assessment(assessment.id).items()},
            )
            data = write_workbook(request)
            with writing_in_place(self._context.paths.data_dir, target, prefix=".workbook-", suffix=".xlsx.part", unwritable=_unwritable) as temporary:
                temporary.write_bytes(data)
            return repository.add_workbook(sent)

    def preview_workbook(self, assessment_id: int, data: bytes) -> WorkbookPreview:
        """What importing a returned workbook would store, row by row; nothing is stored.

        Refused whole (`UserFacingError`, nothing stored) when the file is not a workbook the app sent from this
        assessment. A workbook made for another version of the framework maps its questions by id and lists those
        this version does not have.
        """
        from resilience_app.core.contributions.workbook_cells import quoted
        from resilience_app.core.contributions.workbook_import import WorkbookPreview, preview_rows
        from resilience_app.core.contributions.workbook_reader import read_workbook
        from resilience_app.core.contributions.workbook_records import WorkbookRefused

        with self._session() as session:
            assessment = assessment_in(session, assessment_id)
            framework = self._context.framework(assessment.framework_id)
            try:
                reading = read_workbook(data, known_question_ids=framework.question_ids)
            except WorkbookRefused as refused:
                raise user_error(ErrorCode.WORKBOOK_REFUSED, reason=refused.message) from refused
            if reading.assessment_id != assessment_id:
                raise user_error(ErrorCode.WORKBOOK_OTHER_ASSESSMENT, city=isolate(assessment.city_name(current_language())))
            if reading.framework_id != framework.id:
                raise user_error(ErrorCode.WORKBOOK_OTHER_FRAMEWORK, found=quoted(reading.framework_id), expected=isolate(framework.id))
            repository = ContributionRepository(session)
            try:
                workbook = repository.workbook(reading.workbook_id)
            except LookupError:
                raise user_error(ErrorCode.WORKBOOK_NOT_SENT) from None
            contributor = repository.contributor(workbook.contributor_id)
            if contributor.assessment_id != assessment_id:
                raise user_error(ErrorCode.WORKBOOK_NOT_SENT)
            rows = preview_rows(
                framework, reading, workbook=workbook, contributions=repository.contributions(assessment_id),
                on_record=AnswerRepository(session).for_assessment(assessment_id), asked_elsewhere=_asked_elsewhere(repository, assessment_id, workbook),
            )
        problems = [_("{cell}: {message}").format(cell=isolate(problem.cell), message=problem.message) for problem in reading.problems]
        problems += [
            _("Question {id} is not in version {version} of the framework; its answer was not read.").format(
                id=isolate(question_id), version=isolate(framework.version)
            )
            for question_id in reading.unknown_question_ids
        ]
        return WorkbookPreview(assessment_id, workbook, contributor, reading, tuple(rows), tuple(problems))

    def preview_workbook_file(self, assessment_id: int, path: Path) -> WorkbookPreview:
        """`preview_workbook` of the file at `path`; a file that cannot be read is refused with the reason."""
        from resilience_app.core.contributions.workbook_layout import MAX_FILE_BYTES

        try:
            if not path.is_file():
                raise OSError(_("it is not a file"))
            with path.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)  # a longer file is refused as too large without reading it all
        except OSError as error:
            raise user_error(ErrorCode.IMPORT_UNREADABLE, reason=error.strerror or str(error)) from error
        return self.preview_workbook(assessment_id, data)

    def import_workbook(self, preview: WorkbookPreview, *, on_record: Collection[str] | None = None) -> WorkbookImported:
        """Store a confirmed preview: each contributor's answer kept as theirs, each change in the question's history.

        Of the answers offered as the answer on record (questions with no answer and no other contribution),
        those in `on_record` are taken (all of them when None). The rows are worked out again in the same unit
        of work, so an answer given since the preview is never overwritten. The database is backed up first;
        importing the same workbook again changes nothing and takes no backup.
        """
        from resilience_app.core.contributions.workbook_import import WorkbookImported, preview_rows, taken_on_record

        if preview.nothing_new:
            return WorkbookImported(stored=0, taken_on_record=0)
        self._context.backups.take("before-import")
        with self._session() as session:
            repository = ContributionRepository(session)
            workbook = repository.workbook(preview.workbook.id)
            contributor = repository.contributor(workbook.contributor_id)
            framework = self._framework(session, preview.assessment_id)
            answers = AnswerRepository(session)
            contributions = repository.contributions(preview.assessment_id)
            rows = preview_rows(
                framework, preview.reading, workbook=workbook, contributions=contributions, on_record=answers.for_assessment(preview.assessment_id),
                asked_elsewhere=_asked_elsewhere(repository, preview.assessment_id, workbook),
            )
            by = _from_workbook_of(contributor)
            stored = [row for row in rows if row.stored]
            for row in stored:
                self._store_contribution(session, preview.assessment_id, contributor, workbook, row, contributions, by)
            taken = taken_on_record(stored, on_record)
            for row in taken:
                self._take_on_record(session, preview.assessment_id, contributor, row, by)
            if stored or workbook.returned_at is None:
                repository.mark_returned(workbook.id, _now())
            return WorkbookImported(stored=len(stored), taken_on_record=len(taken))

    def _store_contribution(
        self, session: Session, assessment_id: int, contributor: ContributorRecord, workbook: WorkbookRecord, row: ImportRow,
        contributions: dict[str, list[ContributionRecord]], by: str,
    ) -> None:
        from resilience_app.core.contributions.workbook_import import history_value

        assert row.answer is not None
        before = next((record for record in contributions.get(row.question_id, []) if record.contributor_id == contributor.id), None)
        changed = ContributionRepository(session).save_contribution(
            contributor.id, row.question_id, row.answer, evidence=row.evidence, workbook_id=workbook.id
        )
        if changed:  # a new level, or the same level with new words: either way a line in the question's history
            answers = AnswerRepository(session)
            old, new = history_value(before.answer if before else None), history_value(row.answer)
            answers.note(assessment_id, row.question_id, "contribution", old, new, changed_by=by)
            # Each data-quality field the contribution changes gets its own line, so an earlier year can be found again.
            for name in DATA_QUALITY_FIELDS:
                was, now = (getattr(before.answer, name) if before else None), getattr(row.answer, name)
                if was != now:
                    answers.note(
                        assessment_id, row.question_id, CONTRIBUTION_FIELD_PREFIX + name,
                        None if was is None else str(was), None if now is None else str(now), changed_by=by,
                    )

    def _take_on_record(self, session: Session, assessment_id: int, contributor: ContributorRecord, row: ImportRow, by: str) -> None:
        assert row.answer is not None
        answers = AnswerRepository(session)
        current = answers.for_assessment(assessment_id).get(row.question_id)
        answers.save(assessment_id, row.question_id, with_data_quality_kept(row.answer, current.answer if current is not None else None), changed_by=by)
        self._carry_evidence(session, assessment_id, contributor, row.question_id, row.evidence, by)

    def _carry_evidence(self, session: Session, assessment_id: int, contributor: ContributorRecord, question_id: str, reference: str, by: str) -> None:
        """A contribution's evidence reference, taken on record with it: an evidence entry titled with the contributor."""
        if not reference:
            return
        evidence = EvidenceRepository(session)
        if reference not in {record.reference for record in evidence.for_assessment(assessment_id).get(question_id, [])}:
            title = contributor.label_in_every_language() if len(contributor.label()) <= MAX_TITLE_LENGTH else contributor.name
            evidence.add(assessment_id, question_id, EvidenceDraft(title=title, reference=reference), file_name=None, file_size=None, changed_by=by)

    def _question(self, session: Session, assessment_id: int, question_id: str) -> Question:
        question = self._framework(session, assessment_id).question(question_id)
        if question is None:
            raise user_error(ErrorCode.QUESTION_NOT_FOUND, id=question_id)
        return question



def statuses_of(
    contributors: Iterable[ContributorRecord],
    assignments: Mapping[int, frozenset[str]],
    workbooks: Iterable[WorkbookRecord],
    contributions: Mapping[str, Sequence[ContributionRecord]],
) -> list[ContributorStatus]:
    """Each contributor's line of the chase list, from rows read in the caller's unit of work (the brief's, or the service's).

    Answered counts the assigned questions they answered; the last workbook sent is the latest (`workbooks` oldest
    first, as the repository gives them).
    """
    answered: dict[int, set[str]] = {}
    for question_id, records in contributions.items():
        for record in records:
            if record.answer.status:
                answered.setdefault(record.contributor_id, set()).add(question_id)
    last_sent = {workbook.contributor_id: workbook for workbook in workbooks}
    return [
        ContributorStatus(
            record,
            assignments.get(record.id, frozenset()),
            len(answered.get(record.id, set()) & assignments.get(record.id, frozenset())),
            last_sent.get(record.id),
        )
        for record in contributors
    ]


def disagreements_of(framework: Framework, contributions: dict[str, list[ContributionRecord]], on_record: dict[str, AnswerRecord]) -> list[Disagreement]:
    """The questions whose answers differ, and those the CRO settled (`settled`), widest spread first."""
    order = {question.id: index for index, question in enumerate(framework.questions())}
    found = []
    for question_id, records in contributions.items():
        given = [record for record in records if record.answer.status]
        recorded = on_record.get(question_id)
        record_answer = recorded.answer if recorded is not None and recorded.answer.status else None
        answers = [record.answer for record in given] + ([record_answer] if record_answer else [])
        differ = len(answers) > 1 and any(not same_answer(answers[0], other) for other in answers[1:])
        settled = bool(given) and all(record.settled_at is not None for record in given)
        if differ or settled:
            found.append(Disagreement(question_id, tuple(given), record_answer, spread(answers), settled))
    return sorted(found, key=lambda entry: (-entry.spread, order.get(entry.question_id, len(order))))


def _asked_elsewhere(repository: ContributionRepository, assessment_id: int, workbook: WorkbookRecord) -> set[str]:
    """The questions assigned to contributors other than the workbook's."""
    return {question_id for contributor_id, ids in repository.assignments(assessment_id).items() if contributor_id != workbook.contributor_id for question_id in ids}


def _names_a_department(knows: str, department: str) -> bool:
    words = [word for word in department.casefold().replace("-", " ").split() if len(word) > 3]
    return bool(words) and any(word in knows for word in words)
