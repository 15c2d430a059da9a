"""The profile grouped by an external framework (UNDRR's Ten Essentials, the Sendai Framework, SDG 11, the Strong
Cities Network): for each of its items, the framework's indicators mapped to it, their coverage and their mean level.
Levels stay on the framework's own 1-5 scale and say so; the grouping is the core's
(`AssessmentService.profile_by_framework`); this page only lays it out."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.labels import crosswalk_level_text, fit_text, mean_level_text
from resilience_app.core.content.model import Crosswalk
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import N_, _, isolate, ngettext
from resilience_app.core.scoring.by_framework import SCALE, FrameworkProfile, ItemResult
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.form_fields import refill_choices
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.table_cells import filled_header

COLUMNS = 7
LEVEL_COLUMN = 6
THIN_COLOUR = "#777"  # a thin item's level, or an outcome without one, is greyed as well as bracketed
INDICATORS_HEIGHT = 150  # the list under the table scrolls beyond this, so the table keeps its rows on a laptop


def _share(value: float | None) -> str:
    return format_percent(value) if value is not None else _("—")


def level_heading() -> str:
    """The level column's heading: whose scale it is, so no one reads it as a scorecard score."""
    return _("CRF level {lowest}–{highest}").format(lowest=format_number(SCALE[0]), highest=format_number(SCALE[1]))


