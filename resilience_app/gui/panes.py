"""Side-by-side panes that stay inside their window in both directions.

QSplitter mirrors its panes for right-to-left layouts one pixel too far (it places each pane's right
edge at `width - left` rather than `width - 1 - left`), so the leading pane, the right one in Arabic,
reaches one pixel past the splitter and loses its right frame and its buttons' right borders. This
splitter keeps a one-pixel margin on the right while the layout runs right to left, which puts every
pane back inside. Use it wherever panes sit side by side.

It also takes back the pane sizes a user left it with (`restore_sizes`, kept by `window_memory`): applied
once it is shown at its real size, since a hidden tab's splitter has no width of its own yet.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget


class Splitter(QSplitter):
    """A QSplitter whose panes keep inside it when the layout runs right to left."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.was_shown = False  # its sizes mean something only once it has been laid out on screen
        self.opening_share = 0.0  # the share of the whole the first pane opens at when no size is remembered
        self._wanted: list[int] | None = None
        self._holding = True  # keep the opening or remembered sizes through the first layouts, until a handle is dragged
        self.splitterMoved.connect(self._on_moved)
        self._follow_direction()

    def restore_sizes(self, sizes: list[int]) -> None:
        """Give the panes these sizes from when it is next shown (the last pane takes what is left)."""
        self._wanted = list(sizes)
        self._holding = True
        if self.isVisible():
            QTimer.singleShot(0, self, self._hold)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.was_shown = True
        if self._holding:
            QTimer.singleShot(0, self, self._hold)  # once the layout has given it its size

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._holding and self.isVisible():
            self._hold()  # a window still settling (maximised after it is shown) would otherwise share out the change

    def _on_moved(self, _position: int, _index: int) -> None:
        self._holding = False  # the user's own sizes from now on

    def _hold(self) -> None:
        sizes = self.sizes()
        total = sum(sizes)
        if not total:
            return
        wanted = self._wanted
        if wanted is not None and len(wanted) == len(sizes):
            leading = wanted[:-1]
            rest = total - sum(leading)
            target = leading + [rest] if rest > 0 else wanted
        elif wanted is None and self.opening_share and len(sizes) == 2:
            first = int(total * self.opening_share)
            target = [first, total - first]
        else:
            return
        if target != sizes:
            self.setSizes(target)

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
