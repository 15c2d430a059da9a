"""Sections read from the questionnaire: the city, the profile, strengths and weaknesses,
the qualities, evidence gaps and the appendix of answers."""

from __future__ import annotations

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, mean_level_text
from resilience_app.core.brief.build_figures import DASH as DASH  # the dash of an empty cell, for the other section modules
from resilience_app.core.brief.build_figures import level_text
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Bar, BarChart, Block, Bullets, Facts, Heading, Paragraph, RadarChart, Table
from resilience_app.core.content.labels import goal_label
from resilience_app.core.content.model import Goal, Question
from resilience_app.core.countries import country_name
from resilience_app.core.formatting import format_date, format_number, format_percent, localise_digits
from resilience_app.core.i18n import _, current_language, isolate, ngettext
from resilience_app.core.scoring.profile import GroupSummary

KEY_JUSTIFICATIONS_PER_GOAL = 2
JUSTIFICATION_LIMIT = 320  # characters quoted from a justification in the body
CELL_LIMIT = 1500  # characters of a user's text in a table cell; longer texts are cut (the assessment keeps them whole)


def _withheld_items(data: BriefData) -> str:
    """", and 1 left out as sensitive" when the document leaves register items out, else nothing."""
    if data.includes_sensitive or not data.withheld.items:
        return ""
    return ngettext(", and {count} more left out as sensitive", ", and {count} more left out as sensitive", data.withheld.items).format(
        count=format_number(data.withheld.items))


def answered_summary(overall: GroupSummary) -> str:
    """How many questions are answered, and how: with a level (what coverage counts), don't know, not applicable."""
    unknown = overall.answered - overall.levelled - overall.not_applicable
    return _("{answered} of {total} ({share}): {levelled} with a level, {unknown} don't know, {not_applicable} not applicable").format(
        answered=format_number(overall.answered), total=format_number(overall.total), share=format_percent(overall.progress),
        levelled=format_number(overall.levelled), unknown=format_number(unknown), not_applicable=format_number(overall.not_applicable))


