"""The form of one register item: ratings, trend, scenarios, goals, systems, groups, confidence, notes.

A shock is rated on likelihood and impact and given a trend; a stress on its trend (1 easing fast to 5
worsening fast) and severity, in the same two boxes (stored as likelihood and impact), with no separate
trend to choose: the labels and choices follow the kind, switching as soon as it changes.

Choices are saved at once and typed text 0.7 s after the last key (or when another item is
chosen), like answers. A refused value shows its message under the field and is not saved.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.i18n import _, paragraph
from resilience_app.core.register.labels import KIND_NAMES, TREND_NAMES, rating_terms, scale_label
from resilience_app.core.register.ranking import TRENDS, trend_of_rating
from resilience_app.core.register.records import RegisterItemDraft, RegisterItemRecord
from resilience_app.gui.checklist import Checklist, goal_entries
from resilience_app.gui.form_fields import FieldWithError, WidgetT, put_interface_language_first, refill_choices
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.wrapping_buttons import WrappingCheckBox

TYPING_DELAY_MS = 700
TEXT_FIELDS = ("name_en", "name_ar", "scenario_probable", "scenario_severe", "systems", "groups_affected", "notes")


class RegisterItemForm(QWidget):
    """Signals: failed(object): a change could not be saved for a reason other than a field's value."""

    failed = Signal(object)

    def __init__(self, state: RegisterState) -> None:
        super().__init__()
        self.setObjectName("register_item_form")
        self.state = state
        self.item_id: int | None = None
        self._loading = False
        self._rated_kind = ""  # the kind the rating boxes are labelled for
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self.save)
        self.heading = QLabel()
        self.heading.setObjectName("register_item_heading")
        self.heading.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("register_item_description")
        self.saved_label = QLabel()  # "Saved" after each change is stored, as under a question
        self.saved_label.setObjectName("register_saved_label")
        self.saved_label.setStyleSheet("color: #2e7d32;")
        self.fields: dict[str, FieldWithError[QWidget]] = {}
        self.name_en = self._field("name_en", QLineEdit())
        self.name_ar = self._field("name_ar", QLineEdit())
        self.kind = self._field("kind", QComboBox())
        self.likelihood = self._field("likelihood", QComboBox())
        self.impact = self._field("impact", QComboBox())
        self.trend = self._field("trend", QComboBox())
        self.confidence = self._field("confidence", QComboBox())
        self.scenario_probable = self._field("scenario_probable", QPlainTextEdit())
        self.scenario_severe = self._field("scenario_severe", QPlainTextEdit())
        self.goals: Checklist[str] = self._field("goals", Checklist(name="goals"))
        self.systems = self._field("systems", QLineEdit())
        self.groups_affected = self._field("groups_affected", QLineEdit())
        self.notes = self._field("notes", QPlainTextEdit())
        self.sensitive = self._field("sensitive", WrappingCheckBox())
        self.sensitive.toggled.connect(self._choice_changed)
        for box in (self.scenario_probable, self.scenario_severe, self.notes):
            box.setTabChangesFocus(True)
            box.setFixedHeight(70)
        self.goals.setFixedHeight(150)
        self.kind.currentIndexChanged.connect(self._kind_changed)  # before the save below, so the labels switch first
        for editor in (self.kind, self.likelihood, self.impact, self.trend, self.confidence):
            editor.currentIndexChanged.connect(self._choice_changed)
        self.goals.toggled.connect(self._choice_changed)
        for name in TEXT_FIELDS:
            editor = getattr(self, name)
            signal = editor.textChanged
            signal.connect(self._typed)
        self.form = QFormLayout(self)
        self.form.addRow(self.heading)
        self.form.addRow(self.description)
        self.form.addRow(self.saved_label)
        self._labels: dict[str, QLabel] = {}
        for name in ("name_en", "name_ar", "kind", "likelihood", "impact", "trend", "confidence", "scenario_probable",
                     "scenario_severe", "goals", "systems", "groups_affected", "notes", "sensitive"):
            label = QLabel()
            label.setBuddy(self.fields[name].editor)
            self._labels[name] = label
            self.form.addRow(label, self.fields[name])
        self.retranslate()
        self.show_item(None)

    def _field(self, name: str, editor: WidgetT) -> WidgetT:
        self.fields[name] = FieldWithError(editor, name=f"item_{name}")
        return editor

    # -- showing -----------------------------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        self.save()
        self.item_id = item_id
        record = self.state.item(item_id) if item_id is not None else None
        self.setEnabled(record is not None)
        self.saved_label.clear()
        self._loading = True
        for field in self.fields.values():
            field.show_error("")
        if record is None:
            self.heading.setText(_("Choose a shock or stress in the list, or add one."))
            self.description.clear()
        else:
            self._fill(record)
        self._loading = False

    def _fill(self, record: RegisterItemRecord) -> None:
        draft = record.item
        hazard = self.state.catalogue.get(draft.hazard_id or "")
        category = next((c.name for c in self.state.session.service.content.hazard_categories if hazard and c.id == hazard.category), None)
        kind = _(KIND_NAMES[draft.kind])
        subtitle = _("{kind} · {category}").format(kind=kind, category=category) if category else kind
        self.heading.setText(f"<h2>{paragraph(self.state.name(record))}</h2>{paragraph(subtitle)}")
        self.description.setText(paragraph(str(hazard.description)) if hazard else "")
        own = hazard is None
        for name in ("name_en", "name_ar", "kind"):
            self.fields[name].setVisible(own)
            self._labels[name].setVisible(own)
        self.name_en.setText(draft.name_en)
        self.name_ar.setText(draft.name_ar)
        self.kind.setCurrentIndex(("shock", "stress").index(draft.kind))
        self._label_ratings(draft.kind)
        self.likelihood.setCurrentIndex(draft.likelihood or 0)
        self.impact.setCurrentIndex(draft.impact or 0)
        self.trend.setCurrentIndex(TRENDS.index(draft.trend))
        self.confidence.setCurrentIndex(0 if draft.confidence is None else 1 + list(CONFIDENCE_NAMES).index(draft.confidence))
        for name in ("scenario_probable", "scenario_severe", "notes"):
            getattr(self, name).setPlainText(getattr(draft, name))
        self.systems.setText(draft.systems)
        self.groups_affected.setText(draft.groups_affected)
        self.goals.set_checked(draft.goals)
        self.sensitive.setChecked(draft.sensitive)

    def draft(self) -> RegisterItemDraft | None:
        record = self.state.item(self.item_id) if self.item_id is not None else None
        if record is None:
            return None
        confidence_index = self.confidence.currentIndex()
        return dataclasses.replace(
            record.item,
            name_en=self.name_en.text(),
            name_ar=self.name_ar.text(),
            kind=self.shown_kind(),
            likelihood=self.likelihood.currentIndex() or None,
            impact=self.impact.currentIndex() or None,
            # A stress's trend is not asked: it follows its trend rating, as the register stores it.
            trend=trend_of_rating(self.likelihood.currentIndex() or None) if self.shown_kind() == "stress" else TRENDS[max(self.trend.currentIndex(), 0)],
            confidence=list(CONFIDENCE_NAMES)[confidence_index - 1] if confidence_index > 0 else None,
            scenario_probable=self.scenario_probable.toPlainText(),
            scenario_severe=self.scenario_severe.toPlainText(),
            goals=self.goals.checked_ids(),
            systems=self.systems.text(),
            groups_affected=self.groups_affected.text(),
            notes=self.notes.toPlainText(),
            sensitive=self.sensitive.isChecked(),
        )

    def shown_kind(self) -> str:
        return ("shock", "stress")[max(self.kind.currentIndex(), 0)]

    def _label_ratings(self, kind: str) -> None:
        """Name the two rating boxes and their levels as `kind` is rated; a stress's trend is its trend rating, not asked again."""
        terms = rating_terms(kind)
        self._labels["likelihood"].setText(_(terms.likelihood))
        self._labels["impact"].setText(_(terms.impact))
        was_loading, self._loading = self._loading, True
        for box, names in ((self.likelihood, terms.likelihood_names), (self.impact, terms.impact_names)):
            refill_choices(box, [_("Not rated yet")] + [scale_label(dict(names), level) for level in range(1, 6)])
        self._loading = was_loading
        self.fields["trend"].setVisible(kind != "stress")
        self._labels["trend"].setVisible(kind != "stress")
        self._rated_kind = kind

    def _kind_changed(self, *_args: object) -> None:
        if self.shown_kind() != self._rated_kind:
            if self._rated_kind == "stress":  # a stress become a shock starts from the trend its rating gave
                was_loading, self._loading = self._loading, True
                self.trend.setCurrentIndex(TRENDS.index(trend_of_rating(self.likelihood.currentIndex() or None)))
                self._loading = was_loading
            self._label_ratings(self.shown_kind())

    # -- saving ------------------------------------------------------------------------------

    def _choice_changed(self, *_args: object) -> None:
        if not self._loading:
            self.save()

    def _typed(self, *_args: object) -> None:
        if not self._loading:
            self._typing.start()

    def save(self) -> None:
        """Save what the form shows now (typing included); a refusal shows under its field."""
        self._typing.stop()
        item_id, draft = self.item_id, self.draft()
        if item_id is None or draft is None or self._loading:
            return
        record = self.state.item(item_id)
        if record is not None and _unchanged(record.item, draft):
            return
        try:
            self.state.update_item(item_id, draft)
        except InvalidInputError as error:
            for name, field in self.fields.items():
                field.show_error(error.field_errors.get(name, error.field_errors.get("name", "") if name in ("name_en", "name_ar") else ""))
            return
        except UserFacingError as error:
            self.failed.emit(error)
            return
        for field in self.fields.values():
            field.show_error("")
        self.saved_label.setText(_("Saved"))

    # -- text ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            "name_en": _("Name in English"), "name_ar": _("Name in Arabic"), "kind": _("Kind"), "likelihood": _("Likelihood"),
            "impact": _("Impact"), "trend": _("Trend"), "confidence": _("Confidence"),
            "scenario_probable": _("Most probable scenario"), "scenario_severe": _("Most severe scenario"),
            "goals": _("Goals it disrupts"), "systems": _("Systems it disrupts"), "groups_affected": _("Groups most affected"),
            "notes": _("Notes"),
            "sensitive": _("Sensitive"),
        }
        self.sensitive.setText(_("Leave it out of the brief unless I include sensitive content when exporting"))
        put_interface_language_first(self.form, {"en": self.fields["name_en"], "ar": self.fields["name_ar"]})
        for name, text in texts.items():
            self._labels[name].setText(text)
        self._loading = True
        refill_choices(self.kind, [_(KIND_NAMES["shock"]), _(KIND_NAMES["stress"])])
        self._label_ratings(self.shown_kind())
        refill_choices(self.trend, [_(TREND_NAMES[trend]) for trend in TRENDS])
        refill_choices(self.confidence, [_("—")] + [_(name) for name in CONFIDENCE_NAMES.values()])
        self.goals.set_entries(goal_entries(self.state.framework), self.goals.checked_ids())
        self.systems.setPlaceholderText(_("For example: water supply, electricity, roads"))
        self.groups_affected.setPlaceholderText(_("For example: older people, informal settlements, refugees"))
        self._loading = False
        if self.item_id is not None:
            self.show_item(self.item_id)


def _unchanged(stored: RegisterItemDraft, shown: RegisterItemDraft) -> bool:
    """True when the form shows what is stored (text is trimmed when saved)."""
    for field in dataclasses.fields(stored):
        before, now = getattr(stored, field.name), getattr(shown, field.name)
        if (now.strip() if isinstance(now, str) else now) != before:
            return False
    return True
