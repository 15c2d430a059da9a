"""The section read from the workshops: who was in the room, the goals dot vote, the room's
ranking of shocks and stresses, and the room's view beside the questionnaire's.

Every number shown is computed by `core.workshop` (see the rules in `workshop/results.py` and
`workshop/representation.py`); this module only words and lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from resilience_app.core.brief.build_profile import DASH
from resilience_app.core.brief.data import BriefData, DotVoteResults, RankingResults, WorkshopResults
from resilience_app.core.brief.model import Bar, BarChart, Block, Bullets, Facts, Heading, Paragraph, Table
from resilience_app.core.content.labels import goal_in_sentence, goal_label
from resilience_app.core.formatting import format_date, format_list, format_number, format_percent
from resilience_app.core.i18n import _, current_language, isolate, ngettext_in
from resilience_app.core.register.labels import name_list
from resilience_app.core.workshop.labels import EXERCISE_KIND_NAMES, VERDICT_NAMES, sector_name
from resilience_app.core.workshop.representation import BalancePresence, SectorPresence, presence_text
from resilience_app.core.workshop.results import PERCEPTION_TOP, GoalPerception, GoalTally

WEAK_VERDICTS = ("both", "assessment_only")


def _dots(count: int) -> str:
    return ngettext_in(current_language(), "{count} dot", "{count} dots", count).format(count=format_number(count))


def _groups(count: int) -> str:
    return ngettext_in(current_language(), "{count} group", "{count} groups", count).format(count=format_number(count))


def workshop(data: BriefData) -> list[Block]:
    if not data.workshops:
        return [Paragraph(_("No workshop has been recorded for this assessment yet."), muted=True)]
    blocks: list[Block] = []
    several = len(data.workshops) > 1
    for results in data.workshops:
        if several:
            blocks.append(Heading(results.snapshot.record.workshop.title))
        blocks += _about(results)
        blocks += _representation(data, results)
        for exercise in results.exercises:
            if isinstance(exercise, DotVoteResults):
                blocks += _dot_vote(data, results, exercise)
            else:
                blocks += _ranking(data, exercise)
    return blocks


def _about(results: WorkshopResults) -> list[Block]:
    snapshot = results.snapshot
    draft = snapshot.record.workshop
    pairs = [
        (_("Date"), format_date(draft.held_on) if draft.held_on else _(DASH)),
        (_("Venue"), draft.venue or _(DASH)),
        (_("Participants"), format_number(len(snapshot.participants))),
        (_("Groups"), format_number(len(snapshot.groups))),
        (_("Sessions"), "\n".join(entry.title for entry in snapshot.sessions) or _(DASH)),
    ]
    blocks: list[Block] = [Facts(tuple(pairs))]
    if draft.notes.strip():
        blocks.append(Paragraph(draft.notes.strip()))
    return blocks


# -- who was in the room ---------------------------------------------------------------------


def _sector(data: BriefData, entry: SectorPresence) -> str:
    name = sector_name(entry.sector, dict(data.sectors), current_language())
    return name if entry.gap is not None else _("{name} (added for this workshop)").format(name=isolate(name))


def _balance(balance: BalancePresence) -> str:
    language = current_language()
    name = balance.check.name.in_language(language)
    if balance.status == "unknown" or balance.share is None:
        return _("{name}: no participant gave this detail.").format(name=name)
    counted = ngettext_in(
        language, "{count} of the {known} participant who gave this detail", "{count} of the {known} participants who gave this detail", balance.known,
    ).format(count=format_number(balance.count), known=format_number(balance.known))
    if balance.status == "present":
        return _("{name}: {counted} ({share}).").format(name=name, counted=counted, share=format_percent(balance.share))
    return _("{name}: {counted} ({share}), below the {minimum} the balance asks for. {gap}").format(
        name=name, counted=counted, share=format_percent(balance.share), minimum=format_percent(balance.check.minimum_share / 100),
        gap=balance.check.gap.in_language(language),
    )


def _representation(data: BriefData, results: WorkshopResults) -> list[Block]:
    language = current_language()
    representation = results.representation
    blocks: list[Block] = [Heading(_("Who was in the room"))]
    if not representation.total:
        return [*blocks, Paragraph(_("No participant has been recorded for this workshop yet."))]
    blocks.append(Paragraph(_("Each sector's participants against the minimum share the list of stakeholders sets; "
                              "sectors in bold are missing or thin."), muted=True))
    blocks.append(Table(
        header=(_("Sector"), _("Participants"), _("Share"), _("Status")),
        rows=tuple(
            (_sector(data, entry), format_number(entry.count), format_percent(entry.share), presence_text(entry))
            for entry in representation.sectors
        ),
        emphasis=tuple(index for index, entry in enumerate(representation.sectors) if entry.status in ("missing", "thin")),
    ))
    gaps = representation.gaps
    if gaps:
        blocks.append(Paragraph(_("What goes unseen without them:")))
        blocks.append(Bullets(tuple(
            _("{sector}: {gap}").format(sector=_sector(data, entry), gap=entry.gap.gap.in_language(language))
            for entry in gaps if entry.gap is not None
        )))
    else:
        blocks.append(Paragraph(_("Every sector on the list was present at its minimum share or above.")))
    blocks += [Paragraph(_balance(balance)) for balance in representation.balances]
    return blocks


# -- the goals dot vote ----------------------------------------------------------------------


def _exercise_heading(kind: str, title: str) -> Heading:
    return Heading(_("{kind}: {title}").format(kind=_(EXERCISE_KIND_NAMES[kind]), title=isolate(title)))


def _goal(data: BriefData, goal_id: str) -> str:
    goal = data.framework.goal(goal_id)
    return goal_label(goal) if goal is not None else goal_id


def _goal_in_sentence(data: BriefData, goal_id: str) -> str:
    goal = data.framework.goal(goal_id)
    return goal_in_sentence(goal) if goal is not None else goal_id


def _dot_vote(data: BriefData, results: WorkshopResults, vote: DotVoteResults) -> list[Block]:
    exercise = vote.exercise
    blocks: list[Block] = [_exercise_heading(exercise.kind, exercise.exercise.title)]
    placed = sum(tally.dots for tally in vote.tallies)
    allowance = _("Allowance: {groups}, {dots} each. Dots placed: {placed}.").format(
        groups=_groups(len(results.snapshot.groups)), dots=_dots(exercise.exercise.dots_per_group), placed=format_number(placed))
    if not placed:
        return [*blocks, Paragraph(allowance), Paragraph(_("No group has placed a dot yet."))]
    voted = [tally for tally in vote.tallies if tally.dots]
    top = [tally for tally in voted if tally.rank <= PERCEPTION_TOP]
    blocks.append(Paragraph(_("Most dots went to {goals}. {allowance}").format(
        goals=format_list([_("{goal} ({dots})").format(goal=_goal_in_sentence(data, tally.goal_id), dots=_dots(tally.dots)) for tally in top]),
        allowance=allowance,
    )))
    blocks.append(BarChart(
        bars=tuple(Bar(_goal(data, tally.goal_id), tally.dots, _bar_note(tally)) for tally in voted),
        caption=_("Dots per goal from every group, most first. Goals that got no dot are left out."),
        maximum=max(tally.dots for tally in voted),
        decimals=0,
    ))
    blocks += _perceptions(data, vote.perceptions)
    return blocks


def _bar_note(tally: GoalTally) -> str:
    return _("{share} of the dots | from {groups}").format(share=format_percent(tally.share), groups=_groups(tally.groups))


def _perceptions(data: BriefData, shown: Sequence[GoalPerception]) -> list[Block]:
    rows = []
    emphasis = []
    for index, perception in enumerate(shown):
        rows.append((
            _goal(data, perception.goal_id),
            format_number(perception.room_rank) if perception.room_rank is not None else _(DASH),
            format_number(perception.dots),
            format_number(perception.level, decimals=1) if perception.level is not None else _("not assessed"),
            _(VERDICT_NAMES[perception.verdict]),
        ))
        if perception.verdict == "both":
            emphasis.append(index)
    weak = [perception for perception in shown if perception.verdict in WEAK_VERDICTS and perception.level is not None]
    top = format_number(PERCEPTION_TOP)
    rule = _("The room's priorities are the goals ranked in the top {top} by dots; ties at the edge count, so there can be more than {top}.").format(top=top)
    if weak:
        cut = max(perception.level for perception in weak if perception.level is not None)
        rule += " " + _("The questionnaire's weaknesses are the {top} goals with the lowest level, here those at level {cut} or lower.").format(
            top=top, cut=format_number(cut, decimals=1))
    else:
        rule += " " + _("Too few goals have a level for the questionnaire to single out its {top} weakest, so none is marked.").format(top=top)
    rule += " " + _("Where the two views differ, the room may know something the answers miss, or the reverse: Phase II should find out which.")
    return [
        Heading(_("The room's view beside the assessment")),
        Table(
            header=(_("Goal"), _("Room’s rank"), _("Dots"), _("Questionnaire level"), _("Reading")),
            rows=tuple(rows),
            emphasis=tuple(emphasis),
        ),
        Paragraph(rule),
    ]


# -- the room's ranking of shocks and stresses -----------------------------------------------


def _ranking(data: BriefData, ranking: RankingResults) -> list[Block]:
    exercise = ranking.exercise
    language = current_language()
    blocks: list[Block] = [_exercise_heading(exercise.kind, exercise.exercise.title)]
    room = ranking.ranking
    register_ranks = {int(ranked.item.item_id): ranked.rank for ranked in data.ranking.ranked}

    def name(item_id: int) -> str:
        return data.item_name(item_id, language) or _(DASH)

    if not room.ranked:
        blocks.append(Paragraph(_("No group has rated a shock or stress yet.")))
    else:
        blocks.append(Paragraph(_(
            "Each group rated the shortlisted items from 1 to 5: a shock's likelihood and impact, a stress's trend and severity. The room's "
            "priority is the mean of the groups' products of the two (1 to 25); the spread runs from the lowest group's priority to the highest, so a wide spread means the groups disagreed."
        ), muted=True))
        rows = tuple(
            (
                format_number(item.rank),
                name(item.item_id),
                format_number(item.likelihood, decimals=1),
                format_number(item.impact, decimals=1),
                format_number(item.priority, decimals=1),
                _("{lowest}–{highest}").format(lowest=format_number(item.lowest), highest=format_number(item.highest)),
                format_number(register_ranks[item.item_id]) if item.item_id in register_ranks else _(DASH),
            )
            for item in room.ranked
        )
        blocks.append(Table(
            header=(_("Rank"), _("Shock or stress"), _("Mean likelihood / trend"), _("Mean impact / severity"),
                    _("Room priority (mean, 1–25)"), _("Spread (lowest–highest)"), _("Register rank")),
            rows=rows,
        ))
    if room.unrated:
        blocks.append(Paragraph(_("Shortlisted but not yet rated by any group: {names}.").format(
            names=name_list([name(item_id) for item_id in room.unrated]))))
    applied = sum(rating.exercise_id == exercise.id for rating in data.room_ratings.values())
    if applied:
        blocks.append(Paragraph(ngettext_in(
            language,
            "These ratings were applied to {count} item of the register, kept beside its own ratings; the register's rank above is its own.",
            "These ratings were applied to {count} items of the register, kept beside its own ratings; the register's rank above is its own.",
            applied,
        ).format(count=format_number(applied)), muted=True))
    return blocks
