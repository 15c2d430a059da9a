"""The next steps after the Preliminary Resilience Assessment: what is to be done, by whom, by when, for which area.

Shown under the discovery areas, which most steps serve. Each step is saved at once; a refused one shows its
messages under the fields and nothing is saved.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_date
from resilience_app.core.i18n import N_, _
from resilience_app.core.register.labels import NEXT_STEP_STATUS_NAMES
from resilience_app.core.register.records import NextStepDraft, NextStepRecord
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.date_fields import OptionalDateField
from resilience_app.gui.form_dialog import FormDialog, open_tracked
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.record_table import current_record_id, fill_records, record_table
from resilience_app.gui.register_state import RegisterState

STATUSES = tuple(NEXT_STEP_STATUS_NAMES)


class NextStepDialog(FormDialog):
    """Add or edit one next step: what, owner, due date (optional), status and the discovery area it serves."""

    def __init__(self, state: RegisterState, parent: QWidget, step: NextStepRecord | None = None, *, area_id: int | None = None) -> None:
        draft = step.step if step else NextStepDraft(what="", area_id=area_id)
        super().__init__(
            parent,
            name="next_step_dialog",
            title=_("Edit next step") if step else _("Add a next step"),
            fields={
                "what": (_("What is to be done"), QLineEdit(draft.what)),
                "owner": (_("Owner"), QLineEdit(draft.owner)),
                "due": (_("Due date"), OptionalDateField(_("Set a date"), draft.due, name="next_step_due")),
                "status": (_("Status"), QComboBox()),
                "area_id": (_("Discovery area"), QComboBox()),
            },
        )
        self.state, self.step = state, step
        self.editor("what", QLineEdit).setMinimumWidth(420)
        self.editor("owner", QLineEdit).setPlaceholderText(_("A person, a department or a partner"))
        status = self.editor("status", QComboBox)
        status.addItems([_(name) for name in NEXT_STEP_STATUS_NAMES.values()])
        status.setCurrentIndex(STATUSES.index(draft.status))
        areas = self.editor("area_id", QComboBox)
        areas.addItem(_("None"), None)
        for record in state.areas:  # the accepted areas, and the one the step already serves
            if record.area.status == "accepted" or record.id == draft.area_id:
                areas.addItem(record.area.title, record.id)
        areas.setCurrentIndex(max(areas.findData(draft.area_id), 0))

    def draft(self) -> NextStepDraft:
        return NextStepDraft(
            what=self.editor("what", QLineEdit).text(),
            owner=self.editor("owner", QLineEdit).text(),
            due=self.editor("due", OptionalDateField).date(),
            status=STATUSES[self.editor("status", QComboBox).currentIndex()],
            area_id=self.editor("area_id", QComboBox).currentData(),
        )

    def store(self) -> None:
        if self.step is None:
            self.state.add_next_step(self.draft())
        else:
            self.state.update_next_step(self.step.id, self.draft())


class NextStepsPanel(QWidget):
    """Signals: failed(UserFacingError): a change could not be saved."""

    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("next_steps_panel")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.current_area_id: int | None = None  # the area chosen above: a new step serves it unless changed
        self.title = QLabel()
        self.title.setObjectName("next_steps_title")
        self.buttons = {name: QPushButton() for name in ("add", "edit", "remove")}
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}_next_step_button")
        self.buttons["add"].clicked.connect(lambda: self.edit_step(None))
        self.buttons["edit"].clicked.connect(lambda: self.edit_step(self.current_step_id()))
        self.buttons["remove"].clicked.connect(self.confirm_remove)
        self.table = record_table("next_steps_table", 5)
        name_for_reader(self.table, N_("Next steps"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.edit_step(self.current_step_id()))
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in self.buttons.values():
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        state.changed.connect(self.refresh)
        self.retranslate()

    def current_step_id(self) -> int | None:
        return current_record_id(self.table)

    def _step(self, step_id: int | None) -> NextStepRecord | None:
        return next((step for step in self.state.next_steps if step.id == step_id), None)

    def _cells(self, record: NextStepRecord) -> list[str]:
        step = record.step
        area = self.state.area(step.area_id)
        due = format_date(step.due) if step.due else _("—")
        return [step.what, step.owner, due, _(NEXT_STEP_STATUS_NAMES[step.status]), area.area.title if area else _("—")]

    def refresh(self) -> None:
        fill_records(self.table, [(record.id, self._cells(record)) for record in self.state.next_steps])
        for column in (1, 4):  # long owners and area titles: what is to be done takes the room left, date and status stay whole
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_step_id() is not None
        self.buttons["edit"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)

    def edit_step(self, step_id: int | None) -> NextStepDialog:
        area_id = self.current_area_id if step_id is None else None
        return open_tracked(self, NextStepDialog(self.state, self, self._step(step_id), area_id=area_id))

    def confirm_remove(self) -> QMessageBox | None:
        record = self._step(self.current_step_id())
        if record is None:
            return None
        question = _("Remove the next step “{step}”?").format(step=record.step.what)
        return ask_to_remove(self, _("Remove next step"), question, lambda: self._remove(record.id), name="confirm_remove_next_step")

    def _remove(self, step_id: int) -> None:
        try:
            self.state.remove_next_step(step_id)
        except UserFacingError as error:
            self.failed.emit(error)

    def retranslate(self) -> None:
        heading = _("Next steps")
        self.title.setText(f"<b>{html.escape(heading)}</b>")
        for name, text in {"add": _("Add a next step…"), "edit": _("Edit…"), "remove": _("Remove")}.items():
            self.buttons[name].setText(text)
        self.table.setHorizontalHeaderLabels([_("What is to be done"), _("Owner"), _("Due date"), _("Status"), _("Discovery area")])
        self.refresh()
