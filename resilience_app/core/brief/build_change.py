"""The section "Change since the baseline": the assessment against its previous round (`rounds.compare`).

Each goal's and dimension's level and coverage in both rounds and the change, said plainly where there is none
(not comparable) or where coverage fell; the wheel with one outline per round; the questions that moved most; the
register's new and gone shocks and stresses and its rank changes; the actions whose status changed. Content left
out as sensitive stays out: a withheld question is not listed among those that moved, nor a sensitive item of the
earlier register.
"""

from __future__ import annotations

import math

from resilience_app.core.brief.build_figures import DASH
from resilience_app.core.brief.data import BriefData, EarlierRound
from resilience_app.core.brief.model import Bar, BarChart, Block, Bullets, Heading, Paragraph, RadarChart, Table
from resilience_app.core.content.labels import goal_label
from resilience_app.core.content.model import Framework
from resilience_app.core.formatting import format_list, format_number, localise_digits
from resilience_app.core.i18n import N_, _, current_language, ngettext
from resilience_app.core.register.labels import ACTION_STATUS_NAMES, rating_text
from resilience_app.core.register.round_change import RegisterChange, compare_registers
from resilience_app.core.rounds.compare import CHANGE_BAND, GroupChange, QuestionMove
from resilience_app.core.rounds.labels import compared_on_text, figures_text, round_text, signed_change, verdict_text

MOVES_SHOWN = 5  # questions listed of those that moved each way, the largest moves first


def change(data: BriefData) -> list[Block]:
    """The PRA's section: every figure of the comparison."""
    earlier = data.earlier
    if earlier is None:
        return [_no_earlier_round()]
    comparison = earlier.comparison
    blocks: list[Block] = [Paragraph(_intro(data, earlier))]
    blocks.append(_wheel(data, earlier))
    goal_names = _goal_names(data.framework, earlier.framework)
    blocks += [Heading(_("By goal")), *_table(_("Goal"), comparison.goals, goal_names), _change_bars(comparison.goals, goal_names)]
    blocks += [Heading(_("By dimension")), *_table(_("Dimension"), comparison.dimensions, _dimension_names(data.framework, earlier.framework))]
    blocks += _moves(data, earlier)
    changed = _register_change(data, earlier)
    blocks += _register(data, earlier, changed)
    blocks += _actions(changed)
    return blocks


def brief_change(data: BriefData) -> list[Block]:
    """The workshop brief's section, shorter for a read before the day: the bars of change by goal (each with what it
    means), the dimensions, how many questions moved, the register and the actions; the PRA gives every figure."""
    earlier = data.earlier
    if earlier is None:
        return [_no_earlier_round()]
    comparison = earlier.comparison
    goal_names = _goal_names(data.framework, earlier.framework)
    blocks: list[Block] = [Paragraph(_intro(data, earlier)), _change_bars(comparison.goals, goal_names)]
    blocks += [Heading(_("By dimension")), *_table(_("Dimension"), comparison.dimensions, _dimension_names(data.framework, earlier.framework))]
    blocks += _moves(data, earlier, listed=False)
    changed = _register_change(data, earlier)
    blocks += _register(data, earlier, changed)
    blocks += _actions(changed)
    return blocks


def _no_earlier_round() -> Paragraph:
    return Paragraph(_("This assessment has no earlier round to compare with: it is the first round of its series or stands "
                       "alone. Start a follow-up from it to measure the city against itself over time."))


