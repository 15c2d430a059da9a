"""How much a brief (or the Excel workbook) leaves out because it is marked sensitive, as the cover says it."""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import N_, _, ngettext

LEFT_OUT_OF_THE_BRIEF = N_("Left out of this brief because they are marked sensitive: {parts}.")
LEFT_OUT_OF_THE_PRA = N_("Left out of this assessment because they are marked sensitive: {parts}.")
# Said before the export, while the tick to include them is off: what the brief or the PRA will leave out.
WILL_BE_LEFT_OUT_OF_THE_DOCUMENT = N_("Unless you include them, the document will leave out what is marked sensitive: {parts}.")


@dataclass(frozen=True)
class Withheld:
    """How much a brief leaves out because it is marked sensitive."""

    answers: int = 0
    items: int = 0
    areas: int = 0  # not counting rejected areas, which no document prints
    notes: int = 0
    steps: int = 0  # next steps serving a withheld area

    @property
    def anything(self) -> bool:
        return any((self.answers, self.items, self.areas, self.notes, self.steps))

    def parts(self) -> list[str]:
        """What is left out, one phrase per kind ("the details of 3 answers", "1 note"), in the current language."""
        texts = []
        if self.answers:
            texts.append(ngettext("the details of {count} answer", "the details of {count} answers", self.answers).format(count=format_number(self.answers)))
        if self.items:
            texts.append(ngettext("{count} shock or stress", "{count} shocks and stresses", self.items).format(count=format_number(self.items)))
        if self.areas:
            texts.append(
                ngettext("{count} discovery area naming them", "{count} discovery areas naming them", self.areas).format(count=format_number(self.areas))
            )
        if self.steps:
            texts.append(ngettext("{count} next step serving them", "{count} next steps serving them", self.steps).format(count=format_number(self.steps)))
        if self.notes:
            texts.append(ngettext("{count} note", "{count} notes", self.notes).format(count=format_number(self.notes)))
        return texts

    def describe(self, template: str = LEFT_OUT_OF_THE_BRIEF) -> str:
        """One sentence for the cover, in the current language; empty when nothing was left out.

        `template` (a message marked with N_, with a {parts} field) names what leaves it out: the brief, or the Excel workbook.
        """
        if not self.anything:
            return ""
        sentence = _(template).format(parts=format_list(self.parts()))
        if self.answers:
            sentence += " " + _("Sensitive answers still count in the goal and dimension results.")
        return sentence
