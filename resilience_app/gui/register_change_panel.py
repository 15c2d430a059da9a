"""The Change tab's register page: the shocks and stresses new, gone and ranked differently since the earlier round,
and the actions whose status changed. The comparison is the register feature's (`register.round_change`); this
page lays it out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _
from resilience_app.core.register.labels import ACTION_STATUS_NAMES, rating_text
from resilience_app.core.register.records import RegisterItemRecord
from resilience_app.core.register.round_change import RegisterChange
from resilience_app.gui.reader_names import name_for_reader


def _rank(rank: int | None) -> str:
    return format_number(rank) if rank is not None else _("not ranked")


def _status(status: str) -> str:
    return _(ACTION_STATUS_NAMES.get(status, status))


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.resizeRowsToContents()


class RegisterChangePanel(QWidget):
    """`show_change(change, name_of)`: `name_of` names an item in the screen's language."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("register_change_panel")
        self.summary = QLabel()
        self.summary.setObjectName("register_change_summary")
        self.summary.setWordWrap(True)
        self.item_table = _table("register_change_items")
        name_for_reader(self.item_table, N_("Shocks and stresses that changed"))
        self.actions_label = QLabel()
        self.actions_label.setWordWrap(True)
        self.action_table = _table("register_change_actions")
        name_for_reader(self.action_table, N_("Actions that changed"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.item_table, 3)
        layout.addWidget(self.actions_label)
        layout.addWidget(self.action_table, 2)

    def show_change(self, change: RegisterChange, name_of: Callable[[RegisterItemRecord], str]) -> None:
        if not change.has_register:
            self.summary.setText(_("Neither round has a register of shocks and stresses."))
        else:
            self.summary.setText(_("Matched by catalogue entry or name: {new} new since the earlier round, {gone} no longer in the register, "
                                   "{moved} ranked differently.").format(new=format_number(len(change.new)), gone=format_number(len(change.gone)),
                                                                         moved=format_number(len(change.reranked))))
        rows = [[name_of(item), _("New since the earlier round"), _("—"), _rank(change.later_ranks.get(item.id)), _("—"), rating_text(item)]
                for item in change.new]
        rows += [[name_of(item), _("No longer in the register"), _rank(change.earlier_ranks.get(item.id)), _("—"), rating_text(item), _("—")]
                 for item in change.gone]
        rows += [[name_of(move.later), _("Rated differently") if move.rerated else _("Ranked differently"), _rank(move.earlier_rank),
                  _rank(move.later_rank), rating_text(move.earlier), rating_text(move.later)] for move in change.reranked]
        _fill(self.item_table, [_("Shock or stress"), _("What changed"), _("Earlier rank"), _("Rank in this round"), _("Earlier rating"),
                                _("Rating in this round")], rows)
        self.item_table.setVisible(bool(rows))
        self.actions_label.setText(
            _("Actions whose status changed ({changed} of {both} in both rounds' inventories, matched by title), then those new "
              "or no longer in the inventory:").format(
                changed=format_number(len(change.status_changes)), both=format_number(change.actions_in_both)))
        rows = [[status.later.action.title, _status(status.earlier.action.status), _status(status.later.action.status)]
                for status in change.status_changes]
        rows += [[action.action.title, _("—"), _("New: {status}").format(status=_status(action.action.status))] for action in change.new_actions]
        rows += [[action.action.title, _status(action.action.status), _("No longer in the inventory")] for action in change.gone_actions]
        _fill(self.action_table, [_("Action"), _("Earlier status"), _("Status in this round")], rows)
        self.action_table.setVisible(bool(rows))

