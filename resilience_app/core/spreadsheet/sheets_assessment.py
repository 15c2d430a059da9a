"""Sheets read from the questionnaire: the assessment, every answer, the evidence, and the profile by goal,
dimension and quality (as `core.scoring` computes it: never one score for the city)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from resilience_app import __version__
from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, SOURCE_KIND_NAMES, STATUS_VALUES
from resilience_app.core.brief.data import BriefData
from resilience_app.core.countries import country_name
from resilience_app.core.i18n import _, current_language
from resilience_app.core.scoring.profile import GroupSummary
from resilience_app.core.spreadsheet.cells import ids, label, lines, moment, text
from resilience_app.core.spreadsheet.labels import sensitive_note
from resilience_app.core.spreadsheet.model import CellValue, Column, Sheet

ID, NAME, LONG = 28, 40, 60  # the widest a column of ids, of names, of long texts is made, in characters


def about(data: BriefData) -> Sheet:
    """The assessment itself, one fact a row: a stable field id, its name, its value."""
    language = current_language()
    record, framework, overall = data.assessment, data.framework, data.profile.overall
    details = record.details
    facts: list[tuple[str, str, CellValue]] = [
        ("assessment_id", _("Assessment id"), record.id),
        ("city", _("City"), record.city_name(language)),
        ("city_name_en", _("City name in English"), text(details.city_name_en)),
        ("city_name_ar", _("City name in Arabic"), text(details.city_name_ar)),
        ("country", _("Country"), text(country_name(details.country, language))),
        ("population", _("Population"), details.population),
        ("assessment_date", _("Assessment date"), details.assessment_date),
        ("cro_name", _("Chief Resilience Officer"), text(details.cro_name)),
        ("context", _("Context"), text(details.notes)),
        ("framework_id", _("Framework id"), record.framework_id),
        ("framework", _("Framework"), framework.name.in_language(language)),
        ("framework_version", _("Framework version"), record.framework_version),
        ("questions", _("Questions"), overall.total),
        ("answered", _("Questions answered"), overall.answered),
        ("levelled", _("Questions with a level"), overall.levelled),
        ("profile", _("Profile"), _("Each goal, dimension and quality keeps its own level, with its coverage and confidence. "
                                    "The profile is never summed into one score for the city.")),
        ("sensitive_content", _("Content marked sensitive"), sensitive_note(data.withheld, included=data.includes_sensitive)),
        ("exported_on", _("Exported on"), data.prepared_on),
        ("app_version", _("Made with"), _("Resilience app {version}").format(version=__version__)),
    ]
    return Sheet(
        key="about",
        title=_("Assessment"),
        columns=(Column(_("Field id"), ID), Column(_("Field"), 28), Column(_("Value"), LONG)),
        rows=tuple(facts),
    )


def answer_value(stored: str | None) -> Decimal | str | None:
    """A numeric answer as a number (as typed, kept exact); a text that is no number stays text."""
    if not stored:
        return None
    try:
        number = Decimal(stored)
    except InvalidOperation:
        return stored
    return number if number.is_finite() else stored


def answers(data: BriefData) -> Sheet:
    """Every question of the framework, answered or not, with every field of its answer."""
    language = current_language()
    framework = data.framework
    rows = []
    for question in framework.questions():
        place = framework.placement(question.id)
        unit = question.numeric.unit.in_language(language) if question.numeric else None
        where: tuple[CellValue, ...] = (
            question.id, place.number, place.dimension.id, place.goal.id, place.goal.name.in_language(language), place.indicator.id,
            place.indicator.name.in_language(language), question.prompt.in_language(language), ids(question.qualities),
        )
        record = data.answers.get(question.id)
        if question.id in data.withheld_questions:
            rows.append((*where, _("Withheld"), None, None, None, unit, None, None, None, True, None, None, None, None, None, None, None, None))
            continue
        answer = record.answer if record else None
        if answer is None or record is None:
            rows.append((*where, None, None, None, None, unit, None, None, None, None, None, None, None, None, None, None, None, None))
            continue
        level = answer.level if answer.status == "level" else None
        evidence = data.evidence.get(question.id, ())
        rows.append((
            *where,
            label(STATUS_VALUES, answer.status),
            level,
            framework.levels[level].in_language(language) if level is not None and level in framework.levels else None,
            answer_value(answer.numeric_value),
            unit,
            label(CONFIDENCE_NAMES, answer.confidence),
            text(answer.justification),
            text(answer.answered_by),
            answer.sensitive,
            len(evidence),
            lines(entry.title for entry in evidence),
            lines(entry.reference for entry in evidence),
            moment(record.updated_at),
            record.carried_over,
            label(SOURCE_KIND_NAMES, answer.source_kind),
            answer.data_year,
            label(DATA_SCALE_NAMES, answer.data_scale),
        ))
    return Sheet(
        key="answers",
        title=_("Answers"),
        columns=(
            Column(_("Question id"), ID), Column(_("No."), 8), Column(_("Dimension id"), ID), Column(_("Goal id"), ID), Column(_("Goal"), NAME),
            Column(_("Indicator id"), ID), Column(_("Indicator"), NAME), Column(_("Question"), LONG), Column(_("Quality ids"), 24),
            Column(_("Answer"), 16), Column(_("Level"), 8), Column(_("Level name"), 16), Column(_("Value"), 10), Column(_("Unit"), 16),
            Column(_("Confidence"), 12), Column(_("Justification"), LONG), Column(_("Answered by"), 24), Column(_("Sensitive"), 10),
            Column(_("Evidence items"), 10), Column(_("Evidence"), NAME), Column(_("Evidence references"), NAME), Column(_("Last changed"), 18),
            Column(_("Carried over — to review"), 12), Column(_("Source of the data"), 18), Column(_("Year of the data"), 10),
            Column(_("Scale of the data"), 18),
        ),
        rows=tuple(rows),
    )


def evidence(data: BriefData) -> Sheet:
    """One row per piece of evidence, with the question it supports (none of a withheld answer's)."""
    framework = data.framework
    rows = []
    for question in framework.questions():
        for entry in data.evidence.get(question.id, ()):
            rows.append((
                entry.id, question.id, framework.placement(question.id).number, entry.title, text(entry.reference),
                text(entry.original_name), moment(entry.created_at),
            ))
    return Sheet(
        key="evidence",
        title=_("Evidence"),
        columns=(
            Column(_("Evidence id"), 10), Column(_("Question id"), ID), Column(_("No."), 8), Column(_("Title"), NAME),
            Column(_("Reference"), NAME), Column(_("Attached file"), 28), Column(_("Added"), 18),
        ),
        rows=tuple(rows),
    )


# -- the profile ---------------------------------------------------------------------------------


def _summary_columns() -> tuple[Column, ...]:
    return (
        Column(_("Average level (1–5)"), 12, "level"), Column(_("Lowest level"), 10), Column(_("Highest level"), 10),
        Column(_("Spread (std. dev.)"), 12, "level"), Column(_("Questions"), 10), Column(_("Answered"), 10),
        Column(_("With a level"), 10), Column(_("Not applicable"), 10), Column(_("Coverage"), 10, "share"),
        Column(_("Answers with low confidence"), 12), Column(_("Share with low confidence"), 12, "share"),
    )


def _summary(summary: GroupSummary) -> tuple[CellValue, ...]:
    return (
        summary.level, summary.lowest, summary.highest, summary.spread, summary.total, summary.answered, summary.levelled,
        summary.not_applicable, summary.coverage, summary.low_confidence, summary.low_confidence_share,
    )


def profile_by_goal(data: BriefData) -> Sheet:
    language = current_language()
    profile = data.profile
    ranks = {goal_id: rank for rank, goal_id in enumerate(profile.ranked_goals(), start=1)}
    rows = tuple(
        (goal.id, dimension.id, goal.number, goal.name.in_language(language), *_summary(profile.goals[goal.id]), ranks.get(goal.id))
        for dimension in data.framework.dimensions
        for goal in dimension.goals
    )
    return Sheet(
        key="profile_goals",
        title=_("Profile by goal"),
        columns=(Column(_("Goal id"), ID), Column(_("Dimension id"), ID), Column(_("No."), 6), Column(_("Goal"), NAME),
                 *_summary_columns(), Column(_("Rank by level"), 10)),
        rows=rows,
    )


def profile_by_dimension(data: BriefData) -> Sheet:
    language = current_language()
    rows = tuple(
        (dimension.id, dimension.name.in_language(language), *_summary(data.profile.dimensions[dimension.id]))
        for dimension in data.framework.dimensions
    )
    return Sheet(
        key="profile_dimensions",
        title=_("Profile by dimension"),
        columns=(Column(_("Dimension id"), ID), Column(_("Dimension"), NAME), *_summary_columns()),
        rows=rows,
    )


def profile_by_quality(data: BriefData) -> Sheet:
    language = current_language()
    rows = tuple(
        (quality.id, quality.name.in_language(language), *_summary(data.profile.qualities[quality.id])) for quality in data.framework.qualities
    )
    return Sheet(
        key="profile_qualities",
        title=_("Profile by quality"),
        columns=(Column(_("Quality id"), ID), Column(_("Quality"), NAME), *_summary_columns()),
        rows=rows,
    )
