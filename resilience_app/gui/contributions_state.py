"""The open assessment's contributors, their answers and disagreements, as the screens see them.

Views call this object rather than the service and redraw on `changed`; a change that touches the
answers on record (taking a contribution, settling a disagreement, a workbook's answers taken on record)
goes through the assessment session, so the questionnaire, the profile and the undo history follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from resilience_app.core.content.model import Framework
from resilience_app.core.contributions.records import ContributionRecord, ContributorDraft, ContributorRecord, WorkbookRecord
from resilience_app.core.contributions.service import ContributionService, ContributorStatus, Disagreement
from resilience_app.core.i18n import _
from resilience_app.gui.assessment_session import AssessmentSession

if TYPE_CHECKING:
    from resilience_app.core.contributions.workbook_import import WorkbookImported, WorkbookPreview  # openpyxl stays off the start-up path

ResultT = TypeVar("ResultT")


class ContributionsState(QObject):
    """Signals: changed(): contributors, assignments or contributions changed (saved and re-read already)."""

    changed = Signal()

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__(session)
        self.session = session
        self.service: ContributionService = session.service.contributions
        self.statuses: list[ContributorStatus] = []
        self.contributions: dict[str, list[ContributionRecord]] = {}
        self.disagreements: list[Disagreement] = []
        self._read()
        session.answer_changed.connect(self._on_answer_changed)

    @property
    def assessment_id(self) -> int:
        return self.session.assessment_id

    @property
    def framework(self) -> Framework:
        return self.session.framework

    def _read(self) -> None:
        self.statuses = self.service.statuses(self.assessment_id)
        self.contributions = self.service.contributions(self.assessment_id)
        self.disagreements = self.service.disagreements(self.assessment_id)

    def reload(self) -> None:
        self._read()
        self.changed.emit()

    def _on_answer_changed(self, _question_id: str) -> None:
        """An answer on record changed: whether its question still disagrees may have changed too."""
        self.disagreements = self.service.disagreements(self.assessment_id)
        self.changed.emit()

    def _after(self, change: Callable[[], ResultT]) -> ResultT:
        result = change()
        self.reload()
        return result

    # -- reading --------------------------------------------------------------------------------

    def contributor(self, contributor_id: int | None) -> ContributorRecord | None:
        return next((status.record for status in self.statuses if status.record.id == contributor_id), None)

    def name_of(self, contributor_id: int) -> str:
        record = self.contributor(contributor_id)
        return record.label() if record else ""

    def disagreement(self, question_id: str) -> Disagreement | None:
        return next((entry for entry in self.disagreements if entry.question_id == question_id), None)

    def disagreeing_questions(self) -> set[str]:
        return {entry.question_id for entry in self.disagreements}

    # -- changes ----------------------------------------------------------------------------------

    def add_contributor(self, draft: ContributorDraft) -> ContributorRecord:
        return self._after(lambda: self.service.add_contributor(self.assessment_id, draft))

    def update_contributor(self, contributor_id: int, draft: ContributorDraft) -> ContributorRecord:
        return self._after(lambda: self.service.update_contributor(contributor_id, draft))

    def remove_contributor(self, contributor_id: int) -> None:
        self._after(lambda: self.service.remove_contributor(contributor_id))

    def assign(self, contributor_id: int, scope: Iterable[str]) -> list[str]:
        return self._after(lambda: self.service.assign(contributor_id, list(scope)))

    def unassign(self, contributor_id: int, question_ids: Iterable[str]) -> None:
        self._after(lambda: self.service.unassign(contributor_id, list(question_ids)))

    def take_contribution(self, contributor_id: int, question_id: str) -> None:
        """Make a contribution the answer on record (through the session: the screens and undo follow)."""
        record = self.service.take_contribution(self.assessment_id, contributor_id, question_id)
        self.session.adopt_saved_answer(record, description=_("Take the answer of {name}").format(name=self.name_of(contributor_id)))

    def settle(self, question_id: str, level: int, reason: str) -> None:
        record = self.service.settle(self.assessment_id, question_id, level, reason)
        self.session.adopt_saved_answer(record, description=_("Set the level agreed by the contributors"))

    # -- department workbooks -----------------------------------------------------------------------

    def export_workbook(self, contributor_id: int, path: Path, *, deadline: dt.date | None, return_to: str) -> WorkbookRecord:
        """Write the contributor's workbook to `path` and record it as sent (the chase list shows the date)."""
        return self._after(lambda: self.service.export_workbook(contributor_id, path, deadline=deadline, return_to=return_to))

    def preview_workbook_file(self, path: Path) -> WorkbookPreview:
        """What importing the returned workbook at `path` would store; nothing is stored (`UserFacingError` when refused
        whole or unreadable)."""
        return self.service.preview_workbook_file(self.assessment_id, path)

    def import_workbook(self, preview: WorkbookPreview, *, on_record: Collection[str]) -> WorkbookImported:
        """Store a confirmed preview; of the answers offered as the answer on record, those in `on_record` are taken.

        The answers taken on record reach the questionnaire through the session, as one undoable step.
        """
        imported = self.service.import_workbook(preview, on_record=on_record)
        if imported.taken_on_record:
            self._show_taken(preview.offered, _("Take the answers of the workbook of {name}").format(name=preview.contributor.label()))
        self.reload()
        return imported

    def _show_taken(self, question_ids: Iterable[str], description: str) -> None:
        assessments, session = self.session.service.assessments, self.session
        stored = assessments.answers(self.assessment_id)
        taken = [stored[question_id] for question_id in question_ids if question_id in stored and stored[question_id].answer != session.draft(question_id)]
        if not taken:
            return
        session.evidence = assessments.evidence(self.assessment_id)  # a reference given with an answer taken is its evidence
        session.undo_stack.beginMacro(description)
        for record in taken:
            session.adopt_saved_answer(record, description=description)
        session.undo_stack.endMacro()
