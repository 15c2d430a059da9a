"""Inputs aligned with their form's direction, whatever their text.

A line edit takes its alignment from the direction of the text it holds; digits and dates have no
direction of their own, so "850000" or "٢٠٢٤–٢٠٢٧" sat at the left of an Arabic form while every other
field sat at the right. These inputs align with the side the form reads from, and follow a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

Aligned = QLineEdit | QAbstractSpinBox


def _reading_side(editor: Aligned) -> Qt.AlignmentFlag:
    side = Qt.AlignmentFlag.AlignRight if editor.layoutDirection() == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


class _FollowsDirection(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(watched, QLineEdit | QAbstractSpinBox):
            watched.setAlignment(_reading_side(watched))
        return False


def align_with_form(editor: Aligned) -> None:
    """Keep `editor`'s text on the side its form reads from, now and after a change of direction."""
    editor.setAlignment(_reading_side(editor))
    editor.installEventFilter(_FollowsDirection(editor))
