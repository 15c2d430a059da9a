"""The workbook's sentences about content marked sensitive, shared by its Assessment sheet and the export dialog."""

from __future__ import annotations

from resilience_app.core.brief.withheld import Withheld
from resilience_app.core.formatting import format_list
from resilience_app.core.i18n import N_, _

LEFT_OUT_OF_THE_WORKBOOK = N_("Left out of this workbook because they are marked sensitive: {parts}.")
# Said before the export, while the tick to include them is off: what the workbook will leave out.
WILL_BE_LEFT_OUT_OF_THE_WORKBOOK = N_("Unless you include them, the workbook will leave out what is marked sensitive: {parts}.")


def describe_withheld(withheld: Withheld) -> str:
    """What the workbook leaves out unless sensitive content is included, in one sentence ("" when nothing is marked)."""
    return withheld.describe(LEFT_OUT_OF_THE_WORKBOOK)


def sensitive_note(withheld: Withheld, *, included: bool) -> str:
    """The Assessment sheet's word on sensitive content: nothing marked, what was included, or what was left out."""
    if not withheld.anything:
        return _("Nothing is marked sensitive.")
    if included:
        return _("Included in this workbook: {parts}.").format(parts=format_list(withheld.parts()))
    return describe_withheld(withheld)