def shortened(text: str, limit: int = CELL_LIMIT) -> str:
    """`text` cut at a word before `limit` characters, saying so when it is."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return _("{text}… (shortened: the full text is in the assessment)").format(text=text[:limit].rsplit(" ", 1)[0])


def _percent(value: float | None) -> str:
    return format_percent(value) if value is not None else _(DASH)


def summary_note(summary: GroupSummary) -> str:
    """'level 3.2 | coverage 80% | low confidence 10%' for a goal, dimension or quality."""
    return _("level {level} | coverage {coverage} | low confidence {low}").format(
        level=mean_level_text(summary.level), coverage=_percent(summary.coverage), low=_percent(summary.low_confidence_share)
    )


def city_profile(data: BriefData) -> list[Block]:
    details = data.assessment.details
    overall = data.profile.overall
    shocks = sum(item.item.kind == "shock" for item in data.items.values())
    stresses = len(data.items) - shocks
    pairs = [
        (_("City"), data.assessment.city_name(current_language())),
        (_("Country"), country_name(details.country) or _(DASH)),
        (_("Population"), format_number(details.population) if details.population else _(DASH)),
        (_("Assessment date"), format_date(details.assessment_date) if details.assessment_date else _(DASH)),
        (_("Chief Resilience Officer"), details.cro_name or _(DASH)),
        (_("Questions answered"), answered_summary(overall)),
        (_("Shocks and stresses in the register"), _("{shocks} shocks, {stresses} stresses").format(
            shocks=format_number(shocks), stresses=format_number(stresses)) + _withheld_items(data)),
        (_("Actions in the inventory"), format_number(len(data.actions))),
    ]
    blocks: list[Block] = [Facts(tuple(pairs))]
    if details.notes.strip():
        blocks += [Heading(_("Context")), Paragraph(details.notes.strip())]
    return blocks


def resilience_profile(data: BriefData) -> list[Block]:
    language = current_language()
    framework, profile = data.framework, data.profile
    goals = list(framework.goals())
    radar = RadarChart(
        labels=tuple(format_number(goal.number) for goal in goals),
        values=tuple(profile.goals[goal.id].level for goal in goals),
        caption=_("Level by goal (1 to 5). Numbers around the wheel are the goals listed in the table below."),
    )
    bars = BarChart(
        bars=tuple(
            Bar(dimension.name.in_language(language), profile.dimensions[dimension.id].level, summary_note(profile.dimensions[dimension.id]))
            for dimension in framework.dimensions
        ),
        caption=_("Level by dimension, with the share of questions answered with a level and the share of those given with low confidence."),
    )
    table = Table(
        header=(_("Goal"), _("Level"), _("Coverage"), _("Low-confidence answers")),
        rows=tuple(
            (goal_label(goal), mean_level_text(profile.goals[goal.id].level), _percent(profile.goals[goal.id].coverage),
             _percent(profile.goals[goal.id].low_confidence_share))
            for goal in goals
        ),
    )
    intro = _("The profile shows each goal and dimension on its own. It is not summed into one score for the city.")
    if profile.overall.levelled == 0:
        return [Paragraph(intro), Paragraph(_("No question has a level yet, so there is no profile to show."))]
    return [Paragraph(intro), radar, table, bars]


def _key_answers(data: BriefData, goal: Goal, strongest: bool) -> list[str]:
    """The goal's highest (or lowest) answers in the questions' own words, with their level, value and justification."""
    language = current_language()
    answered = [
        (record.answer.level, question)
        for indicator in goal.indicators
        for question in indicator.questions
        if (record := data.answers.get(question.id)) is not None and record.answer.level is not None and question.id not in data.withheld_questions
    ]
    def weight(pair: tuple[int | None, Question]) -> tuple[int, bool, bool]:
        """Most telling first: the highest (or lowest) level; among equals an answer held with confidence, then a justified one."""
        answer = data.answers[pair[1].id].answer
        return (-(pair[0] or 0) if strongest else (pair[0] or 0), answer.confidence == "low", not answer.justification.strip())

    answered.sort(key=weight)
    lines = []
    for _level, question in answered[:KEY_JUSTIFICATIONS_PER_GOAL]:
        answer = data.answers[question.id].answer
        number = localise_digits(data.framework.placement(question.id).number)
        prompt, level = isolate(question.prompt.in_language(language)), level_text(question, answer)
        if answer.confidence == "low":
            level = _("{level}, low confidence").format(level=level)
        text = shortened(answer.justification, JUSTIFICATION_LIMIT)
        if text:
            lines.append(_("{number} {question} — level {level}: {text}").format(number=number, question=prompt, level=level, text=isolate(text)))
        else:
            lines.append(_("{number} {question} — level {level}").format(number=number, question=prompt, level=level))
    return lines


def strengths_weaknesses(data: BriefData) -> list[Block]:
    profile = data.profile
    blocks: list[Block] = []
    for title, goal_ids, strongest in (
        (_("Strongest goals"), profile.strongest_goals(), True),
        (_("Weakest goals"), profile.weakest_goals(), False),
    ):
        blocks.append(Heading(title))
        if not goal_ids:
            blocks.append(Paragraph(_("Too few goals have a level to compare them yet.")))
        for goal_id in goal_ids:
            goal = data.framework.goal(goal_id)
            if goal is None:
                continue
            blocks.append(Paragraph(_("{goal}: {note}").format(goal=goal_label(goal), note=summary_note(profile.goals[goal_id]))))
            reasons = _key_answers(data, goal, strongest)
            blocks.append(Bullets(tuple(reasons)) if reasons else Paragraph(_("No question of this goal has a level yet."), muted=True))
    return blocks


def qualities(data: BriefData) -> list[Block]:
    language = current_language()
    profile = data.profile
    return [
        Paragraph(_("Each question is tagged with the qualities it tests. A quality's level is the mean of those questions' levels.")),
        BarChart(
            bars=tuple(
                Bar(quality.name.in_language(language), profile.qualities[quality.id].level, summary_note(profile.qualities[quality.id]))
                for quality in data.framework.qualities
            ),
            caption=_("Level by quality of resilient systems."),
        ),
    ]


def evidence_gaps(data: BriefData) -> list[Block]:
    framework, profile = data.framework, data.profile
    language = current_language()
    thin = [goal for goal in framework.goals() if (profile.goals[goal.id].coverage or 0) < 0.5]
    rows = []
    flagged = dict.fromkeys(profile.low_confidence_questions, _("Low confidence"))
    for question_id in profile.unevidenced_questions:
        flagged[question_id] = _("Low confidence, no evidence") if question_id in flagged else _("No evidence attached")
    for question_id, record in data.answers.items():
        if record.answer.status == "dont_know" and question_id not in data.withheld_questions:
            flagged[question_id] = _("Don't know")
    for question_id in profile.to_review_questions:
        if question_id not in data.withheld_questions:
            flagged[question_id] = _("Carried over, still to review")
    order = {question.id: position for position, question in enumerate(
        question for goal in framework.goals() for indicator in goal.indicators for question in indicator.questions)}
    for question_id, problem in sorted(flagged.items(), key=lambda pair: order.get(pair[0], len(order))):  # the framework's order
        question = framework.question(question_id)
        if question is not None:
            rows.append((localise_digits(framework.placement(question_id).number), question.prompt.in_language(language), problem))
    blocks: list[Block] = [Heading(_("Goals with a level for less than half their questions"))]
    blocks.append(Bullets(tuple(goal_label(goal) for goal in thin)) if thin else Paragraph(_("Every goal has a level for at least half its questions.")))
    blocks.append(Heading(_("Answers to check")))
    if rows:
        blocks.append(Paragraph(ngettext("{count} answer has low confidence, no evidence, no level (don't know) or is still to review.",
                                         "{count} answers have low confidence, no evidence, no level (don't know) or are still to review.",
                                         len(rows)).format(count=format_number(len(rows)))))
        blocks.append(Table(header=(_("No."), _("Question"), _("Issue")), rows=tuple(rows)))
    else:
        blocks.append(Paragraph(_("Every answer has a level, evidence and at least medium confidence.")))
    return blocks + _data_quality(data)


def _share(value: float | None) -> str:
    return format_percent(value) if value is not None else _(DASH)


def _data_quality(data: BriefData) -> list[Block]:
    """The quality of the data under the levels, per goal: measured data, national figures, data older than five years,
    each as a count of the answers that state it (`scoring.data_quality`)."""
    quality = data.data_quality
    blocks: list[Block] = [Heading(_("The quality of the data"))]
    if quality is None or not quality.overall.levelled:
        return blocks + [Paragraph(_("No answer has a level yet."))]
    overall = quality.overall
    if not (overall.source_stated or overall.scale_stated or overall.year_stated):
        return blocks + [Paragraph(_("No answer says yet what kind of source it rests on, the year its data describe or their scale. "
                                     "Saying so on each answer shows how far the profile rests on measured, local and recent data."))]
    blocks.append(Paragraph(_("Of {levelled} answers with a level, {source} say what kind of source they rest on, {scale} the scale of their "
                              "data and {year} the year the data describe. Each share below is of the answers with a level, as on the "
                              "Profile screen: an answer that does not say its source, scale or year counts in none of them.").format(
        levelled=format_number(overall.levelled), source=format_number(overall.source_stated), scale=format_number(overall.scale_stated),
        year=format_number(overall.year_stated))))
    rows = [
        (goal_label(goal), format_number(summary.levelled), _share(summary.measured_share), _share(summary.national_share), _share(summary.older_share))
        for goal in data.framework.goals() if (summary := quality.goals[goal.id]).levelled
    ]
    rows.append((_("All goals"), format_number(overall.levelled), _share(overall.measured_share), _share(overall.national_share),
                 _share(overall.older_share)))
    blocks.append(Table(header=(_("Goal"), _("Answers with a level"), _("Measured data"), _("National figures"), _("Data older than five years")),
                        rows=tuple(rows), emphasis=(len(rows) - 1,), unbroken=(1, 2, 3, 4)))
    return blocks


def appendix(data: BriefData) -> list[Block]:
    language = current_language()
    framework = data.framework
    blocks: list[Block] = [Paragraph(_("Every question of the framework with its answer. Unanswered questions are marked with a dash."), muted=True)]
    for goal in framework.goals():
        rows = []
        for indicator in goal.indicators:
            for question in indicator.questions:
                record = data.answers.get(question.id)
                answer = record.answer if record else None
                if question.id in data.withheld_questions:
                    withheld = _("Withheld")
                    rows.append((localise_digits(framework.placement(question.id).number), question.prompt.in_language(language), withheld, _(DASH), _(DASH), _(DASH)))
                    continue
                level = level_text(question, answer)
                confidence = _(CONFIDENCE_NAMES[answer.confidence]) if answer and answer.confidence in CONFIDENCE_NAMES else _(DASH)
                evidence = "\n".join(item.title for item in data.evidence.get(question.id, ())) or _(DASH)
                justification = shortened(answer.justification if answer else "") or _(DASH)
                rows.append((localise_digits(framework.placement(question.id).number), question.prompt.in_language(language), level, confidence, justification, evidence))
        blocks.append(Heading(goal_label(goal)))
        blocks.append(Table(
            header=(_("No."), _("Question"), _("Level"), _("Confidence"), _("Justification"), _("Evidence")),
            rows=tuple(rows),
        ))
    return blocks
