"""The Contributors tab: who answers which part of the assessment, their workbooks out and back, and where answers disagree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.labels import answer_summary
from resilience_app.core.contributions.service import ContributorStatus
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_date, format_number, local_moment, localise_digits
from resilience_app.core.i18n import N_, _, isolate, paragraph
from resilience_app.gui.background_job import start_job
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.contributor_dialogs import LANGUAGE_NAMES, AssignDialog, ContributorDialog, SendWorkbookDialog, existing_folder
from resilience_app.gui.export_dialog import show_saved
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.reader_names import name_for_reader

if TYPE_CHECKING:
    from resilience_app.core.contributions.workbook_import import WorkbookPreview
    from resilience_app.gui.contributor_workbook_import import WorkbookImportDialog  # openpyxl loads when a workbook is read


class ContributorsView(QWidget):
    """Signals: failed(object): a change was refused (a `UserFacingError`); question_requested(str): open a question."""

    failed = Signal(object)
    question_requested = Signal(str)

    def __init__(self, state: ContributionsState) -> None:
        super().__init__()
        self.setObjectName("contributors_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.add_button = self._button("add_contributor_button", lambda: self.edit_contributor(None))
        self.edit_button = self._button("edit_contributor_button", lambda: self.edit_contributor(self.current_contributor_id()))
        self.assign_button = self._button("assign_button", self.assign_questions)
        self.remove_button = self._button("remove_contributor_button", self.confirm_remove)
        self.export_workbook_button = self._button("export_workbook_button", self.export_workbook)
        self.import_workbook_button = self._button("import_workbook_button", self.choose_workbook_to_import)
        self.workbook_folder: Path | None = None  # where the last workbook went or came from: the next one is proposed there
        self.table = QTableWidget()
        self.table.setObjectName("contributors_table")
        name_for_reader(self.table, N_("Contributors"))
        self.table.setColumnCount(7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.edit_contributor(self.current_contributor_id()))
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.disagreements_title = QLabel()
        self.disagreements = QListWidget()
        self.disagreements.setObjectName("disagreements_list")
        name_for_reader(self.disagreements, N_("Disagreements between contributors"))
        self.disagreements.setWordWrap(True)
        self.disagreements.setSpacing(6)  # several questions listed: where one ends shows  # a question's prompt is a sentence: wrapped, never cut
        self.disagreements.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.disagreements.itemActivated.connect(lambda item: self.question_requested.emit(str(item.data(ID_ROLE))))
        self.disagreements_note = QLabel()
        self.disagreements_note.setWordWrap(True)
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.assign_button, self.remove_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.export_workbook_button)
        self.buttons.addWidget(self.import_workbook_button)
        left = QVBoxLayout()
        left.addLayout(self.buttons)
        left.addWidget(self.empty_hint)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.disagreements_title)
        right.addWidget(self.disagreements, 1)
        right.addWidget(self.disagreements_note)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)  # the chase list's seven columns; the disagreements wrap
        layout.addLayout(right, 1)
        state.changed.connect(self.refresh)
        self.retranslate()

    def _button(self, name: str, action: object) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(action)
        return button

    def current_contributor_id(self) -> int | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return int(cell.data(ID_ROLE)) if cell else None

    def current_status(self) -> ContributorStatus | None:
        chosen = self.current_contributor_id()
        return next((status for status in self.state.statuses if status.record.id == chosen), None)

    def refresh(self) -> None:
        statuses = self.state.statuses
        self.table.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            for column, value in enumerate(self._row(status)):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, status.record.id)
                contact = status.record.contributor.contact
                cell.setToolTip(_("{value}\nContact: {contact}").format(value=value, contact=contact) if contact and column == 0 else value)
                self.table.setItem(row, column, cell)
        last = self.table.columnCount() - 1
        for column in range(last):  # not the last, which stretches: sized to its text once, it would stay so
            self.table.resizeColumnToContents(column)
        for column in (0, 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self.table.setVisible(bool(statuses))
        self.empty_hint.setVisible(not statuses)
        self._fill_disagreements()
        self._update_buttons()

    def _row(self, status: ContributorStatus) -> list[str]:
        draft = status.record.contributor
        sent = status.last_sent
        return [
            draft.name,
            draft.department,
            LANGUAGE_NAMES.get(draft.language, draft.language),
            format_number(len(status.assigned)),
            format_date(local_moment(sent.sent_at).date()) if sent else _("—"),
            self._reply_by(status),
            (_("{answered} of {assigned}").format(answered=format_number(status.answered), assigned=format_number(len(status.assigned)))
             if status.assigned else _("—"))
            + (_(" · ") + _("returned {date}").format(date=format_date(local_moment(sent.returned_at).date())) if sent and sent.returned_at else ""),
        ]

    @staticmethod
    def _reply_by(status: ContributorStatus) -> str:
        """The reply date, marked overdue once it has passed with nothing returned."""
        sent = status.last_sent
        if sent is None or sent.deadline is None:
            return _("—")
        shown = format_date(sent.deadline)
        if sent.returned_at is None and sent.deadline < dt.date.today():
            return _("{date} · overdue").format(date=shown)
        return shown

    def _fill_disagreements(self) -> None:
        self.disagreements.clear()
        framework = self.state.framework
        questions = {question.id: question for question in framework.questions()}
        for entry in self.state.disagreements:
            question = questions.get(entry.question_id)
            number = localise_digits(framework.placement(entry.question_id).number) if question else entry.question_id
            given = [
                _("{who}: {answer}").format(who=isolate(self.state.name_of(record.contributor_id)), answer=answer_summary(framework, record.answer))
                for record in entry.contributions
            ]
            if entry.on_record:
                given.append(_("{who}: {answer}").format(who=_("the answer on record"), answer=answer_summary(framework, entry.on_record)))
            text = "\n".join((
                _("{number} · {name}").format(number=number, name=question.prompt) if question else entry.question_id,
                *given,
            ))
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, entry.question_id)
            item.setToolTip(text)
            self.disagreements.addItem(item)

    def _update_buttons(self) -> None:
        status = self.current_status()
        for button in (self.edit_button, self.assign_button, self.remove_button):
            button.setEnabled(status is not None)
        if status is None:
            export_tip = _("Choose a contributor in the list to export their workbook.")
        elif not status.assigned:
            export_tip = _("Assign questions to {name} first: their workbook holds the questions assigned to them.").format(name=isolate(status.record.label()))
        else:
            export_tip = _("Write the Excel workbook of the questions assigned to {name}, in their language, to send to them.").format(
                name=isolate(status.record.label()))
        self.export_workbook_button.setEnabled(status is not None and bool(status.assigned))
        self.export_workbook_button.setToolTip(export_tip)
        sent_any = any(other.last_sent is not None for other in self.state.statuses)
        self.import_workbook_button.setEnabled(sent_any)
        self.import_workbook_button.setToolTip(
            _("Read a workbook a contributor filled in and sent back: you see what it holds before anything is stored.") if sent_any
            else _("No workbook has been exported from this assessment yet: export one for a contributor first.")
        )

    # -- actions ---------------------------------------------------------------------------------------

    def edit_contributor(self, contributor_id: int | None) -> ContributorDialog:
        return open_tracked(self, ContributorDialog(self.state, self, self.state.contributor(contributor_id)))

    def assign_questions(self) -> AssignDialog | None:
        contributor = self.state.contributor(self.current_contributor_id())
        return open_tracked(self, AssignDialog(self.state, self, contributor)) if contributor else None

    def confirm_remove(self) -> QMessageBox | None:
        contributor = self.state.contributor(self.current_contributor_id())
        if contributor is None:
            return None
        question = _("Remove {name} with the questions assigned to them and the answers they sent? Answers already taken on record stay.").format(
            name=isolate(contributor.label())
        )
        return ask_to_remove(self, _("Remove contributor"), question, self.remove_current, name="confirm_remove_contributor")

    def remove_current(self) -> None:
        contributor_id = self.current_contributor_id()
        if contributor_id is not None:
            try:
                self.state.remove_contributor(contributor_id)
            except UserFacingError as error:
                self.failed.emit(error)

    # -- department workbooks ----------------------------------------------------------------------------

    def export_workbook(self) -> SendWorkbookDialog | None:
        """Ask for the reply date and whom to send it back to, then the file; the chase list then shows it as sent."""
        status = self.current_status()
        if status is None or not status.assigned:
            return None
        dialog = open_tracked(self, SendWorkbookDialog(self.state, self, status.record, folder=existing_folder(self.workbook_folder)))
        dialog.finished.connect(lambda _result: self._on_workbook_exported(dialog))  # after open_tracked's own: the message is tracked
        return dialog

    def _on_workbook_exported(self, dialog: SendWorkbookDialog) -> None:
        if dialog.path is None:
            return
        self.workbook_folder = dialog.path.parent
        text = _("The workbook for {name} is saved as:").format(name=isolate(dialog.contributor.label()))
        box = open_tracked(self, show_saved(self, dialog.path, title=_("Workbook exported"), text=text))
        box.setObjectName("contributor_workbook_done_dialog")

    def choose_workbook_to_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import a workbook"), str(existing_folder(self.workbook_folder)), _("Excel workbooks (*.xlsx)"))
        if path:
            self.import_workbook_file(Path(path))

    def import_workbook_file(self, path: Path) -> WorkbookImportDialog | None:
        """Read the workbook at `path` and show what importing it would store; nothing is stored until confirmed."""
        from resilience_app.gui.contributor_workbook_import import WorkbookImportDialog

        previews: list[WorkbookPreview] = []
        # Read off the GUI thread (a workbook takes a while to open); the window repaints, the button is off meanwhile.
        job = start_job(self, _("Reading the workbook…"), lambda: self.state.preview_workbook_file(path), key="contributor_workbook_import",
                        on_done=previews.append, holds=(self.import_workbook_button,))
        if job is None:
            return None
        job.wait()  # the preview is what the user waits for next
        if not previews:
            return None
        preview = previews[0]
        self.workbook_folder = path.parent
        dialog = open_tracked(self, WorkbookImportDialog(self.state, self, preview, path.name))
        dialog.finished.connect(lambda _result: self._on_workbook_imported(dialog))  # after open_tracked's own: the message is tracked
        return dialog

    def _on_workbook_imported(self, dialog: WorkbookImportDialog) -> None:
        from resilience_app.gui.contributor_workbook_import import show_imported

        if dialog.imported is not None:
            open_tracked(self, show_imported(self, dialog.preview, dialog.imported))

    def retranslate(self) -> None:
        self.add_button.setText(_("Add contributor…"))
        self.edit_button.setText(_("Edit…"))
        self.assign_button.setText(_("Assign questions…"))
        self.remove_button.setText(_("Remove"))
        self.export_workbook_button.setText(_("Export workbook…"))
        self.import_workbook_button.setText(_("Import workbook…"))
        self.table.setHorizontalHeaderLabels([_("Name"), _("Department"), _("Language"), _("Questions"), _("Workbook sent"), _("Reply by"), _("Answered")])
        self.empty_hint.setText(paragraph(_(
            "No contributors yet. Add the departments that know parts of the assessment, assign them goals, indicators "
            "or questions, and send each one a workbook to fill in Excel."
        )))
        self.disagreements_title.setText(_("Disagreements"))
        self.disagreements_note.setText(paragraph(_(
            "Questions whose answers differ, widest spread first. Open one to take an answer on record or set the level agreed."
        )))
        self.refresh()
