"""How solid the profile's evidence is: per goal and for the whole assessment, the shares of the levelled answers
resting on measured data, on national figures and on data older than five years, and how many said their source.
The figures are the core's (`AssessmentService.data_quality`); this page only lays them out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from resilience_app.core.content.labels import goal_label
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import N_, _, ngettext
from resilience_app.core.scoring import DataQualityProfile, DataQualitySummary
from resilience_app.core.scoring.data_quality import OLDER_THAN_YEARS
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.table_cells import filled_header

COLUMNS = 7


def _share(value: float | None) -> str:
    return format_percent(value) if value is not None else _("—")


def summary_cells(summary: DataQualitySummary) -> list[str]:
    """The cells after the name: levelled answers, the three shares, and how many said their source, scale and year."""
    return [
        format_number(summary.levelled),
        _share(summary.measured_share),
        _share(summary.national_share),
        _share(summary.older_share),
        format_number(summary.source_stated),
        format_number(summary.scale_stated),
        format_number(summary.year_stated),
    ]


class ProfileDataQualityPage(QWidget):
    """The data-quality summary of the assessment shown (no signals: nothing here opens a question)."""

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("profile_data_quality")
        self.session = session
        self.explanation = QLabel()
        self.explanation.setObjectName("data_quality_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.overall = QLabel()
        self.overall.setObjectName("data_quality_overall")
        self.overall.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("data_quality_table")
        name_for_reader(self.table, N_("Data quality of each goal"))
        self.table.setColumnCount(1 + COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.overall)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.explanation.setText(
            _("How solid the evidence behind the levels is. Each share is taken over the answers that give a level: measured data "
              "are answers whose source is measured data; national figures, answers whose data describe the whole country rather "
              "than the city or its governorate; old data, answers whose data describe a year more than {years} years before the "
              "assessment. An answer that does not say its source, scale or year counts in none of these shares, so the last "
              "three columns say how many did.").format(years=format_number(OLDER_THAN_YEARS))
        )
        self.table.setHorizontalHeaderLabels([
            _("Goal"), _("Answers with a level"), _("Measured data"), _("National figures"),
            _("Data older than {years} years").format(years=format_number(OLDER_THAN_YEARS)),
            _("Said their source"), _("Said their scale"), _("Said their year"),
        ])
        filled_header(self.table, 3).setToolTip(_("Answers whose data describe the whole country, not the city or its governorate or region."))
        try:
            quality = self.session.service.assessments.data_quality(self.session.assessment_id)
        except UserFacingError as error:
            self.overall.setText(_("The quality of the data could not be read: {reason}").format(reason=error.message))
            self.table.setRowCount(0)
            return
        self.overall.setText(self._overall_text(quality.overall))
        self._fill(quality)

    def _overall_text(self, overall: DataQualitySummary) -> str:
        if not overall.levelled:
            return _("No answer gives a level yet, so there is no share to show.")
        if not (overall.source_stated or overall.scale_stated or overall.year_stated):
            return ngettext(
                "Of {count} answer with a level, none says its source, scale or year yet, so the shares below are zero and "
                "tell nothing about the data: give them on the question, under “{field}”.",
                "Of {count} answers with a level, none says its source, scale or year yet, so the shares below are zero and "
                "tell nothing about the data: give them on each question, under “{field}”.", overall.levelled,
            ).format(count=format_number(overall.levelled), field=_("Source of the data"))
        said = ngettext("{stated} of {count} answer with a level says the kind of its source.",
                        "{stated} of {count} answers with a level say the kind of their source.", overall.levelled).format(
            stated=format_number(overall.source_stated), count=format_number(overall.levelled))
        shares = _("Across the whole assessment: {measured} rest on measured data, {national} on national figures, {older} on data "
                   "older than {years} years.").format(measured=_share(overall.measured_share), national=_share(overall.national_share),
                                                       older=_share(overall.older_share), years=format_number(OLDER_THAN_YEARS))
        return said + " " + shares

    def _fill(self, quality: DataQualityProfile) -> None:
        goals = {goal.id: goal for goal in self.session.framework.goals()}
        # The whole assessment first, in bold: on a laptop's screen the goals' last rows scroll, it never does.
        rows = [(_("Whole assessment"), quality.overall), *((goal_label(goals[goal_id]), summary) for goal_id, summary in quality.goals.items())]
        self.table.setRowCount(len(rows))
        for row, (name, summary) in enumerate(rows):
            for column, text in enumerate([name, *summary_cells(summary)]):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == 0:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
