"""Adding to the register: entries picked from the catalogue, or the city's own item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, paragraph
from resilience_app.core.register.labels import KIND_NAMES, nature_note
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.search_text import matches
from resilience_app.gui.checklist import ID_ROLE, Checklist
from resilience_app.gui.form_fields import FieldWithError, interface_language_first
from resilience_app.gui.register_state import RegisterState

KIND_FILTERS = ("", "shock", "stress")


class CatalogueDialog(QDialog):
    """Tick entries of the catalogue (searchable, by kind) and add them all at once."""

    def __init__(self, state: RegisterState, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("catalogue_dialog")
        self.setWindowTitle(_("Add shocks and stresses from the catalogue"))
        self.state = state
        self.search = QLineEdit()
        self.search.setObjectName("catalogue_search")
        self.search.setPlaceholderText(_("Search the catalogue"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("catalogue_kind")
        self.kind.addItems([_("Shocks and stresses"), _("Shocks only"), _("Stresses only")])
        self.entries: Checklist[str] = Checklist(name="catalogue_entries")  # hazard ids
        self.entries.setMinimumSize(520, 320)
        self.description = QLabel()
        self.description.setObjectName("catalogue_description")
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(80)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error = FieldWithError(QLabel(), name="catalogue_message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add ticked items"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.kind)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.entries.currentItemChanged.connect(self._describe)
        self._fill()
        self.added: list[int] = []

    def _fill(self) -> None:
        in_register = {record.item.hazard_id for record in self.state.items}
        categories = {category.id: str(category.name) for category in self.state.session.service.content.hazard_categories}
        entries = [
            (hazard.id, _("{name} ({kind}, {category})").format(name=hazard.name, kind=_(KIND_NAMES[hazard.kind]), category=categories.get(hazard.category, "")))
            for hazard in self.state.session.service.content.hazards
        ]
        self.entries.set_entries(entries)
        for row in range(self.entries.count()):
            entry = self.entries.item(row)
            if entry.data(ID_ROLE) in in_register:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                entry.setText(_("{name} — already in the register").format(name=entry.text()))

    def _filter(self) -> None:
        kind = KIND_FILTERS[self.kind.currentIndex()]
        catalogue = self.state.catalogue
        for row in range(self.entries.count()):
            entry = self.entries.item(row)
            hazard = catalogue[entry.data(ID_ROLE)]
            shown = (not kind or hazard.kind == kind) and matches(
                self.search.text(), *hazard.name.translations.values(), *hazard.description.translations.values()
            )
            entry.setHidden(not shown)

    def _describe(self) -> None:
        current = self.entries.currentItem()
        hazard = self.state.catalogue.get(current.data(ID_ROLE)) if current else None
        if hazard is None:
            self.description.setText("")
            return
        text = paragraph(str(hazard.description))
        framework = self.state.session.service.content.default_framework
        numbers = [format_number(goal.number) for goal_id in hazard.mirrors if framework and (goal := framework.goal(goal_id))]
        if note := nature_note(hazard.nature, numbers):
            text += "\n\n" + paragraph(note)
        self.description.setText(text)

    def _add(self) -> None:
        chosen = self.entries.checked_ids()
        if not chosen:
            self.error.show_error(_("Tick at least one shock or stress to add."))
            return
        try:
            for hazard_id in chosen:
                self.added.append(self.state.add_item(RegisterItemDraft(hazard_id=hazard_id)).id)
        except InvalidInputError as error:
            self.error.show_error(error.message)
            return
        self.accept()


class OwnItemDialog(QDialog):
    """The city's own shock or stress: a name in one or both languages, and its kind."""

    def __init__(self, state: RegisterState, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("own_item_dialog")
        self.setWindowTitle(_("Add the city's own shock or stress"))
        self.state = state
        self.added: int | None = None
        self.name_en = FieldWithError(QLineEdit(), name="own_name_en")
        self.name_ar = FieldWithError(QLineEdit(), name="own_name_ar")
        self.kind_box = QComboBox()
        self.kind_box.addItems([_(KIND_NAMES["shock"]), _(KIND_NAMES["stress"])])
        self.kind = FieldWithError(self.kind_box, name="own_kind")
        note = QLabel(_("A name in one language is enough; the other is shown in its place."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._add)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        names = interface_language_first({"en": (_("Name in English"), self.name_en), "ar": (_("Name in Arabic"), self.name_ar)})
        for label, field in names:
            form.addRow(label, field)
        form.addRow(_("Kind"), self.kind)
        form.addRow(note)
        form.addRow(buttons)
        names[0][1].editor.setFocus()

    def _add(self) -> None:
        draft = RegisterItemDraft(
            kind=("shock", "stress")[self.kind_box.currentIndex()],
            name_en=self.name_en.editor.text(),
            name_ar=self.name_ar.editor.text(),
        )
        try:
            self.added = self.state.add_item(draft).id
        except InvalidInputError as error:
            name_problem = error.field_errors.get("name", "")
            self.name_en.show_error(error.field_errors.get("name_en", name_problem))
            self.name_ar.show_error(error.field_errors.get("name_ar", ""))
            self.kind.show_error(error.field_errors.get("kind", ""))
            return
        self.accept()