def _intro(data: BriefData, earlier: EarlierRound) -> str:
    text = _("Compared with an earlier round of this city's assessment ({earlier}); this assessment is the later round ({later}). Each round's level "
             "of a goal is the mean of its indicators' levels, each indicator's the mean of its answers given a level from 1 to 5. "
             "The change is like for like: only the questions answered with a level in both rounds count, their moves averaged "
             "the same way (per indicator first), and only where at least half of the goal's questions, and at least three, were. "
             "So the change can differ from the gap between the two rounds' levels, which rest on every answer of each round. A "
             "change that reads less than {band} either way, to one decimal, is called little or no change; a goal whose coverage "
             "fell by more than ten points is flagged rather than called improved or declined, and a change resting on answers "
             "of which more than a third had low confidence says so.").format(
        earlier=round_text(earlier.round), later=round_text(earlier.later),
        band=format_number(CHANGE_BAND, decimals=1))
    if earlier.framework.version != data.framework.version:
        comparison = earlier.comparison
        text += " " + _("The rounds use different versions of the framework ({earlier} and {later}): {removed} questions of the earlier "
                        "version and {added} of the later one are not compared.").format(
            earlier=localise_digits(earlier.framework.version), later=localise_digits(data.framework.version),
            removed=format_number(len(comparison.only_in_baseline)), added=format_number(len(comparison.only_in_follow_up)))
    if earlier.to_review:
        text += " " + ngettext("{count} answer carried over and still to review is left out.",
                               "{count} answers carried over and still to review are left out.", earlier.to_review).format(
            count=format_number(earlier.to_review))
    return text


def _goal_names(later: Framework, earlier: Framework) -> dict[str, str]:
    return {goal.id: goal_label(goal) for framework in (earlier, later) for goal in framework.goals()}


def _dimension_names(later: Framework, earlier: Framework) -> dict[str, str]:
    language = current_language()
    return {dimension.id: dimension.name.in_language(language) for framework in (earlier, later) for dimension in framework.dimensions}


def _table(name: str, groups: tuple[GroupChange, ...], names: dict[str, str]) -> list[Block]:
    rows = tuple((names.get(group.id, group.id), figures_text(group.baseline), figures_text(group.follow_up), compared_on_text(group),
                  signed_change(group.change) if group.change is not None else _(DASH), verdict_text(group)) for group in groups)
    flagged = tuple(index for index, group in enumerate(groups) if group.coverage_fell)
    table = Table(header=(name, _("Level, coverage and low confidence, earlier round"), _("Level, coverage and low confidence, this round"),
                          _("Questions compared"), _("Change"), _("What the change means")), rows=rows, emphasis=flagged, unbroken=(4,))
    if not flagged:
        return [table]
    return [table, Paragraph(_("Rows in bold: coverage fell by more than ten points, so the change is read as neither improvement nor decline."),
                             muted=True)]


def _change_bars(groups: tuple[GroupChange, ...], names: dict[str, str]) -> BarChart:
    """Each goal's change as a bar from a zero line (a fall drawn the other way), with what the change means beside it."""
    largest = max((abs(group.change) for group in groups if group.change is not None), default=0.0)
    extent = float(max(1, math.ceil(largest)))
    return BarChart(
        bars=tuple(Bar(names.get(group.id, group.id), group.change, verdict_text(group)) for group in groups),
        caption=_("Change of each goal since the earlier round: the mean move of its questions answered with a level in both rounds. "
                  "A goal without a bar could not be compared; what each change means is written beside its name."),
        maximum=extent, minimum=-extent,
    )


def _wheel(data: BriefData, earlier: EarlierRound) -> RadarChart:
    goals = list(data.framework.goals())
    before = {group.id: group.baseline.level if group.baseline else None for group in earlier.comparison.goals}
    return RadarChart(
        labels=tuple(format_number(goal.number) for goal in goals),
        values=tuple(data.profile.goals[goal.id].level for goal in goals),
        earlier=tuple(before.get(goal.id) for goal in goals),
        legend=(round_text(earlier.later), round_text(earlier.round)),
        caption=_("Level by goal in both rounds (1 to 5): the solid outline is this assessment, the dashed one the earlier round. "
                  "Numbers around the wheel are the goals in the table below."),
    )


