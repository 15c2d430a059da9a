"""The shocks and stresses tab: the register, its interconnections and the prioritisation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from resilience_app.core.i18n import N_, _
from resilience_app.gui.link_matrix import LinkMatrixView
from resilience_app.gui.priority_view import PriorityView
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.register_view import RegisterView


class ShocksStressesPage(QWidget):
    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("shocks_stresses_page")
        self.register_view = RegisterView(state)
        self.links_view = LinkMatrixView(state)
        self.priority_view = PriorityView(state)
        name_for_reader(self.priority_view.matrix, N_("Risk matrix"), N_("Each shock or stress sits in the row of its likelihood and the column of its impact; a cell lists the ranks of those in it, and its colour is its priority band, explained under the matrix."))
        name_for_reader(self.priority_view.table, N_("Ranked shocks and stresses"))
        name_for_reader(self.register_view.item_list, N_("Shocks and stresses"))
        viewport = self.register_view.form.parentWidget()
        form_scroll = viewport.parentWidget() if viewport is not None else None  # the scroll area around the item's form
        if isinstance(form_scroll, QScrollArea):
            name_for_reader(form_scroll, N_("The chosen shock or stress"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("register_tabs")
        for view in (self.register_view, self.links_view, self.priority_view):
            view.failed.connect(self.failed)
            self.tabs.addTab(view, "")
        self.tabs.currentChanged.connect(lambda _index: self.register_view.form.save())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def save_typing(self) -> None:
        self.register_view.form.save()

    def retranslate(self) -> None:
        for position, text in enumerate((_("Register"), _("Interconnections"), _("Prioritisation"))):
            self.tabs.setTabText(position, text)
        for view in (self.register_view, self.links_view, self.priority_view):
            view.retranslate()
