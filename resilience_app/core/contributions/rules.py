"""What makes a contributor acceptable, what a scope names, and when contributions disagree."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import Framework
from resilience_app.core.contributions.records import ContributorDraft
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _, isolate
from resilience_app.core.text_rules import strip_texts, text_problems, title_problem, too_long

MAX_NAME_LENGTH = 200
MAX_DEPARTMENT_LENGTH = 300


def clean_contributor(draft: ContributorDraft, *, others: Iterable[ContributorDraft] = ()) -> ContributorDraft:
    """The contributor with surrounding spaces removed; `InvalidInputError` naming each field that cannot be saved."""
    cleaned = strip_texts(draft)
    problems = text_problems(cleaned)
    if message := title_problem(cleaned.name, _("Give the contributor's name."), MAX_NAME_LENGTH):
        problems["name"] = message
    elif any(other.name.casefold() == cleaned.name.casefold() and other.department.casefold() == cleaned.department.casefold() for other in others):
        problems["name"] = _("This contributor is already in the list.")
    for field, limit in (("department", MAX_DEPARTMENT_LENGTH), ("contact", MAX_DEPARTMENT_LENGTH)):
        if message := too_long(getattr(cleaned, field), limit):
            problems[field] = message
    if cleaned.language not in SUPPORTED_LANGUAGES:
        problems["language"] = _("Choose Arabic or English.")
    if problems:
        raise InvalidInputError(problems)
    return cleaned


def questions_in_scope(framework: Framework, scope: Iterable[str]) -> list[str]:
    """The question ids a scope names, in framework order: goal, indicator and question ids, mixed.

    `InvalidInputError` (field "scope") naming the first id the framework does not have.
    """
    wanted = list(dict.fromkeys(item.strip() for item in scope if item.strip()))
    if not wanted:
        raise InvalidInputError({"scope": _("Choose at least one goal, indicator or question.")})
    chosen: set[str] = set()
    known: set[str] = set()
    for goal in framework.goals():
        for indicator in goal.indicators:
            for question in indicator.questions:
                names = {goal.id, indicator.id, question.id}
                known |= names
                if names & set(wanted):
                    chosen.add(question.id)
    unknown = [item for item in wanted if item not in known]
    if unknown:
        raise InvalidInputError({"scope": _("“{id}” is not a goal, indicator or question of this framework.").format(id=isolate(unknown[0]))})
    return [question.id for question in framework.questions() if question.id in chosen]


def same_answer(first: AnswerDraft, second: AnswerDraft) -> bool:
    """Whether two answers say the same about the city: status, level and value (who and why may differ)."""
    return (first.status, first.level, first.numeric_value) == (second.status, second.level, second.numeric_value)


DATA_QUALITY_FIELDS = ("source_kind", "data_year", "data_scale")


def with_data_quality_kept(contribution: AnswerDraft, on_record: AnswerDraft | None) -> AnswerDraft:
    """The contribution as it becomes the answer on record: each data-quality field it leaves not stated keeps the value on record.

    A department's workbook is filled in beforehand with what the record says, so an empty cell means "no change",
    never "forget it": taking a contribution never wipes what the CRO already knew about the data.
    """
    if on_record is None:
        return contribution
    kept = {name: getattr(on_record, name) for name in DATA_QUALITY_FIELDS if getattr(contribution, name) is None}
    return dataclasses.replace(contribution, **kept)


def data_quality_changes(contribution: AnswerDraft, on_record: AnswerDraft | None) -> dict[str, tuple[object, object]]:
    """field -> (on record, the contribution's) for each data-quality field the contribution would change on record."""
    kept = with_data_quality_kept(contribution, on_record)
    return {
        name: (getattr(on_record, name) if on_record else None, getattr(kept, name))
        for name in DATA_QUALITY_FIELDS
        if getattr(kept, name) != (getattr(on_record, name) if on_record else None)
    }


def spread(answers: Sequence[AnswerDraft]) -> int:
    """How far apart the levels are (highest minus lowest).

    "Not applicable" against a level counts as far apart as possible (does the city have the system at all?);
    "don't know" adds nothing to the spread: someone lacked the facts, which is not a contrary view.
    """
    levels = [answer.level for answer in answers if answer.status == "level" and answer.level is not None]
    if any(answer.status == "not_applicable" for answer in answers) and levels:
        return 4
    return max(levels) - min(levels) if levels else 0