def _moves(data: BriefData, earlier: EarlierRound, *, listed: bool = True) -> list[Block]:
    comparison = earlier.comparison
    hidden = set(data.withheld_questions)
    if not data.includes_sensitive:
        hidden |= {question_id for question_id, stored in earlier.answers.items() if stored.answer.sensitive}
    up = [move for move in comparison.moved_up if move.question_id not in hidden]
    down = [move for move in comparison.moved_down if move.question_id not in hidden]
    moved = len(comparison.moved_up) + len(comparison.moved_down)
    both = sum(group.levelled_in_both for group in comparison.goals)
    blocks: list[Block] = [Heading(_("Questions that moved"))]
    if not moved:
        return blocks + [Paragraph(_("No question answered with a level in both rounds changed its level."))]
    text = _("Of {both} questions answered with a level in both rounds, {up} moved up and {down} moved down; {same} kept their level.").format(
        both=format_number(both), up=format_number(len(comparison.moved_up)), down=format_number(len(comparison.moved_down)),
        same=format_number(both - moved))
    unlisted = moved - len(up) - len(down)
    if unlisted:
        text += " " + ngettext("{count} of them is not listed: it is marked sensitive.", "{count} of them are not listed: they are marked sensitive.",
                               unlisted).format(count=format_number(unlisted))
    if not listed:
        return blocks + [Paragraph(text)]
    largest = sorted(up, key=lambda move: move.baseline_level - move.follow_up_level)[:MOVES_SHOWN]
    largest += sorted(down, key=lambda move: move.follow_up_level - move.baseline_level)[:MOVES_SHOWN]
    text += " " + _("Listed below: up to {count} of the largest moves each way, in the framework's order where moves are equal.").format(
        count=format_number(MOVES_SHOWN))
    blocks.append(Paragraph(text))
    if largest:
        blocks.append(Table(header=(_("No."), _("Question"), _("Earlier level"), _("Level in this round")),
                            rows=tuple(_move_row(data.framework, move) for move in largest), unbroken=(0, 2, 3)))
    return blocks


def _move_row(framework: Framework, move: QuestionMove) -> tuple[str, str, str, str]:
    question = framework.question(move.question_id)
    prompt = question.prompt.in_language(current_language()) if question else move.question_id
    return (localise_digits(framework.placement(move.question_id).number), prompt, format_number(move.baseline_level),
            format_number(move.follow_up_level))


def _register_change(data: BriefData, earlier: EarlierRound) -> RegisterChange:
    """The register and actions compared (`register.round_change`); the earlier round's sensitive items left out as
    the later round's are."""
    earlier_items = [item for item in earlier.items if data.includes_sensitive or not item.item.sensitive]
    return compare_registers(
        earlier_items, list(data.items.values()), earlier_ranks=earlier.ranking.ranks, later_ranks=data.ranking.ranks,
        earlier_actions=earlier.actions, later_actions=data.actions,
    )


def _register(data: BriefData, earlier: EarlierRound, changed: RegisterChange) -> list[Block]:
    language = current_language()
    blocks: list[Block] = [Heading(_("The register of shocks and stresses"))]
    if not changed.has_register:
        return blocks + [Paragraph(_("Neither round has a register of shocks and stresses."))]
    blocks.append(Paragraph(_("Matched by catalogue entry or name: {new} new since the earlier round, {gone} no longer in the register, "
                              "{moved} ranked differently.").format(new=format_number(len(changed.new)), gone=format_number(len(changed.gone)),
                                                                     moved=format_number(len(changed.reranked)))
                            + " " + _rerated_note(changed)))
    if changed.new:
        blocks += [Paragraph(_("New since the earlier round:")), Bullets(tuple(data.item_name(item.id, language) for item in changed.new))]
    if changed.gone:
        blocks += [Paragraph(_("No longer in the register:")), Bullets(tuple(earlier.item_name(item.id, language) for item in changed.gone))]
    if changed.reranked:
        blocks.append(Table(header=(_("Shock or stress"), _("Earlier rank"), _("Rank in this round"), _("Earlier rating"), _("Rating in this round")),
                            rows=tuple((data.item_name(move.later.id, language), _rank(move.earlier_rank), _rank(move.later_rank),
                                        rating_text(move.earlier), rating_text(move.later)) for move in changed.reranked),
                            emphasis=tuple(index for index, move in enumerate(changed.reranked) if move.rerated), unbroken=(1, 2, 3, 4)))
    return blocks


