"""The quantitative answers: each levelled answer's value with its unit beside its level, and the
section listing the questions answered with a figure (the PRA's quantitative profile)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from resilience_app.core.assessment.labels import STATUS_VALUES
from resilience_app.core.brief.data import BriefData
from resilience_app.core.brief.model import Block, Paragraph, Table
from resilience_app.core.content.model import Question
from resilience_app.core.formatting import format_number, localise_digits, with_unit
from resilience_app.core.i18n import _, current_language, ngettext
from resilience_app.core.rounds.labels import round_text
from resilience_app.core.scoring.quantitative import FigureAnswer, build_quantitative

DASH = "—"


def number_text(answer: FigureAnswer | None) -> str:
    """A quantitative answer's figure alone ("62.5"), in the document's digits; "" when there is none."""
    if answer is None or not answer.numeric_value:
        return ""
    try:
        return format_number(Decimal(answer.numeric_value))
    except InvalidOperation:
        return localise_digits(answer.numeric_value)


def value_text(question: Question, answer: FigureAnswer | None) -> str:
    """A quantitative answer's value with its unit agreeing with it ("62.5 %", «٨ أيام»), in the document's digits; "" when there is none."""
    number = number_text(answer)
    if question.numeric is None or not number or answer is None:
        return ""
    try:
        value = Decimal(answer.numeric_value or "")
    except InvalidOperation:  # not a number: shown as typed, with the unit as it stands alone
        return with_unit(number, question.numeric.unit.in_language(current_language()))
    return question.numeric.figure(value, number, current_language())


def level_text(question: Question, answer: FigureAnswer | None, *, with_value: bool = True) -> str:
    """An answer's level ("3", or "3 (62.5 %)" with the value of a quantitative answer), its status, or a dash."""
    if answer is None or not answer.status:
        return _(DASH)
    if answer.status != "level" or answer.level is None:
        return _(STATUS_VALUES.get(answer.status, answer.status))
    value = value_text(question, answer) if with_value else ""
    level = format_number(answer.level)
    return _("{level} ({value})").format(level=level, value=value) if value else level


def quantitative(data: BriefData) -> list[Block]:
    language = current_language()
    figures = build_quantitative(data.framework, {question_id: record.answer for question_id, record in data.answers.items()},
                                 withheld=data.withheld_questions)
    earlier = _earlier_answers(data)
    rows = []
    for figure in figures.rows:
        number = localise_digits(figure.number)
        prompt = figure.question.prompt.in_language(language)
        before = (number_text(earlier.get(figure.question.id)) or _(DASH),) if earlier is not None else ()
        if figure.withheld:
            rows.append((number, prompt, *before, _("Withheld"), _(DASH)))
            continue
        rows.append((number, prompt, *before, value_text(figure.question, figure.answer) or _(DASH),
                     level_text(figure.question, figure.answer, with_value=False)))
    answered, withheld = figures.answered, figures.withheld
    if not rows:
        return [Paragraph(_("No question of this framework is answered with a figure."))]
    count = _("{answered} of {total} have a value printed here.").format(answered=format_number(answered), total=format_number(len(rows)))
    if withheld:
        count += " " + ngettext("{count} more is withheld as sensitive.", "{count} more are withheld as sensitive.", withheld).format(
            count=format_number(withheld))
    if earlier is not None:
        count += " " + _("Before each value, the figure the earlier round recorded ({round}), in the same unit, so a figure's own change "
                         "is read directly.").format(
            round=round_text(data.earlier.round if data.earlier else None))
    header = (_("No."), _("Question"), *((_("Earlier value"),) if earlier is not None else ()), _("Value"), _("Level"))
    return [
        Paragraph(_("The questions answered with a figure: the value the city reported, with its unit, and the level it reaches on "
                    "the question's scale.") + " " + count),
        Table(header=header, rows=tuple(rows), unbroken=(0, 2) if earlier is not None else (0,)),  # the number, the earlier figure
    ]


def _earlier_answers(data: BriefData) -> dict[str, FigureAnswer] | None:
    """The earlier round's answers to print beside this round's figures (none marked sensitive unless included);
    None without an earlier round."""
    if data.earlier is None:
        return None
    return {question_id: record.answer for question_id, record in data.earlier.answers.items()
            if data.includes_sensitive or not record.answer.sensitive}
