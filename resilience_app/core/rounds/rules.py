"""What makes a round acceptable: its kind is one of the known ones, its date a date."""

from __future__ import annotations

import datetime as dt
import secrets

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_date, localise_digits
from resilience_app.core.i18n import _
from resilience_app.core.rounds.records import RoundDraft

ROUND_KINDS = ("baseline", "mid_term", "follow_up")
BASELINE = "baseline"
FOLLOW_UP_KINDS = ("mid_term", "follow_up")  # what a round started from another may be
EARLIEST_ROUND_YEAR, LATEST_ROUND_YEAR = 1900, 2200  # the date field's own range


def clean_round(draft: RoundDraft) -> RoundDraft:
    """The round ready to store; `InvalidInputError` naming the field otherwise."""
    problems: dict[str, str] = {}
    if draft.kind not in ROUND_KINDS:
        problems["round_kind"] = _("Choose baseline, mid-term or follow-up.")
    if draft.date is not None and type(draft.date) is not dt.date:
        problems["round_date"] = _("Enter the round's date as a date.")
    elif draft.date is not None and not EARLIEST_ROUND_YEAR <= draft.date.year <= LATEST_ROUND_YEAR:
        problems["round_date"] = _("Enter a date from {earliest} to {latest}.").format(
            earliest=localise_digits(str(EARLIEST_ROUND_YEAR)), latest=localise_digits(str(LATEST_ROUND_YEAR)))
    if problems:
        raise InvalidInputError(problems)
    return draft


def new_series_key() -> str:
    """A series' key: random, so no later series can take the key of one whose assessments were deleted."""
    return secrets.token_hex(16)


def check_follow_up(kind: str, date: dt.date | None, follows: dt.date | None) -> None:
    """A follow-up is a mid-term or a follow-up round, dated no earlier than the round it follows; else
    `InvalidInputError` naming the field."""
    if kind not in FOLLOW_UP_KINDS:
        raise InvalidInputError({"round_kind": _("A round started from another is a mid-term or a follow-up round.")})
    if date is not None and follows is not None and date < follows:
        raise InvalidInputError({"round_date": _("A follow-up comes after the round it follows: choose {date} or later.").format(
            date=format_date(follows))})

