"""Sheets read from the department workbooks: each contributor with what they were asked and what came back,
and each answer a contributor gave, beside where the answers to its question differ.

The counts are `brief.contributors`' (as the brief and the profile show them). A contributor's contact (a phone
number, an e-mail address) is personal data with no use in an analysis: it stays in the app, never in the workbook.
A contribution to a question whose answer is withheld as sensitive is listed as "Withheld", with none of what it
says (the brief's rule, applied in `brief.withholding` before any sheet is built); whether its question's answers
differ is a count, and is shown, as the brief counts it.
"""

from __future__ import annotations

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, STATUS_VALUES
from resilience_app.core.brief.data import BriefData
from resilience_app.core.i18n import N_, _
from resilience_app.core.spreadsheet.cells import ids, label, moment, text
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet
from resilience_app.core.spreadsheet.sheets_assessment import ID, LONG, NAME, answer_value

LANGUAGE_NAMES = {"en": N_("English"), "ar": N_("Arabic")}


def contributors(data: BriefData) -> Sheet:
    """Each contributor: who, in which language their workbooks go, what they were asked, and the last workbook sent and returned."""
    part = data.contributors
    order = {question.id: index for index, question in enumerate(data.framework.questions())}

    def in_order(question_ids: frozenset[str]) -> list[str]:
        return sorted(question_ids, key=lambda question_id: (order.get(question_id, len(order)), question_id))

    rows = []
    for status in part.statuses:
        record, sent = status.record, status.last_sent
        rows.append((
            record.id, record.name, text(record.contributor.department), label(LANGUAGE_NAMES, record.contributor.language),
            record.contributor.language, len(status.assigned), status.answered,
            ids(in_order(status.assigned)),
            part.workbooks_sent(record.id), moment(sent.sent_at) if sent else None, sent.deadline if sent else None,
            moment(sent.returned_at) if sent else None, sent.id if sent else None, moment(record.created_at),
        ))
    return Sheet(
        key="contributors",
        title=_("Contributors"),
        columns=(
            Column(_("Contributor id"), 10), Column(_("Contributor"), NAME), Column(_("Department"), NAME), Column(_("Language"), 12),
            Column(_("Language code"), 8), Column(_("Questions assigned"), 10), Column(_("Assigned questions answered"), 12),
            Column(_("Assigned question ids"), LONG), Column(_("Workbooks sent"), 10), Column(_("Last workbook sent"), 18),
            Column(_("Reply by"), 12), Column(_("Last workbook returned"), 18), Column(_("Last workbook id"), ID), Column(_("Added"), 18),
        ),
        rows=tuple(rows),
    )


def contributions(data: BriefData) -> Sheet:
    """Each answer a contributor gave, question by question in framework order, with whether its question's answers differ."""
    framework, part = data.framework, data.contributors
    agreement = part.agreement
    names = {status.record.id: status.record.name for status in part.statuses}
    rows: list[tuple[CellValue, ...]] = []
    for record in part.contributions:
        known = framework.question(record.question_id) is not None
        place = framework.placement(record.question_id) if known else None
        where: tuple[CellValue, ...] = (
            record.contributor_id, names.get(record.contributor_id), record.question_id, place.number if place else None, place.goal.id if place else None,
        )
        agreed = (record.question_id in agreement.differing, record.question_id in agreement.settled)
        if record.question_id in data.withheld_questions:
            rows.append((*where, _("Withheld"), None, None, None, None, None, None, None, *agreed, None))
            continue
        answer = record.answer
        rows.append((
            *where, label(STATUS_VALUES, answer.status), answer.level if answer.status == "level" else None, answer_value(answer.numeric_value),
            label(CONFIDENCE_NAMES, answer.confidence), text(answer.justification), text(answer.answered_by), text(record.evidence),
            record.workbook_id, *agreed, moment(record.updated_at),
        ))
    return Sheet(
        key="contributions",
        title=_("Contributions"),
        columns=(
            Column(_("Contributor id"), 10), Column(_("Contributor"), NAME), Column(_("Question id"), ID), Column(_("No."), 8),
            Column(_("Goal id"), ID), Column(_("Answer"), 16), Column(_("Level"), 8), Column(_("Value"), 10), Column(_("Confidence"), 12),
            Column(_("Justification"), LONG), Column(_("Answered by"), 24), Column(_("Evidence"), NAME), Column(_("Workbook id"), ID),
            Column(_("Answers still differ"), 12), Column(_("Difference settled"), 12), Column(_("Last changed"), 18),
        ),
        rows=tuple(rows),
    )