def _rerated_note(changed: RegisterChange) -> str:
    """How many of the rank changes come from a new rating, the rest moving with the register around them."""
    rerated = sum(move.rerated for move in changed.reranked)
    if not changed.reranked:
        return ""
    return _("{rerated} of them were rated differently (in bold below); the others moved because items were added, removed or "
             "linked, or a rank was set by hand.").format(rerated=format_number(rerated))


def _rank(rank: int | None) -> str:
    return format_number(rank) if rank is not None else _("not ranked")


def _actions(changed: RegisterChange) -> list[Block]:
    blocks: list[Block] = [Heading(_("Actions whose status changed"))]
    if changed.status_changes:
        blocks.append(Table(
            header=(_("Action"), _("Earlier status"), _("Status in this round")),
            rows=tuple((change.later.action.title, _status(change.earlier.action.status), _status(change.later.action.status))
                       for change in changed.status_changes),
            unbroken=(1, 2),
        ))
    else:
        blocks.append(Paragraph(_("No action in both rounds' inventories (matched by title) changed its status.")))
    if changed.new_actions:
        blocks += [Paragraph(_("New in the inventory since the earlier round:")),
                   Bullets(tuple(action.action.title for action in changed.new_actions))]
    if changed.gone_actions:
        blocks += [Paragraph(_("No longer in the inventory:")), Bullets(tuple(action.action.title for action in changed.gone_actions))]
    return blocks


def _status(status: str) -> str:
    return _(ACTION_STATUS_NAMES.get(status, status))


def change_summary(data: BriefData) -> str | None:
    """"3 goals improved (goals 1, 4 and 6), 2 declined (goals 5 and 7), 5 changed little, 2 could not be compared":
    the goals' verdicts since the earlier round, for the documents' summaries; None without an earlier round."""
    if data.earlier is None:
        return None
    goals = data.earlier.comparison.goals
    numbers = {goal.id: goal.number for framework in (data.earlier.framework, data.framework) for goal in framework.goals()}

    def named(verdict: str) -> list[str]:
        return [_("{goal}, low confidence").format(goal=format_number(numbers[goal.id])) if goal.low_confidence else format_number(numbers[goal.id])
                for goal in goals if goal.verdict == verdict and goal.id in numbers]

    parts = []
    for verdict, phrase in (("improved", N_("{count} improved ({goals})")), ("declined", N_("{count} declined ({goals})")),
                            ("mixed", N_("{count} mixed ({goals})")), ("coverage_fell", N_("{count} with less coverage ({goals})"))):
        found = named(verdict)
        if found:
            parts.append(_(phrase).format(count=format_number(len(found)), goals=format_list(found)))
    for verdict, phrase in (("little_change", N_("{count} changed little")), ("not_comparable", N_("{count} could not be compared"))):
        if found := named(verdict):
            parts.append(_(phrase).format(count=format_number(len(found))))
    text = _("Of the {total} goals: {parts}.").format(total=format_number(len(goals)), parts=_("; ").join(parts))
    mixed = [dimension for dimension in data.earlier.comparison.dimensions if dimension.verdict == "mixed"]
    if mixed:
        text += " " + ngettext("{count} dimension is mixed: its goals moved in opposite directions.",
                               "{count} dimensions are mixed: their goals moved in opposite directions.", len(mixed)).format(
            count=format_number(len(mixed)))
    return text
