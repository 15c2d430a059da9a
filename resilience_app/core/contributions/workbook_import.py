"""Answers coming back in a department workbook: what each row will do, before anything is stored.

Nothing is stored until the CRO confirms the preview, as with the sign-in sheet. A contributor's answers are
kept as theirs (never over another's, never over the answer on record); where a question has no answer yet
and this is its only contribution, the preview offers to take it as the answer on record (ticked by default).
Pure: the service reads the database, these rules decide.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from resilience_app.core.assessment.answer_rules import clean_answer, with_level_from_value
from resilience_app.core.assessment.labels import FIELD_NAMES
from resilience_app.core.assessment.labels import history_value as value_shown
from resilience_app.core.assessment.records import AnswerDraft, AnswerRecord
from resilience_app.core.content.model import Framework, Question
from resilience_app.core.contributions.records import ContributionRecord, ContributorRecord, WorkbookRecord
from resilience_app.core.contributions.rules import DATA_QUALITY_FIELDS, data_quality_changes, same_answer, with_data_quality_kept
from resilience_app.core.contributions.workbook_layout import layout_for
from resilience_app.core.contributions.workbook_records import ReturnedAnswer, WorkbookReading
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, isolate, ngettext

NEW, SAME, UPDATED, DISAGREES, EMPTY, REFUSED = "new", "same", "updated", "disagrees", "empty", "refused"
OUTCOME_NAMES = {
    NEW: N_("New answer"),
    UPDATED: N_("Changes this contributor's earlier answer"),
    DISAGREES: N_("Differs from the answer on record"),
    SAME: N_("Same as now"),
    EMPTY: N_("Left empty"),
    REFUSED: N_("Refused"),
}
STORED_OUTCOMES = (NEW, UPDATED, DISAGREES)

# The workbook's column of each answer field, to locate what `clean_answer` refuses.
_FIELD_COLUMNS = {
    "status": "level", "level": "level", "numeric_value": "value", "confidence": "confidence",
    "source_kind": "source_kind", "data_year": "data_year", "data_scale": "data_scale",
}


@dataclass(frozen=True)
class ImportRow:
    """One question of the workbook and what importing it would do."""

    question_id: str
    cell_row: int
    outcome: str  # a key of OUTCOME_NAMES
    answer: AnswerDraft | None  # the cleaned answer; None when the row is empty or refused
    evidence: str
    problem: str = ""  # why a refused row is refused, with its cell
    offer_on_record: bool = False  # no answer on record and no other contribution: offered as the answer on record
    # What the CRO should check in a stored answer, a line each: a level the row's own value contradicts, a data-quality
    # cell not read (the rest of the row is), and the data quality it would change on record if taken.
    warning: str = ""
    # field -> (on record, this answer's) for each data-quality field that taking the answer would change; a field the
    # workbook leaves empty changes nothing (`rules.with_data_quality_kept`).
    data_quality_changes: Mapping[str, tuple[object, object]] = dataclasses.field(default_factory=dict)
    # A data-quality cell left empty, or not read, where the contributor stated a value before: that value stays.
    kept_data_quality: bool = False

    @property
    def stored(self) -> bool:
        return self.outcome in STORED_OUTCOMES


@dataclass(frozen=True)
class WorkbookPreview:
    """What importing a workbook would do; `ContributionService.import_workbook` stores it once the CRO confirms."""

    assessment_id: int
    workbook: WorkbookRecord
    contributor: ContributorRecord
    reading: WorkbookReading
    rows: tuple[ImportRow, ...]
    problems: tuple[str, ...]  # cells that could not be read, and questions this framework version does not have

    @property
    def stored_rows(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if row.stored)

    @property
    def nothing_new(self) -> bool:
        """Nothing to store from a workbook already returned: importing it again changes nothing."""
        return not self.stored_rows and self.workbook.returned_at is not None

    @property
    def offered(self) -> tuple[str, ...]:
        """The questions whose contribution is offered as the answer on record."""
        return tuple(row.question_id for row in self.rows if row.offer_on_record)

    def counts(self) -> dict[str, int]:
        return {outcome: sum(row.outcome == outcome for row in self.rows) for outcome in OUTCOME_NAMES}

    def summary(self) -> list[str]:
        """The preview in a few lines for the dialog and the command line, in the current language."""
        stored = len(self.stored_rows)
        lines = [
            ngettext("{count} answer will be stored.", "{count} answers will be stored.", stored).format(count=format_number(stored))
            if stored else _("No answer will be stored.")
        ]
        lines += [
            _("{outcome}: {count}").format(outcome=_(OUTCOME_NAMES[outcome]), count=format_number(count))
            for outcome, count in self.counts().items()
            if count
        ]
        if any(row.kept_data_quality for row in self.rows):
            lines.append(_("A source, year or scale of the data left empty or not read changes nothing: the value the contributor stated before stays."))
        if self.problems:
            count = len(self.problems)
            lines.append(ngettext("{count} cell could not be read.", "{count} cells could not be read.", count).format(count=format_number(count)))
        return lines


@dataclass(frozen=True)
class WorkbookImported:
    """What a confirmed import stored."""

    stored: int  # contributions new or changed
    taken_on_record: int  # of them, made the answer on record


def preview_rows(
    framework: Framework,
    reading: WorkbookReading,
    *,
    workbook: WorkbookRecord,
    contributions: Mapping[str, Sequence[ContributionRecord]],
    on_record: Mapping[str, AnswerRecord],
    asked_elsewhere: Collection[str] = (),
) -> list[ImportRow]:
    """Each answer of the workbook with what importing it would do; a refused row says why and where.

    A question also assigned to another contributor (`asked_elsewhere`) is never offered as the answer on
    record: it was asked of several on purpose, to compare, and the others may not have answered yet.
    """
    sent, asked = set(workbook.question_ids), set(asked_elsewhere)
    rows = []
    for returned in reading.answers:
        question = framework.question(returned.question_id)
        if question is None:  # listed among the workbook's questions this framework does not have
            continue
        if returned.question_id not in sent:
            message = _("Question {id} was not in the workbook sent to this contributor; its answer is not read.").format(
                id=isolate(returned.question_id)
            )
            rows.append(_refused(reading, returned, "question_id", message))
            continue
        rows.append(
            _row(question, reading, returned, workbook.contributor_id, contributions.get(returned.question_id, ()), on_record, asked)
        )
    return rows


def _row(
    question: Question,
    reading: WorkbookReading,
    returned: ReturnedAnswer,
    contributor_id: int,
    contributions: Sequence[ContributionRecord],
    on_record: Mapping[str, AnswerRecord],
    asked_elsewhere: Collection[str],
) -> ImportRow:
    own = next((record for record in contributions if record.contributor_id == contributor_id), None)
    recorded = on_record.get(returned.question_id)
    unread = [_("{cell}: {message}").format(cell=isolate(problem.cell), message=problem.message) for problem in returned.unread]
    draft = with_level_from_value(question, _draft(returned))
    evidence = returned.evidence
    kept = own is not None and any(getattr(draft, name) is None and getattr(own.answer, name) is not None for name in DATA_QUALITY_FIELDS)
    if not draft.status and not (draft.justification or returned.evidence):
        # The data quality alone makes no answer (the workbook is sent with the record's filled in), but it does change
        # the contributor's own answer: a corrected year is not lost.
        if own is None or not own.answer.status or not _data_quality_differs(draft, own.answer):
            changed = own is None and _data_quality_differs(draft, recorded.answer if recorded is not None else None)
            note = _("The quality of the data was changed, but the row has no level: it is not read.") if changed else ""
            return ImportRow(returned.question_id, returned.cell_row, EMPTY, None, returned.evidence, warning=_lines(*unread, note))
        stated = {name: getattr(draft, name) for name in DATA_QUALITY_FIELDS if getattr(draft, name) is not None}
        draft, evidence = dataclasses.replace(own.answer, **stated), own.evidence
    elif not draft.status:
        # Words without a level ("not our mandate: ask the ministry") are kept, as a "don't know" with them.
        draft = dataclasses.replace(draft, status="dont_know", level=None)
    if own is not None:
        # A cell emptied, or one that could not be read, changes nothing: the contributor's own value stays, as on record.
        draft = with_data_quality_kept(draft, own.answer)
    try:
        answer = clean_answer(question, draft)
    except InvalidInputError as refusal:
        field, message = next(iter(refusal.field_errors.items()))
        return _refused(reading, returned, _FIELD_COLUMNS.get(field, field), message)
    others = [record for record in contributions if record.contributor_id != contributor_id and record.answer.status]
    record_answer = recorded.answer if recorded is not None and recorded.answer.status else None
    if own is not None and own.answer == answer and own.evidence == evidence:
        outcome = SAME
    elif record_answer is not None and not same_answer(record_answer, answer):
        outcome = DISAGREES
    else:
        outcome = UPDATED if own is not None else NEW
    offer = outcome in (NEW, UPDATED) and record_answer is None and not others and returned.question_id not in asked_elsewhere
    changes = data_quality_changes(answer, recorded.answer if recorded is not None else None) if outcome != SAME else {}
    # Said only where the import itself may take the row on record; a later *Take this answer* shows its own.
    warning = _lines(_contradiction(question, answer), *unread, _changes_said(changes) if offer else "")
    return ImportRow(
        returned.question_id, returned.cell_row, outcome, answer, evidence, offer_on_record=offer, warning=warning,
        data_quality_changes=changes, kept_data_quality=kept,
    )


def _data_quality_differs(stated: AnswerDraft, before: AnswerDraft | None) -> bool:
    """Whether a data-quality cell states something else than `before` has (an empty cell states nothing)."""
    return any(
        getattr(stated, name) is not None and getattr(stated, name) != (getattr(before, name) if before else None) for name in DATA_QUALITY_FIELDS
    )


def _lines(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def _changes_said(changes: Mapping[str, tuple[object, object]]) -> str:
    """"Taken on record, it changes the data's quality: Year of the data 2019 → 2023", or "" when it changes nothing."""
    if not changes:
        return ""
    said = [
        _("{field}: {old} → {new}").format(
            field=_(FIELD_NAMES[field]),
            old=isolate(value_shown(field, None if old is None else str(old))),  # a year between arrows keeps its place in Arabic
            new=isolate(value_shown(field, str(new))),
        )
        for field, (old, new) in changes.items()
    ]
    return _("If taken on record, it changes the quality of the data: {changes}").format(changes=_("; ").join(said))


def _contradiction(question: Question, answer: AnswerDraft) -> str:
    """A level that the answer's own value does not give, worded for the preview ("" when they agree)."""
    if question.numeric is None or not answer.numeric_value or answer.status != "level" or answer.level is None:
        return ""
    given = question.numeric.level_for(float(answer.numeric_value))
    if given == answer.level:
        return ""
    return _("The value {value} gives level {given}, not the level {level} chosen: check which is right.").format(
        value=format_number(float(answer.numeric_value)), given=format_number(given), level=format_number(answer.level)
    )


