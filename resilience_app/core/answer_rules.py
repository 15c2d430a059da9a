"""What makes an answer acceptable, with messages a user can act on."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from resilience_app.core.content.model import Question
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, parse_number
from resilience_app.core.i18n import _
from resilience_app.core.storage.records import AnswerDraft

STATUSES = ("level", "not_applicable", "dont_know")
NOT_YET_ANSWERED = ""  # notes, a value or evidence kept before the answer itself is chosen
CONFIDENCES = ("low", "medium", "high")
MAX_TEXT_LENGTH = 20_000


def clean_answer(question: Question, draft: AnswerDraft) -> AnswerDraft:
    """The answer ready to store (numbers normalised); raises `InvalidInputError` when it cannot be."""
    problems: dict[str, str] = {}
    if draft.status not in (*STATUSES, NOT_YET_ANSWERED):
        problems["status"] = _("Choose a level from 1 to 5, “not applicable” or “don't know”.")
    if draft.status == "level" and (draft.level is None or not 1 <= draft.level <= 5):
        problems["level"] = _("Choose a level from 1 to 5.")
    if draft.status != "level" and draft.level is not None:
        problems["level"] = _("Only a levelled answer has a level.")
    if draft.confidence is not None and draft.confidence not in CONFIDENCES:
        problems["confidence"] = _("Choose low, medium or high confidence.")
    if len(draft.justification) > MAX_TEXT_LENGTH:
        problems["justification"] = _("Keep this under {count} characters.").format(count=format_number(MAX_TEXT_LENGTH))
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
                numeric_value = str(int(number)) if number == number.to_integral_value() else str(number.normalize())
    if problems:
        raise InvalidInputError(problems)
    return dataclasses.replace(draft, numeric_value=numeric_value, justification=draft.justification.strip(), answered_by=draft.answered_by.strip())


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
