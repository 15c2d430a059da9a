"""The dialog for a new assessment, for editing its details, and (names only) for renaming it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.assessment.details_rules import details_problems
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, parse_whole_number
from resilience_app.core.i18n import _
from resilience_app.gui.date_fields import date_field
from resilience_app.gui.form_fields import FieldWithError, interface_language_first
from resilience_app.gui.wrapping_buttons import WrappingCheckBox


class AssessmentDialog(QDialog):
    """Collects an assessment's details; OK only closes the dialog once every field is valid.

    With `names_only=True` it asks for the two city names and keeps the other details.
    """

    def __init__(self, parent: QWidget | None, *, title: str, details: AssessmentDetails | None = None, names_only: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._original = details or AssessmentDetails(assessment_date=dt.date.today())
        self._result: AssessmentDetails | None = None

        self.city_en = QLineEdit(self._original.city_name_en)
        self.city_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.city_ar = QLineEdit(self._original.city_name_ar)
        self.city_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.country = QLineEdit(self._original.country)
        self.population = QLineEdit(format_number(self._original.population) if self._original.population is not None else "")
        self.population.setPlaceholderText(_("e.g. 850000 or ٨٥٠٠٠٠"))
        self.date = date_field()
        when = self._original.assessment_date or dt.date.today()
        self.date.setDate(QDate(when.year, when.month, when.day))
        self.cro_name = QLineEdit(self._original.cro_name)
        self.notes = QPlainTextEdit(self._original.notes)
        self.notes.setMaximumHeight(90)
        self.notes_sensitive = WrappingCheckBox(_("The notes are sensitive: leave them out of the brief unless I include them when exporting"))
        self.notes_sensitive.setObjectName("notes_sensitive")
        self.notes_sensitive.setChecked(self._original.notes_sensitive)

        self.fields = {
            "city_name_en": FieldWithError(self.city_en, name="city_name_en"),
            "city_name_ar": FieldWithError(self.city_ar, name="city_name_ar"),
            "country": FieldWithError(self.country, name="country"),
            "population": FieldWithError(self.population, name="population"),
            "assessment_date": FieldWithError(self.date, name="assessment_date"),
            "cro_name": FieldWithError(self.cro_name, name="cro_name"),
            "notes": FieldWithError(self.notes, name="notes"),
            "notes_sensitive": FieldWithError(self.notes_sensitive, name="notes_sensitive"),
        }
        labels = {
            "city_name_en": _("City name in English"),
            "city_name_ar": _("City name in Arabic"),
            "country": _("Country"),
            "population": _("Population"),
            "assessment_date": _("Assessment date"),
            "cro_name": _("Chief Resilience Officer"),
            "notes": _("Notes"),
            "notes_sensitive": "",
        }
        names = interface_language_first({"en": "city_name_en", "ar": "city_name_ar"})
        shown = tuple(names) if names_only else (*names, *(name for name in self.fields if name not in names))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in shown:
            label = QLabel(labels[name])
            label.setBuddy(self.fields[name].editor)
            form.addRow(label, self.fields[name])

        intro = QLabel(_("Give the city's name in English, in Arabic, or both. Everything else can be filled in later."))
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self._on_accept_requested)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.fields[names[0]].editor.setFocus()

    def details(self) -> AssessmentDetails | None:
        """The accepted details, or None if the dialog was cancelled."""
        return self._result

    def _read(self) -> tuple[AssessmentDetails, dict[str, str]]:
        problems: dict[str, str] = {}
        population: int | None = None
        if self.population.text().strip():
            try:
                population = parse_whole_number(self.population.text(), field="population", minimum=0)
            except InvalidInputError as error:
                problems.update(error.field_errors)
        qdate = self.date.date()
        details = AssessmentDetails(
            city_name_en=self.city_en.text().strip(),
            city_name_ar=self.city_ar.text().strip(),
            country=self.country.text().strip(),
            population=population if population is not None or "population" in problems else None,
            assessment_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            cro_name=self.cro_name.text().strip(),
            notes=self.notes.toPlainText().strip(),
            notes_sensitive=self.notes_sensitive.isChecked(),
        )
        problems = {**details_problems(details), **problems}
        return details, problems

    def _on_accept_requested(self) -> None:
        details, problems = self._read()
        for name, field in self.fields.items():
            field.show_error(problems.get(name, ""))
        if problems:
            first = next(name for name in self.fields if name in problems)
            self.fields[first].editor.setFocus()
            return
        self._result = details
        self.accept()
