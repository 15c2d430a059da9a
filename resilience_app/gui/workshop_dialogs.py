"""The workshop's forms: the workshop itself, a participant, a group or session name, an exercise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from resilience_app.core.i18n import _
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, EXERCISE_KIND_NAMES, GENDER_NAMES, own_sector, sector_name
from resilience_app.core.workshop.records import (
    DOT_VOTE,
    EXERCISE_KINDS,
    RANKING,
    ExerciseDraft,
    ExerciseRecord,
    ParticipantDraft,
    WorkshopDraft,
)
from resilience_app.gui.checklist import Checklist
from resilience_app.gui.date_fields import date_field
from resilience_app.gui.form_dialog import FormDialog
from resilience_app.gui.workshop_state import WorkshopState
from resilience_app.gui.wrapping_buttons import WrappingCheckBox


class WorkshopDialog(FormDialog):
    """Add or edit a workshop: title, date, venue, notes and the sectors it adds to the content's list."""

    def __init__(self, state: WorkshopState, parent: QWidget, *, editing: bool) -> None:
        draft = state.snapshot.record.workshop if editing and state.snapshot else WorkshopDraft(title="")
        super().__init__(
            parent,
            name="workshop_dialog",
            title=_("Edit workshop") if editing else _("New workshop"),
            fields={
                "title": (_("Title"), QLineEdit(draft.title)),
                "held_on": (_("Date"), date_field()),
                "venue": (_("Venue"), QLineEdit(draft.venue)),
                "own_sectors": (_("Other sectors (one per line)"), QPlainTextEdit("\n".join(draft.own_sectors))),
                "notes": (_("Notes"), QPlainTextEdit(draft.notes)),
                "notes_sensitive": ("", WrappingCheckBox(_("The notes are sensitive: leave them out of the brief unless I include them when exporting"))),
            },
        )
        self.state, self.editing = state, editing
        date = self.editor("held_on", QDateEdit)
        held_on = draft.held_on
        date.setDate(QDate(held_on.year, held_on.month, held_on.day) if held_on else QDate.currentDate())
        for name in ("own_sectors", "notes"):
            self.editor(name, QPlainTextEdit).setFixedHeight(70)
            self.editor(name, QPlainTextEdit).setTabChangesFocus(True)
        self.editor("title", QLineEdit).setPlaceholderText(_("For example: Agenda-setting workshop"))
        self.editor("notes_sensitive", QCheckBox).setChecked(draft.notes_sensitive)

    def draft(self) -> WorkshopDraft:
        return WorkshopDraft(
            title=self.editor("title", QLineEdit).text(),
            held_on=_date_of(self.editor("held_on", QDateEdit).date()),
            venue=self.editor("venue", QLineEdit).text(),
            notes=self.editor("notes", QPlainTextEdit).toPlainText(),
            own_sectors=tuple(self.editor("own_sectors", QPlainTextEdit).toPlainText().splitlines()),
            notes_sensitive=self.editor("notes_sensitive", QCheckBox).isChecked(),
        )

    def store(self) -> None:
        if self.editing:
            self.state.update_workshop(self.draft())
        else:
            self.state.add_workshop(self.draft())


def _date_of(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _fill(box: QComboBox, entries: list[tuple[object, str]], current: object) -> None:
    for value, text in entries:
        box.addItem(text, value)
    box.setCurrentIndex(max(0, box.findData(current)))


class ParticipantDialog(FormDialog):
    def __init__(self, state: WorkshopState, parent: QWidget, participant_id: int | None = None) -> None:
        assert state.snapshot is not None
        snapshot = state.snapshot
        record = next((entry for entry in snapshot.participants if entry.id == participant_id), None)
        draft = record.participant if record else ParticipantDraft(sector="")
        super().__init__(
            parent,
            name="participant_dialog",
            title=_("Edit participant") if record else _("Add participant"),
            fields={
                "name": (_("Name (optional)"), QLineEdit(draft.name)),
                "organisation": (_("Organisation"), QLineEdit(draft.organisation)),
                "sector": (_("Sector"), QComboBox()),
                "gender": (_("Gender (optional)"), QComboBox()),
                "age_band": (_("Age band (optional)"), QComboBox()),
                "group_id": (_("Group"), QComboBox()),
            },
        )
        self.state, self.participant_id = state, participant_id
        sectors = state.service.sectors
        sector_entries: list[tuple[object, str]] = [("", _("Choose a sector"))]
        sector_entries += [(sector_id, sector_name(sector_id, sectors)) for sector_id in sectors]
        sector_entries += [(own_sector(name), name) for name in snapshot.record.workshop.own_sectors]
        _fill(self.editor("sector", QComboBox), sector_entries, draft.sector)
        _fill(self.editor("gender", QComboBox), [("", _("Not given")), *((key, _(name)) for key, name in GENDER_NAMES.items())], draft.gender)
        _fill(self.editor("age_band", QComboBox), [("", _("Not given")), *((key, _(name)) for key, name in AGE_BAND_NAMES.items())], draft.age_band)
        _fill(self.editor("group_id", QComboBox), [(None, _("No group")), *((group.id, group.name) for group in snapshot.groups)], draft.group_id)
        self.editor("name", QLineEdit).setPlaceholderText(_("Leave blank for an anonymous participant"))

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            sector=self.editor("sector", QComboBox).currentData(),
            name=self.editor("name", QLineEdit).text(),
            organisation=self.editor("organisation", QLineEdit).text(),
            gender=self.editor("gender", QComboBox).currentData(),
            age_band=self.editor("age_band", QComboBox).currentData(),
            group_id=self.editor("group_id", QComboBox).currentData(),
        )

    def store(self) -> None:
        if self.participant_id is None:
            self.state.add_participant(self.draft())
        else:
            self.state.update_participant(self.participant_id, self.draft())


