"""Prioritisation: the 5×5 matrix with the items on it, and the ranked list.

A shock sits by likelihood (rows) and impact (columns), a stress by trend and severity, which are stored in
the same two ratings: the matrix names both on each row, and the list names each item's ratings by its kind.

The matrix is a table the keyboard can walk (arrow keys); each cell shows the ranks of the
items placed there and choosing a cell selects them in the list. In the list, Ctrl+Up and
Ctrl+Down move an item (asking for the reason, which is kept), as do the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import _, paragraph
from resilience_app.core.register import matrix
from resilience_app.core.register.labels import TREND_NAMES, name_list, rating_terms, scale_label
from resilience_app.core.register.ranking import RankedItem
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.form_fields import FieldWithError
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.table_cells import filled_cell, filled_header

NAME_WIDTH = 200  # a longer name ends in "…", whole in its tooltip


def _two_lines(shock: str, stress: str) -> str:
    """A column of both kinds' ratings: a shock's over a stress's, so the heading takes no more width than the levels
    (its tooltip says which is which)."""
    return f"{shock}\n{stress}"


class RiskMatrix(QTableWidget):
    """Likelihood (a stress's trend) from 5 (top row) to 1, impact (a stress's severity) from 1 to 5 across (mirrored in Arabic), each cell
    painted in its priority band's colour: the layout and colours of the brief's matrix (`core.register.matrix`)."""

    def __init__(self) -> None:
        super().__init__(5, 5)
        self.setObjectName("risk_matrix")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumSize(420, 300)

    cell_of = staticmethod(matrix.position_of)
    rating_at = staticmethod(matrix.rating_at)


class RankedTable(QTableWidget):
    """Signals: move_requested(int): Ctrl+Up (-1) or Ctrl+Down (+1) on the chosen row."""

    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class RankDialog(QDialog):
    """A new rank for an item and the reason for it (required, kept with the item)."""

    def __init__(self, state: RegisterState, item_id: int, rank: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("rank_dialog")
        self.setWindowTitle(_("Change the rank"))
        self.state, self.item_id = state, item_id
        self.rank_box = QSpinBox()
        self.rank_box.setRange(1, max(len(state.ranking.ranked), 1))
        self.rank_box.setValue(rank)
        self.rank = FieldWithError(self.rank_box, name="override_rank")
        self.reason = FieldWithError(QLineEdit(), name="override_reason")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Set rank"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(paragraph(_("Rank for {item}").format(item=state.name(item_id)))))
        form.addRow(_("New rank"), self.rank)
        form.addRow(_("Reason"), self.reason)
        form.addRow(buttons)
        self.reason.editor.setFocus()

    def _save(self) -> None:
        try:
            self.state.set_rank(self.item_id, self.rank_box.value(), self.reason.editor.text())
        except InvalidInputError as error:
            self.rank.show_error(error.field_errors.get("rank", ""))
            self.reason.show_error(error.field_errors.get("reason", ""))
            return
        self.accept()


class PriorityView(QWidget):
    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("priority_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.matrix = RiskMatrix()
        self.matrix.currentCellChanged.connect(lambda *_cells: self._select_cell_items())
        self.matrix_caption = QLabel()
        self.matrix_caption.setWordWrap(True)
        self.cell_text = QLabel()
        self.cell_text.setObjectName("risk_cell_description")
        self.cell_text.setWordWrap(True)
        self.table = RankedTable()
        self.table.setObjectName("ranked_items")
        self.table.setColumnCount(9)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)  # one line a row: a long name or reason ends in "…" and shows whole in its tooltip
        self.table.move_requested.connect(self.move_current)
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.up_button = QPushButton()
        self.up_button.setObjectName("move_up_button")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton()
        self.down_button.setObjectName("move_down_button")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.set_rank_button = QPushButton()
        self.set_rank_button.setObjectName("set_rank_button")
        self.set_rank_button.clicked.connect(lambda: self.change_rank())
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear_rank_button")
        self.clear_button.clicked.connect(self.clear_current)
        self.unrated = QLabel()
        self.unrated.setObjectName("unrated_items")
        self.unrated.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.set_rank_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.matrix_caption)
        left.addWidget(self.matrix, 1)
        left.addWidget(self.cell_text)
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.table, 1)
        right.addWidget(self.unrated)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        state.changed.connect(self.refresh)
        self.retranslate()

    # -- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current_item_id()
        ranked = self.state.ranking.ranked
        ranks_at: dict[tuple[int, int], list[int]] = {}
        for entry in ranked:
            ranks_at.setdefault(RiskMatrix.cell_of(entry.item.likelihood, entry.item.impact), []).append(entry.rank)
        colours = matrix.band_colours()
        for row in range(matrix.SIZE):
            for column in range(matrix.SIZE):
                likelihood, impact = RiskMatrix.rating_at(row, column)
                ranks = ranks_at.get((row, column), [])
                cell = QTableWidgetItem(_(", ").join(format_number(rank) for rank in ranks))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setBackground(QColor(matrix.cell_colour(likelihood, impact, colours)))
                cell.setForeground(QColor("#1a1a1a"))
                self.matrix.setItem(row, column, cell)
        self.table.setRowCount(len(ranked))
        for row, entry in enumerate(ranked):
            record = self.state.item(entry.item.item_id)
            override = entry.override
            values = [
                format_number(entry.rank),
                self.state.name(record) if record else "",
                format_number(entry.item.likelihood),
                format_number(entry.item.impact),
                format_number(entry.item.priority),
                self._room_text(entry.item.item_id),
                format_number(entry.connections),
                _(TREND_NAMES[entry.item.trend]),
                override.reason if override else "",
            ]
            terms = rating_terms(record.item.kind if record else "shock")
            named = {  # the two ratings, named as the item's kind is rated
                2: _("{rating}: {level}").format(rating=_(terms.likelihood), level=scale_label(dict(terms.likelihood_names), entry.item.likelihood)),
                3: _("{rating}: {level}").format(rating=_(terms.impact), level=scale_label(dict(terms.impact_names), entry.item.impact)),
            }
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, entry.item.item_id)
                if override:
                    cell.setToolTip(_("Rank set by the CRO: {reason}").format(reason=override.reason))
                elif column == 1:
                    cell.setToolTip(value)
                elif column in named:
                    cell.setToolTip(named[column])
                self.table.setItem(row, column, cell)
            room = self.state.room_ratings.get(entry.item.item_id)
            if room is not None:
                filled_cell(self.table, row, 5).setToolTip(
                    _("The room’s mean likelihood × mean impact, from {source}, applied on {date} ({groups} groups).").format(
                        source=self.state.room_sources.get(room.exercise_id, ""), date=format_date(room.applied_at.date()), groups=format_number(room.groups)
                    )
                )
            if override:
                filled_cell(self.table, row, 0).setText(_("{rank} (set)").format(rank=values[0]))
        self._fit_columns()
        filled_header(self.table, 2).setToolTip(_("Likelihood (shock) / trend (stress)"))
        filled_header(self.table, 3).setToolTip(_("Impact (shock) / severity (stress)"))
        filled_header(self.table, 4).setToolTip(_("Likelihood × impact for a shock, severity × trend for a stress"))
        if chosen is not None:
            self.select_item(chosen)
        unrated = [self.state.name(record) for record in self.state.ranking.unrated]
        self.unrated.setText(paragraph(_("Not rated yet, so not ranked: {items}.").format(items=name_list(unrated))) if unrated else "")
        self._update_buttons()

    def _room_text(self, item_id: int) -> str:
        room = self.state.room_ratings.get(item_id)
        if room is None:
            return ""
        return _("{likelihood} × {impact}").format(likelihood=format_number(room.likelihood, decimals=1), impact=format_number(room.impact, decimals=1))

    def _update_buttons(self) -> None:
        has_choice = self.current_item_id() is not None
        for button in (self.up_button, self.down_button, self.set_rank_button):
            button.setEnabled(has_choice)
        entry = self._current_entry()
        self.clear_button.setEnabled(bool(entry and entry.override))

    # -- choosing -----------------------------------------------------------------------------

    def current_item_id(self) -> int | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return int(cell.data(ID_ROLE)) if cell else None

    def _current_entry(self) -> RankedItem[int] | None:
        item_id = self.current_item_id()
        return next((entry for entry in self.state.ranking.ranked if entry.item.item_id == item_id), None)

    def select_item(self, item_id: int) -> None:
        for row in range(self.table.rowCount()):
            if filled_cell(self.table, row, 0).data(ID_ROLE) == item_id:
                # Through the selection model: selectRow() misbehaves in right-to-left layouts.
                self.table.setCurrentCell(row, 0)
                return

    def _select_cell_items(self) -> None:
        row, column = self.matrix.currentRow(), self.matrix.currentColumn()
        if row < 0 or column < 0:
            return
        likelihood, impact = RiskMatrix.rating_at(row, column)
        here = [entry for entry in self.state.ranking.ranked if (entry.item.likelihood, entry.item.impact) == (likelihood, impact)]
        shocks = [entry for entry in here if self._kind_of(entry.item.item_id) != "stress"]
        stresses = [entry for entry in here if self._kind_of(entry.item.item_id) == "stress"]
        shock, stress = rating_terms("shock"), rating_terms("stress")
        sentences = [  # the cell read as each kind is rated
            _("Shocks of likelihood {likelihood} and impact {impact}: {items}.").format(
                likelihood=scale_label(dict(shock.likelihood_names), likelihood), impact=scale_label(dict(shock.impact_names), impact),
                items=self._names(shocks)),
            _("Stresses of trend {trend} and severity {severity}: {items}.").format(
                trend=scale_label(dict(stress.likelihood_names), likelihood), severity=scale_label(dict(stress.impact_names), impact),
                items=self._names(stresses)),
        ]
        self.cell_text.setText(paragraph(" ".join(sentences)))
        if here:
            self.select_item(here[0].item.item_id)

    def _kind_of(self, item_id: int) -> str:
        record = self.state.item(item_id)
        return record.item.kind if record else "shock"

    def _names(self, entries: list[RankedItem[int]]) -> str:
        return name_list([self.state.name(entry.item.item_id) for entry in entries]) or _("none")

    # -- changing ranks ------------------------------------------------------------------------

    def move_current(self, step: int) -> RankDialog | None:
        entry = self._current_entry()
        if entry is None:
            return None
        return self.change_rank(min(max(entry.rank + step, 1), len(self.state.ranking.ranked)))

    def change_rank(self, rank: int | None = None) -> RankDialog | None:
        entry = self._current_entry()
        if entry is None:
            return None
        return open_tracked(self, RankDialog(self.state, entry.item.item_id, rank or entry.rank, self))

    def clear_current(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            try:
                self.state.clear_rank(item_id)
            except UserFacingError as error:
                self.failed.emit(error)

    def _fit_columns(self) -> None:
        """Columns as wide as their contents, but the name at most NAME_WIDTH pixels and the CRO's reason only as wide
        as its heading: the last column takes the width left (a longer reason ends in "…", whole in its tooltip),
        so the table needs no sideways scrolling that would cut the reason's heading off."""
        table, header = self.table, self.table.horizontalHeader()
        table.resizeColumnsToContents()
        table.setColumnWidth(1, min(table.columnWidth(1), NAME_WIDTH))
        reason = table.columnCount() - 1
        table.setColumnWidth(reason, header.sectionSizeFromContents(reason).width())

    def retranslate(self) -> None:
        shock, stress = rating_terms("shock"), rating_terms("stress")
        self.matrix.setHorizontalHeaderLabels([scale_label(dict(shock.impact_names), impact) for impact in range(1, 6)])  # a stress's severity names alike
        self.matrix.setVerticalHeaderLabels([
            "\n".join((scale_label(dict(shock.likelihood_names), level), _(stress.likelihood_names[level]))) for level in range(5, 0, -1)
        ])
        self.matrix_caption.setText(paragraph(_(
            "Rows: a shock's likelihood, or a stress's trend (the second name). Columns: a shock's impact, or a stress's severity. "
            "Each cell shows the ranks of the items placed there; arrow keys move between cells."
        )))
        self.table.setHorizontalHeaderLabels(
            [_("Rank"), _("Shock or stress"), _two_lines(_("Likelihood"), _("Trend")), _two_lines(_("Impact"), _("Severity")), _("Priority"), _("Workshop’s rating"), _("Links"), _("Trend"), _("CRO's reason")]
        )
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.set_rank_button.setText(_("Set rank…"))
        self.clear_button.setText(_("Use computed rank"))
        self.up_button.setToolTip("Ctrl+↑")
        self.down_button.setToolTip("Ctrl+↓")
        self.refresh()
