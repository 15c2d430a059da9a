"""Start a follow-up assessment: the new round's kind and date, and what it carries over from the one it follows.

The dialog only asks; `assessment_commands.start_follow_up` starts the round through `run_operation`. A date before
the round it follows is refused under its field, and nothing is made.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from resilience_app.core.i18n import _, isolate
from resilience_app.core.rounds.labels import round_kind_name
from resilience_app.core.rounds.records import FollowUpOptions, RoundDraft
from resilience_app.core.rounds.rules import check_follow_up, clean_round
from resilience_app.gui.date_fields import date_field
from resilience_app.gui.form_dialog import FormDialog

FOLLOW_UP_KINDS = ("follow_up", "mid_term")


class FollowUpDialog(FormDialog):
    """`options()` is what the user chose, once saved."""

    def __init__(self, parent: QWidget, *, city: str, follows: dt.date | None, today: dt.date | None = None) -> None:
        self.follows = follows  # the date of the round this one follows, when it has one
        self.kind = QComboBox()
        for kind in FOLLOW_UP_KINDS:
            self.kind.addItem(round_kind_name(kind), kind)
        self.date = date_field()
        shown = today or dt.date.today()
        self.date.setDate(QDate(shown.year, shown.month, shown.day))
        self.carry_answers = QCheckBox(_("Carry over the answers (each marked to review)"))
        self.carry_answers.setObjectName("follow_up_carry_answers")
        self.carry_register = QCheckBox(_("Carry over the shocks and stresses, actions and discovery areas"))
        self.carry_register.setObjectName("follow_up_carry_register")
        super().__init__(
            parent,
            name="follow_up_dialog",
            title=_("Start a follow-up assessment"),
            fields={
                "round_kind": (_("Round"), self.kind),
                "round_date": (_("Round date"), self.date),
                "carry_answers": ("", self.carry_answers),
                "carry_register": ("", self.carry_register),
            },
        )
        self.intro = QLabel(_("A new round of the assessment of {city}: its details are copied, and the two are compared on the "
                              "Change tab. Answers carried over count only once they are confirmed or changed.").format(city=isolate(city)))
        self.intro.setObjectName("follow_up_intro")
        self.intro.setWordWrap(True)
        self.form_layout.insertRow(0, self.intro)
        self.chosen: FollowUpOptions | None = None

    def chosen_date(self) -> dt.date:
        chosen = self.date.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def store(self) -> None:
        draft = clean_round(RoundDraft(str(self.kind.currentData()), self.chosen_date()))
        check_follow_up(draft.kind, draft.date, self.follows)
        self.chosen = FollowUpOptions(carry_answers=self.carry_answers.isChecked(), carry_register=self.carry_register.isChecked(),
                                      kind=draft.kind, date=draft.date)
