"""The Change tab: the open assessment against an earlier round of its series.

Every figure is `RoundService.compare`'s (`core/rounds/compare.py`): each dimension's and goal's level in both rounds,
the change, each round's coverage, "coverage fell" and "not comparable" with its reason; the questions that moved with
both rounds' answers side by side; the wheel with one outline per round. This view only lays them out. An assessment
with no earlier round says so plainly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core import i18n
from resilience_app.core.assessment.labels import data_quality_text, mean_level_text
from resilience_app.core.assessment.records import AnswerRecord
from resilience_app.core.content.labels import goal_label, indicator_label
from resilience_app.core.content.model import Framework
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_date, format_number, format_percent, localise_digits
from resilience_app.core.i18n import N_, _
from resilience_app.core.rounds.compare import GroupChange, QuestionMove, RoundFigures
from resilience_app.core.rounds.labels import compared_on_text, round_kind_name, signed_change, verdict_text
from resilience_app.core.rounds.records import RoundRecord, RoundsCompared
from resilience_app.core.rounds.rules import BASELINE
from resilience_app.core.scoring.grouping import GroupKind
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.change_bars import ChangeBar, ChangeBars
from resilience_app.gui.form_fields import refill_choices
from resilience_app.gui.lazy_refresh import RefreshedWhenShown
from resilience_app.gui.radar_chart import RadarPoint
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.register_change_panel import RegisterChangePanel
from resilience_app.gui.rounds_chart import RoundOutline, RoundsChart
from resilience_app.gui.table_cells import filled_header

LENSES = ("goals", "dimensions", "indicators", "qualities")
LENS_NAMES = {"goals": N_("By goal"), "dimensions": N_("By dimension"), "indicators": N_("By indicator"), "qualities": N_("By quality")}
LENS_HEADERS = {"goals": N_("Goal"), "dimensions": N_("Dimension"), "indicators": N_("Indicator"), "qualities": N_("Quality")}
LENS_KINDS: dict[str, GroupKind] = {"goals": "goal", "dimensions": "dimension", "indicators": "indicator", "qualities": "quality"}
FLAG_BACKGROUND = QColor("#fff3cd")  # coverage fell: read the change with care
NOT_COMPARABLE_FOREGROUND = QColor("#6b6f76")


def round_title(round_record: RoundRecord) -> str:
    """'Baseline, 2 November 2024': a round's kind and date as the screen names it."""
    date = format_date(round_record.date) if round_record.date else _("no date")
    return _("{round}, {date}").format(round=round_kind_name(round_record.kind), date=date)


def change_text(group: GroupChange) -> str:
    """The change with its sign ('+0.5'), or a dash where the two rounds are not comparable."""
    return signed_change(group.change) if group.change is not None else _("—")


def _level(figures: RoundFigures | None) -> str:
    return mean_level_text(figures.level) if figures is not None else _("—")


def _compared_on(group: GroupChange) -> str:
    return _("{both} of {questions}").format(both=format_number(group.levelled_in_both), questions=format_number(group.questions))


def _low_confidence(figures: RoundFigures | None) -> str:
    share = figures.low_confidence_share if figures is not None else None
    return format_percent(share) if share is not None else _("—")


def _coverage(figures: RoundFigures | None) -> str:
    return format_percent(figures.coverage) if figures is not None and figures.coverage is not None else _("—")


