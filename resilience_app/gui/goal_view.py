"""A goal page: its outcome, where it stands, and its indicators with their questions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.formatting import format_number, format_percent, localise_digits, localise_text_digits
from resilience_app.core.i18n import N_, _
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.reader_names import name_for_reader

TEXT_MARGIN = 8


def answer_text(session: AssessmentSession, question_id: str) -> str:
    """A question's answer in a few words."""
    draft = session.draft(question_id)
    if draft is None or not draft.status:
        return _("not answered yet")
    if draft.status == "not_applicable":
        return _("not applicable")
    if draft.status == "dont_know":
        return _("don't know")
    return _("level {level}").format(level=format_number(draft.level or 0))


class GoalView(QWidget):
    """Signals:
    question_requested(str): the user clicked one of the goal's questions.
    """

    question_requested = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("goal_view")
        self.session = session
        self.goal_id: str | None = None
        self.text = QLabel()
        self.text.setObjectName("goal_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setMargin(TEXT_MARGIN)  # the words keep off the frame on both sides, in either direction
        self.text.linkActivated.connect(self.question_requested)
        scroll = QScrollArea()
        name_for_reader(scroll, N_("The chosen goal"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_goal(self, goal_id: str) -> None:
        self.goal_id = goal_id
        self.refresh()

    def refresh(self) -> None:
        goal = self.session.framework.goal(self.goal_id or "")
        if goal is None:
            return
        summary = self.session.profile.goals[goal.id]
        facts = [_("{answered} of {total} questions answered").format(answered=format_number(summary.answered), total=format_number(summary.total))]
        if summary.level is not None:
            facts.append(_("level {level}").format(level=mean_level_text(summary.level)))
        if summary.coverage is not None:
            facts.append(_("coverage {share}").format(share=format_percent(summary.coverage)))
        title = _("Goal {number}: {name}").format(number=format_number(goal.number), name=html.escape(str(goal.name)))
        parts = [f"<h2>{title}</h2>", f"<p style='color:#555'>{html.escape(localise_text_digits(str(goal.outcome)))}</p>", "<p>" + _(" · ").join(facts) + "</p>"]
        for indicator in goal.indicators:
            parts.append(f"<h3>{localise_digits(indicator.number)} {html.escape(str(indicator.name))}</h3><ul>")
            for question in indicator.questions:
                number = localise_digits(self.session.framework.placement(question.id).number)
                parts.append(
                    f"<li><a style='text-decoration: none' href='{question.id}'>{number}</a> {html.escape(localise_text_digits(str(question.prompt)))} "
                    f"<span style='color:#555'>({answer_text(self.session, question.id)})</span></li>"
                )
            parts.append("</ul>")
        self.text.setText("".join(parts))
