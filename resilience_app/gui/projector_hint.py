"""What the projector window says about itself: its title, and for a few seconds how to leave it.

On a single screen the projector opens as a window over the facilitator's own, so for a few seconds it
says how to leave it (Esc) and how to switch full screen (F11), then the hint goes by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from resilience_app.core.i18n import _, isolate
from resilience_app.gui.workshop_state import WorkshopState

HINT_SECONDS = 6
HINT_STYLE = "QLabel#projector_leave_hint { background: rgba(17, 17, 17, 225); color: #ffffff; border-radius: 8px; padding: 12px 20px; }"


def projector_title(state: WorkshopState) -> str:
    """ "Projector — Agenda-setting workshop", or "Projector" while there is no workshop."""
    snapshot = state.snapshot
    if snapshot is None or not snapshot.record.workshop.title:
        return _("Projector")
    return _("Projector — {workshop}").format(workshop=isolate(snapshot.record.workshop.title))


def leave_hint_text() -> str:
    return _("Esc leaves the projector; F11 switches full screen on and off.")


class LeaveHint(QLabel):
    """A band near the foot of the projector saying how to leave it; `flash` shows it for HINT_SECONDS."""

    def __init__(self, projector: QWidget) -> None:
        super().__init__(projector)
        self.projector = projector
        self.setObjectName("projector_leave_hint")
        self.setStyleSheet(HINT_STYLE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        projector.installEventFilter(self)
        self.hide()

    def flash(self) -> None:
        self.setText(leave_hint_text())
        font = self.font()
        font.setPixelSize(max(16, self.projector.height() // 32))
        self.setFont(font)
        self._place()
        self.show()
        self.raise_()
        self.timer.start(int(HINT_SECONDS * 1000))

    def _place(self) -> None:
        self.adjustSize()
        parent = self.projector
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - parent.height() // 10)  # low, clear of the title

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
