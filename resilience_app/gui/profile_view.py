"""The resilience profile, never one city score, on four pages: the levels (the goals on a radar chart, the
strongest and weakest goals, the answers to revisit, who contributed, and a table per goal, dimension or quality),
the figures (the quantitative profile), the quality of the data behind the levels, and the profile grouped by an
external framework (UNDRR's Ten Essentials, Sendai, SDG 11, the Strong Cities Network)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
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

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.brief.contributors import Agreement, agreement_of
from resilience_app.core.content.labels import goal_label, indicator_label
from resilience_app.core.contributions.service import ContributorStatus
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import N_, _, isolate
from resilience_app.core.scoring import GroupSummary
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.form_fields import refill_choices
from resilience_app.gui.panes import Splitter
from resilience_app.gui.profile_data_quality_page import ProfileDataQualityPage
from resilience_app.gui.profile_figures_page import ProfileFiguresPage
from resilience_app.gui.profile_framework_page import ProfileFrameworkPage
from resilience_app.gui.radar_chart import RadarChart, RadarPoint
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.table_cells import filled_header

LENSES = ("goals", "dimensions", "indicators", "qualities")
LENS_NAMES = {"goals": N_("By goal"), "dimensions": N_("By dimension"), "indicators": N_("By indicator"), "qualities": N_("By quality")}
LISTED_QUESTIONS = 8
LISTED_CONTRIBUTORS = 5
# Links are not underlined: an underline hides the dots under Arabic letters (ي reads as ى).


def _share(value: float | None) -> str:
    return format_percent(value) if value is not None else _("—")


class ProfileView(QWidget):
    """Signals:
    question_requested(str), goal_requested(str): open this question or goal in the questionnaire (from the levels'
        lists or a row of the figures).
    filter_requested(str): show the questionnaire with this filter ("low_confidence", "no_evidence", "disagreement").
    """

    question_requested = Signal(str)
    goal_requested = Signal(str)
    filter_requested = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("profile_view")
        self.session = session
        self.principle = QLabel()
        self.principle.setWordWrap(True)
        self.principle.setStyleSheet("color: #555;")
        self.chart = RadarChart()
        self.ends = QLabel()
        self.ends.setObjectName("strongest_weakest")
        self.ends.setWordWrap(True)
        self.ends.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.ends.linkActivated.connect(self.goal_requested)
        self.revisit = QLabel()
        self.revisit.setObjectName("questions_to_revisit")
        self.revisit.setWordWrap(True)
        self.revisit.setMinimumWidth(240)
        self.revisit.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.revisit.linkActivated.connect(self._on_revisit_link)
        self.contributors = QLabel()
        self.contributors.setObjectName("profile_contributors")
        self.contributors.setWordWrap(True)
        self.contributors.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.contributors.linkActivated.connect(self._on_revisit_link)
        self.statuses: list[ContributorStatus] = []  # read when the profile is drawn (the Contributors tab changes them)
        self.agreement = Agreement()
        self.lens = QComboBox()
        self.lens.setObjectName("profile_lens")
        self.lens.currentIndexChanged.connect(lambda _index: self._fill_table())
        self.table = QTableWidget()
        self.table.setObjectName("profile_table")
        name_for_reader(self.table, N_("Profile: level of each goal"), N_("One row a goal: its level, its confidence and whether enough of its questions are answered."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()

        # The lists scroll rather than overlap when the window is short (long goal names, Arabic, the contributors' line below).
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.ends)
        lists_layout.addWidget(self.revisit)
        lists_layout.addStretch(1)
        self.lists = QScrollArea()
        self.lists.setObjectName("profile_lists")
        name_for_reader(self.lists, N_("Strengths and weaknesses"))
        self.lists.setWidget(lists)
        self.lists.setWidgetResizable(True)
        self.lists.setFrameShape(QFrame.Shape.NoFrame)
        self.lists.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QGridLayout()
        top.addWidget(self.chart, 0, 0)
        top.addWidget(self.lists, 0, 1)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 2)
        top.setContentsMargins(0, 0, 0, 0)
        lens_row = QHBoxLayout()
        lens_row.addWidget(self.lens)
        lens_row.addStretch(1)
        # The chart and the table share the height through a splitter the user can move (and the app remembers):
        # on a short screen the table keeps several rows in view.
        chart_pane, table_pane = QWidget(), QWidget()
        chart_pane.setLayout(top)
        table_layout = QVBoxLayout(table_pane)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(lens_row)
        table_layout.addWidget(self.table, 1)
        self.levels_splitter = Splitter(Qt.Orientation.Vertical)
        self.levels_splitter.setObjectName("profile_levels_splitter")
        self.levels_splitter.addWidget(chart_pane)
        self.levels_splitter.addWidget(table_pane)
        self.levels_splitter.setChildrenCollapsible(False)
        self.levels_splitter.setStretchFactor(0, 1)
        self.levels_splitter.setStretchFactor(1, 1)
        self.levels_splitter.opening_share = 0.5
        self.levels_page = QWidget()
        levels_layout = QVBoxLayout(self.levels_page)
        levels_layout.addWidget(self.principle)
        levels_layout.addWidget(self.levels_splitter, 1)
        levels_layout.addWidget(self.contributors)  # under the table: it explains the table's last column
        self.figures = ProfileFiguresPage(session)
        self.figures.question_requested.connect(self.question_requested)
        self.data_quality = ProfileDataQualityPage(session)
        self.by_framework = ProfileFrameworkPage(session)
        self.pages = QTabWidget()
        self.pages.setObjectName("profile_pages")
        self.pages.setDocumentMode(True)
        for page in (self.levels_page, self.figures, self.data_quality, self.by_framework):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(lambda _index: self._refresh_current_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        session.answer_changed.connect(lambda _question_id: self.refresh() if self.isVisible() else None)

    def retranslate(self) -> None:
        self.principle.setText(
            _("The framework reads a city's resilience as a profile, not a single score: each goal, dimension and "
              "quality keeps its own level, with how much of it is answered and how sure the answers are.")
        )
        refill_choices(self.lens, [_(LENS_NAMES[lens]) for lens in LENSES])
        self.pages.setTabText(0, _("Levels"))
        self.pages.setTabText(1, _("Figures"))
        self.pages.setTabText(2, _("Quality of the data"))
        self.pages.setTabText(3, _("By framework"))
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.refresh()  # changes made while hidden are drawn when the profile is shown
        super().showEvent(event)

    def refresh(self) -> None:
        profile, framework = self.session.profile, self.session.framework
        self.chart.set_points(
            [RadarPoint(format_number(goal.number), str(goal.name), profile.goals[goal.id].level) for goal in framework.goals()]
        )
        goals = {goal.id: goal for goal in framework.goals()}

        def goal_list(goal_ids: list[str]) -> str:
            if not goal_ids:
                return "<p>" + _("Not enough goals have a level yet.") + "</p>"
            lines = []
            # Numbered by hand: Qt numbers an <ol> with Latin digits even in Arabic.
            for rank, goal_id in enumerate(goal_ids, start=1):
                name = _("Goal {number}: {name}").format(number=format_number(goals[goal_id].number), name=html.escape(str(goals[goal_id].name)))
                lines.append(f"{format_number(rank)}. <a style='text-decoration: none' href='{goal_id}'>{name}</a> — {mean_level_text(profile.goals[goal_id].level)}")
            return "<p>" + "<br>".join(lines) + "</p>"

        strongest, weakest = _("Strongest goals"), _("Weakest goals")
        self.ends.setText(f"<h3>{strongest}</h3>{goal_list(profile.strongest_goals())}<h3>{weakest}</h3>{goal_list(profile.weakest_goals())}")
        self.revisit.setText(
            self._question_list(_("Answered with low confidence"), profile.low_confidence_questions, "low_confidence")
            + self._question_list(_("Answered without evidence"), profile.unevidenced_questions, "no_evidence")
        )
        self.contributors.setText(self._contributors_text())
        self._fill_table()
        self._refresh_current_page()

    def _refresh_current_page(self) -> None:
        """The figures, the data quality and the grouping by framework are read when their page is shown, not on every answer behind it."""
        page = self.pages.currentWidget()
        if page is self.figures:
            self.figures.refresh()
        elif page is self.data_quality:
            self.data_quality.refresh()
        elif page is self.by_framework:
            self.by_framework.refresh()

    def _read_contributors(self) -> str:
        """Read who contributed and where their answers differ; "" or, when they cannot be read, why."""
        service, assessment_id = self.session.service.contributions, self.session.assessment_id
        try:
            self.statuses = service.statuses(assessment_id)
            self.agreement = agreement_of(
                self.statuses, service.contributions(assessment_id), service.disagreements(assessment_id, include_settled=True)
            )
        except UserFacingError as error:
            self.statuses, self.agreement = [], Agreement()
            return error.message
        return ""

    def _contributors_text(self) -> str:
        """Who contributed and how much, then how many questions they answered more than once and where answers still differ."""
        problem = self._read_contributors()
        title = "<b>" + _("Contributors ({count}):").format(count=format_number(len(self.statuses))) + "</b> "
        if problem:
            return title + html.escape(_("They could not be read: {reason}").format(reason=problem))
        if not self.statuses:
            return title + _("none yet. Departments that answer parts of the assessment are added in the Contributors tab.")
        people = []
        for status in self.statuses[:LISTED_CONTRIBUTORS]:
            answered = (_("{answered} of {assigned} questions answered").format(
                answered=format_number(status.answered), assigned=format_number(len(status.assigned))) if status.assigned else _("no questions assigned"))
            people.append(_("{name}: {answered}").format(name=html.escape(isolate(status.record.label())), answered=answered))
        if len(self.statuses) > LISTED_CONTRIBUTORS:
            people.append(_("{count} more in the Contributors tab").format(count=format_number(len(self.statuses) - LISTED_CONTRIBUTORS)))
        counts = self.agreement.counts()
        agreement = _("Answered by two or more contributors: {several}. Answers still differ: {differing}.").format(
            several=format_number(counts.several), differing=format_number(counts.differing))
        if counts.differing:
            show = _("show them in the questionnaire")
            agreement += f" <a style='text-decoration: none' href='filter:disagreement'>{show}</a>"
        return title + _(" · ").join(people) + "<br>" + agreement

    def _question_list(self, title: str, question_ids: tuple[str, ...], filter_name: str) -> str:
        framework = self.session.framework
        heading = f"<h3>{title} ({format_number(len(question_ids))})</h3>"
        if not question_ids:
            return heading + "<p>" + _("None.") + "</p>"
        links = _(", ").join(
            f"<a style='text-decoration: none' href='{question_id}'>{localise_digits(framework.placement(question_id).number)}</a>" for question_id in question_ids[:LISTED_QUESTIONS]
        )
        more = ""
        if len(question_ids) > LISTED_QUESTIONS:
            show_all = _("show them all in the questionnaire")
            more = f" — <a style='text-decoration: none' href='filter:{filter_name}'>{show_all}</a>"
        return heading + f"<p>{links}{more}</p>"

    def _on_revisit_link(self, target: str) -> None:
        if target.startswith("filter:"):
            self.filter_requested.emit(target.removeprefix("filter:"))
        else:
            self.question_requested.emit(target)

    def _rows(self) -> list[tuple[str, GroupSummary, set[str]]]:
        """Each row's name, results and question ids (to count where the contributors' answers differ)."""
        profile, framework = self.session.profile, self.session.framework
        lens = LENSES[max(self.lens.currentIndex(), 0)]
        if lens == "dimensions":
            return [
                (str(dimension.name), profile.dimensions[dimension.id],
                 {question.id for goal in dimension.goals for indicator in goal.indicators for question in indicator.questions})
                for dimension in framework.dimensions
            ]
        if lens == "indicators":
            return [
                (indicator_label(indicator), profile.indicators[indicator.id], {question.id for question in indicator.questions})
                for indicator in framework.indicators()
            ]
        if lens == "qualities":
            return [
                (str(quality.name), profile.qualities[quality.id], {question.id for question in framework.questions() if quality.id in question.qualities})
                for quality in framework.qualities
            ]
        return [
            (goal_label(goal), profile.goals[goal.id], {question.id for indicator in goal.indicators for question in indicator.questions})
            for goal in framework.goals()
        ]

    def _fill_table(self) -> None:
        headers = [
            _("Name"),
            _("Average level ({lowest}–{highest})").format(lowest=format_number(1), highest=format_number(5)),
            _("Answered"),
            _("Coverage"),
            _("Spread (std. dev.)"),
            _("Share with low confidence"),
        ]
        if self.statuses:  # a column of zeros says nothing before anyone else answered
            headers.append(_("Answers still differ"))
        rows = self._rows()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for row, (name, summary, question_ids) in enumerate(rows):
            cells = [
                name,
                mean_level_text(summary.level),
                _("{answered}/{total}").format(answered=format_number(summary.answered), total=format_number(summary.total)),
                _share(summary.coverage),
                format_number(summary.spread, decimals=1) if summary.spread is not None else _("—"),
                _share(summary.low_confidence_share),
            ]
            if self.statuses:
                cells.append(format_number(self.agreement.counts(question_ids).differing))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        filled_header(self.table, 4).setToolTip(_("How far the levels of the answers differ from their average: 0 when all agree."))
        filled_header(self.table, 3).setToolTip(_("Share of the applicable questions that have a level."))
        if self.statuses:
            filled_header(self.table, 6).setToolTip(_("Questions whose contributors' answers, or a contributor's and the answer on record, "
                                                      "differ and are not settled yet."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
