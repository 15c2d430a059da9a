"""A dialog of labelled fields with inline errors and Save/Cancel, and opening dialogs a view tracks.

A dialog opens as big as its content within the screen (`fit_to_screen`); a form taller than the
screen scrolls, its Save and Cancel always in view.
"""

from __future__ import annotations

from typing import Protocol, TypeVar, overload

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QFrame, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import N_, _
from resilience_app.gui.form_fields import FieldWithError, WidgetT
from resilience_app.gui.reader_names import name_for_reader

DialogT = TypeVar("DialogT", bound=QDialog)
MINIMUM_WIDTH = 600  # px
SCREEN_SHARE = 0.9  # the most of the screen's free area a dialog opens at


def fit_to_screen(dialog: QWidget, wanted: QSize) -> None:
    """Size `dialog` to `wanted` (its content's size), within the free area of the screen it opens on."""
    screen = dialog.screen()
    area = screen.availableGeometry().size() if screen is not None else wanted
    width = max(min(wanted.width(), int(area.width() * SCREEN_SHARE)), dialog.minimumWidth())
    height = max(min(wanted.height(), int(area.height() * SCREEN_SHARE)), dialog.minimumHeight())
    dialog.resize(width, height)


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
        self.form_page = QWidget()
        self.form_layout = form = QFormLayout(self.form_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setMinimumWidth(MINIMUM_WIDTH)  # the fields stay wider than their labels, however long a label
        for field, (label, _editor) in fields.items():
            form.addRow(label, self.fields[field])
        self.form_scroll = QScrollArea()
        name_for_reader(self.form_scroll, N_("Form"))
        self.form_scroll.setObjectName(f"{name}_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(self.form_page)
        self._outer = QVBoxLayout(self)
        self._outer.addWidget(self.form_scroll, 1)
        self._outer.addWidget(buttons)
        self._buttons = buttons
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Long texts open at their start (in Arabic the end would hide the first word).
        for field in self.fields.values():
            if isinstance(field.editor, QLineEdit):
                field.editor.setCursorPosition(0)
        if not self._fitted:  # the first time only: a size the user gives it afterwards is theirs
            self._fitted = True
            self.fit_to_content()
        super().showEvent(event)

    def fit_to_content(self) -> None:
        """As big as the whole form and its buttons, within the screen (beyond it, the form scrolls)."""
        margins = self._outer.contentsMargins()
        page = self.form_page.sizeHint()
        buttons = self._buttons.sizeHint()
        scroll_bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        wanted = QSize(
            max(page.width() + scroll_bar, buttons.width()) + margins.left() + margins.right(),
            page.height() + self._outer.spacing() + buttons.height() + margins.top() + margins.bottom(),
        )
        fit_to_screen(self, wanted)

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
