"""The projector view: a separate full-screen window with large type and high contrast.

It shows the current slide (the welcome, an exercise's instructions, timer and live results, or a
dot vote beside the questionnaire's profile) and follows the facilitator's laptop: every change
saved there redraws it. Keys, here or on the laptop's Workshop menu: next/previous slide, start or
pause the timer, reset it, blank the screen, bigger or smaller text, full screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import _, ngettext, paragraph
from resilience_app.core.workshop.countdown import format_clock
from resilience_app.core.workshop.records import DOT_VOTE
from resilience_app.gui.dot_bars import DotBars
from resilience_app.gui.projector_hint import LeaveHint, projector_title
from resilience_app.gui.workshop_results import fill_table, goal_name, perception_rows, ranking_rows
from resilience_app.gui.workshop_state import LIVE, PERCEPTIONS, WELCOME, WorkshopState

STYLE = """
#projector_window { background: #ffffff; }
QLabel { color: #111111; }
#projector_clock[finished="true"] { color: #b00020; }
QTableWidget { color: #111111; background: #ffffff; gridline-color: #999999; border: none; }
QTableWidget::item { padding: 6px; }
QHeaderView::section { background: #0b4f8a; color: #ffffff; border: none; padding: 4px; }
#projector_blank { background: #000000; }
"""
KEEP_VERDICTS = ("both", "room_only", "assessment_only")


def instructions(kind: str, dots: int = 0) -> str:
    if kind == WELCOME:
        return ""
    if kind == PERCEPTIONS:
        return _("Where the room and the questionnaire agree, and where they differ: the room’s top goals beside the questionnaire’s weakest.")
    if kind == DOT_VOTE:
        return ngettext(
            "Each group has {count} dot. Place it on the goal where the city most needs to improve.",
            "Each group has {count} dots. Place them on the goals where the city most needs to improve; several may go on one goal.",
            dots,
        ).format(count=format_number(dots))
    return _("For each shock, agree as a group how likely it is and how severe its impact would be; for each stress, which is already "
             "here, whether it is easing or worsening (its trend) and how heavily it weighs on the city today (its severity). "
             "Each from 1 (low) to 5 (high).")


class ProjectorWindow(QWidget):
    def __init__(self, state: WorkshopState) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("projector_window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.state = state
        self.scale = 1.0
        self.context = self._label("projector_context")
        self.title = self._label("projector_title")
        self.instructions = self._label("projector_instructions")
        self.clock = self._label("projector_clock")
        self.body_text = self._label("projector_body")
        self.body_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.bars = DotBars()
        self.table = QTableWidget()
        self.table.setObjectName("projector_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # rows follow wrapped text
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.body = QStackedWidget()
        for widget in (self.body_text, self.bars, self.table):
            self.body.addWidget(widget)
        self.blank = QWidget()
        self.blank.setObjectName("projector_blank")
        self.blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.footer = self._label("projector_footer")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignTop)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.context)
        layout.addLayout(top)
        layout.addWidget(self.instructions)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footer)
        self.screen_stack = QStackedWidget()
        self.screen_stack.addWidget(content)
        self.screen_stack.addWidget(self.blank)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.screen_stack)
        state.changed.connect(self.refresh)
        state.slide_changed.connect(self.refresh)
        state.tick.connect(self._show_clock)
        self.resize(1280, 720)
        self.leave_hint = LeaveHint(self)
        self.refresh()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(name != "projector_clock")
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # -- placing it ---------------------------------------------------------------------------

    def present(self, beside: QWidget) -> bool:
        """Show full screen on a screen other than `beside`'s when there is one; else as a window. True when on another screen."""
        others = [screen for screen in QGuiApplication.screens() if screen is not beside.screen()]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.show()
            self.leave_hint.flash()  # over the laptop's own window: say how to leave
        self.raise_()
        return bool(others)

    # -- drawing --------------------------------------------------------------------------------

    def _sizes(self) -> None:
        base = max(12, int(self.height() / 30 * self.scale))
        for label, factor, bold in (
            (self.context, 0.8, False), (self.title, 1.9, True), (self.instructions, 1.05, False),
            (self.clock, 2.6, True), (self.body_text, 1.2, False), (self.footer, 0.7, False),
        ):
            font = label.font()
            font.setPixelSize(int(base * factor))
            font.setBold(bold)
            label.setFont(font)
        font = self.table.font()
        font.setPixelSize(int(base * 0.9))
        self.table.setFont(font)
        # The header's look comes from the style sheet, so its size must too.
        self.setStyleSheet(STYLE + f"QHeaderView::section {{ font-size: {int(base * 0.8)}px; font-weight: bold; }}")
        bars_font = self.bars.font()
        bars_font.setPixelSize(int(base * 1.05))
        self.bars.setFont(bars_font)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._sizes()

    def refresh(self) -> None:
        self.setWindowTitle(projector_title(self.state))
        self._sizes()
        state, snapshot = self.state, self.state.snapshot
        slide = state.slide
        self.footer.setText(
            _("Slide {number} of {count}").format(number=format_number(state.slide_index + 1), count=format_number(len(state.slides())))
        )
        if snapshot is None:
            self.context.setText("")
            self.title.setText(_("No workshop yet"))
            self.instructions.setText("")
            self.body_text.setText("")
            self.body.setCurrentWidget(self.body_text)
            self._show_clock()
            return
        workshop = snapshot.record.workshop
        exercise = snapshot.exercise(slide.exercise_id) if slide.exercise_id else None
        session = next((entry.title for entry in snapshot.sessions if exercise and entry.id == exercise.exercise.session_id), "")
        self.context.setText(paragraph(_(" · ").join(part for part in (workshop.title, session) if part)))
        if slide.kind == WELCOME or exercise is None:
            self._welcome()
        elif slide.kind == LIVE:
            self.title.setText(paragraph(exercise.exercise.title))
            self.instructions.setText(paragraph(instructions(exercise.kind, exercise.exercise.dots_per_group)))
            if exercise.kind == DOT_VOTE:
                self._dot_results(exercise.id)
            else:
                self._table(*ranking_rows(state, exercise.id), keep=(0, 1, 4, 5), stretch=(1,))
        else:
            self.title.setText(_("Perceptions vs assessment"))
            self.instructions.setText(paragraph(instructions(PERCEPTIONS)))
            self._table(*perception_rows(state, exercise.id, KEEP_VERDICTS), keep=(0, 1, 3, 4), stretch=(0, 3))
        self._show_clock()

    def _welcome(self) -> None:
        snapshot = self.state.snapshot
        assert snapshot is not None
        workshop = snapshot.record.workshop
        self.title.setText(paragraph(workshop.title))
        facts = [format_date(workshop.held_on)] if workshop.held_on else []
        facts += [workshop.venue] if workshop.venue else []
        self.instructions.setText(paragraph(_(" · ").join(facts)))
        people = len(snapshot.participants)
        lines = [
            ngettext("{count} participant", "{count} participants", people).format(count=format_number(people))
            + _(", ") + ngettext("{count} group", "{count} groups", len(snapshot.groups)).format(count=format_number(len(snapshot.groups))),
            "",
        ]
        for session in snapshot.sessions:
            lines.append(session.title)
            lines += ["    " + exercise.exercise.title for exercise in snapshot.exercises if exercise.exercise.session_id == session.id]
        self.body_text.setText("\n".join(paragraph(line) if line.strip() else line for line in lines))
        self.body.setCurrentWidget(self.body_text)

    def _dot_results(self, exercise_id: int) -> None:
        assert self.state.snapshot is not None
        tallies = self.state.service.dot_results(self.state.snapshot, exercise_id)
        self.bars.set_entries([(goal_name(self.state, tally.goal_id), tally.dots, format_number(tally.dots)) for tally in tallies])
        self.body.setCurrentWidget(self.bars)

    def _table(self, headers: list[str], rows: list[list[str]], *, keep: tuple[int, ...], stretch: tuple[int, ...]) -> None:
        """The `keep` columns of a results table; the `stretch` columns (of those kept) share the width left, long cells wrap."""
        fill_table(self.table, [headers[index] for index in keep], [[row[index] for index in keep] for row in rows])
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(keep)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents)

        self.body.setCurrentWidget(self.table)

    def _show_clock(self) -> None:
        slide = self.state.slide
        timer = self.state.timer(slide.exercise_id) if slide.kind == LIVE and slide.exercise_id else None
        self.clock.setText(format_clock(timer.remaining()) if timer and timer.duration else "")
        self.clock.setProperty("finished", bool(timer and timer.finished))
        self.clock.style().unpolish(self.clock)
        self.clock.style().polish(self.clock)

    # -- keys -------------------------------------------------------------------------------------

    def toggle_blank(self) -> None:
        self.screen_stack.setCurrentIndex(1 - self.screen_stack.currentIndex())

    def zoom(self, factor: float) -> None:
        self.scale = max(0.6, min(2.0, self.scale * factor))
        self.refresh()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        forward, backward = (Qt.Key.Key_Left, Qt.Key.Key_Right) if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        slide = self.state.slide
        if key in (forward, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.state.step(1)
        elif key in (backward, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.state.step(-1)
        elif key == Qt.Key.Key_Space and slide.kind == LIVE and slide.exercise_id:
            self.state.toggle_timer(slide.exercise_id)
        elif key == Qt.Key.Key_R and slide.kind == LIVE and slide.exercise_id:
            self.state.reset_timer(slide.exercise_id)
        elif key == Qt.Key.Key_B:
            self.toggle_blank()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.1)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.1)
        elif key in (Qt.Key.Key_F11, Qt.Key.Key_F):
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape:
            self.showNormal() if self.isFullScreen() else self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.screen_stack.setCurrentIndex(0)
        super().closeEvent(event)