class NameDialog(FormDialog):
    """One name to give: a new group or session, or a new name for one."""

    def __init__(self, parent: QWidget, *, name: str, title: str, label: str, text: str, store: Callable[[str], None]) -> None:
        super().__init__(parent, name=name, title=title, fields={"name": (label, QLineEdit(text))})
        self._store, self._offered = store, text

    def store(self) -> None:
        typed = self.editor("name", QLineEdit).text()
        # The name offered, kept: a name the app worded in every language (core.every_language) stays so.
        self._store(self._offered if typed == self._offered else typed)


class ExerciseDialog(FormDialog):
    """Add or edit an exercise: its kind (fixed once made), title, session, allowance, time and shortlist."""

    def __init__(self, state: WorkshopState, parent: QWidget, exercise: ExerciseRecord | None = None, session_id: int | None = None) -> None:
        assert state.snapshot is not None
        draft = exercise.exercise if exercise else ExerciseDraft(DOT_VOTE, "", session_id or state.snapshot.sessions[0].id, 10, 15)
        super().__init__(
            parent,
            name="exercise_dialog",
            title=_("Edit exercise") if exercise else _("Add exercise"),
            fields={
                "kind": (_("Exercise"), QComboBox()),
                "title": (_("Title"), QLineEdit(draft.title)),
                "session_id": (_("Session"), QComboBox()),
                "dots_per_group": (_("Dots per group"), QSpinBox()),
                "duration_minutes": (_("Time (minutes, 0 for no timer)"), QSpinBox()),
                "item_ids": (_("Shocks and stresses to rank"), Checklist(name="shortlist")),
            },
        )
        self.state, self.exercise = state, exercise
        _fill(self.editor("kind", QComboBox), [(kind, _(EXERCISE_KIND_NAMES[kind])) for kind in EXERCISE_KINDS], draft.kind)
        self.editor("kind", QComboBox).setEnabled(exercise is None)
        _fill(self.editor("session_id", QComboBox), [(entry.id, entry.title) for entry in state.snapshot.sessions], draft.session_id)
        self.editor("dots_per_group", QSpinBox).setRange(1, 100)
        self.editor("dots_per_group", QSpinBox).setValue(draft.dots_per_group or 10)
        self.editor("duration_minutes", QSpinBox).setRange(0, 240)
        self.editor("duration_minutes", QSpinBox).setValue(draft.duration_minutes)
        register = state.register
        ranked = [entry.item.item_id for entry in register.ranking.ranked]
        shortlist = draft.item_ids or tuple(ranked[:6])
        self.editor("item_ids", Checklist).set_entries([(record.id, register.name(record)) for record in register.items], shortlist)
        self.editor("item_ids", Checklist).show_rows(12)
        self.editor("kind", QComboBox).currentIndexChanged.connect(self._show_kind)
        self._show_kind()

    def _show_kind(self) -> None:
        ranking = self.editor("kind", QComboBox).currentData() == RANKING
        form = self.form_layout
        assert isinstance(form, QFormLayout)
        form.setRowVisible(self.fields["dots_per_group"], not ranking)
        form.setRowVisible(self.fields["item_ids"], ranking)
        self.fit_to_content()  # a ranking lists the items; dots do not

    def draft(self) -> ExerciseDraft:
        kind = self.editor("kind", QComboBox).currentData()
        return ExerciseDraft(
            kind=kind,
            title=self.editor("title", QLineEdit).text(),
            session_id=self.editor("session_id", QComboBox).currentData(),
            dots_per_group=self.editor("dots_per_group", QSpinBox).value() if kind == DOT_VOTE else 0,
            duration_minutes=self.editor("duration_minutes", QSpinBox).value(),
            item_ids=tuple(self.editor("item_ids", Checklist).checked_ids()) if kind == RANKING else (),
        )

    def store(self) -> None:
        if self.exercise is None:
            self.state.add_exercise(self.draft())
        else:
            self.state.update_exercise(self.exercise.id, self.draft())