class ProfileFrameworkPage(QWidget):
    """The profile by an external framework's items (no signals: the indicators of an item are shown below the table)."""

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("profile_by_framework")
        self.session = session
        self.crosswalks: tuple[Crosswalk, ...] = ()
        self.profile: FrameworkProfile | None = None
        self._shown_crosswalk = ""  # the crosswalk last filled in, to keep its chosen item across a refresh
        self.chooser_label = QLabel()
        self.chooser = QComboBox()
        self.chooser.setObjectName("framework_chooser")
        self.chooser.currentIndexChanged.connect(lambda _index: self._fill())
        self.chooser_label.setBuddy(self.chooser)
        self.explanation = QLabel()
        self.explanation.setObjectName("framework_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.table = QTableWidget()
        self.table.setObjectName("framework_table")
        name_for_reader(self.table, N_("Profile by framework"))
        self.table.setColumnCount(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(lambda row, _column: self._show_indicators(row))
        self.table.itemSelectionChanged.connect(lambda: self._show_indicators(self.table.currentRow()) if self.table.selectedItems() else None)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.indicators = QLabel()
        self.indicators.setObjectName("framework_item_indicators")
        self.indicators.setWordWrap(True)
        self.indicators.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.indicators_area = QScrollArea()
        name_for_reader(self.indicators_area, N_("Indicators of the chosen framework"))
        self.indicators_area.setWidget(self.indicators)
        self.indicators_area.setWidgetResizable(True)
        self.indicators_area.setFrameShape(QFrame.Shape.NoFrame)
        self.indicators_area.setMinimumHeight(INDICATORS_HEIGHT // 2)
        self.indicators_area.setMaximumHeight(INDICATORS_HEIGHT)
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(self.chooser_label)
        chooser_row.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser_row)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.indicators_area)

    def refresh(self) -> None:
        """Read the crosswalks and the grouping again (the answers or the language may have changed)."""
        self.chooser_label.setText(_("External framework:"))
        try:
            self.crosswalks = self.session.service.assessments.crosswalks(self.session.assessment_id)
        except UserFacingError as error:
            self.crosswalks = ()
            self.explanation.setText(_("The frameworks could not be read: {reason}").format(reason=error.message))
        refill_choices(self.chooser, [str(crosswalk.name) for crosswalk in self.crosswalks])
        self._fill()

    def choose(self, crosswalk_id: str) -> None:
        """Show the crosswalk `crosswalk_id` (the chooser follows)."""
        self.chooser.setCurrentIndex(next(index for index, crosswalk in enumerate(self.crosswalks) if crosswalk.id == crosswalk_id))

    def _fill(self) -> None:
        self.table.setHorizontalHeaderLabels([_("Ref."), _("Item"), _("Fit"), _("Indicators mapped"), _("Indicators with a level"),
                                              _("Questions answered"), level_heading()])
        filled_header(self.table, 2).setToolTip(_("How much of the item the mapped indicators cover, as the crosswalk's authors judge it: "
                                                  "full, partial or thin."))
        filled_header(self.table, 5).setToolTip(_("Share of the applicable questions of the mapped indicators that have a level."))
        filled_header(self.table, LEVEL_COLUMN).setToolTip(
            _("The mean of the mapped indicators' levels, each the mean of its questions' levels, on the framework's scale of 1 to 5. "
              "It is not a score of the other framework.")
        )
        self.indicators.clear()
        shown_row = self.table.currentRow()  # the item whose indicators are listed stays listed when the profile is read again
        index = self.chooser.currentIndex()
        if not 0 <= index < len(self.crosswalks):
            self.profile = None
            self.table.setRowCount(0)
            if self.crosswalks == ():
                self.explanation.setText(_("No external framework is installed with the content."))
            return
        crosswalk = self.crosswalks[index]
        try:
            self.profile = self.session.service.assessments.profile_by_framework(self.session.assessment_id, crosswalk.id)
        except UserFacingError as error:
            self.profile = None
            self.table.setRowCount(0)
            self.explanation.setText(_("The profile could not be grouped: {reason}").format(reason=error.message))
            return
        principle = _(
            "The CRF's indicators grouped by the items of {framework} (version {version}). A grouping by subject, not an "
            "equivalence: levels stay on the framework's own scale of 1 to 5 and are never converted to the other framework's scores."
        ).format(framework=isolate(str(crosswalk.name)), version=localise_digits(crosswalk.version))
        notes = f" {crosswalk.notes}" if crosswalk.notes else ""
        self.explanation.setText(principle + notes)
        self.table.setRowCount(len(self.profile.items))
        for row, result in enumerate(self.profile.items):
            cells = [
                result.item.reference(),
                str(result.item.name),
                fit_text(result.item),
                format_number(result.mapped),
                format_number(result.levelled_indicators),
                _share(result.coverage),
                crosswalk_level_text(result.item, result.level, result.levelled_indicators),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == LEVEL_COLUMN and (result.item.no_level or result.item.fit == "thin"):
                    item.setForeground(QBrush(QColor(THIN_COLOUR)))
                self.table.setItem(row, column, item)
        if 0 <= shown_row < len(self.profile.items) and crosswalk.id == self._shown_crosswalk:
            self.table.setCurrentCell(shown_row, 0)  # not selectRow: in right-to-left it selects nothing until laid out
            self._show_indicators(shown_row)
        else:  # another framework: no item of the last one stays chosen
            self.table.setCurrentCell(-1, -1)
            self.table.clearSelection()
            self.indicators.setText(_("Double-click an item to see the indicators mapped to it."))
        self._shown_crosswalk = crosswalk.id

    def _show_indicators(self, row: int) -> None:
        """List the indicators mapped to the item on `row`, each with its level and coverage."""
        if self.profile is None or not 0 <= row < len(self.profile.items):
            return
        self.indicators.setText(self.indicators_text(self.profile.items[row]))

    @staticmethod
    def indicators_text(result: ItemResult) -> str:
        title = ngettext("{item}: {count} indicator mapped", "{item}: {count} indicators mapped", result.mapped).format(
            item=html.escape(str(result.item.name)), count=format_number(result.mapped))
        if not result.indicators:
            return f"<b>{title}</b><br>" + _("No indicator of the framework corresponds to this item.")
        lines = [html.escape(crosswalk_level_text(result.item, None, 0))] if result.item.no_level else []
        lines += [
            _("{number} {name} — level {level}, questions answered {coverage}").format(
                number=localise_digits(indicator.indicator.number), name=html.escape(str(indicator.indicator.name)),
                level=mean_level_text(indicator.summary.level), coverage=_share(indicator.summary.coverage))
            for indicator in result.indicators
        ]
        return f"<b>{title}</b><br>" + "<br>".join(lines)
