"""The participants tab: the sign-in list, the groups, CSV import and export, and the representation check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode
from resilience_app.core.every_language import numbered_in_every_language
from resilience_app.core.formatting import format_number, isolated_list
from resilience_app.core.i18n import N_, _, current_language, paragraph
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, label_in, sector_name
from resilience_app.core.workshop.participants_csv import read_participants_file
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.lazy_refresh import RefreshedWhenShown
from resilience_app.gui.operations import reporting
from resilience_app.gui.panes import Splitter
from resilience_app.gui.participants_import import ImportPreviewDialog
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.representation_panel import RepresentationPanel
from resilience_app.gui.view_columns import fit_columns, keep_columns_fitted
from resilience_app.gui.workshop_dialogs import NameDialog, ParticipantDialog
from resilience_app.gui.workshop_state import WorkshopState

COLUMNS = (N_("Name"), N_("Organisation"), N_("Sector"), N_("Gender"), N_("Age band"), N_("Group"))
GROUP_NAME = N_("Table {number}")  # offered for a new one; kept in every language when taken as offered


class ParticipantsView(RefreshedWhenShown):
    failed = Signal(object)

    def __init__(self, state: WorkshopState) -> None:
        super().__init__()
        self.setObjectName("participants_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.buttons = {name: QPushButton() for name in ("add", "edit", "remove", "import", "export", "add_group", "rename_group", "remove_group")}
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}_participant_button" if name in ("add", "edit", "remove") else f"{name}_button")
        self.buttons["add"].clicked.connect(lambda: self.edit_participant(None))
        self.buttons["edit"].clicked.connect(lambda: self.edit_participant(self.current_participant_id()))
        self.buttons["remove"].clicked.connect(self.confirm_remove)
        self.buttons["import"].clicked.connect(self.choose_import_file)
        self.buttons["export"].clicked.connect(self.choose_export_file)
        self.buttons["add_group"].clicked.connect(self.add_group)
        self.buttons["rename_group"].clicked.connect(self.rename_group)
        self.buttons["remove_group"].clicked.connect(self.remove_group)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("participants_table")
        name_for_reader(self.table, N_("Workshop participants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        keep_columns_fitted(self.table)
        self.table.itemActivated.connect(lambda _item: self.edit_participant(self.current_participant_id()))
        self.groups_label = QLabel()
        self.groups_label.setObjectName("groups_label")
        self.groups_label.setWordWrap(True)
        self.representation = RepresentationPanel()
        scroll = QScrollArea()
        name_for_reader(scroll, N_("Workshop participants"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.representation)

        participant_buttons = QHBoxLayout()
        for name in ("add", "edit", "remove", "import", "export"):
            participant_buttons.addWidget(self.buttons[name])
        participant_buttons.addStretch(1)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.groups_label, 1)
        for name in ("add_group", "rename_group", "remove_group"):
            group_buttons.addWidget(self.buttons[name])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(participant_buttons)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(group_buttons)
        splitter = Splitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "add": _("Add participant…"), "edit": _("Edit…"), "remove": _("Remove"), "import": _("Import CSV…"),
            "export": _("Export CSV…"), "add_group": _("Add group…"), "rename_group": _("Rename group…"), "remove_group": _("Remove group…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.refresh()

    def redraw(self) -> None:
        snapshot = self.state.snapshot
        participants = snapshot.participants if snapshot else []
        sectors = self.state.service.sectors
        self.table.setRowCount(len(participants))
        for row, record in enumerate(participants):
            draft = record.participant
            cells = (
                draft.name or _("(anonymous)"), draft.organisation, sector_name(draft.sector, sectors),
                label_in(GENDER_NAMES, draft.gender), label_in(AGE_BAND_NAMES, draft.age_band), snapshot.group_name(draft.group_id) if snapshot else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, column, item)
        fit_columns(self.table)
        if snapshot is None:
            self.groups_label.setText("")
            self.representation.clear()
        else:
            counts = {group.id: sum(1 for record in participants if record.participant.group_id == group.id) for group in snapshot.groups}
            groups = [_("{name} ({count})").format(name=group.name, count=format_number(counts[group.id])) for group in snapshot.groups]
            self.groups_label.setText(paragraph(_("Groups: {names}").format(names=isolated_list(groups) or _("none yet"))))
            self.representation.show_representation(self.state.service.representation_of(snapshot), sectors)
        for name, button in self.buttons.items():
            button.setEnabled(snapshot is not None and (name not in ("edit", "remove") or bool(participants)))
        self.buttons["rename_group"].setEnabled(bool(snapshot and snapshot.groups))
        self.buttons["remove_group"].setEnabled(bool(snapshot and snapshot.groups))

    def current_participant_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_participant(self, participant_id: int | None) -> None:
        open_tracked(self, ParticipantDialog(self.state, self, participant_id))

    def confirm_remove(self) -> None:
        participant_id = self.current_participant_id()
        if participant_id is None:
            return
        ask_to_remove(
            self, _("Remove participant"), _("Remove this participant from the list?"),
            reporting(self.failed, lambda: self.state.remove_participant(participant_id)), name="remove_participant_question",
        )

    def _chosen_group(self) -> int | None:
        """The group of the selected participant, or the last group."""
        snapshot = self.state.snapshot
        if snapshot is None or not snapshot.groups:
            return None
        participant_id = self.current_participant_id()
        chosen = next((record.participant.group_id for record in snapshot.participants if record.id == participant_id), None)
        return chosen if chosen is not None else snapshot.groups[-1].id

    def add_group(self) -> None:
        count = len(self.state.snapshot.groups) + 1 if self.state.snapshot else 1
        open_tracked(self, NameDialog(
            self, name="group_dialog", title=_("Add group"), label=_("Name"),
            text=numbered_in_every_language(GROUP_NAME, count), store=self.state.add_group,
        ))

    def rename_group(self) -> None:
        group_id = self._chosen_group()
        if group_id is None or self.state.snapshot is None:
            return
        open_tracked(self, NameDialog(
            self, name="group_dialog", title=_("Rename group"), label=_("Name"),
            text=self.state.snapshot.group_name(group_id), store=lambda name: self.state.rename_group(group_id, name),
        ))

    def remove_group(self) -> None:
        group_id = self._chosen_group()
        if group_id is None or self.state.snapshot is None:
            return
        name = self.state.snapshot.group_name(group_id)
        ask_to_remove(
            self, _("Remove group"),
            _("Remove the group “{name}” with its dots and ratings? Its participants stay, without a group.").format(name=name),
            reporting(self.failed, lambda: self.state.remove_group(group_id)), name="remove_group_question",
        )

    # -- CSV --------------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import participants"), "", _("CSV files (*.csv *.txt)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read `path` and show the preview; nothing is stored until the preview is confirmed."""
        try:
            data = read_participants_file(path)  # never more than the size cap; a bigger file is refused in the preview
        except OSError as error:
            self.failed.emit(user_error(ErrorCode.IMPORT_UNREADABLE, reason=error.strerror or str(error)))
            return
        open_tracked(self, ImportPreviewDialog(self.state, self, data, path.name))

    def choose_export_file(self) -> None:
        name = _("participants") + ".csv"
        path, _filter = QFileDialog.getSaveFileName(self, _("Export participants"), name, _("CSV files (*.csv)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        if self.state.workshop_id is None:
            return
        data = self.state.service.export_participants_csv(self.state.workshop_id, current_language())
        temporary = path.with_name(path.name + ".part")
        try:
            temporary.write_bytes(data)
            temporary.replace(path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            self.failed.emit(user_error(ErrorCode.PARTICIPANTS_EXPORT_FAILED, reason=error.strerror or str(error)))