class ChangeView(RefreshedWhenShown):
    """Signals:
    question_requested(str): open this question in the questionnaire (a moved question double-clicked).
    """

    question_requested = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("change_view")
        self.session = session
        self.earlier_rounds: list[RoundRecord] = []
        self.compared: RoundsCompared | None = None
        self.earlier_answers: dict[str, AnswerRecord] = {}
        self.no_earlier = QLabel()
        self.no_earlier.setObjectName("change_no_earlier_round")
        self.no_earlier.setWordWrap(True)
        self.no_earlier.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.compare_label = QLabel()
        self.earlier = QComboBox()
        self.earlier.setObjectName("change_earlier_round")
        self.compare_label.setBuddy(self.earlier)
        self.earlier.currentIndexChanged.connect(lambda _index: self.refresh())
        self.rounds_line = QLabel()
        self.rounds_line.setObjectName("change_rounds")
        self.rounds_line.setWordWrap(True)
        self.to_review = QLabel()
        self.to_review.setObjectName("change_to_review")
        self.to_review.setWordWrap(True)
        self.to_review.setStyleSheet("color: #8a4b00;")
        self.chart = RoundsChart()
        self.chart.setMinimumSize(300, 300)
        self.chart.setMaximumWidth(440)  # the table beside it needs the width more than the wheel
        self.lens = QComboBox()
        self.lens.setObjectName("change_lens")
        self.lens.currentIndexChanged.connect(lambda _index: self._fill_groups())
        self.groups = QTableWidget()
        self.groups.setObjectName("change_groups_table")
        name_for_reader(self.groups, N_("Change by goal"))
        self.groups.setWordWrap(True)
        self.moved = QTableWidget()
        self.moved.setObjectName("change_moved_table")
        name_for_reader(self.moved, N_("Answers that moved"))
        self.moved.setWordWrap(True)
        self.moved.cellDoubleClicked.connect(self._open_moved)
        for table in (self.groups, self.moved):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
        self.versions = QLabel()
        self.versions.setObjectName("change_framework_versions")
        self.versions.setWordWrap(True)

        groups_page = QWidget()
        groups_layout = QVBoxLayout(groups_page)
        lens_row = QHBoxLayout()
        lens_row.addWidget(self.lens)
        lens_row.addStretch(1)
        groups_layout.addLayout(lens_row)
        groups_layout.addWidget(self.groups, 1)
        moved_page = QWidget()
        moved_layout = QVBoxLayout(moved_page)
        moved_layout.addWidget(self.moved, 1)
        moved_layout.addWidget(self.versions)
        self.bars = ChangeBars()
        bars_scroll = QScrollArea()
        name_for_reader(bars_scroll, N_("Change by goal, as bars"))
        bars_scroll.setWidgetResizable(True)
        bars_scroll.setWidget(self.bars)
        self.register_change = RegisterChangePanel()
        self.details = QTabWidget()
        self.details.setObjectName("change_details")
        for page in (groups_page, bars_scroll, moved_page, self.register_change):
            self.details.addTab(page, "")

        choose = QHBoxLayout()
        choose.addWidget(self.compare_label)
        choose.addWidget(self.earlier)
        choose.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.chart, 1)
        body.addWidget(self.details, 3)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(choose)
        content_layout.addWidget(self.rounds_line)
        content_layout.addWidget(self.to_review)
        content_layout.addLayout(body, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_earlier)
        layout.addWidget(self.content, 1)
        session.answer_changed.connect(lambda _question_id: self.refresh())

    # -- text and state -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.compare_label.setText(_("Compare with the earlier round:"))
        for index, title in enumerate((_("Dimensions and goals"), _("Bars of change by goal"), _("Questions that moved"),
                                       _("Register and actions"))):
            self.details.setTabText(index, title)
        refill_choices(self.lens, [_(LENS_NAMES[lens]) for lens in LENSES])
        self.no_earlier.setText(
            _("No earlier round: this assessment is the first of its series, so there is nothing to compare it with yet. "
              "Start a follow-up from Assessment › Start a follow-up assessment… to measure the city against itself over time.")
        )
        self._read_rounds()
        self.refresh()

    def _read_rounds(self) -> None:
        """The rounds of the series before this one, oldest first; the series' baseline chosen unless another was (the
        documents measure against it too)."""
        chosen = self.chosen_round_id()
        try:
            series = self.session.service.rounds.series_of(self.session.assessment_id)
        except UserFacingError:
            series = []
        ids = [found.assessment_id for found in series]
        position = ids.index(self.session.assessment_id) if self.session.assessment_id in ids else len(ids)
        self.earlier_rounds = series[:position]
        self.earlier.blockSignals(True)
        self.earlier.clear()
        for found in self.earlier_rounds:
            self.earlier.addItem(round_title(found), found.assessment_id)
        ids = [found.assessment_id for found in self.earlier_rounds]
        baseline = next((index for index, found in enumerate(self.earlier_rounds) if found.kind == BASELINE), 0)
        self.earlier.setCurrentIndex(ids.index(chosen) if chosen in ids else baseline if ids else -1)
        self.earlier.blockSignals(False)

    def chosen_round_id(self) -> int | None:
        value = self.earlier.currentData()
        return value if isinstance(value, int) else None

    def choose_round(self, assessment_id: int) -> None:
        index = self.earlier.findData(assessment_id)
        if index >= 0:
            self.earlier.setCurrentIndex(index)

    def redraw(self) -> None:
        earlier_id = self.chosen_round_id()
        has_earlier = earlier_id is not None
        self.no_earlier.setVisible(not has_earlier)
        self.content.setVisible(has_earlier)
        self.compared = None
        if earlier_id is None:
            return
        service = self.session.service
        try:
            self.compared = service.rounds.compare(earlier_id, self.session.assessment_id)
            self.earlier_answers = service.assessments.answers(earlier_id)
        except UserFacingError as error:
            self.rounds_line.setText(_("The rounds could not be compared: {reason}").format(reason=error.message))
            self.to_review.hide()
            self.groups.setRowCount(0)
            self.moved.setRowCount(0)
            self.chart.set_rounds([], [])
            self.bars.set_bars([])
            return
        self._show_compared()

    # -- drawing ----------------------------------------------------------------------------------------------------

    def _frameworks(self) -> tuple[Framework, Framework]:
        """The earlier and the later round's frameworks."""
        assert self.compared is not None
        service = self.session.service
        return service.framework(self.compared.baseline.record.framework_id), self.session.framework

    def _names(self) -> dict[str, str]:
        """Each dimension's and goal's name, the later framework's winning."""
        language = i18n.current_language()
        names: dict[str, str] = {}
        for framework in self._frameworks():
            names |= {dimension.id: dimension.name.in_language(language) for dimension in framework.dimensions}
            names |= {goal.id: goal_label(goal) for goal in framework.goals()}
            names |= {indicator.id: indicator_label(indicator) for indicator in framework.indicators()}
            names |= {quality.id: quality.name.in_language(language) for quality in framework.qualities}
        return names

    def _show_compared(self) -> None:
        assert self.compared is not None
        compared = self.compared
        self.rounds_line.setText(_("Earlier round: {earlier}. This round: {later}.").format(
            earlier=round_title(compared.baseline.round), later=round_title(compared.follow_up.round)))
        count = compared.follow_up.to_review
        self.to_review.setVisible(count > 0)
        self.to_review.setText(i18n.ngettext(
            "{count} answer carried over into this round is still to review: it is left out of the comparison until it is confirmed or changed.",
            "{count} answers carried over into this round are still to review: they are left out of the comparison until they are confirmed or changed.",
            count).format(count=format_number(count)))
        self._draw_chart()
        self._fill_groups()
        self._draw_bars()
        self._fill_moved()
        self._show_register()

    def _draw_chart(self) -> None:
        assert self.compared is not None
        earlier, later = self._frameworks()
        goals = {goal.id: goal for framework in (earlier, later) for goal in framework.goals()}
        groups = self.compared.comparison.goals
        language = i18n.current_language()
        points = [RadarPoint(format_number(goals[group.id].number), goals[group.id].name.in_language(language), None) for group in groups]
        outlines = [
            RoundOutline(title.format(round=round_title(side.round)), tuple(figures.level if figures else None for figures in values))
            for title, side, values in (
                (_("Earlier round: {round}"), self.compared.baseline, [group.baseline for group in groups]),
                (_("This round: {round}"), self.compared.follow_up, [group.follow_up for group in groups]),
            )
        ]
        self.chart.set_rounds(points, outlines)

    def _fill_groups(self) -> None:
        if self.compared is None:
            return
        lens = LENSES[max(self.lens.currentIndex(), 0)]
        groups = self.compared.comparison.groups(LENS_KINDS[lens])
        names = self._names()
        headers = [
            _(LENS_HEADERS[lens]),
            _("Level,\nearlier round"),
            _("Level,\nthis round"),
            _("Change"),
            _("Questions\ncompared"),
            _("Coverage,\nearlier round"),
            _("Coverage,\nthis round"),
            _("Low confidence,\nearlier round"),
            _("Low confidence,\nthis round"),
            _("What the change means"),
        ]
        self.groups.setColumnCount(len(headers))
        self.groups.setHorizontalHeaderLabels(headers)
        self.groups.setRowCount(len(groups))
        for row, group in enumerate(groups):
            cells = [names.get(group.id, group.id), _level(group.baseline), _level(group.follow_up), change_text(group),
                     _compared_on(group), _coverage(group.baseline), _coverage(group.follow_up), _low_confidence(group.baseline),
                     _low_confidence(group.follow_up), verdict_text(group)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column and column < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if group.coverage_fell:
                    item.setBackground(QBrush(FLAG_BACKGROUND))
                if group.change is None:
                    item.setForeground(QBrush(NOT_COMPARABLE_FOREGROUND))
                item.setToolTip(_("{meaning}; {compared}").format(meaning=verdict_text(group), compared=compared_on_text(group)))
                self.groups.setItem(row, column, item)
        filled_header(self.groups, 3).setToolTip(_("This round's level minus the earlier round's, where both have one."))
        filled_header(self.groups, 4).setToolTip(_("Questions levelled in both rounds, of the group's questions: the change is the mean "
                                                   "move of these alone, like for like."))
        filled_header(self.groups, len(headers) - 1).setToolTip(
            _("A group whose coverage fell is flagged rather than called improved: fewer answers say less, whichever way the level moved."))
        header = self.groups.horizontalHeader()
        for column in range(len(headers)):
            stretched = column in (0, len(headers) - 1)  # the names and what the change means wrap; the figures keep their width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if stretched else QHeaderView.ResizeMode.ResizeToContents)
        self.groups.resizeRowsToContents()

    def _draw_bars(self) -> None:
        assert self.compared is not None
        names = self._names()
        self.bars.set_bars([
            ChangeBar(names.get(group.id, group.id), group.change, change_text(group), verdict_text(group))
            for group in self.compared.comparison.goals
        ])

    def _show_register(self) -> None:
        assert self.compared is not None
        service = self.session.service
        try:
            change = service.register.round_change(self.compared.baseline.record.id, self.session.assessment_id)
        except UserFacingError as error:
            self.register_change.summary.setText(error.message)
            return
        language = i18n.current_language()
        self.register_change.show_change(change, lambda item: service.register.item_name(item, language))

    def _answer_text(self, framework: Framework, level: int, record: AnswerRecord | None) -> str:
        text = _("Level {level}").format(level=format_number(level))
        name = str(framework.levels.get(level, ""))
        if name:
            text = _("{level}: {name}").format(level=text, name=name)
        justification = record.answer.justification.strip() if record is not None else ""
        data = data_quality_text(record.answer) if record is not None else ""
        return "\n".join(part for part in (text, _("Data: {data}").format(data=data) if data else "", justification) if part)

    def _fill_moved(self) -> None:
        assert self.compared is not None
        comparison = self.compared.comparison
        earlier, later = self._frameworks()
        moves: list[tuple[QuestionMove, str]] = [(move, _("▲ up")) for move in comparison.moved_up]
        moves += [(move, _("▼ down")) for move in comparison.moved_down]
        headers = [_("Question"), _("Moved"), _("Earlier round: answer and justification"), _("This round: answer and justification")]
        self.moved.setColumnCount(len(headers))
        self.moved.setHorizontalHeaderLabels(headers)
        self.moved.setRowCount(len(moves))
        language = i18n.current_language()
        for row, (move, direction) in enumerate(moves):
            question = later.question(move.question_id)
            prompt = question.prompt.in_language(language) if question else ""
            number = localise_digits(later.placement(move.question_id).number)
            cells = [
                _("{number}. {name}").format(number=number, name=prompt),
                direction,
                self._answer_text(earlier, move.baseline_level, self.earlier_answers.get(move.question_id)),
                self._answer_text(later, move.follow_up_level, self.session.answers.get(move.question_id)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, move.question_id)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignHCenter if column == 1 else Qt.AlignmentFlag.AlignLeading))
                self.moved.setItem(row, column, item)
        header = self.moved.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.moved.resizeRowsToContents()
        notes = [_("Moved up: {up}. Moved down: {down}.").format(up=format_number(len(comparison.moved_up)), down=format_number(len(comparison.moved_down)))]
        if comparison.only_in_baseline:
            notes.append(_("Only in the earlier round's framework version, not compared: {ids}").format(
                ids=_(", ").join(localise_digits(earlier.placement(q).number) for q in comparison.only_in_baseline)))
        if comparison.only_in_follow_up:
            notes.append(_("Only in this round's framework version, not compared: {ids}").format(
                ids=_(", ").join(localise_digits(later.placement(q).number) for q in comparison.only_in_follow_up)))
        self.versions.setText("\n".join(notes))

    def _open_moved(self, row: int, _column: int) -> None:
        item = self.moved.item(row, 0)
        if item is not None:
            self.question_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
