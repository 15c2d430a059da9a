"""One question: the prompt, the five-level scale with its scenarios, the number where one is
asked, confidence, who answered, the data behind it (the kind of source, its year and scale, each optional),
justification, evidence, and the guidance beside it.

Everything is saved as it changes: a choice at once, typed text after a short pause
(and whenever the user moves on), so there is no Save button.
"""

from __future__ import annotations

import dataclasses
import html
from decimal import Decimal
from typing import TypedDict, Unpack

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.answer_rules import CONFIDENCES, DATA_SCALES, SOURCE_KINDS, clean_answer, with_level_from_value
from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, NOT_STATED, SOURCE_KIND_NAMES, level_name
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import Question
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.formatting import (
    format_number,
    format_typed_number,
    latin_digits,
    localise_digits,
    localise_text_digits,
    parse_number,
)
from resilience_app.core.i18n import N_, _, isolate
from resilience_app.gui.answer_choice import AnswerChoice
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.evidence_panel import EvidencePanel
from resilience_app.gui.form_fields import FieldWithError
from resilience_app.gui.reader_names import name_for_reader

TYPING_PAUSE_MS = 700
SECTION_STYLE = "font-weight: bold; margin-top: 6px;"
BLANK = AnswerDraft(status="")
UNREADABLE_YEAR = 0  # typed text that is no year: a year the answer rules refuse, with their message
INLINE_FIELDS = ("numeric_value", "data_year")  # refused in place, under their box; the rest of the answer is saved


class AnswerChanges(TypedDict, total=False):
    """The fields of an `AnswerDraft` one change sets (the others stay as they are)."""

    status: str
    level: int | None
    numeric_value: str | None
    justification: str
    confidence: str | None
    answered_by: str
    sensitive: bool
    source_kind: str | None
    data_year: int | None
    data_scale: str | None


