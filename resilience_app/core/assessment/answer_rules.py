"""What makes an answer acceptable, with messages a user can act on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import Decimal

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import Question
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, localise_digits, parse_number, plain_number_text
from resilience_app.core.i18n import _
from resilience_app.core.text_rules import clean_text, text_problems

STATUSES = ("level", "not_applicable", "dont_know")
NOT_YET_ANSWERED = ""  # notes, a value or evidence kept before the answer itself is chosen
CONFIDENCES = ("low", "medium", "high")
MAX_TEXT_LENGTH = 20_000
LEVELS = range(1, 6)
SOURCE_KINDS = ("measured", "estimate", "expert_judgement", "perception")
DATA_SCALES = ("city", "governorate_region", "country")
EARLIEST_DATA_YEAR = 1950
_log = logging.getLogger("resilience_app.answers")


def latest_data_year(today: dt.date | None = None) -> int:
    """The latest year data may describe: next year (a projection for it may already be published)."""
    return (today or dt.date.today()).year + 1


def data_quality_problems(draft: AnswerDraft, *, today: dt.date | None = None) -> dict[str, str]:
    """What is wrong with the kind of source, the data's year or their scale (each optional), by field."""
    problems: dict[str, str] = {}
    if draft.source_kind is not None and draft.source_kind not in SOURCE_KINDS:
        problems["source_kind"] = _("Choose measured data, an estimate, expert judgement or a perception, or leave the source not stated.")
    if draft.data_scale is not None and draft.data_scale not in DATA_SCALES:
        problems["data_scale"] = _("Choose city, governorate or region, or country level, or leave the scale not stated.")
    latest = latest_data_year(today)
    if draft.data_year is not None and not (type(draft.data_year) is int and EARLIEST_DATA_YEAR <= draft.data_year <= latest):
        problems["data_year"] = _("Enter the year the data describe, from {earliest} to {latest}, or leave it empty.").format(
            earliest=localise_digits(str(EARLIEST_DATA_YEAR)), latest=localise_digits(str(latest))
        )
    return problems


LAST_READABLE_YEAR = 9999  # a stored year is read as stated up to here; the check on saving is tighter


def readable_data_quality(draft: AnswerDraft) -> AnswerDraft:
    """The answer as read from the file, its data-quality fields that no save could have written (another tool's,
    or a damaged file's) read as not stated, so a summary, a copy or the next save never trips on them."""
    unreadable = {
        "source_kind": draft.source_kind is not None and draft.source_kind not in SOURCE_KINDS,
        "data_scale": draft.data_scale is not None and draft.data_scale not in DATA_SCALES,
        "data_year": draft.data_year is not None and not (type(draft.data_year) is int and EARLIEST_DATA_YEAR <= draft.data_year <= LAST_READABLE_YEAR),
    }
    if not any(unreadable.values()):
        return draft
    _log.warning("An answer's unreadable %s read as not stated", ", ".join(name for name, bad in unreadable.items() if bad))
    return dataclasses.replace(
        draft,
        source_kind=None if unreadable["source_kind"] else draft.source_kind,
        data_scale=None if unreadable["data_scale"] else draft.data_scale,
        data_year=None if unreadable["data_year"] else draft.data_year,
    )


def is_level(value: object) -> bool:
    """A level from 1 to 5 as a whole number: not 2.5, not "3", not True (which Python counts as 1)."""
    return type(value) is int and value in LEVELS


def clean_answer(question: Question, draft: AnswerDraft) -> AnswerDraft:
    """The answer ready to store (numbers normalised); raises `InvalidInputError` when it cannot be."""
    problems: dict[str, str] = {}
    if draft.status not in (*STATUSES, NOT_YET_ANSWERED):
        problems["status"] = _("Choose a level from 1 to 5, “not applicable” or “don't know”.")
    if draft.status == "level" and not is_level(draft.level):
        problems["level"] = _("Choose a level from 1 to 5.")
    if draft.status != "level" and draft.level is not None:
        problems["level"] = _("Only a levelled answer has a level.")
    if draft.confidence is not None and draft.confidence not in CONFIDENCES:
        problems["confidence"] = _("Choose low, medium or high confidence.")
    justification, answered_by = clean_text(draft.justification), clean_text(draft.answered_by)
    if len(justification) > MAX_TEXT_LENGTH:
        problems["justification"] = _("Keep this under {count} characters.").format(count=format_number(MAX_TEXT_LENGTH))
    problems.update(text_problems(draft, "justification", "answered_by"))
    problems.update(data_quality_problems(draft))
    numeric_value = None
    if draft.numeric_value not in (None, ""):
        if question.numeric is None:
            problems["numeric_value"] = _("This question takes no number.")
        else:
            try:
                number = parse_number(draft.numeric_value or "", field="numeric_value")
            except InvalidInputError as error:
                problems.update(error.field_errors)
            else:
                bounds_problem = _bounds_problem(number, question.numeric.minimum, question.numeric.maximum)
                if bounds_problem:
                    problems["numeric_value"] = bounds_problem
                numeric_value = plain_number_text(number)
    if problems:
        raise InvalidInputError(problems)
    return dataclasses.replace(draft, numeric_value=numeric_value, justification=justification, answered_by=answered_by)


def with_level_from_value(question: Question, draft: AnswerDraft) -> AnswerDraft:
    """A value given before any level is chosen sets the level the question's thresholds give it."""
    if question.numeric is None or draft.status or not draft.numeric_value:
        return draft
    try:
        value = parse_number(draft.numeric_value)
    except InvalidInputError:
        return draft  # clean_answer says what is wrong with it
    return dataclasses.replace(draft, status="level", level=question.numeric.level_for(float(value)))


def _bounds_problem(number: Decimal, minimum: float | None, maximum: float | None) -> str:
    """The message for a value outside the question's bounds, naming only the bounds it has."""
    too_low = minimum is not None and number < Decimal(str(minimum))
    too_high = maximum is not None and number > Decimal(str(maximum))
    if not (too_low or too_high):
        return ""
    if minimum is not None and maximum is not None:
        return _("Enter a value between {minimum} and {maximum}.").format(minimum=format_number(minimum), maximum=format_number(maximum))
    if minimum is not None:
        return _("Enter a number of at least {minimum}.").format(minimum=format_number(minimum))
    return _("Enter a number of at most {maximum}.").format(maximum=format_number(maximum or 0))
