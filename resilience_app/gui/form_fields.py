"""A labelled input with an inline error line under it, for dialogs that validate as you go."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from resilience_app.core.i18n import current_language, paragraph
from resilience_app.gui.form_direction import align_with_form

ERROR_STYLE = "color: #b00020;"
EditorT_co = TypeVar("EditorT_co", bound=QWidget, covariant=True)  # a field of a QLineEdit is a field of a QWidget
WidgetT = TypeVar("WidgetT", bound=QWidget)
ValueT = TypeVar("ValueT")


def interface_language_first(by_language: Mapping[str, ValueT]) -> list[ValueT]:
    """What a form asks in both languages (a name in English and in Arabic), the window's language first.

    An Arabic-speaking officer types the Arabic name first, so an Arabic window asks for it first.
    """
    first = current_language()
    return [value for language, value in by_language.items() if language == first] + [
        value for language, value in by_language.items() if language != first
    ]


def put_interface_language_first(form: QFormLayout, by_language: Mapping[str, QWidget]) -> None:
    """Move the rows of `by_language`'s fields (adjacent rows of `form`) into the window's language order."""
    rows = sorted(_row_of(form, field) for field in by_language.values())
    for row, field in zip(rows, interface_language_first(by_language), strict=True):
        current = _row_of(form, field)
        if current != row:
            taken = form.takeRow(current)
            label, moved = taken.labelItem.widget(), taken.fieldItem.widget()
            assert label is not None and moved is not None  # each of these rows is a label and a field
            form.insertRow(row, label, moved)


def _row_of(form: QFormLayout, widget: QWidget) -> int:
    row, _role = cast("tuple[int, QFormLayout.ItemRole]", form.getWidgetPosition(widget))
    return row


class FieldWithError(QWidget, Generic[EditorT_co]):
    """Wraps an input widget and shows a message under it when its value is refused.

    Generic in the editor's class, so `field.editor` is the `QLineEdit` (or other widget) it was made with.
    """

    def __init__(self, editor: EditorT_co, *, name: str) -> None:
        super().__init__()
        self.editor = editor
        if isinstance(editor, QLineEdit | QAbstractSpinBox):
            align_with_form(editor)  # a number or a date range sits where the form's other answers do
        self.setObjectName(f"field_{name}")
        editor.setObjectName(name)
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{name}_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self._label: QLabel | None = None
        self._named_as = ""

    # A form row's label has the wrapper as its buddy, which a screen reader cannot follow to the editor inside:
    # the editor takes the label's text as its accessible name, and follows it when the label is retranslated.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        parent = self.parentWidget()
        forms = parent.findChildren(QFormLayout) if parent is not None else []  # the form may sit inside another layout
        label = next((found for form in forms if (found := form.labelForField(self)) is not None), None)
        if isinstance(label, QLabel) and label is not self._label:
            self._label = label
            label.installEventFilter(self)
        self._name_from_label()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._label and event.type() == QEvent.Type.Paint:  # a new text repaints the label
            self._name_from_label()
        return super().eventFilter(watched, event)

    def _name_from_label(self) -> None:
        if self._label is None or self.editor.accessibleName() not in ("", self._named_as):
            return  # an editor named on purpose keeps its name
        self._named_as = accessible_label(self._label.text())
        self.editor.setAccessibleName(self._named_as)

    def show_error(self, message: str) -> None:
        # Marked with the interface's direction, so a message that starts with a typed Latin
        # value still reads (and aligns) right to left in Arabic.
        self.error_label.setText(paragraph(message) if message else "")
        self.error_label.setVisible(bool(message))
        self.editor.setAccessibleDescription(message)


def accessible_label(text: str) -> str:
    """A label's text as a screen reader should say it: no mnemonic marker, no closing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":：").strip()


def refill_choices(box: QComboBox, texts: list[str]) -> None:
    """Replace a combo box's texts (a language change) keeping the choice, without announcing one."""
    index = box.currentIndex()
    box.blockSignals(True)
    box.clear()
    box.addItems(texts)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)
