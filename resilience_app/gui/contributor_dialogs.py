"""Adding a contributor, assigning goals, indicators or questions to one, and sending one their workbook."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.labels import goal_label
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.errors import UserFacingError
from resilience_app.core.file_export import proposed_export_folder
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _, current_language, isolate, ngettext, paragraph
from resilience_app.gui.background_job import BackgroundJob, start_job
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.date_fields import date_field
from resilience_app.gui.errors import show_user_error
from resilience_app.gui.form_dialog import FormDialog
from resilience_app.gui.form_fields import interface_language_first

LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}  # each in its own language, as a language menu shows them
ID_ROLE = Qt.ItemDataRole.UserRole + 1
REPLY_DAYS = 14  # the reply date first offered: two weeks from today
NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # characters Windows or macOS refuse in a file name


class ContributorDialog(FormDialog):
    """Add or edit a contributor; a refused value shows under its field and nothing is saved."""

    def __init__(self, state: ContributionsState, parent: QWidget, contributor: ContributorRecord | None = None) -> None:
        draft = contributor.contributor if contributor else ContributorDraft(name="", language=current_language())
        super().__init__(
            parent,
            name="contributor_dialog",
            title=_("Edit contributor") if contributor else _("Add contributor"),
            fields={
                "name": (_("Name"), QLineEdit(draft.name)),
                "department": (_("Department or organisation"), QLineEdit(draft.department)),
                "language": (_("Language of their workbook"), QComboBox()),
                "contact": (_("Contact (optional)"), QLineEdit(draft.contact)),
            },
        )
        self.state, self.contributor = state, contributor
        languages = self.editor("language", QComboBox)
        for language in interface_language_first({code: code for code in SUPPORTED_LANGUAGES}):
            languages.addItem(LANGUAGE_NAMES.get(language, language), language)
        languages.setCurrentIndex(max(0, languages.findData(draft.language)))
        self.editor("contact", QLineEdit).setPlaceholderText(_("A telephone number or an e-mail address"))
        self.setMinimumWidth(480)  # the placeholder and long department names show whole

    def draft(self) -> ContributorDraft:
        return ContributorDraft(
            name=self.editor("name", QLineEdit).text(),
            department=self.editor("department", QLineEdit).text(),
            language=str(self.editor("language", QComboBox).currentData()),
            contact=self.editor("contact", QLineEdit).text(),
        )

    def store(self) -> None:
        if self.contributor is None:
            self.state.add_contributor(self.draft())
        else:
            self.state.update_contributor(self.contributor.id, self.draft())


class AssignDialog(QDialog):
    """Tick whole goals, indicators or single questions; the ticked questions are the contributor's."""

    def __init__(self, state: ContributionsState, parent: QWidget, contributor: ContributorRecord) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self.setWindowTitle(_("Questions for {name}").format(name=contributor.label()))
        self.state, self.contributor = state, contributor
        assigned = next((status.assigned for status in state.statuses if status.record.id == contributor.id), frozenset())
        self.tree = QTreeWidget()
        self.tree.setObjectName("assign_tree")
        self.tree.setHeaderHidden(True)
        for goal in state.framework.goals():
            goal_item = self._item(self.tree.invisibleRootItem(), goal.id, goal_label(goal))
            for indicator in goal.indicators:
                indicator_item = self._item(goal_item, indicator.id, _("{number} · {name}").format(number=localise_digits(indicator.number), name=indicator.name))
                for question in indicator.questions:
                    question_item = self._item(indicator_item, question.id, str(question.prompt))
                    question_item.setCheckState(0, Qt.CheckState.Checked if question.id in assigned else Qt.CheckState.Unchecked)
        note = QLabel(paragraph(_("Ticking a goal or an indicator ticks all its questions. A question may go to several contributors.")))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    @staticmethod
    def _item(parent: QTreeWidgetItem, entry_id: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, ID_ROLE, entry_id)
        item.setToolTip(0, text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        return item

    def question_items(self) -> list[QTreeWidgetItem]:
        """The question entries (the tree's third level), in framework order."""
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            parent = item.parent()
            if item.childCount() == 0 and parent is not None and parent.parent() is not None:
                found.append(item)
            iterator += 1
        return found

    def ticked(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.question_items() if item.checkState(0) == Qt.CheckState.Checked]

    def save(self) -> None:
        ticked = set(self.ticked())
        before = next((status.assigned for status in self.state.statuses if status.record.id == self.contributor.id), frozenset())
        try:
            if removed := before - ticked:
                self.state.unassign(self.contributor.id, removed)
            if added := ticked - before:
                self.state.assign(self.contributor.id, sorted(added))
        except UserFacingError as error:
            show_user_error(self, error)
            return
        self.accept()


def workbook_file_name(contributor: ContributorRecord, city: str) -> str:
    """The file name proposed for a contributor's workbook: "<contributor> – <city>.xlsx", safe on every system."""
    parts = [NOT_IN_FILE_NAMES.sub("-", text).strip(" .-") for text in (contributor.name, city)]
    return " – ".join(part for part in parts if part) + ".xlsx"


def existing_folder(folder: Path | None = None) -> Path:
    """`folder` if it still exists, else the documents folder (created if missing), else the home folder."""
    return proposed_export_folder(folder)


class SendWorkbookDialog(QDialog):
    """Export a contributor's workbook: the reply date (optional), whom to send it back to, then the file.

    Accepted once the workbook is written and recorded as sent (`path` is where); a refusal shows and the dialog stays.
    """

    def __init__(self, state: ContributionsState, parent: QWidget, contributor: ContributorRecord, *, folder: Path) -> None:
        super().__init__(parent)
        self.setObjectName("send_workbook_dialog")
        self.setWindowTitle(_("Export the workbook of {name}").format(name=contributor.label()))
        self.state, self.contributor, self.folder = state, contributor, folder
        self.path: Path | None = None
        language = contributor.contributor.language
        count = next((len(status.assigned) for status in state.statuses if status.record.id == contributor.id), 0)
        intro = ngettext(
            "An Excel workbook in {language} of the {count} question assigned to {name}, to fill in and send back to you.",
            "An Excel workbook in {language} of the {count} questions assigned to {name}, to fill in and send back to you.",
            count,
        ).format(language=LANGUAGE_NAMES.get(language, language), count=format_number(count), name=isolate(contributor.label()))
        self.intro = QLabel(paragraph(intro))
        self.intro.setWordWrap(True)
        self.has_deadline = QCheckBox(_("Ask for it back by"))
        self.has_deadline.setObjectName("workbook_has_deadline")
        self.has_deadline.setChecked(True)
        self.deadline_edit = date_field()
        self.deadline_edit.setObjectName("workbook_deadline")
        today = dt.date.today()
        self.deadline_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        offered = today + dt.timedelta(days=REPLY_DAYS)
        self.deadline_edit.setDate(QDate(offered.year, offered.month, offered.day))
        self.has_deadline.toggled.connect(self.deadline_edit.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline_edit)
        deadline_row.addStretch(1)
        self.return_to_edit = QLineEdit(state.session.record.details.cro_name)
        self.return_to_edit.setObjectName("workbook_return_to")
        self.return_to_edit.setPlaceholderText(_("Your name, and an e-mail address or telephone number"))
        note = QLabel(paragraph(_("The workbook names whom to send it back to. Add an e-mail address or a telephone number if they need one.")))
        note.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(deadline_row)
        form.addRow(_("Send back to"), self.return_to_edit)
        form.addRow(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setObjectName("confirm_export_workbook_button")
        self.export_button.setText(_("Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        self.progress_area = QVBoxLayout()  # the export's busy bar, while it runs
        layout.addLayout(self.progress_area)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.job: BackgroundJob[Any] | None = None  # the export under way: closing the dialog cancels it

    def deadline(self) -> dt.date | None:
        if not self.has_deadline.isChecked():
            return None
        chosen = self.deadline_edit.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def return_to(self) -> str:
        return self.return_to_edit.text().strip()

    def proposed_path(self) -> Path:
        city = self.state.session.record.city_name(self.contributor.contributor.language)
        return existing_folder(self.folder) / workbook_file_name(self.contributor, city)

    def choose_file(self) -> None:
        """Ask where to save, then write the workbook there; cancelling the file dialog leaves this one open."""
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the workbook as"), str(self.proposed_path()), _("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        deadline, return_to, contributor_id, service = self.deadline(), self.return_to(), self.contributor.id, self.state.service

        def done(_record: object) -> None:
            self.job = None
            self.state.reload()
            self.path = path
            self.accept()

        def stopped() -> None:
            self.job = None

        def failed(error: UserFacingError) -> None:
            self.job = None
            show_user_error(self, error)

        # Written off the GUI thread (recorded as sent in the same unit of work); cancelling discards the file and records nothing.
        self.job = start_job(self, _("Exporting the workbook…"), lambda: service.export_workbook(contributor_id, path, deadline=deadline, return_to=return_to),
                             key="contributor_workbook_export", on_done=done, on_failed=failed, on_cancelled=stopped, can_cancel=True,
                             holds=(self.export_button,), show_in=self.progress_area,
                             cancel_with=self.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    def reject(self) -> None:
        """Cancel or Esc while the workbook is being written cancels the export and keeps the dialog."""
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()
