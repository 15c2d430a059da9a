"""The answer to one question as the user chooses it: five level cards with their scenarios,
"not applicable" and "don't know". The row of cards follows the layout direction, so level 1
sits at the start of the line in both languages (the right edge in Arabic)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QVBoxLayout, QWidget

from resilience_app.core.content.model import Framework, Question
from resilience_app.core.formatting import format_number, localise_text_digits
from resilience_app.core.i18n import N_, _

CARD_STYLE = """
QFrame[levelCard="true"] { border: 1px solid #c8ccd2; border-radius: 6px; background: palette(base); }
QFrame[levelCard="true"][chosen="true"] { border: 2px solid #1b6fa8; background: #e8f1fa; }
"""
NOT_APPLICABLE, DONT_KNOW = "not_applicable", "dont_know"
# The rule for "not applicable", written once for the screen (the workbook's cover says the same).
NOT_APPLICABLE_RULE = N_(
    "Only for a system the city does not have at all (a city without a coast has no sea defences). Where a ministry "
    "runs the service (ambulances, water quality), answer with national data and a lower confidence instead."
)
NATIONAL_MANDATE_HINT = N_(
    "This service is often run by a ministry: answer with national data and a lower confidence rather than “not applicable”."
)


class LevelCard(QFrame):
    """One level: a radio button with the level's name, and what the level looks like for this question."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level
        self.setObjectName(f"level_card_{level}")
        self.setProperty("levelCard", True)
        self.radio = QRadioButton()
        self.radio.setObjectName(f"level_{level}")
        # The level's name in a wrapping label: a radio button's own text never wraps and
        # would be cut in a narrow card.
        self.title = QLabel()
        self.title.setObjectName(f"level_title_{level}")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setBuddy(self.radio)
        self.scenario = QLabel()
        self.scenario.setWordWrap(True)
        self.scenario.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.scenario.setStyleSheet("color: #333;")
        # Equal widths whatever the scenario's length, and room on both sides for the wrapped text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = self.content = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        heading = QHBoxLayout()
        heading.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        layout.addLayout(heading)
        layout.addWidget(self.scenario)
        layout.addStretch(1)  # the name stays at the top when a level has no scenario
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", chosen)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.radio.click()  # the whole card is the target, not only the small circle
        event.accept()


class AnswerChoice(QWidget):
    """Signals:
    chosen(str, int): the user chose a status ("level", "not_applicable", "dont_know") and level (0 if none).
    """

    chosen = Signal(str, int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("answer_choice")
        self.setStyleSheet(CARD_STYLE)
        self.group = QButtonGroup(self)
        self.cards = [LevelCard(level) for level in range(1, 6)]
        cards_row = QHBoxLayout()
        cards_row.setSpacing(6)
        for card in self.cards:
            self.group.addButton(card.radio, card.level)
            cards_row.addWidget(card, 1)
        self.not_applicable = QRadioButton()
        self.not_applicable.setObjectName("not_applicable")
        self.dont_know = QRadioButton()
        self.dont_know.setObjectName("dont_know")
        self.group.addButton(self.not_applicable, 10)
        self.group.addButton(self.dont_know, 11)
        others_row = QHBoxLayout()
        others_row.addWidget(self.not_applicable)
        others_row.addWidget(self.dont_know)
        others_row.addStretch(1)
        # A gentle check, never a refusal: "not applicable" on a service a ministry usually runs.
        self.national_hint = QLabel()
        self.national_hint.setObjectName("national_mandate_hint")
        self.national_hint.setWordWrap(True)
        self.national_hint.setStyleSheet("color: #8a5300;")
        self.national_hint.hide()
        self._question: Question | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(cards_row)
        layout.addLayout(others_row)
        layout.addWidget(self.national_hint)
        self.group.idClicked.connect(self._on_clicked)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """Every card as tall as the longest description needs at the cards' width: a level's description is the
        scoring criterion, never cut. (A row of wrapped labels is laid out from their unwrapped size otherwise.)"""
        needed = max((card.content.totalHeightForWidth(card.width()) for card in self.cards if card.width() > 0), default=0)
        for card in self.cards:
            if card.minimumHeight() != needed:
                card.setMinimumHeight(needed)

    def _on_clicked(self, button_id: int) -> None:
        self._show_national_hint(button_id == 10)
        if button_id == 10:
            self.chosen.emit(NOT_APPLICABLE, 0)
        elif button_id == 11:
            self.chosen.emit(DONT_KNOW, 0)
        else:
            self.chosen.emit("level", button_id)

    def _show_national_hint(self, not_applicable: bool) -> None:
        wanted = not_applicable and self._question is not None and self._question.mandate_often_national
        self.national_hint.setText(_(NATIONAL_MANDATE_HINT) if wanted else "")
        self.national_hint.setVisible(wanted)

    def show_question(self, framework: Framework, question: Question) -> None:
        self._question = question
        for card in self.cards:
            title = _("{number} · {name}").format(number=format_number(card.level), name=framework.levels.get(card.level, ""))
            card.title.setText(title)
            card.radio.setAccessibleName(title)
            scenario = question.scenarios.get(card.level)
            card.scenario.setText(localise_text_digits(str(scenario)) if scenario else "")
            card.scenario.setVisible(scenario is not None)
            card.setToolTip(_("Press {key}").format(key=format_number(card.level)))
        self.not_applicable.setText(_("Not applicable (N)"))
        self.not_applicable.setToolTip(_(NOT_APPLICABLE_RULE))
        self.dont_know.setText(_("Don't know (?)"))
        self._fit_cards()

    def show_answer(self, status: str, level: int | None) -> None:
        """Reflect a stored answer without announcing a choice."""
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        if status == "level" and level:
            self.cards[level - 1].radio.setChecked(True)
        elif status == NOT_APPLICABLE:
            self.not_applicable.setChecked(True)
        elif status == DONT_KNOW:
            self.dont_know.setChecked(True)
        self.group.setExclusive(True)
        self._show_national_hint(status == NOT_APPLICABLE)
        for card in self.cards:
            card.set_chosen(status == "level" and card.level == level)
