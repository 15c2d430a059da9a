"""The questionnaire: the navigator with its filter and search beside the goal or question
shown, answered from the keyboard (1–5, N, ?, Page Up / Page Down)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.evidence_rules import opens_in_a_viewer
from resilience_app.core.assessment.records import EvidenceRecord
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import N_, _, isolate
from resilience_app.gui.answer_keys import answer_for_key
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.contributions_panel import ContributionsPanel
from resilience_app.gui.evidence_panel import EvidenceDialog, open_file
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.form_fields import refill_choices
from resilience_app.gui.goal_view import GoalView
from resilience_app.gui.history_dialog import HistoryDialog
from resilience_app.gui.panes import Splitter
from resilience_app.gui.question_navigator import FILTERS, QuestionNavigator
from resilience_app.gui.question_view import QuestionView
from resilience_app.gui.reader_names import name_for_reader

FILTER_NAMES = {
    "all": N_("All questions"),
    "unanswered": N_("Unanswered"),
    "low_confidence": N_("Low confidence"),
    "no_evidence": N_("Answered without evidence"),
    "disagreement": N_("With disagreement"),
}


class Questionnaire(QWidget):
    """Signals:
    failed(object): a change could not be saved (a `UserFacingError` to show).
    """

    failed = Signal(object)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("questionnaire")
        self.session = session
        self.navigator = QuestionNavigator(session)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("question_filter")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("question_search")
        name_for_reader(self.search_box, N_("Search the questions"))
        self.search_box.setClearButtonEnabled(True)
        self.goal_view = GoalView(session)
        self.question_view = QuestionView(session)
        self.empty_note = QLabel()  # until a goal or a question is chosen
        self.empty_note.setObjectName("questionnaire_empty_note")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("color: #555555;")
        self.detail = QStackedWidget()
        self.detail.addWidget(self.empty_note)
        self.detail.addWidget(self.goal_view)
        self.detail.addWidget(self.question_view)

        self.filter_box.currentIndexChanged.connect(lambda index: self.navigator.set_filter(FILTERS[index]) if index >= 0 else None)
        self.search_box.textChanged.connect(self.navigator.set_search)
        self.navigator.question_selected.connect(self.show_question)
        self.navigator.goal_selected.connect(self._show_goal)
        self.goal_view.question_requested.connect(self.open_question)
        self.question_view.next_requested.connect(lambda: self.step(True))
        self.question_view.previous_requested.connect(lambda: self.step(False))
        self.question_view.failed.connect(self.failed)
        self.question_view.add_evidence_requested.connect(self.add_evidence)
        self.question_view.evidence_open_requested.connect(self.open_evidence)
        self.question_view.evidence_remove_requested.connect(self.remove_evidence)
        self.question_view.history_requested.connect(self.show_history)
        self.active_dialog: QDialog | None = None
        session.answer_changed.connect(self._on_answer_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.navigator, 1)
        self.splitter = Splitter()
        self.splitter.addWidget(left)
        right = QWidget()
        self.right_layout = QVBoxLayout(right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.detail, 1)
        self.splitter.addWidget(right)
        self.contributions_panel: ContributionsPanel | None = None
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.opening_share = 0.33  # the navigator wide enough to read a question, in Arabic too
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def attach_contributions(self, panel: ContributionsPanel, disagreeing: Callable[[], Collection[str]]) -> None:
        """Show what the contributors answered under each question, and let the filter find disagreements."""
        self.contributions_panel = panel
        self.right_layout.addWidget(panel)
        panel.failed.connect(self.failed)
        panel.show_question(self.current_question_id())
        self.navigator.disagreeing = disagreeing

    def retranslate(self) -> None:
        if self.contributions_panel is not None:
            self.contributions_panel.retranslate()
        refill_choices(self.filter_box, [_(FILTER_NAMES[name]) for name in FILTERS])
        self.search_box.setPlaceholderText(_("Search questions"))
        self.empty_note.setText(_("Choose a goal or a question"))
        self.navigator.rebuild()
        self.question_view.retranslate()
        self.goal_view.refresh()

    # -- moving around ---------------------------------------------------------------------

    def open_question(self, question_id: str) -> None:
        self.navigator.select(question_id)  # emits question_selected → show_question
        self.show_question(question_id)

    def open_goal(self, goal_id: str) -> None:
        self.navigator.select(goal_id)
        self._show_goal(goal_id)

    def show_question(self, question_id: str) -> None:
        if self.question_view.question is None or self.question_view.question.id != question_id:
            self.question_view.show_question(question_id)
        self.detail.setCurrentWidget(self.question_view)
        if self.contributions_panel is not None:
            self.contributions_panel.show_question(question_id)

    def _show_goal(self, goal_id: str) -> None:
        self.question_view.save_typing()
        self.goal_view.show_goal(goal_id)
        self.detail.setCurrentWidget(self.goal_view)
        if self.contributions_panel is not None:
            self.contributions_panel.show_question(None)

    def step(self, forward: bool) -> None:
        self.question_view.save_typing()
        self.navigator.step(forward)

    def set_filter(self, name: str) -> None:
        self.filter_box.setCurrentIndex(FILTERS.index(name))

    def current_question_id(self) -> str | None:
        if self.detail.currentWidget() is self.question_view and self.question_view.question:
            return self.question_view.question.id
        return None

    # -- keyboard ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_PageDown:
            self.step(True)
            return
        if event.key() == Qt.Key.Key_PageUp:
            self.step(False)
            return
        answer = answer_for_key(event.text())
        if answer is not None and self.current_question_id() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.question_view.choose(*answer)
            return
        super().keyPressEvent(event)

    # -- evidence and history ------------------------------------------------------------------

    def add_evidence(self, question_id: str) -> None:
        dialog = EvidenceDialog(self)

        def add() -> None:
            try:
                self.session.add_evidence(question_id, dialog.draft())
            except UserFacingError as error:
                self.failed.emit(error)

        dialog.accepted.connect(add)
        open_tracked(self, dialog)

    def open_evidence(self, evidence: EvidenceRecord) -> None:
        path = self.session.service.assessments.evidence_file(evidence)
        if path is not None and path.exists() and not opens_in_a_viewer(path):
            open_file(path.parent)  # a program or script is never launched: its folder is shown
            self.failed.emit(
                user_error(ErrorCode.EVIDENCE_NOT_OPENED, title=isolate(evidence.title))
            )
            return
        if path is None or not path.exists() or not open_file(path):
            self.failed.emit(
                user_error(ErrorCode.EVIDENCE_FILE_MISSING, title=isolate(evidence.title), folder=isolate(str(self.session.service.paths.evidence_dir)))
            )

    def remove_evidence(self, evidence: EvidenceRecord) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Remove evidence"),
            _("Remove “{title}” from this answer?").format(title=isolate(evidence.title)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_remove_evidence")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if evidence.file_name:
            box.setInformativeText(_("Its copy in the assessment's evidence folder is deleted too."))

        def on_answer(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                try:
                    self.session.remove_evidence(evidence)
                except UserFacingError as error:
                    self.failed.emit(error)

        box.buttonClicked.connect(on_answer)
        open_tracked(self, box)

    def show_history(self, question_id: str) -> None:
        try:
            changes = self.session.service.assessments.answer_history(self.session.assessment_id, question_id)
        except UserFacingError as error:
            self.failed.emit(error)
            return
        number = localise_digits(self.session.framework.placement(question_id).number)
        open_tracked(self, HistoryDialog(self, number, changes))

    def _on_answer_changed(self, question_id: str) -> None:
        self.navigator.on_answer_changed(question_id)
        self.question_view.on_answer_changed(question_id)
        if self.detail.currentWidget() is self.goal_view:
            self.goal_view.refresh()
