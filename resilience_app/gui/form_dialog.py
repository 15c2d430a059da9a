"""A dialog of labelled fields with inline errors and Save/Cancel, and opening dialogs a view tracks."""

from __future__ import annotations

from typing import Protocol, TypeVar, overload

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import _
from resilience_app.gui.form_fields import FieldWithError, WidgetT

DialogT = TypeVar("DialogT", bound=QDialog)
MINIMUM_WIDTH = 600  # px


class FormDialog(QDialog):
    """Subclasses fill `fields` (name -> (label, editor)) and implement `store()`, which raises
    `InvalidInputError` when refused: each message then shows under its field and the dialog stays."""

    def __init__(self, parent: QWidget, *, name: str, title: str, fields: dict[str, tuple[str, QWidget]]) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.fields = {field: FieldWithError(editor, name=f"{name.removesuffix('_dialog')}_{field}") for field, (_label, editor) in fields.items()}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(MINIMUM_WIDTH)  # the fields stay wider than their labels, however long a label
        for field, (label, _editor) in fields.items():
            form.addRow(label, self.fields[field])
        form.addRow(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Long texts open at their start (in Arabic the end would hide the first word).
        for field in self.fields.values():
            if isinstance(field.editor, QLineEdit):
                field.editor.setCursorPosition(0)
        super().showEvent(event)

    @overload
    def editor(self, name: str) -> QWidget: ...

    @overload
    def editor(self, name: str, kind: type[WidgetT]) -> WidgetT: ...

    def editor(self, name: str, kind: type[QWidget] = QWidget) -> QWidget:
        """The editor of the field `name`, which was made as a `kind` (a TypeError at once if it was not)."""
        editor = self.fields[name].editor
        if not isinstance(editor, kind):
            raise TypeError(f"the field {name!r} has a {type(editor).__name__}, not a {kind.__name__}")
        return editor

    def store(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        try:
            self.store()
        except InvalidInputError as error:
            for name, field in self.fields.items():
                field.show_error(error.field_errors.get(name, ""))
            return
        self.accept()


class DialogOwner(Protocol):
    """A view whose open dialog tests and tools reach as `active_dialog` (None when none is open)."""

    active_dialog: QDialog | None


def open_tracked(owner: DialogOwner, dialog: DialogT) -> DialogT:
    """Open `dialog` without blocking, as `owner.active_dialog` until it closes (tests and tools reach it there)."""
    owner.active_dialog = dialog

    def forget(_result: int) -> None:
        owner.active_dialog = None

    dialog.finished.connect(forget)
    dialog.open()
    return dialog
