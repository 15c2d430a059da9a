"""What a contributor's workbook holds, taken from the assessment and its framework in the contributor's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from resilience_app.core.assessment.records import AnswerDraft, AssessmentRecord
from resilience_app.core.content.model import Framework
from resilience_app.core.contributions.records import ContributorRecord
from resilience_app.core.contributions.workbook_records import WorkbookQuestion, WorkbookRequest
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES


def workbook_request(
    framework: Framework,
    assessment: AssessmentRecord,
    contributor: ContributorRecord,
    question_ids: Sequence[str],
    *,
    workbook_id: str,
    deadline: dt.date | None,
    return_to: str,
    on_record: Mapping[str, AnswerDraft] | None = None,
) -> WorkbookRequest:
    """The request for `write_workbook`: the questions `question_ids`, every text in the contributor's language, each
    with the data quality of its answer on record (`on_record`, question id -> answer) filled in."""
    language = contributor.contributor.language
    return WorkbookRequest(
        workbook_id=workbook_id,
        assessment_id=assessment.id,
        city=assessment.city_name(language),
        framework_id=framework.id,
        framework_version=framework.version,
        contributor_name=contributor.name,
        contributor_department=contributor.contributor.department,
        language=language,
        deadline=deadline,
        return_to=return_to,
        level_names=_level_names(framework, language),
        questions=[_question(framework, question_id, contributor, language, (on_record or {}).get(question_id)) for question_id in question_ids],
        other_level_names={other: _level_names(framework, other) for other in SUPPORTED_LANGUAGES if other != language},
    )


def _level_names(framework: Framework, language: str) -> dict[int, str]:
    return {level: name.in_language(language) for level, name in framework.levels.items()}


def _question(framework: Framework, question_id: str, contributor: ContributorRecord, language: str, recorded: AnswerDraft | None) -> WorkbookQuestion:
    question = framework.question(question_id)
    assert question is not None, question_id  # the service passes the framework's own question ids
    placement = framework.placement(question_id)
    return WorkbookQuestion(
        question_id=question_id,
        goal=f"{format_number(placement.goal.number, language=language)} · {placement.goal.name.in_language(language)}",
        indicator=f"{localise_digits(placement.indicator.number, language=language)} · {placement.indicator.name.in_language(language)}",
        prompt=question.prompt.in_language(language),
        guidance=question.guidance.in_language(language),
        scenarios={level: text.in_language(language) for level, text in question.scenarios.items()},
        unit=question.numeric.unit.in_language(language) if question.numeric else "",
        answered_by=contributor.label(),
        source_kind=recorded.source_kind if recorded else None,
        data_year=recorded.data_year if recorded else None,
        data_scale=recorded.data_scale if recorded else None,
    )