def _section(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(SECTION_STYLE)
    return label


class QuestionView(QWidget):
    """Signals:
    previous_requested(), next_requested(): move through the (filtered) questions.
    failed(object): a change could not be saved (a `UserFacingError` to show).
    add_evidence_requested(str), history_requested(str): for the question with this id.
    evidence_open_requested(object), evidence_remove_requested(object): an `EvidenceRecord`.
    """

    previous_requested = Signal()
    next_requested = Signal()
    failed = Signal(object)
    add_evidence_requested = Signal(str)
    history_requested = Signal(str)
    evidence_open_requested = Signal(object)
    evidence_remove_requested = Signal(object)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("question_view")
        self.session = session
        self.question: Question | None = None
        self._loading = False
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("question_breadcrumb")
        self.breadcrumb.setWordWrap(True)
        self.breadcrumb.setStyleSheet("color: #555;")
        self.prompt = QLabel()
        self.prompt.setObjectName("question_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = AnswerChoice()
        self.choice.chosen.connect(self._on_choice)

        self.numeric_edit = QLineEdit()
        self.numeric_field = FieldWithError(self.numeric_edit, name="numeric_value")
        self.numeric_unit = QLabel()
        self.numeric_hint = QLabel()
        self.numeric_hint.setObjectName("numeric_hint")
        self.numeric_hint.setWordWrap(True)
        self.numeric_row = QWidget()
        numeric_layout = QHBoxLayout(self.numeric_row)
        numeric_layout.setContentsMargins(0, 0, 0, 0)
        self.numeric_label = QLabel()
        numeric_layout.addWidget(self.numeric_label)
        numeric_layout.addWidget(self.numeric_field)
        numeric_layout.addWidget(self.numeric_unit)
        numeric_layout.addWidget(self.numeric_hint, 1)

        self.confidence_group = QButtonGroup(self)
        self.confidence_buttons: dict[str, QRadioButton] = {}
        confidence_row = QHBoxLayout()
        self.confidence_label = QLabel()
        confidence_row.addWidget(self.confidence_label)
        for position, confidence in enumerate(CONFIDENCES):
            button = QRadioButton()
            button.setObjectName(f"confidence_{confidence}")
            self.confidence_group.addButton(button, position)
            self.confidence_buttons[confidence] = button
            confidence_row.addWidget(button)
        confidence_row.addSpacing(24)
        self.confidence_group.idClicked.connect(lambda position: self._save_field(confidence=CONFIDENCES[position]))

        # The data behind the answer, each optional: the first choice of each box is "not stated".
        self.source_kind = QComboBox()
        self.source_kind.setObjectName("source_kind")
        self.source_kind.activated.connect(lambda index: self._save_field(source_kind=self.source_kind.itemData(index)))
        self.data_scale = QComboBox()
        self.data_scale.setObjectName("data_scale")
        self.data_scale.activated.connect(lambda index: self._save_field(data_scale=self.data_scale.itemData(index)))
        self.data_year = QLineEdit()
        self.data_year.setMaxLength(4)
        self.data_year.setFixedWidth(self.data_year.fontMetrics().horizontalAdvance("0000") + 24)
        self.data_year_field = FieldWithError(self.data_year, name="data_year")
        self.source_kind_label, self.data_year_label, self.data_scale_label = QLabel(), QLabel(), QLabel()
        self.data_row = QWidget()
        self.data_row.setObjectName("data_quality_row")
        data_layout = QHBoxLayout(self.data_row)
        data_layout.setContentsMargins(0, 0, 0, 0)
        for label, field in ((self.source_kind_label, self.source_kind), (self.data_year_label, self.data_year_field), (self.data_scale_label, self.data_scale)):
            label.setBuddy(field.editor if isinstance(field, FieldWithError) else field)
            # As tall as the boxes and centred in that height, so each label sits level with its box when the
            # year's message opens under it.
            label.setMinimumHeight(self.source_kind.sizeHint().height())
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
            data_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            data_layout.addWidget(field, 0, Qt.AlignmentFlag.AlignTop)
            data_layout.addSpacing(12)
        data_layout.addStretch(1)

        self.justification = QPlainTextEdit()
        self.justification.setObjectName("justification")
        self.justification.setTabChangesFocus(True)
        self.justification.setFixedHeight(64)
        self.sensitive = QCheckBox()
        self.sensitive.setObjectName("sensitive")
        self.sensitive.toggled.connect(lambda checked: self._save_field(sensitive=checked))
        self.answered_by = QLineEdit()
        self.answered_by.setObjectName("answered_by")
        self.evidence = EvidencePanel()
        self.evidence.add_requested.connect(lambda: self.question and self.add_evidence_requested.emit(self.question.id))
        self.evidence.open_requested.connect(self.evidence_open_requested)
        self.evidence.remove_requested.connect(self.evidence_remove_requested)

        # Typed text is saved after a pause, and at once when the user moves on.
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_PAUSE_MS)
        self._typing_timer.timeout.connect(self.save_typing)
        for signal in (self.justification.textChanged, self.answered_by.textEdited, self.numeric_edit.textEdited, self.data_year.textEdited):
            signal.connect(self._on_typing)
        self.answered_by.editingFinished.connect(self.save_typing)
        self.numeric_edit.editingFinished.connect(self.save_typing)
        self.data_year.editingFinished.connect(self.save_typing)

        self.guidance = QLabel()
        self.guidance.setObjectName("question_guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.history_button = QPushButton()
        self.history_button.setObjectName("history_button")
        self.history_button.clicked.connect(lambda: self.question and self.history_requested.emit(self.question.id))
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previous_button")
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton()
        self.next_button.setObjectName("next_button")
        self.next_button.clicked.connect(self.next_requested)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setStyleSheet("color: #2e7d32;")
        self._build_layout(confidence_row)

    def _build_layout(self, confidence_row: QHBoxLayout) -> None:
        self.justification_label, self.evidence_label = _section(), _section()
        self.answered_by_label = QLabel()
        main = QVBoxLayout()
        main.addWidget(self.breadcrumb)
        main.addWidget(self.prompt)
        main.addWidget(self.choice)
        main.addWidget(self.numeric_row)
        confidence_row.addWidget(self.answered_by_label)
        confidence_row.addWidget(self.answered_by, 1)
        main.addLayout(confidence_row)
        main.addWidget(self.data_row)
        main.addWidget(self.justification_label)
        main.addWidget(self.justification)
        main.addWidget(self.sensitive)
        main.addWidget(self.evidence_label)
        main.addWidget(self.evidence)
        main.addStretch(1)
        content = QWidget()
        content.setLayout(main)
        scroll = QScrollArea()
        name_for_reader(scroll, N_("The chosen question"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        side = QFrame()
        side.setObjectName("guidance_panel")
        side.setStyleSheet("QFrame#guidance_panel { background: #f4f6f8; border-radius: 6px; }")
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.guidance, 1)
        side_layout.addWidget(self.history_button)
        side_scroll = QScrollArea()
        name_for_reader(side_scroll, N_("Evidence, notes and history of the question"))
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setWidget(side)

        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addWidget(side_scroll, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addStretch(1)
        footer.addWidget(self.saved_label)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

    # -- showing --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.numeric_label.setText(_("Value:"))
        self.confidence_label.setText(_("Confidence:"))
        for confidence, button in self.confidence_buttons.items():
            button.setText(_(CONFIDENCE_NAMES[confidence]))
        self.source_kind_label.setText(_("Source of the data:"))
        self.data_year_label.setText(_("Year:"))
        self.data_scale_label.setText(_("Scale:"))
        self.data_year.setToolTip(_("The year the data describe"))
        for box, names in ((self.source_kind, [SOURCE_KIND_NAMES[kind] for kind in SOURCE_KINDS]), (self.data_scale, [DATA_SCALE_NAMES[scale] for scale in DATA_SCALES])):
            keys: tuple[str, ...] = SOURCE_KINDS if box is self.source_kind else DATA_SCALES
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(_(NOT_STATED), None)
            for key, name in zip(keys, names, strict=True):
                box.addItem(_(name), key)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.blockSignals(False)
        self.justification_label.setText(_("Justification"))
        self.justification.setPlaceholderText(_("Why this level? What did you look at?"))
        self.sensitive.setText(_("Sensitive: leave this answer's details out of the brief unless I include them when exporting"))
        self.answered_by_label.setText(_("Answered by"))
        self.answered_by.setPlaceholderText(_("Department or person"))
        self.evidence_label.setText(_("Evidence"))
        self.evidence.retranslate()
        self.history_button.setText(_("History of changes…"))
        # The arrows follow the reading direction: "next" points left in Arabic.
        self.previous_button.setText(_("‹ Previous (Page Up)") if self.layoutDirection() == Qt.LayoutDirection.LeftToRight else _("› Previous (Page Up)"))
        self.next_button.setText(_("Next (Page Down) ›") if self.layoutDirection() == Qt.LayoutDirection.LeftToRight else _("Next (Page Down) ‹"))
        if self.question is not None:
            self.show_question(self.question.id)

    def show_question(self, question_id: str) -> None:
        self.save_typing()
        framework = self.session.framework
        question = framework.question(question_id)
        if question is None:
            return
        self.question = question
        place = framework.placement(question_id)
        self.breadcrumb.setText(
            _(" › ").join([str(place.dimension.name), _("Goal {number}: {name}").format(number=format_number(place.goal.number), name=place.goal.name),
                           _("Indicator {number}: {name}").format(number=localise_digits(place.indicator.number), name=place.indicator.name)])
        )
        self.prompt.setText(f"<p style='font-size: 15pt;'><b>{isolate(localise_digits(place.number))}</b>&nbsp;&nbsp;{html.escape(localise_text_digits(str(question.prompt)))}</p>")
        self.choice.show_question(framework, question)
        self.numeric_row.setVisible(question.numeric is not None)
        if question.numeric is not None:
            self.numeric_unit.setText(str(question.numeric.unit))
        qualities = [str(quality.name) for quality in framework.qualities if quality.id in question.qualities]
        sections = [
            (_("Guidance"), localise_text_digits(str(question.guidance))),
            (_("Who usually knows"), localise_text_digits(str(question.who_knows))),
            (_("Qualities it speaks to"), _(", ").join(qualities)),
        ]
        self.guidance.setText("".join(f"<h3>{title}</h3><p>{html.escape(text)}</p>" for title, text in sections))
        self.numeric_field.show_error("")
        self.data_year_field.show_error("")
        self.saved_label.clear()
        self._load_answer()

    def _load_answer(self) -> None:
        """Show the stored answer in the widgets, without saving anything."""
        if self.question is None:
            return
        self._loading = True
        try:
            question_id = self.question.id
            draft = self.session.draft(question_id) or BLANK
            self.choice.show_answer(draft.status, draft.level)
            self.confidence_group.setExclusive(False)
            for confidence, button in self.confidence_buttons.items():
                button.setChecked(draft.confidence == confidence)
            self.confidence_group.setExclusive(True)
            self._set_text_if_changed(self.justification, draft.justification)
            self.sensitive.setChecked(draft.sensitive)
            self.source_kind.setCurrentIndex(max(self.source_kind.findData(draft.source_kind), 0))
            self.data_scale.setCurrentIndex(max(self.data_scale.findData(draft.data_scale), 0))
            if self.data_year_field.error_label.isHidden():  # a refused year stays in view until corrected
                year = localise_digits(str(draft.data_year)) if draft.data_year is not None else ""
                if latin_digits(self.data_year.text()).strip() != latin_digits(year):
                    self.data_year.setText(year)
            self._set_text_if_changed(self.answered_by, draft.answered_by or ("" if draft.status else self.session.answered_by))
            if self.numeric_field.error_label.isHidden():  # a refused value stays in view until corrected
                self._show_number(draft.numeric_value)
            self._update_numeric_hint(draft)
            self.evidence.show_evidence(self.session.evidence.get(question_id, []))
        finally:
            self._loading = False

    @staticmethod
    def _set_text_if_changed(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
        """Replace the text only when it differs in substance, so saving never moves the cursor."""
        current = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        if latin_digits(current).strip() != latin_digits(text).strip():
            editor.setPlainText(text) if isinstance(editor, QPlainTextEdit) else editor.setText(text)

    def _show_number(self, stored: str | None) -> None:
        """The kept value in plain decimal notation and the interface's digits ("0.0000001", never "1E-7"),
        left as typed when it is the same number ("0.50" stays), so saving never moves the cursor."""
        typed = self.numeric_edit.text()
        if stored and typed.strip():
            try:
                if parse_number(typed) == Decimal(stored):
                    return
            except (InvalidInputError, ArithmeticError):
                pass
        self._set_text_if_changed(self.numeric_edit, format_typed_number(stored) if stored else "")

    def _update_numeric_hint(self, draft: AnswerDraft) -> None:
        scale = self.question.numeric if self.question else None
        if scale is None or not draft.numeric_value or not self.numeric_field.error_label.isHidden():
            self.numeric_hint.clear()
            return
        suggested = scale.level_for(float(Decimal(draft.numeric_value)))
        if draft.status == "level" and draft.level != suggested:
            self.numeric_hint.setText(
                _("This value corresponds to level {level}, not the level chosen.").format(level=level_name(self.session.framework, suggested))
            )
        else:
            self.numeric_hint.setText(_("The value gives level {level}.").format(level=format_number(suggested)))

    def on_answer_changed(self, question_id: str) -> None:
        if self.question is not None and question_id == self.question.id:
            self._load_answer()

    # -- changing ------------------------------------------------------------------------------

    def choose(self, status: str, level: int | None = None) -> None:
        """Answer the shown question (the 1–5, N and ? keys come here too)."""
        if self.question is None:
            return
        self.save_typing()
        self._save_field(status=status, level=level if status == "level" else None)

    def _on_choice(self, status: str, level: int) -> None:
        self.choose(status, level or None)

    def _on_typing(self) -> None:
        if not self._loading:
            self._typing_timer.start()

    def save_typing(self) -> None:
        """Save what was typed into the text fields (called after a pause and before moving on)."""
        self._typing_timer.stop()
        if self._loading or self.question is None:
            return
        typed: AnswerChanges = {
            "justification": self.justification.toPlainText(),
            "answered_by": self.answered_by.text(),
            "numeric_value": self.numeric_edit.text().strip() or None,
            "data_year": self._typed_year(),
        }
        if typed["answered_by"].strip():
            self.session.answered_by = typed["answered_by"].strip()
        if self.session.draft(self.question.id) is None and not typed["justification"].strip() and not typed["numeric_value"] and typed["data_year"] is None:
            return  # only the offered name is there: nothing to keep yet
        self._save_field(merge_key="typing", **typed)

    def _typed_year(self) -> int | None:
        """The year typed in either script, None when the box is empty, `UNREADABLE_YEAR` when it is no year."""
        text = latin_digits(self.data_year.text()).strip()
        if not text:
            return None
        return int(text) if text.isascii() and text.isdigit() else UNREADABLE_YEAR

    def _inline_field(self, field: str) -> FieldWithError[QLineEdit]:
        return self.numeric_field if field == "numeric_value" else self.data_year_field

    def _save_field(self, *, merge_key: str = "", **changes: Unpack[AnswerChanges]) -> None:
        if self._loading or self.question is None:
            return
        current = self.session.draft(self.question.id) or dataclasses.replace(BLANK, answered_by=self.session.answered_by)
        changed = dataclasses.replace(current, **changes)
        proposed = self._with_level_from_value(changed)
        refused: set[str] = set()
        try:
            cleaned = clean_answer(self.question, proposed)
        except InvalidInputError as error:
            for field in INLINE_FIELDS:
                if field in error.field_errors:
                    self._inline_field(field).show_error(error.field_errors[field])
            if "numeric_value" in error.field_errors:
                self.numeric_hint.clear()  # a level read from a refused value would mislead
            if set(error.field_errors) - set(INLINE_FIELDS):
                self.failed.emit(error)
                return
            # Only the number or the year is refused: the rest of the answer (the justification typed after it,
            # the name, the level) is saved with the value kept before; the box keeps its message.
            refused = set(error.field_errors)
            kept = {field: getattr(current, field) for field in refused}
            without_refused = self._with_level_from_value(dataclasses.replace(changed, **kept))
            try:
                cleaned = clean_answer(self.question, without_refused)
            except InvalidInputError as still:
                self.failed.emit(still)
                return
            stored = self.session.draft(self.question.id)
            if cleaned == stored or (stored is None and not (cleaned.status or cleaned.justification or cleaned.confidence or cleaned.sensitive)):
                return  # nothing but the refused value changed
        for field in INLINE_FIELDS:
            if field in changes and field not in refused:
                self._inline_field(field).show_error("")
        try:
            self.session.change_answer(self.question.id, cleaned, description=self._describe(), merge_key=merge_key)
        except UserFacingError as error:
            self.failed.emit(error)
            return
        if not refused:
            self.saved_label.setText(_("Saved"))
        elif refused == {"data_year"}:
            self.saved_label.setText(_("Saved, except the year: see its message."))
        else:
            self.saved_label.setText(_("Saved, except the value: see its message."))

    def _with_level_from_value(self, draft: AnswerDraft) -> AnswerDraft:
        """A number typed before any level is chosen sets the level its thresholds give."""
        return with_level_from_value(self.question, draft) if self.question else draft

    def _describe(self) -> str:
        number = localise_digits(self.session.framework.placement(self.question.id).number) if self.question else ""
        return _("Answer to question {number}").format(number=number)