def _refused(reading: WorkbookReading, returned: ReturnedAnswer, column: str, message: str) -> ImportRow:
    letters = layout_for(reading.format_version).letters  # the workbook's own columns: an older format's differ
    cell = f"{reading.questions_sheet}!{letters.get(column, letters['level'])}{returned.cell_row}"
    problem = _("{cell}: {message}").format(cell=isolate(cell), message=message)
    return ImportRow(returned.question_id, returned.cell_row, REFUSED, None, returned.evidence, problem)


def _draft(returned: ReturnedAnswer) -> AnswerDraft:
    return AnswerDraft(
        status=returned.status, level=returned.level, numeric_value=returned.numeric_value, justification=returned.justification,
        confidence=returned.confidence, answered_by=returned.answered_by, source_kind=returned.source_kind,
        data_year=returned.data_year, data_scale=returned.data_scale,
    )


def taken_on_record(rows: Sequence[ImportRow], chosen: Collection[str] | None) -> list[ImportRow]:
    """The rows whose answer becomes the answer on record: those offered, or of them only the `chosen` question ids."""
    return [row for row in rows if row.offer_on_record and (chosen is None or row.question_id in chosen)]


def history_value(answer: AnswerDraft | None) -> str | None:
    """A contribution as its history line keeps it: the level, or the status, or nothing (worded when shown)."""
    if answer is None or not answer.status:
        return None
    return str(answer.level) if answer.status == "level" and answer.level is not None else answer.status
