"""The contributions' use cases: contributors and their assignments, their answers, and settling where they disagree.

Reached as `ResilienceService.contributions`. Each method is one unit of work over the shared `CoreContext`.
A contributor's answers are kept per contributor and never overwrite another's or the answer on record;
only the CRO takes one as the answer on record, or sets a consensus level, and both go into the history.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from resilience_app.core.assessment.answer_repository import AnswerRepository
from resilience_app.core.assessment.answer_rules import clean_answer
from resilience_app.core.assessment.records import AnswerDraft, AnswerRecord
from resilience_app.core.assessment.service import ASSESSMENT_GONE, assessment_in
from resilience_app.core.content.model import Framework, Question
from resilience_app.core.context import CoreContext
from resilience_app.core.contributions.records import ContributionRecord, ContributorDraft, ContributorRecord, WorkbookRecord
from resilience_app.core.contributions.repository import ContributionRepository, ContributorNotFound, WorkbookNotFound
from resilience_app.core.contributions.rules import clean_contributor, questions_in_scope, same_answer, spread
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, InvalidInputError, UserFacingError
from resilience_app.core.i18n import N_, _, current_language, translate_in

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
    spread: int  # highest level minus lowest; 4 when a "not applicable" or "don't know" stands against a level


def _gone(_missing: LookupError) -> UserFacingError:
    return user_error(ErrorCode.CONTRIBUTOR_NOT_FOUND)


class ContributionService:
    def __init__(self, context: CoreContext) -> None:
        self._context = context

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
            contributors = repository.contributors(assessment_id)
            assigned = repository.assignments(assessment_id)
            workbooks = repository.workbooks(assessment_id)
            contributions = repository.contributions(assessment_id)
        answered: dict[int, set[str]] = {}
        for question_id, records in contributions.items():
            for record in records:
                if record.answer.status:
                    answered.setdefault(record.contributor_id, set()).add(question_id)
        last_sent = {workbook.contributor_id: workbook for workbook in workbooks}  # oldest first: the last one stays
        return [
            ContributorStatus(
                record, assigned.get(record.id, frozenset()), len(answered.get(record.id, set()) & assigned.get(record.id, frozenset())),
                last_sent.get(record.id),
            )
            for record in contributors
        ]

    # -- contributions and disagreements -----------------------------------------------------------------

    def contributions(self, assessment_id: int) -> dict[str, list[ContributionRecord]]:
        with self._session() as session:
            assessment_in(session, assessment_id)
            return ContributionRepository(session).contributions(assessment_id)

    def disagreements(self, assessment_id: int) -> list[Disagreement]:
        """The questions whose answers differ, widest spread first, then in framework order."""
        with self._session() as session:
            framework = self._framework(session, assessment_id)
            contributions = ContributionRepository(session).contributions(assessment_id)
            on_record = AnswerRepository(session).for_assessment(assessment_id)
        return disagreements_of(framework, contributions, on_record)

    def take_contribution(self, assessment_id: int, contributor_id: int, question_id: str) -> AnswerRecord:
        """Make a contributor's answer the answer on record; the history names whose it was."""
        with self._session() as session:
            question = self._question(session, assessment_id, question_id)
            repository = ContributionRepository(session)
            contributor = repository.contributor(contributor_id)
            chosen = next((record for record in repository.contributions(assessment_id).get(question_id, []) if record.contributor_id == contributor_id), None)
            if chosen is None or contributor.assessment_id != assessment_id:
                raise user_error(ErrorCode.CONTRIBUTOR_NOT_FOUND)
            answer = clean_answer(question, chosen.answer)
            by = translate_in(current_language(), FROM_WORKBOOK).format(name=contributor.label())
            return AnswerRepository(session).save(assessment_id, question_id, answer, changed_by=by)

    def settle(self, assessment_id: int, question_id: str, level: int, reason: str) -> AnswerRecord:
        """Set the level the contributors agreed on, with the reason; the rest of the answer on record stays."""
        if not reason.strip():
            raise InvalidInputError({"reason": _("Say how the contributors agreed; the reason is kept in the history.")})
        with self._session() as session:
            question = self._question(session, assessment_id, question_id)
            answers = AnswerRepository(session)
            current = answers.for_assessment(assessment_id).get(question_id)
            base = current.answer if current is not None else AnswerDraft(status="level")
            agreed = dataclasses.replace(base, status="level", level=level, numeric_value=None if question.numeric else base.numeric_value, justification=reason)
            by = translate_in(current_language(), BY_CONSENSUS)
            return answers.save(assessment_id, question_id, clean_answer(question, agreed), changed_by=by)

    def _question(self, session: Session, assessment_id: int, question_id: str) -> Question:
        question = self._framework(session, assessment_id).question(question_id)
        if question is None:
            raise user_error(ErrorCode.QUESTION_NOT_FOUND, id=question_id)
        return question



def disagreements_of(framework: Framework, contributions: dict[str, list[ContributionRecord]], on_record: dict[str, AnswerRecord]) -> list[Disagreement]:
    order = {question.id: index for index, question in enumerate(framework.questions())}
    found = []
    for question_id, records in contributions.items():
        given = [record for record in records if record.answer.status]
        record_answer = on_record[question_id].answer if question_id in on_record and on_record[question_id].answer.status else None
        answers = [record.answer for record in given] + ([record_answer] if record_answer else [])
        if len(answers) > 1 and any(not same_answer(answers[0], other) for other in answers[1:]):
            found.append(Disagreement(question_id, tuple(given), record_answer, spread(answers)))
    return sorted(found, key=lambda entry: (-entry.spread, order.get(entry.question_id, len(order))))


def _names_a_department(knows: str, department: str) -> bool:
    words = [word for word in department.casefold().replace("-", " ").split() if len(word) > 3]
    return bool(words) and any(word in knows for word in words)
