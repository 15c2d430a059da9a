"""An open assessment: its details and the framework it follows, dimension by dimension."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.model import Framework
from resilience_app.core.formatting import format_date, format_number, localise_digits
from resilience_app.core.i18n import _, current_language, isolate, paragraph
from resilience_app.core.storage.records import AssessmentRecord

DIMENSION_COLOURS = ("#1b7f79", "#7a4c8f", "#2f5d9e", "#c9822b")


class AssessmentPage(QWidget):
    """Shows one assessment.

    Signals:
        back_requested(): the user wants the list of assessments again.
        edit_requested(int): the user wants to edit this assessment's details.
    """

    back_requested = Signal()
    edit_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("assessment_page")
        self._record: AssessmentRecord | None = None
        self._framework: Framework | None = None
        self.back_button = QPushButton()
        self.back_button.setObjectName("back_button")
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_details_button")
        self.edit_button.clicked.connect(lambda: self._record and self.edit_requested.emit(self._record.id))
        self.title = QLabel()
        self.title.setObjectName("assessment_title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.framework_grid = QGridLayout()
        self.framework_grid.setSpacing(10)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addStretch(1)
        header.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.framework_grid)
        layout.addStretch(1)

    def show_assessment(self, record: AssessmentRecord, framework: Framework) -> None:
        self._record, self._framework = record, framework
        self.retranslate()

    @property
    def assessment_id(self) -> int | None:
        return self._record.id if self._record else None

    def retranslate(self) -> None:
        # Qt mirrors the standard back arrow for right-to-left layouts.
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.setText(_("All assessments"))
        self.edit_button.setText(_("Edit details…"))
        if self._record is None or self._framework is None:
            return
        record, framework, language = self._record, self._framework, current_language()
        details = record.details
        self.title.setText(f"<h1>{paragraph(record.city_name(language))}</h1>")
        facts = [isolate(details.country)] if details.country else []
        if details.population is not None:
            facts.append(_("population {count}").format(count=isolate(format_number(details.population))))
        if details.assessment_date:
            facts.append(format_date(details.assessment_date))
        if details.cro_name:
            facts.append(_("Chief Resilience Officer: {name}").format(name=isolate(details.cro_name)))
        facts.append(f"{framework.name} {isolate(localise_digits(record.framework_version))}")
        # A translatable separator: a middle dot beside Arabic-Indic digits reads as a zero.
        self.subtitle.setText(paragraph(_(" · ").join(facts)))
        self._fill_framework_grid(framework)

    def _fill_framework_grid(self, framework: Framework) -> None:
        while self.framework_grid.count():
            item = self.framework_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for column, dimension in enumerate(framework.dimensions):
            colour = DIMENSION_COLOURS[column % len(DIMENSION_COLOURS)]
            heading = QLabel(f"<b>{dimension.name}</b>")
            heading.setStyleSheet(f"color: {colour};")
            heading.setWordWrap(True)
            self.framework_grid.addWidget(heading, 0, column)
            for row, goal in enumerate(dimension.goals, start=1):
                card = QFrame()
                card.setObjectName(f"goal_card_{goal.id}")
                card.setFrameShape(QFrame.Shape.StyledPanel)
                card.setStyleSheet(
                    f"QFrame#goal_card_{goal.id} {{ border: 1px solid #c8ccd2; border-top: 4px solid {colour}; border-radius: 6px; }}"
                )
                label = QLabel(f"<b>{format_number(goal.number)}.</b> {goal.name}<br><span style='color:#555'>{goal.outcome}</span>")
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                inner = QVBoxLayout(card)
                inner.addWidget(label)
                self.framework_grid.addWidget(card, row, column)
