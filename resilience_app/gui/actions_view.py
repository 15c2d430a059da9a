"""The actions inventory: existing plans, programmes and projects, and the goals they leave thin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.labels import goal_label
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, paragraph
from resilience_app.core.register.discovery import THIN_BELOW
from resilience_app.core.register.labels import ACTION_STATUS_NAMES
from resilience_app.core.register.records import ActionDraft, ActionRecord
from resilience_app.gui.checklist import ID_ROLE, Checklist, goal_entries, quality_entries
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.form_dialog import FormDialog, open_tracked
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.record_table import current_record_id, fill_records, record_id_of_row, record_table
from resilience_app.gui.register_state import RegisterState

STATUSES = tuple(ACTION_STATUS_NAMES)


class ActionDialog(FormDialog):
    """Add or edit one action; a refused value shows under its field and nothing is saved."""

    def __init__(self, state: RegisterState, parent: QWidget, action: ActionRecord | None = None) -> None:
        draft = action.action if action else ActionDraft(title="")
        super().__init__(
            parent,
            name="action_dialog",
            title=_("Edit action") if action else _("Add action"),
            fields={
                "title": (_("Title"), QLineEdit(draft.title)),
                "owner": (_("Owner"), QLineEdit(draft.owner)),
                "status": (_("Status"), QComboBox()),
                "timeframe": (_("Timeframe"), QLineEdit(draft.timeframe)),
                "budget_source": (_("Budget source (optional)"), QLineEdit(draft.budget_source)),
                "goals": (_("Goals it addresses"), Checklist(name="goals")),
                "item_ids": (_("Shocks and stresses it addresses"), Checklist(name="items")),
                "qualities": (_("Qualities it shows"), Checklist(name="qualities")),
                "notes": (_("Notes"), QPlainTextEdit(draft.notes)),
            },
        )
        self.state, self.action = state, action
        self.saved_id: int | None = None  # the action stored, once saved
        status = self.editor("status", QComboBox)
        status.addItems([_(name) for name in ACTION_STATUS_NAMES.values()])
        status.setCurrentIndex(STATUSES.index(draft.status))
        self.editor("goals", Checklist).set_entries(goal_entries(state.framework), draft.goals)
        self.editor("item_ids", Checklist).set_entries([(record.id, state.name(record)) for record in state.items], draft.item_ids)
        self.editor("qualities", Checklist).set_entries(quality_entries(state.framework), draft.qualities)
        for name in ("goals", "item_ids", "qualities"):
            self.editor(name, Checklist).show_rows(12)
        self.editor("notes", QPlainTextEdit).setFixedHeight(60)
        self.editor("notes", QPlainTextEdit).setTabChangesFocus(True)
        self.editor("owner", QLineEdit).setPlaceholderText(_("A department or a partner"))
        self.editor("timeframe", QLineEdit).setPlaceholderText(_("For example: 2024–2027"))

    def draft(self) -> ActionDraft:
        return ActionDraft(
            title=self.editor("title", QLineEdit).text(),
            owner=self.editor("owner", QLineEdit).text(),
            status=STATUSES[self.editor("status", QComboBox).currentIndex()],
            timeframe=self.editor("timeframe", QLineEdit).text(),
            budget_source=self.editor("budget_source", QLineEdit).text(),
            goals=self.editor("goals", Checklist).checked_ids(),
            item_ids=self.editor("item_ids", Checklist).checked_ids(),
            qualities=self.editor("qualities", Checklist).checked_ids(),
            notes=self.editor("notes", QPlainTextEdit).toPlainText(),
        )

    def store(self) -> None:
        if self.action is None:
            self.saved_id = self.state.add_action(self.draft()).id
        else:
            self.state.update_action(self.action.id, self.draft())
            self.saved_id = self.action.id


class ActionsView(QWidget):
    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("actions_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_action_button")
        self.add_button.clicked.connect(lambda: self.edit_action(None))
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_action_button")
        self.edit_button.clicked.connect(lambda: self.edit_action(self.current_action_id()))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_action_button")
        self.remove_button.clicked.connect(self.confirm_remove)
        self.table = record_table("actions_table", 5)
        name_for_reader(self.table, N_("Actions"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.edit_action(self.current_action_id()))
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.coverage_title = QLabel()
        self.coverage = QListWidget()
        self.coverage.setObjectName("goal_coverage")
        name_for_reader(self.coverage, N_("Goals the actions cover"))
        self.coverage_note = QLabel()
        self.coverage_note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.coverage_title)
        right.addWidget(self.coverage, 1)
        right.addWidget(self.coverage_note)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        state.changed.connect(self.refresh)
        self.retranslate()

    def current_action_id(self) -> int | None:
        return current_record_id(self.table)

    def refresh(self) -> None:
        framework = self.state.framework
        numbers = {goal.id: format_number(goal.number) for goal in framework.goals()}
        rows = [
            (record.id, [
                record.action.title, record.action.owner, _(ACTION_STATUS_NAMES[record.action.status]), record.action.timeframe,
                _(", ").join(numbers[goal] for goal in record.action.goals if goal in numbers),
            ])
            for record in self.state.actions
        ]
        fill_records(self.table, rows)
        for column in (0, 1):  # long titles and owners: the status and timeframe stay in view
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))
        counts = self.state.goal_action_counts()
        self.coverage.clear()
        for goal in framework.goals():
            count = counts[goal.id]
            if count == 0:
                note = _("no action")
            elif count < THIN_BELOW:
                note = _("only one action")
            else:
                note = _("{count} actions").format(count=format_number(count))
            marker = "⚠ " if count < THIN_BELOW else ""  # not by colour alone
            entry = QListWidgetItem(f"{marker}{goal_label(goal)} — {note}")
            entry.setData(ID_ROLE, goal.id)
            if count < THIN_BELOW:
                entry.setForeground(Qt.GlobalColor.darkRed)
            self.coverage.addItem(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_choice = self.current_action_id() is not None
        self.edit_button.setEnabled(has_choice)
        self.remove_button.setEnabled(has_choice)

    def edit_action(self, action_id: int | None) -> ActionDialog:
        record = next((action for action in self.state.actions if action.id == action_id), None)
        dialog = ActionDialog(self.state, self, record)

        def select_saved() -> None:
            if dialog.saved_id is not None:
                self.select_action(dialog.saved_id)

        dialog.accepted.connect(select_saved)
        return open_tracked(self, dialog)

    def select_action(self, action_id: int) -> None:
        """Choose the action's row and bring it into view (after it is added or edited)."""
        for row in range(self.table.rowCount()):
            if record_id_of_row(self.table, row) == action_id:
                self.table.setCurrentCell(row, 0)
                self.table.scrollTo(self.table.model().index(row, 0))
                return

    def confirm_remove(self) -> QMessageBox | None:
        record = next((action for action in self.state.actions if action.id == self.current_action_id()), None)
        if record is None:
            return None
        question = _("Remove the action “{title}” from the inventory?").format(title=record.action.title)
        return ask_to_remove(self, _("Remove action"), question, self.remove_current, name="confirm_remove_action")

    def remove_current(self) -> None:
        action_id = self.current_action_id()
        if action_id is not None:
            try:
                self.state.remove_action(action_id)
            except UserFacingError as error:
                self.failed.emit(error)

    def retranslate(self) -> None:
        self.add_button.setText(_("Add action…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.table.setHorizontalHeaderLabels([_("Title"), _("Owner"), _("Status"), _("Timeframe"), _("Goals")])
        self.coverage_title.setText(_("Actions per goal"))
        self.coverage_note.setText(paragraph(_("Goals marked ⚠ have no action or only one; actions on hold do not count.")))
        self.refresh()
