"""Check boxes and radio buttons whose text wraps to the width they are given.

Qt's own QCheckBox and QRadioButton draw their text on one line, so a long sentence is cut at the
dialog's edge (worse in Arabic, where the cut falls on the sentence's end). These draw the box or
the circle beside a word-wrapping label on the leading side, ask for the height their lines need
(height for width), and still take a click anywhere on them. Use them for every tick or choice
whose text may be longer than a few words.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


def _attach_label(button: QAbstractButton, text: str, indicator: QStyle.PixelMetric, spacing: QStyle.PixelMetric) -> QLabel:
    """Lay a wrapping label over `button`, after room for its indicator on the leading side."""
    label = QLabel(text, button)
    label.setObjectName(f"{button.objectName() or 'button'}_text")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a click on the words ticks the box
    layout = QHBoxLayout(button)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    style = button.style()
    layout.addSpacing(style.pixelMetric(indicator, None, button) + style.pixelMetric(spacing, None, button))
    layout.addWidget(label, 1)
    button.setAccessibleName(text)
    return label


class _WrappedText:
    """What both wrapping buttons share; a subclass names its indicator's metrics and control element."""

    INDICATOR = QStyle.PixelMetric.PM_IndicatorWidth
    SPACING = QStyle.PixelMetric.PM_CheckBoxLabelSpacing
    ELEMENT = QStyle.ControlElement.CE_CheckBox
    label: QLabel

    def _button(self) -> QCheckBox | QRadioButton:
        assert isinstance(self, (QCheckBox, QRadioButton))
        return self

    def _wrap(self, text: str) -> None:
        self.label = _attach_label(self._button(), text, self.INDICATOR, self.SPACING)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.label.setText(text)
        self._button().setAccessibleName(text)
        self._button().updateGeometry()

    def _layout(self) -> QLayout:
        layout = self._button().layout()
        assert layout is not None
        return layout

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._layout().minimumSize()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        return self._button().rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Draw the box or circle alone, level with the first line of the words."""
        button = self._button()
        option = QStyleOptionButton()
        button.initStyleOption(option)
        option.text = ""
        option.rect = QRect(0, self.label.y(), button.width(), self.label.fontMetrics().lineSpacing())
        QStylePainter(button).drawControl(self.ELEMENT, option)


class WrappingCheckBox(_WrappedText, QCheckBox):
    """A check box whose words wrap; `label` holds them, `text()` and `setText()` reach them."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, parent)
        self._wrap(text)


class WrappingRadioButton(_WrappedText, QRadioButton):
    """A radio button whose words wrap; `label` holds them, `text()` and `setText()` reach them."""

    INDICATOR = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
    SPACING = QStyle.PixelMetric.PM_RadioButtonLabelSpacing
    ELEMENT = QStyle.ControlElement.CE_RadioButton

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, parent)
        self._wrap(text)
