"""Views that redraw from shared state skip the work while hidden, and catch up when shown.

Opening an assessment builds every tab; the workshop's tabs need a profile and several tables,
so drawing them only when the facilitator looks keeps opening quick.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class RefreshedWhenShown(QWidget):
    """Subclasses implement `redraw()`; call `refresh()` whenever the state changed."""

    _stale = False

    def redraw(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.redraw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()
