"""A labelled input with an inline error line under it, for dialogs that validate as you go."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from resilience_app.core.i18n import paragraph
from resilience_app.gui.form_direction import align_with_form

ERROR_STYLE = "color: #b00020;"
EditorT_co = TypeVar("EditorT_co", bound=QWidget, covariant=True)  # a field of a QLineEdit is a field of a QWidget
WidgetT = TypeVar("WidgetT", bound=QWidget)


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

    def show_error(self, message: str) -> None:
        # Marked with the interface's direction, so a message that starts with a typed Latin
        # value still reads (and aligns) right to left in Arabic.
        self.error_label.setText(paragraph(message) if message else "")
        self.error_label.setVisible(bool(message))
        self.editor.setAccessibleDescription(message)


def refill_choices(box: QComboBox, texts: list[str]) -> None:
    """Replace a combo box's texts (a language change) keeping the choice, without announcing one."""
    index = box.currentIndex()
    box.blockSignals(True)
    box.clear()
    box.addItems(texts)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)
