"""The workshop's representation check: a row per sector (sector, count, share, status) laid out by the
window's direction, so an Arabic row reads sector first from the right as the brief's table does; then
what the room may miss and the balances, as paragraphs."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from resilience_app.core.content.model import Sector
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import _, ngettext, paragraph
from resilience_app.core.workshop.labels import sector_name
from resilience_app.core.workshop.representation import BalancePresence, Representation, presence_text

STATUS_COLOURS = {"missing": "#b00020", "thin": "#9a5b00", "present": "#1b6e20", "unknown": "#555555"}
SECTOR, COUNT, SHARE, STATUS = range(4)


def balance_sentence(balance: BalancePresence) -> str:
    if balance.share is None:
        return _("nobody gave this detail yet.")
    sentence = _("{count} of the {known} participants who gave this detail ({share}).").format(
        count=format_number(balance.count), known=format_number(balance.known), share=format_percent(balance.share)
    )
    if balance.status == "thin":
        sentence += " " + balance.check.gap.in_language()
    return sentence


def notes_html(representation: Representation) -> str:
    """What the room may miss, a paragraph per gap, then a paragraph per balance."""
    parts = []
    if representation.gaps:
        heading = _("What the room may miss")
        parts.append(f"<h4>{html.escape(heading)}</h4>")
        for entry in representation.gaps:
            assert entry.gap is not None
            parts.append(f"<p><b>{html.escape(entry.gap.name.in_language())}</b>: {html.escape(entry.gap.gap.in_language())}</p>")
    for balance in representation.balances:
        parts.append(f"<p><b>{html.escape(balance.check.name.in_language())}</b>: {html.escape(balance_sentence(balance))}</p>")
    return "".join(parts)


class RepresentationPanel(QWidget):
    """The check for the workshop on screen; `rows` holds each sector's four cells, in reading order."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("representation")
        self.heading = QLabel()
        self.heading.setObjectName("representation_heading")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(STATUS, 1)  # the status takes the width left, wrapping when the panel is narrow
        self.notes = QLabel()
        self.notes.setObjectName("representation_notes")
        self.notes.setWordWrap(True)
        self.rows: list[tuple[QLabel, ...]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def clear(self) -> None:
        self.heading.setText("")
        self.notes.setText("")
        self._set_rows([])

    def show_representation(self, representation: Representation, sectors: dict[str, Sector]) -> None:
        total = representation.total
        count = ngettext("{count} participant", "{count} participants", total).format(count=format_number(total))
        title = _("Representation")
        self.heading.setText(f"<h3>{html.escape(title)}</h3>{html.escape(paragraph(count))}")
        self._set_rows([
            (sector_name(entry.sector, sectors), format_number(entry.count), format_percent(entry.share) if total else "—",
             presence_text(entry), STATUS_COLOURS[entry.status])
            for entry in representation.sectors
        ])
        self.notes.setText(notes_html(representation))

    def _set_rows(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        for cells in self.rows:
            for cell in cells:
                self.grid.removeWidget(cell)
                cell.setParent(None)  # gone from the screen now, not at the next turn of the event loop
        self.rows = []
        for position, (*texts, colour) in enumerate(rows):
            cells = tuple(QLabel(paragraph(text)) for text in texts)  # «٢١٪» alone would read left to right, its sign on the wrong side
            cells[STATUS].setStyleSheet(f"color: {colour}")
            cells[STATUS].setWordWrap(True)
            for column, cell in enumerate(cells):
                cell.setTextFormat(Qt.TextFormat.PlainText)
                self.grid.addWidget(cell, position, column)
            self.rows.append(cells)
