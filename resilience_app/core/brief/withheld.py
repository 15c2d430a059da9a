"""How much a brief leaves out because it is marked sensitive, as the cover says it."""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.formatting import format_list, format_number
from resilience_app.core.i18n import _, ngettext


@dataclass(frozen=True)
class Withheld:
    """How much a brief leaves out because it is marked sensitive."""

    answers: int = 0
    items: int = 0
    areas: int = 0
    notes: int = 0

    @property
    def anything(self) -> bool:
        return any((self.answers, self.items, self.areas, self.notes))

    def describe(self) -> str:
        """One sentence for the cover, in the current language; empty when nothing was left out."""
        if not self.anything:
            return ""
        texts = []
        if self.answers:
            texts.append(ngettext("the details of {count} answer", "the details of {count} answers", self.answers).format(count=format_number(self.answers)))
        if self.items:
            texts.append(ngettext("{count} shock or stress", "{count} shocks and stresses", self.items).format(count=format_number(self.items)))
        if self.areas:
            texts.append(
                ngettext("{count} discovery area naming them", "{count} discovery areas naming them", self.areas).format(count=format_number(self.areas))
            )
        if self.notes:
            texts.append(ngettext("{count} note", "{count} notes", self.notes).format(count=format_number(self.notes)))
        sentence = _("Left out of this brief because they are marked sensitive: {parts}.").format(parts=format_list(texts))
        if self.answers:
            sentence += " " + _("Sensitive answers still count in the goal and dimension results.")
        return sentence
