"""The comparison with the assessment's previous round (`rounds.compare`, read in `brief.data.collect`): change by
goal, by dimension, and the questions that moved. An assessment with no earlier round has these sheets with their
headers only, so a workbook's sheets are the same whatever it holds (Power BI's queries keep working)."""

from __future__ import annotations

from resilience_app.core.assessment.labels import data_quality_text
from resilience_app.core.assessment.records import AnswerRecord
from resilience_app.core.brief.data import BriefData
from resilience_app.core.content.model import Framework
from resilience_app.core.i18n import _, current_language
from resilience_app.core.rounds.compare import GroupChange
from resilience_app.core.rounds.labels import reason_name, verdict_name
from resilience_app.core.spreadsheet.cells import text
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet
from resilience_app.core.spreadsheet.sheets_assessment import ID, LONG, NAME


def _change_columns() -> tuple[Column, ...]:
    return (
        Column(_("Earlier level"), 10, "level"), Column(_("Level in this round"), 10, "level"), Column(_("Change"), 10, "level"),
        Column(_("Questions compared"), 10), Column(_("Moved up"), 10), Column(_("Moved down"), 10),
        Column(_("Earlier coverage"), 10, "share"), Column(_("Coverage in this round"), 10, "share"), Column(_("Coverage fell"), 10),
        Column(_("Low confidence, earlier round"), 10, "share"), Column(_("Low confidence, this round"), 10, "share"),
        Column(_("Low-confidence change"), 10), Column(_("What the change means"), 24), Column(_("Why not comparable"), NAME),
    )


def _change_cells(group: GroupChange) -> tuple[CellValue, ...]:
    before, after = group.baseline, group.follow_up
    return (
        before.level if before else None, after.level if after else None, group.change,
        group.levelled_in_both, group.up, group.down,
        before.coverage if before else None, after.coverage if after else None, group.coverage_fell,
        before.low_confidence_share if before else None, after.low_confidence_share if after else None, group.low_confidence,
        verdict_name(group.verdict), reason_name(group.reason) or None,
    )


def _names(data: BriefData) -> dict[str, tuple[int, str]]:
    """Each goal's and dimension's number (0 for a dimension) and name, the earlier framework's where only it has one."""
    language = current_language()
    frameworks: list[Framework] = [data.earlier.framework] if data.earlier else []
    names: dict[str, tuple[int, str]] = {}
    for framework in (*frameworks, data.framework):
        names.update({dimension.id: (0, dimension.name.in_language(language)) for dimension in framework.dimensions})
        names.update({goal.id: (goal.number, goal.name.in_language(language)) for goal in framework.goals()})
    return names


def change_by_goal(data: BriefData) -> Sheet:
    goals = data.earlier.comparison.goals if data.earlier else ()
    names = _names(data)
    return Sheet(
        key="change_goals",
        title=_("Change by goal"),
        columns=(Column(_("Goal id"), ID), Column(_("No."), 6), Column(_("Goal"), NAME), *_change_columns()),
        rows=tuple((group.id, names.get(group.id, (None, group.id))[0], names.get(group.id, (None, group.id))[1], *_change_cells(group))
                   for group in goals),
    )


def change_by_dimension(data: BriefData) -> Sheet:
    dimensions = data.earlier.comparison.dimensions if data.earlier else ()
    names = _names(data)
    return Sheet(
        key="change_dimensions",
        title=_("Change by dimension"),
        columns=(Column(_("Dimension id"), ID), Column(_("Dimension"), NAME), *_change_columns()),
        rows=tuple((group.id, names.get(group.id, (0, group.id))[1], *_change_cells(group)) for group in dimensions),
    )


def questions_moved(data: BriefData) -> Sheet:
    """Every question whose level changed between the rounds (none withheld as sensitive), up first, in the framework's order."""
    rows: list[tuple[CellValue, ...]] = []
    earlier = data.earlier
    if earlier is not None:
        language = current_language()
        hidden = set(data.withheld_questions)
        if not data.includes_sensitive:
            hidden |= {question_id for question_id, stored in earlier.answers.items() if stored.answer.sensitive}
        for move in (*earlier.comparison.moved_up, *earlier.comparison.moved_down):
            question = data.framework.question(move.question_id)
            if question is None or move.question_id in hidden:
                continue
            before, after = earlier.answers.get(move.question_id), data.answers.get(move.question_id)
            rows.append((move.question_id, data.framework.placement(move.question_id).number, question.prompt.in_language(language),
                         move.baseline_level, move.follow_up_level, move.follow_up_level - move.baseline_level,
                         text(before.answer.justification) if before else None, text(after.answer.justification) if after else None,
                         _data(before), _data(after)))
    return Sheet(
        key="questions_moved",
        title=_("Questions that moved"),
        columns=(Column(_("Question id"), ID), Column(_("No."), 8), Column(_("Question"), 60), Column(_("Earlier level"), 10),
                 Column(_("Later level"), 10), Column(_("Change"), 10), Column(_("Earlier justification"), LONG),
                 Column(_("Justification in this round"), LONG), Column(_("Earlier data"), NAME), Column(_("Data in this round"), NAME)),
        rows=tuple(rows),
    )


def _data(record: AnswerRecord | None) -> str | None:
    """What an answer says of its data ("Measured data · 2025 · City level"), or an empty cell."""
    return (data_quality_text(record.answer) or None) if record is not None else None
