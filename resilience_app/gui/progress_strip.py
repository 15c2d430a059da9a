"""Progress overall and per dimension, always in view above the open assessment."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from resilience_app.core import i18n
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import _, paragraph
from resilience_app.core.scoring import GroupSummary
from resilience_app.gui.assessment_session import AssessmentSession

DIMENSION_COLOURS = ("#1b7f79", "#7a4c8f", "#2f5d9e", "#c9822b")


def progress_text(summary: GroupSummary) -> str:
    """"12 of 15 answered (80%)" as a line of the screen: its share never wraps alone onto the next line."""
    return paragraph(_("{answered} of {total} answered ({share})").format(
        answered=format_number(summary.answered), total=format_number(summary.total), share=format_percent(summary.progress)
    ))


class _Meter(QWidget):
    def __init__(self, name: str, colour: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.label = QLabel()
        self.label.setObjectName(f"{name}_label")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def display(self, title: str, summary: GroupSummary, note: str = "") -> None:
        self.label.setText(f"<b>{title}</b> {progress_text(summary)}" + (f"<br>{note}" if note else ""))
        self.bar.setMaximum(max(summary.total, 1))
        self.bar.setValue(summary.answered)
        self.bar.setAccessibleName(title)
        self.bar.setAccessibleDescription(progress_text(summary))


class ProgressStrip(QWidget):
    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("progress_strip")
        self.session = session
        self.overall = _Meter("overall_progress", "#444444")
        self.dimensions = [
            _Meter(f"dimension_progress_{dimension.id}", DIMENSION_COLOURS[position % len(DIMENSION_COLOURS)])
            for position, dimension in enumerate(session.framework.dimensions)
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overall, 1)
        for meter in self.dimensions:
            layout.addWidget(meter, 1)
        session.answer_changed.connect(lambda _question_id: self.refresh())  # first filled by refresh()

    def refresh(self) -> None:
        profile = self.session.profile
        carried = profile.overall.carried_over
        to_review = i18n.ngettext("{count} carried over from the earlier round, still to review",
                                  "{count} carried over from the earlier round, still to review", carried).format(count=format_number(carried))
        self.overall.display(_("Overall:"), profile.overall, f'<span style="color:#8a4b00">{to_review}</span>' if carried else "")
        for meter, dimension in zip(self.dimensions, self.session.framework.dimensions, strict=True):
            meter.display(f"{dimension.name}:", profile.dimensions[dimension.id])
