"""The brief's fixed sections: purpose, primer, agenda and next steps (prose from `prose.py`)."""

from __future__ import annotations

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.brief import prose
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Bullets, Heading, Paragraph, Table
from resilience_app.core.content.labels import goal_in_sentence
from resilience_app.core.formatting import format_list, format_number, format_percent, localise_digits
from resilience_app.core.i18n import _, current_language, ngettext


def _paragraphs(texts: tuple[str, ...]) -> list[Block]:
    return [Paragraph(_(text)) for text in texts]


def purpose(data: BriefData) -> list[Block]:
    return [
        *_paragraphs(prose.PURPOSE),
        Heading(_("Decisions the workshop should produce")),
        Bullets(tuple(_(text) for text in prose.DECISIONS)),
    ]


def primer(data: BriefData) -> list[Block]:
    language = current_language()
    framework = data.framework
    dimensions = Table(
        header=(_("Dimension"), _("Goals")),
        rows=tuple(
            (
                dimension.name.in_language(language),
                "\n".join(_("{number}. {name}").format(number=format_number(goal.number), name=goal.name.in_language(language)) for goal in dimension.goals),
            )
            for dimension in framework.dimensions
        ),
    )
    qualities = Table(
        header=(_("Quality"), _("What it means")),
        rows=tuple((quality.name.in_language(language), quality.description.in_language(language)) for quality in framework.qualities),
    )
    levels = Bullets(
        tuple(
            _("{number} · {name}").format(number=format_number(level), name=name.in_language(language))
            for level, name in sorted(framework.levels.items())
        )
    )
    return [
        Heading(_("Shocks and stresses")),
        *_paragraphs(prose.PRIMER_SHOCKS_STRESSES),
        Heading(_("The framework: four dimensions, twelve goals")),
        *_paragraphs(prose.PRIMER_FRAMEWORK),
        dimensions,
        Heading(_("The seven qualities")),
        *_paragraphs(prose.PRIMER_QUALITIES),
        qualities,
        Heading(_("Levels, coverage and confidence")),
        *_paragraphs(prose.PRIMER_READING),
        Paragraph(_("The five levels used in the questionnaire:")),
        levels,
    ]


def _clock(minutes: int) -> str:
    """A time of day ("09:30"), minutes after midnight, in the document's digits."""
    return localise_digits(f"{minutes // 60:02d}:{minutes % 60:02d}")


def _timetable() -> tuple[tuple[str, str, str], ...]:
    """The proposed day, session by session with the breaks between, each with its start and end."""
    hours, minutes = prose.DAY_STARTS
    start, rows = hours * 60 + minutes, []
    for index, item in enumerate(prose.AGENDA):
        rows.append((_("{start}–{end}").format(start=_clock(start), end=_clock(start + item.minutes)), _(item.title), _(item.purpose)))
        start += item.minutes
        if index in prose.BREAKS:
            length, name = prose.BREAKS[index]
            rows.append((_("{start}–{end}").format(start=_clock(start), end=_clock(start + length)), _(name), ""))
            start += length
    return tuple(rows)


DOUBTFUL_STRENGTH = 0.25  # a strong goal with at least this share of its answers held with low confidence is questioned


def _questions_raised(data: BriefData) -> list[str]:
    """Questions for the day drawn from this assessment's own results: its weakest goal, a strength resting on doubtful
    answers, the answers still unknown, the first priority and the items not rated yet."""
    profile, questions = data.profile, []
    ranked = profile.weakest_goals()
    lowest = profile.goals[ranked[0]].level if ranked else None
    weakest = [goal for goal_id in ranked if profile.goals[goal_id].level == lowest and (goal := data.framework.goal(goal_id)) is not None]
    if weakest:
        questions.append(ngettext(
            "The weakest goal is {goals}, at level {level}: does the room see it so, and what holds it back most?",
            "The weakest goals are {goals}, each at level {level}: does the room see them so, and what holds them back most?",
            len(weakest)).format(goals=format_list([goal_in_sentence(goal) for goal in weakest]), level=mean_level_text(lowest)))
    for goal_id in profile.strongest_goals():
        share, goal = profile.goals[goal_id].low_confidence_share, data.framework.goal(goal_id)
        if goal is not None and share is not None and share >= DOUBTFUL_STRENGTH:
            questions.append(_("A strong goal, {goal}, rests on answers of which {share} are held with low confidence: is the strength real?").format(
                goal=goal_in_sentence(goal), share=format_percent(share)))
    unknown_ids = [question_id for question_id, record in data.answers.items() if record.answer.status == "dont_know"]
    if unknown_ids:
        numbers = format_list([localise_digits(data.framework.placement(question_id).number) for question_id in unknown_ids
                               if data.framework.question(question_id) is not None])
        questions.append(ngettext("Question {numbers} is still answered “don't know”: who in the room holds the answer?",
                                  "Questions {numbers} are still answered “don't know”: who in the room holds the answers?",
                                  len(unknown_ids)).format(numbers=numbers))
    if data.ranking.ranked:
        first = data.item_name(int(data.ranking.ranked[0].item.item_id), current_language())
        questions.append(_("Is “{item}” rightly the first priority, and which neighbourhoods and groups does it hit hardest?").format(item=first))
    if data.ranking.unrated:
        questions.append(ngettext("{count} shock or stress of the register is not rated yet: can the room rate it?",
                                  "{count} shocks and stresses of the register are not rated yet: can the room rate them?",
                                  len(data.ranking.unrated)).format(count=format_number(len(data.ranking.unrated))))
    return questions


def agenda(data: BriefData) -> list[Block]:
    blocks: list[Block] = [
        Table(header=(_("Time"), _("Session"), _("Purpose")), rows=_timetable(), unbroken=(0,)),
        Paragraph(_(prose.AGENDA_NOTE).format(start=_clock(prose.DAY_STARTS[0] * 60 + prose.DAY_STARTS[1])), muted=True),
    ]
    raised = _questions_raised(data)
    if raised:
        blocks += [Heading(_("Questions this assessment raises")), Bullets(tuple(raised))]
    blocks.append(Heading(_("Questions for the room")))
    for item in prose.AGENDA:
        blocks.append(Paragraph(_(item.title)))
        blocks.append(Bullets(tuple(_(question) for question in item.questions)))
    return blocks


def next_steps(data: BriefData) -> list[Block]:
    return [Bullets(tuple(_(text) for text in prose.NEXT_STEPS))]
