"""What makes a round acceptable: its kind is one of the known ones, its date a date."""

from __future__ import annotations

import datetime as dt
import secrets

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import _
from resilience_app.core.rounds.records import RoundDraft

ROUND_KINDS = ("baseline", "mid_term", "follow_up")
BASELINE = "baseline"


def clean_round(draft: RoundDraft) -> RoundDraft:
    """The round ready to store; `InvalidInputError` naming the field otherwise."""
    problems: dict[str, str] = {}
    if draft.kind not in ROUND_KINDS:
        problems["round_kind"] = _("Choose baseline, mid-term or follow-up.")
    if draft.date is not None and type(draft.date) is not dt.date:
        problems["round_date"] = _("Enter the round's date as a date.")
    if problems:
        raise InvalidInputError(problems)
    return draft


def new_series_key() -> str:
    """A series' key: random, so no later series can take the key of one whose assessments were deleted."""
    return secrets.token_hex(16)
