"""The list of assessments as a Qt table model: a thin adapter over `AssessmentSummary` values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from resilience_app.core.assessment.labels import progress_to_review
from resilience_app.core.assessment.service import AssessmentSummary
from resilience_app.core.countries import country_name
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import N_, _, current_language, isolate, paragraph
from resilience_app.core.rounds.labels import round_text
from resilience_app.core.rounds.records import RoundRecord

ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2

_COLUMNS = (N_("City"), N_("Country"), N_("Round"), N_("Progress"), N_("Last changed"))
_Index = QModelIndex | QPersistentModelIndex


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AssessmentSummary] = []
        self._rounds: dict[int, RoundRecord] = {}

    def set_rows(self, rows: list[AssessmentSummary], rounds: dict[int, RoundRecord] | None = None) -> None:
        """The assessments, and each one's round (a baseline, mid-term or follow-up, with its date) where it has one."""
        self.beginResetModel()
        self._rows = list(rows)
        self._rounds = dict(rounds or {})
        self.endResetModel()

    def retranslate(self) -> None:
        """Texts depend on the language: tell the views everything changed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(_COLUMNS) - 1))

    def row_of(self, assessment_id: int) -> int | None:
        return next((row for row, summary in enumerate(self._rows) if summary.id == assessment_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_COLUMNS):
            return _(_COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                name = summary.record.city_name(current_language())
                return paragraph(_("{city} · sample").format(city=isolate(name))) if summary.record.is_sample else name
            if column == 1:
                return country_name(summary.record.details.country)
            if column == 2:
                return round_text(self._rounds.get(summary.id))
            if column == 3:
                return progress_to_review(summary.progress, summary.to_review)
            if column == 4:
                return format_date(summary.record.updated_at.date(), length="medium")
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return _("{answered} of {total} questions answered").format(answered=format_number(summary.answered), total=format_number(summary.total_questions))
        if role == ASSESSMENT_ID_ROLE:
            return summary.id
        if role == PROGRESS_ROLE:
            return summary.progress
        return None
