"""The Workshop tab: choose or create a workshop, its participants and exercises, and the projector.

The laptop keeps the controls; the projector window follows. Keys while this tab is shown:
F5 shows or hides the projector, F6 / Shift+F6 the next or previous slide, F7 starts or pauses
the timer of the exercise on screen, F8 resets it, F9 blanks the projector.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, paragraph
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.exercises_view import ExercisesView
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.participants_view import ParticipantsView
from resilience_app.gui.projector_window import ProjectorWindow
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.shortcuts import bind
from resilience_app.gui.workshop_dialogs import WorkshopDialog
from resilience_app.gui.workshop_state import LIVE, WorkshopState


class WorkshopPage(QWidget):
    failed = Signal(object)

    def __init__(self, register: RegisterState) -> None:
        super().__init__()
        self.setObjectName("workshop_page")
        self.state = WorkshopState(register)
        self.active_dialog: QDialog | None = None
        self.projector: ProjectorWindow | None = None
        self.chooser_label = QLabel()
        self.chooser = QComboBox()
        self.chooser.setObjectName("workshop_chooser")
        self.chooser.activated.connect(lambda index: self.state.choose(self.chooser.itemData(index)))
        self.buttons = {name: QPushButton() for name in ("new", "edit", "remove", "projector", "previous", "next")}
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}_workshop_button" if name in ("new", "edit", "remove") else f"{name}_slide_button" if name in ("previous", "next") else "projector_button")
        self.buttons["new"].clicked.connect(lambda: open_tracked(self, WorkshopDialog(self.state, self, editing=False)))
        self.buttons["edit"].clicked.connect(lambda: open_tracked(self, WorkshopDialog(self.state, self, editing=True)))
        self.buttons["remove"].clicked.connect(self.confirm_remove)
        self.slide_label = QLabel()
        self.slide_label.setObjectName("slide_label")
        self.empty = QLabel()
        self.empty.setObjectName("no_workshop_label")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.participants = ParticipantsView(self.state)
        self.exercises = ExercisesView(self.state)
        for view in (self.participants, self.exercises):
            view.failed.connect(self.failed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workshop_tabs")
        self.tabs.addTab(self.participants, "")
        self.tabs.addTab(self.exercises, "")
        self.actions_by_name = self._create_actions()
        self.buttons["projector"].clicked.connect(self.actions_by_name["projector"].trigger)
        self.buttons["previous"].clicked.connect(self.actions_by_name["previous"].trigger)
        self.buttons["next"].clicked.connect(self.actions_by_name["next"].trigger)

        top = QHBoxLayout()
        top.addWidget(self.chooser_label)
        top.addWidget(self.chooser, 1)
        for name in ("new", "edit", "remove"):
            top.addWidget(self.buttons[name])
        top.addSpacing(24)
        for name in ("projector", "previous"):
            top.addWidget(self.buttons[name])
        top.addWidget(self.slide_label)
        top.addWidget(self.buttons["next"])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self.state.changed.connect(self.refresh)
        self.state.slide_changed.connect(self._follow_slide)
        self.retranslate()

    def _create_actions(self) -> dict[str, QAction]:
        slots = {  # their keys (F5–F9) are declared in shortcuts.SHORTCUTS, with the help sheet's lines
            "projector": self.toggle_projector,
            "next": lambda: self.state.step(1),
            "previous": lambda: self.state.step(-1),
            "timer": lambda: self._on_slide_timer(self.state.toggle_timer),
            "reset": lambda: self._on_slide_timer(self.state.reset_timer),
            "blank": self._toggle_blank,
        }
        actions = {}
        for name, slot in slots.items():
            action = QAction(self)
            action.setObjectName(f"workshop_{name}_action")
            bind(action)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        return actions

    def _toggle_blank(self) -> None:
        if self.projector is not None:
            self.projector.toggle_blank()

    def _on_slide_timer(self, change: Callable[[int], None]) -> None:
        slide = self.state.slide
        exercise_id = slide.exercise_id if slide.kind == LIVE else self.exercises.exercise_id
        if exercise_id is not None:
            change(exercise_id)

    # -- the projector ---------------------------------------------------------------------------

    def toggle_projector(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.projector.close()
            return
        if self.projector is None:
            self.projector = ProjectorWindow(self.state)
        self.projector.setLayoutDirection(self.layoutDirection())
        self.projector.present(self.window())
        self.window().activateWindow()  # the laptop keeps the keyboard

    def close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
            self.projector.deleteLater()
            self.projector = None

    # -- text ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.chooser_label.setText(_("Workshop:"))
        texts = {
            "new": _("New workshop…"), "edit": _("Edit…"), "remove": _("Remove…"),
            "projector": _("Projector (F5)"), "previous": _("Previous (Shift+F6)"), "next": _("Next (F6)"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.empty.setText(paragraph(_("No workshop yet. Create one to list its participants, run its exercises and show them on a projector.")))
        self.tabs.setTabText(0, _("Participants"))
        self.tabs.setTabText(1, _("Exercises"))
        self.participants.retranslate()
        self.exercises.retranslate()
        if self.projector is not None:
            self.projector.setLayoutDirection(self.layoutDirection())
            self.projector.refresh()
        self.refresh()

    def refresh(self) -> None:
        self.chooser.clear()
        for record in self.state.workshops:
            self.chooser.addItem(record.workshop.title, record.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.state.workshop_id)))
        has_workshop = self.state.snapshot is not None
        self.empty.setVisible(not has_workshop)
        self.tabs.setVisible(has_workshop)
        for name in ("edit", "remove"):
            self.buttons[name].setEnabled(has_workshop)
        self.chooser.setEnabled(has_workshop)
        self._show_slide()

    def _show_slide(self) -> None:
        count = len(self.state.slides())
        self.slide_label.setText(_("Slide {number} of {count}").format(number=format_number(self.state.slide_index + 1), count=format_number(count)))
        self.buttons["previous"].setEnabled(self.state.slide_index > 0)
        self.buttons["next"].setEnabled(self.state.slide_index < count - 1)

    def _follow_slide(self) -> None:
        """The projector moved on: the laptop shows the exercise now on screen."""
        self._show_slide()
        slide = self.state.slide
        if slide.exercise_id is not None and slide.exercise_id != self.exercises.exercise_id:
            self.exercises.select_exercise(slide.exercise_id)

    def confirm_remove(self) -> None:
        snapshot = self.state.snapshot
        if snapshot is None:
            return
        ask_to_remove(
            self, _("Remove workshop"),
            _("Remove the workshop “{name}” with its participants, exercises and results? The register keeps any ratings already applied.").format(
                name=snapshot.record.workshop.title
            ),
            self.state.remove_workshop, name="remove_workshop_question",
        )
