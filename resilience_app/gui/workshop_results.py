"""What the room said, as rows of text for the facilitator's tables and the projector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import _
from resilience_app.core.workshop.labels import VERDICT_NAMES
from resilience_app.gui.workshop_state import WorkshopState

Rows = tuple[list[str], list[list[str]]]


def goal_name(state: WorkshopState, goal_id: str) -> str:
    goal = state.framework.goal(goal_id)
    return goal_label(goal) if goal else goal_id


def tally_rows(state: WorkshopState, exercise_id: int) -> Rows:
    assert state.snapshot is not None
    tallies = state.service.dot_results(state.snapshot, exercise_id)
    headers = [_("Rank"), _("Goal"), _("Dots"), _("Share"), _("Groups")]
    rows = [
        [format_number(tally.rank), goal_name(state, tally.goal_id), format_number(tally.dots), format_percent(tally.share), format_number(tally.groups)]
        for tally in tallies
        if tally.dots
    ]
    return headers, rows


def decimal(value: float) -> str:
    return format_number(value, decimals=1)


def ranking_rows(state: WorkshopState, exercise_id: int) -> Rows:
    assert state.snapshot is not None
    ranking = state.service.room_ranking(state.snapshot, exercise_id)
    headers = [_("Rank"), _("Shock or stress"), _("Likelihood / trend"), _("Impact / severity"), _("Room priority"), _("Spread between groups"), _("Register rank")]
    rows = []
    for item in ranking.ranked:
        register_rank = state.register.rank_of(item.item_id)
        spread = _("{lowest} to {highest}").format(lowest=format_number(item.lowest), highest=format_number(item.highest))
        rows.append([
            format_number(item.rank), state.register.name(item.item_id), decimal(item.likelihood), decimal(item.impact),
            decimal(item.priority), spread, format_number(register_rank) if register_rank else _("—"),
        ])
    for item_id in ranking.unrated:
        rows.append([_("—"), state.register.name(item_id), "", "", _("not rated yet"), "", ""])
    return headers, rows


def perception_rows(state: WorkshopState, exercise_id: int, verdicts: tuple[str, ...] = tuple(VERDICT_NAMES)) -> Rows:
    """The goals whose reading is among `verdicts` (all by default), the profile taken from the open assessment."""
    assert state.snapshot is not None
    found = state.service.perceptions(state.snapshot, exercise_id, state.register.session.profile)
    perceptions = [entry for entry in found if entry.verdict in verdicts]
    headers = [_("Goal"), _("Room’s rank"), _("Dots"), _("Questionnaire level"), _("Reading")]
    rows = [
        [
            goal_name(state, entry.goal_id), format_number(entry.room_rank) if entry.room_rank else _("—"), format_number(entry.dots),
            decimal(entry.level) if entry.level is not None else _("not assessed"), _(VERDICT_NAMES[entry.verdict]),
        ]
        for entry in perceptions
    ]
    return headers, rows


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
