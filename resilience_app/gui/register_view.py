"""The register of shocks and stresses: the items on one side, the chosen item's form on the other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _
from resilience_app.core.register.labels import KIND_NAMES, ratings_phrase
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.panes import Splitter
from resilience_app.gui.register_dialogs import CatalogueDialog, OwnItemDialog
from resilience_app.gui.register_item_form import RegisterItemForm
from resilience_app.gui.register_state import RegisterState


class RegisterView(QWidget):
    """Signals: failed(object): a change could not be saved (a `UserFacingError` to show)."""

    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("register_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.add_catalogue_button = QPushButton()
        self.add_catalogue_button.setObjectName("add_from_catalogue_button")
        self.add_catalogue_button.clicked.connect(self.add_from_catalogue)
        self.add_own_button = QPushButton()
        self.add_own_button.setObjectName("add_own_item_button")
        self.add_own_button.clicked.connect(self.add_own_item)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_item_button")
        self.remove_button.clicked.connect(self.confirm_remove)
        self.summary = QLabel()
        self.summary.setObjectName("register_summary")
        self.summary.setWordWrap(True)
        self.item_list = QListWidget()
        self.item_list.setObjectName("register_items")
        self.item_list.currentItemChanged.connect(self._show_current)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.item_list, self.confirm_remove, context=Qt.ShortcutContext.WidgetShortcut)
        self.form = RegisterItemForm(state)
        self.form.failed.connect(self.failed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        buttons = QHBoxLayout()
        for button in (self.add_catalogue_button, self.add_own_button, self.remove_button):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.item_list, 1)
        splitter = Splitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.changed.connect(self.refresh_list)
        self.retranslate()

    def current_item_id(self) -> int | None:
        current = self.item_list.currentItem()
        return current.data(ID_ROLE) if current else None

    def select_item(self, item_id: int) -> None:
        for row in range(self.item_list.count()):
            if self.item_list.item(row).data(ID_ROLE) == item_id:
                self.item_list.setCurrentRow(row)
                self.item_list.scrollToItem(self.item_list.item(row))  # a new item at the end of a long list is seen
                return

    def refresh_list(self) -> None:
        """Redraw the list (names, ratings) keeping the chosen item, without reloading its form."""
        current = self.current_item_id()
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for record in self.state.items:
            rating = ratings_phrase(record)  # a stress's severity and trend, a shock's likelihood and impact
            text = _("{name} · {kind} · {rating}").format(name=self.state.name(record), kind=_(KIND_NAMES[record.item.kind]), rating=rating)
            entry = QListWidgetItem(_("{item} · sensitive").format(item=text) if record.item.sensitive else text)
            entry.setData(ID_ROLE, record.id)
            self.item_list.addItem(entry)
            if record.id == current:
                self.item_list.setCurrentItem(entry)
        self.item_list.blockSignals(False)
        shocks = sum(record.item.kind == "shock" for record in self.state.items)
        self.summary.setText(
            _("{shocks} shocks and {stresses} stresses; {unrated} not rated yet.").format(
                shocks=format_number(shocks), stresses=format_number(len(self.state.items) - shocks), unrated=format_number(len(self.state.ranking.unrated))
            )
        )
        self.remove_button.setEnabled(self.current_item_id() is not None)
        if self.current_item_id() != self.form.item_id:
            self.form.show_item(self.current_item_id())

    def _show_current(self) -> None:
        self.form.show_item(self.current_item_id())
        self.remove_button.setEnabled(self.current_item_id() is not None)

    def add_from_catalogue(self) -> CatalogueDialog:
        dialog = CatalogueDialog(self.state, self)

        def select_added() -> None:
            if dialog.added:
                self.select_item(dialog.added[0])

        dialog.accepted.connect(select_added)
        self._open(dialog)
        return dialog

    def add_own_item(self) -> OwnItemDialog:
        dialog = OwnItemDialog(self.state, self)

        def select_added() -> None:
            if dialog.added is not None:
                self.select_item(dialog.added)

        dialog.accepted.connect(select_added)
        self._open(dialog)
        return dialog

    def _open(self, dialog: CatalogueDialog | OwnItemDialog) -> None:
        self.form.save()
        open_tracked(self, dialog)

    def confirm_remove(self) -> QMessageBox | None:
        """Ask before removing the chosen item (its links go with it)."""
        item_id = self.current_item_id()
        if item_id is None:
            return None
        return ask_to_remove(
            self,
            _("Remove from the register"),
            _("Remove “{name}” from the register? Its ratings, scenarios and interconnections are removed with it.").format(name=self.state.name(item_id)),
            self.remove_current,
            name="confirm_remove_item",
        )

    def remove_current(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.form.item_id = None  # nothing left to save for it
            row = self.item_list.currentRow()
            self.state.remove_item(item_id)
            self.item_list.setCurrentRow(min(row, self.item_list.count() - 1))
            self._show_current()

    def retranslate(self) -> None:
        self.add_catalogue_button.setText(_("Add from the catalogue…"))
        self.add_own_button.setText(_("Add the city's own…"))
        self.remove_button.setText(_("Remove"))
        self.form.retranslate()
        self.refresh_list()
