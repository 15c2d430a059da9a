"""What makes an answer acceptable, with messages a user can act on."""

from __future__ import annotations

import dataclasses

from resilience_app.core.content.model import Question
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, parse_number
from resilience_app.core.i18n import _
from resilience_app.core.storage.records import AnswerDraft

STATUSES = ("level", "not_applicable", "dont_know")
CONFIDENCES = ("low", "medium", "high")
MAX_TEXT_LENGTH = 20_000


def clean_answer(question: Question, draft: AnswerDraft) -> AnswerDraft:
    """The answer ready to store (numbers normalised); raises `InvalidInputError` when it cannot be."""
    problems: dict[str, str] = {}
    if draft.status not in STATUSES:
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
                scale = question.numeric
                if (scale.minimum is not None and number < scale.minimum) or (scale.maximum is not None and number > scale.maximum):
                    problems["numeric_value"] = _("Enter a value between {minimum} and {maximum}.").format(
                        minimum=format_number(scale.minimum if scale.minimum is not None else number),
                        maximum=format_number(scale.maximum if scale.maximum is not None else number),
                    )
                numeric_value = str(int(number)) if number == number.to_integral_value() else str(number.normalize())
    if problems:
        raise InvalidInputError(problems)
    return dataclasses.replace(draft, numeric_value=numeric_value, justification=draft.justification.strip(), answered_by=draft.answered_by.strip())
