"""The quantitative profile on screen: per goal, each question asked as a figure, its value with its unit and
the level it gives. The rows come from the core (`scoring.quantitative`), the same the brief prints."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from resilience_app.core.assessment.labels import STATUS_VALUES
from resilience_app.core.brief.build_figures import value_text
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import N_, _, current_language, ngettext
from resilience_app.core.scoring.quantitative import QuantitativeRow, build_quantitative
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.reader_names import name_for_reader

QUESTION_ROLE = Qt.ItemDataRole.UserRole  # the question id of a row; goal rows carry none
VALUE_COLUMN, LEVEL_COLUMN = 2, 3


def level_cell(row: QuantitativeRow) -> str:
    """The level on record, with the value's own when they differ; else the answer's status, or what is missing."""
    if row.level is not None:
        if row.level_differs:
            return _("{level} (the value gives {value_level})").format(level=format_number(row.level), value_level=format_number(row.value_level or 0))
        return format_number(row.level)
    if row.answer is not None and row.answer.status in STATUS_VALUES:
        return _(STATUS_VALUES[row.answer.status])
    if row.value_level is not None:
        return _("none chosen (the value gives {value_level})").format(value_level=format_number(row.value_level))
    return _("—")


def value_cell(row: QuantitativeRow) -> str:
    if row.answer is None or not row.answer.status and not row.has_value:
        return _("Not answered")
    return value_text(row.question, row.answer) or _("No value given")


class ProfileFiguresPage(QWidget):
    """Signals:
    question_requested(str): open this question in the questionnaire (a row double-clicked or Enter pressed on it).
    """

    question_requested = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("profile_figures")
        self.session = session
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.count = QLabel()
        self.count.setObjectName("figures_count")
        self.count.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("figures_table")
        name_for_reader(self.table, N_("Profile figures"))
        self.table.setColumnCount(4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.itemActivated.connect(self._on_item_activated)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LEVEL_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.explanation.setText(
            _("The questions answered with a figure: the value the city reported, with its unit, and the level it reaches on the "
              "question's scale. The framework keeps this quantitative profile beside the levels. Double-click a question to open it.")
        )
        self.table.setHorizontalHeaderLabels([_("No."), _("Question"), _("Value"), _("Level")])
        session = self.session
        figures = build_quantitative(session.framework, {question_id: record.answer for question_id, record in session.answers.items()})
        goals = {goal.id: goal for goal in session.framework.goals()}
        self.table.clearSpans()
        self.table.setRowCount(figures.total + len(figures.goals))
        row_index, sensitive = 0, 0
        for goal in figures.goals:
            title = QTableWidgetItem(_("{goal} (values for {answered} of {total})").format(
                goal=goal_label(goals[goal.goal_id]), answered=format_number(goal.answered), total=format_number(len(goal.rows))))
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row_index, 0, title)
            self.table.setSpan(row_index, 0, 1, 4)
            row_index += 1
            for figure in goal.rows:
                is_sensitive = figure.question_id in session.answers and session.answers[figure.question_id].answer.sensitive
                sensitive += is_sensitive
                cells = [localise_digits(figure.number), figure.question.prompt.in_language(current_language()), value_cell(figure), level_cell(figure)]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(QUESTION_ROLE, figure.question_id)
                    if column != 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if is_sensitive:
                        item.setToolTip(_("Marked sensitive: the brief withholds it unless sensitive content is included at export."))
                    self.table.setItem(row_index, column, item)
                row_index += 1
        count = ngettext("{answered} of {count} quantitative question answered with a value.",
                         "{answered} of {count} quantitative questions answered with a value.", figures.total).format(
            answered=format_number(figures.answered), count=format_number(figures.total))
        if sensitive:
            count += " " + ngettext("{count} is marked sensitive: the brief withholds it unless sensitive content is included.",
                                    "{count} are marked sensitive: the brief withholds them unless sensitive content is included.",
                                    sensitive).format(count=format_number(sensitive))
        self.count.setText(count)
        self.table.resizeRowsToContents()

    def _on_item_activated(self, item: QTableWidgetItem) -> None:
        question_id = item.data(QUESTION_ROLE)
        if question_id:
            self.question_requested.emit(str(question_id))
