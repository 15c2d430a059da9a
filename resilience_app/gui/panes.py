"""Side-by-side panes that stay inside their window in both directions.

QSplitter mirrors its panes for right-to-left layouts one pixel too far (it places each pane's right
edge at `width - left` rather than `width - 1 - left`), so the leading pane, the right one in Arabic,
reaches one pixel past the splitter and loses its right frame and its buttons' right borders. This
splitter keeps a one-pixel margin on the right while the layout runs right to left, which puts every
pane back inside. Use it wherever panes sit side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSplitter, QWidget


class Splitter(QSplitter):
    """A QSplitter whose panes keep inside it when the layout runs right to left."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._follow_direction()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._follow_direction()
        super().changeEvent(event)

    def setOrientation(self, orientation: Qt.Orientation) -> None:  # noqa: N802 - Qt's name
        super().setOrientation(orientation)
        self._follow_direction()

    def widen_first(self, wanted: int, *, at_most: float = 0.4) -> None:
        """Widen the first pane to `wanted` px if it is narrower, taking no more than `at_most` of the whole."""
        sizes = self.sizes()
        total = sum(sizes)
        if len(sizes) < 2 or not total or sizes[0] >= wanted:
            return
        first = min(wanted, int(total * at_most))
        if first > sizes[0]:
            self.setSizes([first, total - first, *sizes[2:]] if len(sizes) > 2 else [first, total - first])

    def _follow_direction(self) -> None:
        slips = self.orientation() == Qt.Orientation.Horizontal and self.isRightToLeft()
        self.setContentsMargins(0, 0, 1 if slips else 0, 0)
