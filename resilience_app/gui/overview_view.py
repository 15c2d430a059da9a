"""The framework at a glance: 4 dimensions × 3 goals, each goal with its progress and level.
A goal card opens that goal in the questionnaire (click, or Enter/Space when focused)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.content.labels import goal_label
from resilience_app.core.content.model import Goal
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import _
from resilience_app.core.scoring import GroupSummary
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.progress_strip import DIMENSION_COLOURS, progress_text


class GoalCard(QFrame):
    activated = Signal(str)

    def __init__(self, goal: Goal, colour: str) -> None:
        super().__init__()
        self.goal = goal
        self.setObjectName(f"goal_card_{goal.id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"QFrame#goal_card_{goal.id} {{ border: 1px solid #c8ccd2; border-top: 4px solid {colour}; border-radius: 6px; }}"
            f"QFrame#goal_card_{goal.id}:focus {{ border: 2px solid #1b6fa8; border-top: 4px solid {colour}; }}"
        )
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.status = QLabel()
        self.status.setObjectName(f"goal_status_{goal.id}")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)

    def display(self, summary: GroupSummary) -> None:
        self.title.setText(f"<b>{html.escape(goal_label(self.goal))}</b>")
        self.setToolTip(str(self.goal.outcome))
        self.bar.setMaximum(max(summary.total, 1))
        self.bar.setValue(summary.answered)
        if summary.level is None:
            level = _("No level yet")
        else:
            level = _("Level {level}, coverage {share}").format(
                level=mean_level_text(summary.level), share=format_percent(summary.coverage or 0)
            )
        self.status.setText(f"{progress_text(summary)}<br><b>{level}</b>")
        self.setAccessibleName(_("Goal {number}: {name}").format(number=format_number(self.goal.number), name=self.goal.name))
        self.setAccessibleDescription(f"{progress_text(summary)}; {level}")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.activated.emit(self.goal.id)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.goal.id)
            return
        super().keyPressEvent(event)


class OverviewView(QWidget):
    """Signals:
    goal_requested(str): open this goal in the questionnaire.
    """

    goal_requested = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("overview_view")
        self.session = session
        self.headings: list[QLabel] = []
        self.cards: dict[str, GoalCard] = {}
        grid = QGridLayout(self)
        grid.setSpacing(10)
        for column, dimension in enumerate(session.framework.dimensions):
            colour = DIMENSION_COLOURS[column % len(DIMENSION_COLOURS)]
            heading = QLabel()
            heading.setWordWrap(True)
            heading.setStyleSheet(f"color: {colour};")
            self.headings.append(heading)
            grid.addWidget(heading, 0, column)
            for row, goal in enumerate(dimension.goals, start=1):
                card = GoalCard(goal, colour)
                card.activated.connect(self.goal_requested)
                self.cards[goal.id] = card
                grid.addWidget(card, row, column)
            grid.setColumnStretch(column, 1)
        session.answer_changed.connect(lambda _question_id: self.refresh() if self.isVisible() else None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        profile = self.session.profile
        for heading, dimension in zip(self.headings, self.session.framework.dimensions, strict=True):
            summary = profile.dimensions[dimension.id]
            level = _("level {level}").format(level=mean_level_text(summary.level)) if summary.level is not None else ""
            heading.setText(f"<b>{html.escape(str(dimension.name))}</b><br>{progress_text(summary)}" + (f"<br>{level}" if level else ""))
        for goal_id, card in self.cards.items():
            card.display(profile.goals[goal_id])
