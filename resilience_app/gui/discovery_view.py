"""Candidate discovery areas: the app's proposals with their reasoning, the CRO's decisions, what Phase II must
work on in each, and the next steps below them.

The CRO accepts, rejects, edits, merges (select several with Ctrl or Shift) or adds their own.
"""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.labels import goal_label
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import N_, _, current_language, ngettext, paragraph
from resilience_app.core.register.discovery import MAX_PROPOSALS
from resilience_app.core.register.labels import AREA_STATUS_NAMES, ORIGIN_NAMES, name_list
from resilience_app.core.register.records import DiscoveryAreaDraft, DiscoveryAreaRecord
from resilience_app.core.register.rules import PHASE_TWO_FIELDS
from resilience_app.gui.checklist import ID_ROLE, Checklist, goal_entries
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.form_dialog import FormDialog, open_tracked
from resilience_app.gui.next_steps_view import NextStepsPanel
from resilience_app.gui.panes import Splitter
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.register_state import RegisterState

STATUSES = tuple(AREA_STATUS_NAMES)


class AreaDialog(FormDialog):
    """Add or edit one discovery area: title, one-line rationale, goals, shocks and stresses, status."""

    def __init__(self, state: RegisterState, parent: QWidget, area: DiscoveryAreaRecord | None = None) -> None:
        draft = area.area if area else DiscoveryAreaDraft(title="", status="accepted")
        super().__init__(
            parent,
            name="area_dialog",
            title=_("Edit discovery area") if area else _("Add a discovery area"),
            fields={
                "title": (_("Title"), QLineEdit(draft.title)),
                "rationale": (_("Rationale (one line)"), QLineEdit(draft.rationale)),
                "goals": (_("Goals"), Checklist(name="goals")),
                "item_ids": (_("Shocks and stresses"), Checklist(name="items")),
                "status": (_("Status"), QComboBox()),
                "questions": (_("Questions Phase II must answer"), QPlainTextEdit(draft.questions)),
                "data_needed": (_("Data needed"), QPlainTextEdit(draft.data_needed)),
                "partners": (_("Partners to involve"), QPlainTextEdit(draft.partners)),
            },
        )
        self.state, self.area = state, area
        for name in PHASE_TWO_FIELDS:
            self.editor(name, QPlainTextEdit).setFixedHeight(64)
            self.editor(name, QPlainTextEdit).setTabChangesFocus(True)
        self.editor("questions", QPlainTextEdit).setPlaceholderText(_("One question a line"))
        self.editor("goals", Checklist).set_entries(goal_entries(state.framework), draft.goals)
        self.editor("item_ids", Checklist).set_entries([(record.id, state.name(record)) for record in state.items], draft.item_ids)
        for name in ("goals", "item_ids"):
            self.editor(name, Checklist).show_rows(12)
        self.editor("status", QComboBox).addItems([_(name) for name in AREA_STATUS_NAMES.values()])
        self.editor("status", QComboBox).setCurrentIndex(STATUSES.index(draft.status))
        self.editor("title", QLineEdit).setMinimumWidth(420)

    def _changed(self, area: DiscoveryAreaDraft) -> DiscoveryAreaDraft:
        return dataclasses.replace(
            area,
            title=self.editor("title", QLineEdit).text(),
            rationale=self.editor("rationale", QLineEdit).text(),
            goals=self.editor("goals", Checklist).checked_ids(),
            item_ids=self.editor("item_ids", Checklist).checked_ids(),
            status=STATUSES[self.editor("status", QComboBox).currentIndex()],
            questions=self.editor("questions", QPlainTextEdit).toPlainText(),
            data_needed=self.editor("data_needed", QPlainTextEdit).toPlainText(),
            partners=self.editor("partners", QPlainTextEdit).toPlainText(),
        )

    def store(self) -> None:
        if self.area is None:
            self.state.add_area(self._changed(DiscoveryAreaDraft(title="")))
        else:
            self.state.update_area(self.area.id, self._changed)


def _fact(label: str, value: str) -> str:
    """'<b>Goals:</b> …' as one paragraph (the colon is the same in both languages)."""
    return f"<p><b>{html.escape(label)}:</b> {html.escape(value)}</p>"


