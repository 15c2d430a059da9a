"""Under a question: what each contributor answered, side by side, to take one on record or set the level agreed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, answer_summary, level_name
from resilience_app.core.contributions.records import ContributionRecord
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.form_dialog import FormDialog, open_tracked

LEVELS = (1, 2, 3, 4, 5)


class AgreedLevelDialog(FormDialog):
    """The level the contributors agreed on, with how they agreed (kept in the history)."""

    def __init__(self, state: ContributionsState, parent: QWidget, question_id: str) -> None:
        super().__init__(
            parent,
            name="agreed_level_dialog",
            title=_("Set the level agreed by the contributors"),
            fields={"level": (_("Level"), QComboBox()), "reason": (_("How it was agreed"), QPlainTextEdit())},
        )
        self.state, self.question_id = state, question_id
        self.editor("level", QComboBox).addItems([level_name(state.framework, level) for level in LEVELS])
        self.editor("reason", QPlainTextEdit).setPlaceholderText(_("For example: agreed at the focal points' meeting of 12 May"))
        self.editor("reason", QPlainTextEdit).setTabChangesFocus(True)

    def store(self) -> None:
        level = LEVELS[self.editor("level", QComboBox).currentIndex()]
        self.state.settle(self.question_id, level, self.editor("reason", QPlainTextEdit).toPlainText())


class ContributionsPanel(QWidget):
    """Shown under a question that contributors answered. Signals: failed(object): a change was refused."""

    failed = Signal(object)

    def __init__(self, state: ContributionsState) -> None:
        super().__init__()
        self.setObjectName("contributions_panel")
        self.state = state
        self.question_id: str | None = None
        self.active_dialog: QDialog | None = None
        self.title = QLabel()
        self.table = QTableWidget()
        self.table.setObjectName("contributions_table")
        self.table.setColumnCount(5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.take_button = QPushButton()
        self.take_button.setObjectName("take_contribution_button")
        self.take_button.clicked.connect(self.take_current)
        self.agree_button = QPushButton()
        self.agree_button.setObjectName("agreed_level_button")
        self.agree_button.clicked.connect(self.set_agreed_level)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.agree_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        state.changed.connect(self.refresh)
        self.retranslate()

    def show_question(self, question_id: str | None) -> None:
        self.question_id = question_id
        self.refresh()

    def _records(self) -> list[ContributionRecord]:
        return [record for record in self.state.contributions.get(self.question_id or "", []) if record.answer.status]

    def refresh(self) -> None:
        records = self._records()
        self.setVisible(bool(records))
        if not records:
            return
        framework = self.state.framework
        disagreement = self.state.disagreement(self.question_id or "")
        self.title.setText(_("Contributors disagree") if disagreement else _("What the contributors answered"))
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            answer = record.answer
            values = [
                self.state.name_of(record.contributor_id),
                answer_summary(framework, answer) + (f" ({answer.numeric_value})" if answer.numeric_value else ""),
                _(CONFIDENCE_NAMES[answer.confidence]) if answer.confidence in CONFIDENCE_NAMES else _("—"),
                answer.justification,
                record.evidence,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, record.contributor_id)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + sum(self.table.rowHeight(row) for row in range(len(records))) + 4)
        self._update_buttons()

    def _current_contributor(self) -> int | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return int(cell.data(ID_ROLE)) if cell else None

    def _update_buttons(self) -> None:
        self.take_button.setEnabled(self._current_contributor() is not None)

    def take_current(self) -> None:
        contributor_id = self._current_contributor()
        if contributor_id is None or self.question_id is None:
            return
        try:
            self.state.take_contribution(contributor_id, self.question_id)
        except UserFacingError as error:
            self.failed.emit(error)

    def set_agreed_level(self) -> AgreedLevelDialog | None:
        if self.question_id is None:
            return None
        return open_tracked(self, AgreedLevelDialog(self.state, self, self.question_id))

    def retranslate(self) -> None:
        self.take_button.setText(_("Take this answer"))
        self.agree_button.setText(_("Set the agreed level…"))
        self.table.setHorizontalHeaderLabels([_("Contributor"), _("Answer"), _("Confidence"), _("Justification"), _("Evidence")])
        self.refresh()
