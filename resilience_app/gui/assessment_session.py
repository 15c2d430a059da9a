"""The open assessment as the screens see it: its answers, evidence and profile, kept in step
with the database, every change saved at once and undoable.

Views never call the service for answers themselves: they call this session and listen
to its signals, so the question view, the navigator, the overview, the progress bars and
the profile always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from resilience_app.core.assessment.records import AnswerDraft, AnswerRecord, AssessmentRecord, EvidenceDraft, EvidenceRecord
from resilience_app.core.assessment.service import profile_of
from resilience_app.core.content.model import Framework
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _
from resilience_app.core.scoring import ResilienceProfile
from resilience_app.core.services import ResilienceService


class AssessmentSession(QObject):
    """Signals:
    answer_changed(str): the answer or evidence of this question changed (saved already).
    replayed(str): an undo or redo changed this question.
    failed(object): an undo or redo could not be saved (a `UserFacingError` to show).
    """

    answer_changed = Signal(str)
    replayed = Signal(str)
    failed = Signal(object)

    def __init__(self, service: ResilienceService, record: AssessmentRecord, framework: Framework, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.record = record
        self.framework = framework
        self.undo_stack = QUndoStack(self)
        self.answered_by = ""  # who is answering now; offered on each new answer
        self.answers: dict[str, AnswerRecord] = service.assessments.answers(record.id)
        self.evidence: dict[str, list[EvidenceRecord]] = service.assessments.evidence(record.id)
        self._profile: ResilienceProfile | None = None

    @property
    def assessment_id(self) -> int:
        return self.record.id

    def reread(self) -> None:
        """Read the assessment, its answers and evidence again (after a change of language: text the app wrote
        in every language reads in the new one, core.every_language)."""
        self.record = self.service.assessments.get_assessment(self.assessment_id)
        self.answers = self.service.assessments.answers(self.assessment_id)
        self.evidence = self.service.assessments.evidence(self.assessment_id)
        self._profile = None

    @property
    def profile(self) -> ResilienceProfile:
        if self._profile is None:
            self._profile = profile_of(self.framework, self.answers, set(self.evidence))
        return self._profile

    def draft(self, question_id: str) -> AnswerDraft | None:
        stored = self.answers.get(question_id)
        return stored.answer if stored else None

    # -- changes (each one undoable) ---------------------------------------------------

    def change_answer(self, question_id: str, after: AnswerDraft, *, description: str = "", merge_key: str = "") -> None:
        """Save `after` now (raises `InvalidInputError`/`UserFacingError` and changes nothing if refused)."""
        before = self.draft(question_id)
        if before == after:
            return
        self._store(question_id, after)
        self.undo_stack.push(_AnswerCommand(self, question_id, before, after, description or _("Change answer"), merge_key))

    def _store(self, question_id: str, draft: AnswerDraft | None) -> None:
        if draft is None:
            self.service.assessments.clear_answer(self.assessment_id, question_id, changed_by=self.answered_by)
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = self.service.assessments.save_answer(self.assessment_id, question_id, draft, changed_by=self.answered_by)
        self._changed(question_id)

    def adopt_saved_answer(self, record: AnswerRecord, *, description: str) -> None:
        """Show an answer the core saved itself (a contribution taken, a consensus set) and make it undoable."""
        before = self.draft(record.question_id)
        self.answers[record.question_id] = record
        self._changed(record.question_id)
        self.undo_stack.push(_AnswerCommand(self, record.question_id, before, record.answer, description, ""))

    def add_evidence(self, question_id: str, draft: EvidenceDraft) -> EvidenceRecord:
        added = self.service.assessments.add_evidence(self.assessment_id, question_id, draft, changed_by=self.answered_by)
        self.evidence.setdefault(question_id, []).append(added)
        self._changed(question_id)
        return added

    def remove_evidence(self, evidence: EvidenceRecord) -> None:
        self.service.assessments.remove_evidence(evidence.id, changed_by=self.answered_by)
        remaining = [item for item in self.evidence.get(evidence.question_id, []) if item.id != evidence.id]
        if remaining:
            self.evidence[evidence.question_id] = remaining
        else:
            self.evidence.pop(evidence.question_id, None)
        self._changed(evidence.question_id)

    def _replay(self, question_id: str, draft: AnswerDraft | None) -> None:
        """Undo and redo: Qt calls them, so a refusal is reported by signal, not raised."""
        try:
            self._store(question_id, draft)
        except UserFacingError as error:
            self.failed.emit(error)
            return
        self.replayed.emit(question_id)

    def _changed(self, question_id: str) -> None:
        self._profile = None
        self.answer_changed.emit(question_id)


TYPING_MERGE_ID = 1


class _AnswerCommand(QUndoCommand):
    """One answer change; text typed in one field of one question merges into one step."""

    def __init__(
        self, session: AssessmentSession, question_id: str, before: AnswerDraft | None, after: AnswerDraft | None, text: str, merge_key: str
    ) -> None:
        super().__init__(text)
        self._session, self.question_id, self.before, self.after = session, question_id, before, after
        self._merge_key = f"{question_id}/{merge_key}" if merge_key else ""
        self._done = True  # already saved when pushed: the first redo() does nothing

    def id(self) -> int:
        # Qt offers a merge only between commands of the same id; mergeWith checks it is the same field.
        return TYPING_MERGE_ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _AnswerCommand) or other._merge_key != self._merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._session._replay(self.question_id, self.after)

    def undo(self) -> None:
        self._session._replay(self.question_id, self.before)
