"""Importing a department's returned workbook: a preview of what each row will do; nothing is stored until confirmed.

Looks and behaves as the sign-in sheet's preview (`participants_import`): what the file holds on top, a row per
question, Import stores, Cancel stores nothing. Imported only when a workbook is read (openpyxl loads then).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.labels import answer_summary
from resilience_app.core.contributions.workbook_import import (
    DISAGREES,
    EMPTY,
    OUTCOME_NAMES,
    REFUSED,
    SAME,
    ImportRow,
    WorkbookImported,
    WorkbookPreview,
)
from resilience_app.core.formatting import format_date, format_number, format_typed_number, local_moment, localise_digits
from resilience_app.core.i18n import N_, _, isolate, ngettext, paragraph
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.operations import attempt
from resilience_app.gui.participants_import import PROBLEM_COLOUR, SKIPPED_COLOUR

COLUMNS = (N_("Question"), N_("What happens"), N_("Answer"), N_("Answer on record"))
QUESTION, OUTCOME, ANSWER, ON_RECORD = range(len(COLUMNS))


class WorkbookImportDialog(QDialog):
    """Shows what a returned workbook holds, row by row; Import stores it, Cancel stores nothing.

    Where a row's answer is offered as the answer on record it has a tick, on by default; `imported` says what
    the import stored once the dialog is accepted.
    """

    def __init__(self, state: ContributionsState, parent: QWidget, preview: WorkbookPreview, file_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("workbook_import_dialog")
        self.setWindowTitle(_("Import a workbook"))
        self.resize(980, 640)
        self.state, self.preview = state, preview
        self.imported: WorkbookImported | None = None
        sent = local_moment(preview.workbook.sent_at).date()
        self.file_label = QLabel(paragraph(_("File: {name}").format(name=isolate(file_name))))
        self.file_label.setWordWrap(True)
        self.source_label = QLabel(paragraph(_("The workbook sent to {name} on {date}.").format(
            name=isolate(preview.contributor.label()), date=format_date(sent))))
        self.source_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("workbook_import_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("workbook_import_rows")
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (QUESTION, OUTCOME, ON_RECORD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_sizes: self._fit_rows())
        self.problems_title = QLabel(_("Cells not read (their rows give no answer):"))
        self.problems = QListWidget()
        self.problems.setObjectName("workbook_import_problems")
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("confirm_workbook_import_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.source_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._show()

    def _show(self) -> None:
        preview = self.preview
        stored = len(preview.stored_rows)
        unchanged = preview.nothing_new
        # What will be stored, then the counts on one line: the rows keep the height.
        first, *counts = preview.summary()
        lines = [first, _(" · ").join(counts)] if counts else [first]
        if preview.offered:
            lines.append(_("Where a question has no answer yet and only this contributor answered it, their answer can be taken "
                           "as the answer on record: untick those you want to decide yourself."))
        if unchanged:
            lines.append(_("This workbook was imported already: nothing in it is new."))
        self.summary.setText("<br>".join(paragraph(line) for line in lines))
        self.table.setRowCount(len(preview.rows))
        for position, row in enumerate(preview.rows):
            self._fill_row(position, row)
        self.table.setColumnHidden(ON_RECORD, not preview.offered)
        self._fit_rows()
        self.problems.clear()
        self.problems.addItems([paragraph(problem) for problem in preview.problems])
        self.problems_title.setVisible(bool(preview.problems))
        self.problems.setVisible(bool(preview.problems))
        shown = min(self.problems.count(), 4)  # as tall as the problems, up to four; more scroll
        self.problems.setFixedHeight(sum(self.problems.sizeHintForRow(row) for row in range(shown)) + 2 * self.problems.frameWidth() + 4)
        if stored:
            self.import_button.setText(ngettext("Import {count} answer", "Import {count} answers", stored).format(count=format_number(stored)))
        else:
            self.import_button.setText(_("Import"))
        self.import_button.setEnabled(not unchanged)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text (a refused row's problem shows whole), never less than a line."""
        line = self.table.verticalHeader().defaultSectionSize()
        for position in range(self.table.rowCount()):
            needed = self.table.sizeHintForRow(position)
            self.table.setRowHeight(position, line if needed <= line else needed + line // 4)  # wrapped lines get a margin

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)  # once the columns have their new widths

    def _fill_row(self, position: int, row: ImportRow) -> None:
        framework = self.state.framework
        question = framework.question(row.question_id)
        number = localise_digits(framework.placement(row.question_id).number) if question else row.question_id
        if row.outcome == REFUSED:
            answer = row.problem
        elif row.answer is None:
            answer = _("—")
        else:
            answer = answer_summary(framework, row.answer) + (f" ({format_typed_number(row.answer.numeric_value)})" if row.answer.numeric_value else "")
        if row.outcome == DISAGREES:
            answer = _("{answer} (on record: {on_record})").format(answer=answer, on_record=answer_summary(framework, self.state.session.draft(row.question_id)))
        if row.warning:
            answer = f"{answer}\n{row.warning}"
        tips = {QUESTION: "\n".join(part for part in (str(question.prompt) if question else "", isolate(row.question_id)) if part)}
        for column, text in ((QUESTION, number), (OUTCOME, _(OUTCOME_NAMES[row.outcome])), (ANSWER, answer), (ON_RECORD, "")):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, row.question_id)
            item.setToolTip(tips.get(column, text))
            if row.outcome == REFUSED:
                item.setBackground(PROBLEM_COLOUR)
            elif row.outcome in (SAME, EMPTY):
                item.setBackground(SKIPPED_COLOUR)
            if column == ON_RECORD:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if row.offer_on_record:
                    item.setText(_("Take as the answer on record"))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(position, column, item)

    def offer_item(self, question_id: str) -> QTableWidgetItem | None:
        """The tick "take as the answer on record" of a question, when its answer is offered."""
        for position, row in enumerate(self.preview.rows):
            if row.question_id == question_id and row.offer_on_record:
                return self.table.item(position, ON_RECORD)
        return None

    def on_record(self) -> list[str]:
        """The offered questions still ticked: their answers become the answers on record."""
        ticked = (self.offer_item(question_id) for question_id in self.preview.offered)
        return [question_id for question_id, item in zip(self.preview.offered, ticked, strict=True) if item and item.checkState() == Qt.CheckState.Checked]

    def confirm(self) -> None:
        """Store the workbook (one unit of work: on a refusal it shows and nothing is stored)."""
        imported = attempt(self, lambda: self.state.import_workbook(self.preview, on_record=self.on_record()))
        if imported is None:
            return
        self.imported = imported
        self.accept()


def show_imported(parent: QWidget, preview: WorkbookPreview, imported: WorkbookImported) -> QMessageBox:
    """Say what an import stored, in a sentence or three."""
    name = isolate(preview.contributor.label())
    if imported.stored:
        lines = [ngettext("{count} answer from {name} is stored.", "{count} answers from {name} are stored.", imported.stored).format(
            count=format_number(imported.stored), name=name)]
        if imported.taken_on_record:
            lines.append(ngettext("{count} of them is now the answer on record.", "{count} of them are now the answer on record.",
                                  imported.taken_on_record).format(count=format_number(imported.taken_on_record)))
        differing = preview.counts()[DISAGREES]
        if differing:
            lines.append(ngettext(
                "{count} differs from the answer on record: see Disagreements in the Contributors tab.",
                "{count} differ from the answer on record: see Disagreements in the Contributors tab.", differing,
            ).format(count=format_number(differing)))
    else:
        lines = [_("No answer was stored: the workbook from {name} holds no new answer.").format(name=name)]
    box = QMessageBox(QMessageBox.Icon.Information, _("Workbook imported"), "\n".join(paragraph(line) for line in lines), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("workbook_imported_dialog")
    return box