def _listed(label: str, lines: list[str]) -> str:
    """A heading and its lines as a list (each question, partner or step on its own line), or nothing without lines."""
    if not lines:
        return ""
    return _fact(label, "") + "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class DiscoveryView(QWidget):
    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("discovery_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.propose_button = QPushButton()
        self.propose_button.setObjectName("propose_areas_button")
        self.propose_button.clicked.connect(self.propose)
        self.outcome = QLabel()
        self.outcome.setObjectName("proposal_outcome")
        self.outcome.setWordWrap(True)
        self.area_list = QListWidget()
        self.area_list.setObjectName("discovery_areas")
        name_for_reader(self.area_list, N_("Discovery areas"))
        self.area_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.area_list.itemSelectionChanged.connect(self._show_current)
        self.detail = QLabel()
        self.detail.setObjectName("area_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = {
            name: QPushButton() for name in ("accept", "reject", "edit", "merge", "add", "remove")
        }
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}_area_button")
        self.buttons["accept"].clicked.connect(lambda: self.set_status("accepted"))
        self.buttons["reject"].clicked.connect(lambda: self.set_status("rejected"))
        self.buttons["edit"].clicked.connect(lambda: self.edit_area(self.current_area_id()))
        self.buttons["merge"].clicked.connect(self.merge_selected)
        self.buttons["add"].clicked.connect(lambda: self.edit_area(None))
        self.buttons["remove"].clicked.connect(self.confirm_remove)
        top = QHBoxLayout()
        top.addWidget(self.propose_button)
        top.addWidget(self.outcome, 1)
        grid = QGridLayout()
        for position, name in enumerate(("accept", "reject", "edit", "merge", "add", "remove")):
            grid.addWidget(self.buttons[name], position // 3, position % 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(grid)
        detail_scroll = QScrollArea()  # an area's reasons, Phase II work and steps may be longer than the pane
        detail_scroll.setObjectName("area_detail_scroll")
        name_for_reader(detail_scroll, N_("The chosen discovery area"))
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        right_layout.addWidget(detail_scroll, 1)
        splitter = Splitter()
        splitter.addWidget(self.area_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.area_list.setWordWrap(True)
        self.area_list.setMinimumWidth(360)
        self.next_steps = NextStepsPanel(state)
        self.next_steps.setMinimumHeight(190)  # a few steps in view under the areas
        self.next_steps.failed.connect(self.failed)
        areas_and_steps = Splitter(Qt.Orientation.Vertical)
        areas_and_steps.setObjectName("areas_and_next_steps")
        areas_and_steps.addWidget(splitter)
        areas_and_steps.addWidget(self.next_steps)
        areas_and_steps.setStretchFactor(0, 3)
        areas_and_steps.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(areas_and_steps, 1)
        state.changed.connect(self.refresh)
        self.retranslate()

    # -- reading -------------------------------------------------------------------------------

    def selected_area_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self.area_list.selectedItems()]

    def current_area_id(self) -> int | None:
        selected = self.selected_area_ids()
        return selected[0] if len(selected) == 1 else None

    def _area(self, area_id: int | None) -> DiscoveryAreaRecord | None:
        return next((area for area in self.state.areas if area.id == area_id), None)

    def select_area(self, area_id: int) -> None:
        self.area_list.clearSelection()
        for row in range(self.area_list.count()):
            if self.area_list.item(row).data(ID_ROLE) == area_id:
                self.area_list.setCurrentRow(row)
                return

    # -- drawing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = set(self.selected_area_ids())
        self.area_list.blockSignals(True)
        self.area_list.clear()
        for record in self.state.areas:
            entry = QListWidgetItem(_("{title} — {status}").format(title=record.area.title, status=_(AREA_STATUS_NAMES[record.area.status])))
            entry.setData(ID_ROLE, record.id)
            if record.area.status == "rejected":
                entry.setForeground(Qt.GlobalColor.gray)
            self.area_list.addItem(entry)
            entry.setSelected(record.id in selected)
        self.area_list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        selected = self.selected_area_ids()
        record = self._area(self.current_area_id())
        self.next_steps.current_area_id = record.id if record else None
        for name in ("accept", "reject", "edit"):
            self.buttons[name].setEnabled(record is not None)
        self.buttons["remove"].setEnabled(record is not None)
        self.buttons["merge"].setEnabled(len(selected) >= 2)
        if len(selected) >= 2:
            self.detail.setText(paragraph(_("{count} areas selected: merge them into one.").format(count=format_number(len(selected)))))
        elif record is None:
            self.detail.setText(paragraph(_("Choose an area to see why it is proposed.")))
        else:
            self.detail.setText(self._describe(record))

    def _describe(self, record: DiscoveryAreaRecord) -> str:
        area = record.area
        framework = self.state.framework
        goals = [goal_label(goal) for goal in framework.goals() if goal.id in area.goals]
        items = [self.state.name(item_id) for item_id in area.item_ids if self.state.item(item_id)]
        status = _("{status} | {origin}").format(status=_(AREA_STATUS_NAMES[area.status]), origin=_(ORIGIN_NAMES[area.origin]))
        parts = [
            f"<h2>{html.escape(area.title)}</h2>",
            f"<p>{html.escape(area.rationale)}</p>" if area.rationale else "",
            _fact(_("Status"), status),
            _fact(_("Goals"), format_list(goals) or _("—")),
            _fact(_("Shocks and stresses"), name_list(items) or _("—")),
        ]
        reasons = area.reasoning.get(current_language()) or next(iter(area.reasoning.values()), ())
        parts += [
            _listed(_("Why the app proposes it"), list(reasons)),
            _listed(_("Questions Phase II must answer"), _lines(area.questions)),
            _listed(_("Data needed"), _lines(area.data_needed)),
            _listed(_("Partners to involve"), _lines(area.partners)),
            _listed(_("Next steps"), [step.step.what for step in self.state.next_steps if step.step.area_id == record.id]),
        ]
        if area.status == "accepted" and not area.has_phase_two_work:
            hint = _("Edit the area to note the questions Phase II must answer, the data needed and the partners.")
            parts.append(f"<p><i>{html.escape(hint)}</i></p>")
        return paragraph("".join(parts))

    # -- decisions --------------------------------------------------------------------------------

    def propose(self) -> None:
        try:
            proposals = self.state.propose_areas()
        except UserFacingError as error:
            self.failed.emit(error)
            return
        count = len(proposals)
        if count == 0:
            text = _("No goal meets two of the three signals (weak, under pressure, few actions) outside the areas already decided. Add your own areas.")
        elif count < 3:
            text = ngettext(
                "Only {count} area meets two of the three signals; add your own for more.",
                "Only {count} areas meet two of the three signals; add your own for more.",
                count,
            ).format(count=format_number(count))
        else:
            text = _("{count} areas proposed, the strongest case first. Accept, edit, merge or reject them.").format(count=format_number(count))
        self.outcome.setText(paragraph(text))
        if proposals:
            self.select_area(proposals[0].id)

    def set_status(self, status: str) -> None:
        area_id = self.current_area_id()
        if area_id is None:
            return
        try:
            self.state.set_area_status(area_id, status)
        except UserFacingError as error:
            self.failed.emit(error)
            return
        self.select_area(area_id)

    def merge_selected(self) -> None:
        try:
            merged = self.state.merge_areas(self.selected_area_ids())
        except UserFacingError as error:
            self.outcome.setText(paragraph(error.message))
            return
        self.select_area(merged.id)

    def edit_area(self, area_id: int | None) -> AreaDialog:
        return open_tracked(self, AreaDialog(self.state, self, self._area(area_id)))

    def confirm_remove(self) -> QMessageBox | None:
        record = self._area(self.current_area_id())
        if record is None:
            return None
        question = _("Remove the discovery area “{title}”?").format(title=record.area.title)
        return ask_to_remove(self, _("Remove discovery area"), question, lambda: self.state.remove_area(record.id), name="confirm_remove_area")

    def retranslate(self) -> None:
        self.intro.setText(
            paragraph(
                _("The app proposes up to {count} areas where weak goals, high-priority shocks and stresses and few actions meet. "
                  "You decide which the strategy will study.").format(count=format_number(MAX_PROPOSALS))
            )
        )
        self.propose_button.setText(_("Propose areas"))
        texts = {"accept": _("Accept"), "reject": _("Reject"), "edit": _("Edit…"), "merge": _("Merge selected"), "add": _("Add your own…"), "remove": _("Remove")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.next_steps.retranslate()
        self.refresh()
