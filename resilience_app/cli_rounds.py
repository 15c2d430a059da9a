"""The command line's rounds: starting a follow-up of an assessment, and comparing two rounds.

    resilience-app follow-up ASSESSMENT_ID [--carry-answers] [--carry-register]   # prints the new id last
    resilience-app compare BASELINE_ID FOLLOW_UP_ID [--json]

`compare --json` prints, per goal and per dimension, both rounds' level, coverage and low-confidence share, and the
change (null where not comparable, with the reason); without it, a table in the language of the command line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from resilience_app.core import i18n
from resilience_app.core.i18n import _

if TYPE_CHECKING:
    from resilience_app.core.content.model import Framework, Text
    from resilience_app.core.rounds.compare import GroupChange, RoundFigures
    from resilience_app.core.rounds.records import ComparedRound, RoundsCompared
    from resilience_app.core.services import ResilienceService

COMMANDS = ("follow-up", "compare")
Say = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], assessment_id: Callable[[str], int]) -> None:
    follow_up = commands.add_parser("follow-up", help=_("start a follow-up round of an assessment (the city's details copied) and print its id"))
    follow_up.add_argument("assessment_id", type=assessment_id, metavar="ASSESSMENT_ID", help=_("the id shown by the list command"))
    follow_up.add_argument("--carry-answers", action="store_true", help=_("carry the answers over, each marked to review until saved again"))
    follow_up.add_argument("--carry-register", action="store_true",
                           help=_("carry the shocks and stresses, actions, discovery areas and next steps over"))
    follow_up.add_argument("--kind", choices=("follow_up", "mid_term"), default="follow_up", help=_("the new round's kind (follow_up by default)"))
    follow_up.add_argument("--date", type=round_date, metavar="YYYY-MM-DD", help=_("the new round's date (today by default)"))
    compare = commands.add_parser("compare", help=_("compare two rounds of an assessment: each goal's and dimension's level, coverage and change"))
    compare.add_argument("baseline_id", type=assessment_id, metavar="BASELINE_ID", help=_("the earlier round's id"))
    compare.add_argument("follow_up_id", type=assessment_id, metavar="FOLLOW_UP_ID", help=_("the later round's id"))
    compare.add_argument("--json", action="store_true", help=_("print JSON"))


def round_date(text: str) -> dt.date:
    """A date typed as YYYY-MM-DD, in any digit script."""
    from resilience_app.core.formatting import latin_digits

    try:
        return dt.date.fromisoformat(latin_digits(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(_("Enter the date as YYYY-MM-DD, for example 2026-03-01.")) from None


def dispatch(service: ResilienceService, args: argparse.Namespace, say: Say) -> int:
    if args.command == "follow-up":
        return _follow_up(service, args, say)
    if args.command == "compare":
        compared = service.rounds.compare(args.baseline_id, args.follow_up_id)
        if args.json:
            print(json.dumps(_as_json(compared, _frameworks(service, compared)), ensure_ascii=False, indent=2))
        else:
            _print_table(compared, service, say)
        return 0
    raise AssertionError(f"unhandled command {args.command}")


def _follow_up(service: ResilienceService, args: argparse.Namespace, say: Say) -> int:
    from resilience_app.core.formatting import format_number
    from resilience_app.core.rounds.records import FollowUpOptions

    made = service.rounds.start_follow_up(args.assessment_id, FollowUpOptions(
        carry_answers=args.carry_answers, carry_register=args.carry_register, kind=args.kind, date=args.date))
    name = made.record.city_name(i18n.current_language())
    say(_("Started a follow-up of “{name}”.").format(name=name))
    if args.carry_answers:
        say(i18n.ngettext("{count} answer carried over, to review.", "{count} answers carried over, to review.", made.carried_answers).format(
            count=format_number(made.carried_answers)))
    print(made.record.id)  # last line: the id, for scripts
    return 0


# -- JSON ------------------------------------------------------------------------------------------------------------


def _figures_json(figures: RoundFigures | None) -> dict[str, float | None] | None:
    if figures is None:
        return None
    return {"level": _rounded(figures.level), "coverage": _rounded(figures.coverage), "low_confidence_share": _rounded(figures.low_confidence_share)}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _round_json(side: ComparedRound) -> dict[str, object]:
    return {
        "id": side.record.id,
        "city": {language: side.record.city_name(language) for language in i18n.SUPPORTED_LANGUAGES},
        "round": side.round.kind,
        "date": side.round.date.isoformat() if side.round.date else None,
        "framework": {"id": side.record.framework_id, "version": side.record.framework_version},
        "to_review": side.to_review,
    }


def _group_json(group: GroupChange, names: dict[str, dict[str, str]]) -> dict[str, object]:
    return {
        "id": group.id,
        "name": names.get(group.id, {}),
        "baseline": _figures_json(group.baseline),
        "follow_up": _figures_json(group.follow_up),
        "change": _rounded(group.change),
        "verdict": group.verdict,
        "not_comparable_because": group.reason,
        "low_confidence": group.low_confidence,
        "compared_on": {"questions_levelled_in_both": group.levelled_in_both, "questions": group.questions,
                        "up": group.up, "down": group.down, "same": group.same},
    }


def _frameworks(service: ResilienceService, compared: RoundsCompared) -> tuple[Framework, ...]:
    """Both rounds' frameworks, the later first: a group only the earlier one has is named from it."""
    return (service.framework(compared.follow_up.record.framework_id), service.framework(compared.baseline.record.framework_id))


def _group_names(frameworks: tuple[Framework, ...]) -> dict[str, Text]:
    names: dict[str, Text] = {}
    for framework in reversed(frameworks):  # the later framework's names win
        names |= {dimension.id: dimension.name for dimension in framework.dimensions}
        names |= {goal.id: goal.name for goal in framework.goals()}
    return names


def _as_json(compared: RoundsCompared, frameworks: tuple[Framework, ...]) -> dict[str, object]:
    comparison = compared.comparison
    names = {group_id: name.as_dict() for group_id, name in _group_names(frameworks).items()}
    return {
        "baseline": _round_json(compared.baseline),
        "follow_up": _round_json(compared.follow_up),
        "dimensions": [_group_json(group, names) for group in comparison.dimensions],
        "goals": [_group_json(group, names) for group in comparison.goals],
        "questions": {
            "moved_up": [{"id": move.question_id, "baseline": move.baseline_level, "follow_up": move.follow_up_level} for move in comparison.moved_up],
            "moved_down": [{"id": move.question_id, "baseline": move.baseline_level, "follow_up": move.follow_up_level} for move in comparison.moved_down],
            "only_in_baseline": list(comparison.only_in_baseline),
            "only_in_follow_up": list(comparison.only_in_follow_up),
        },
    }


# -- the table ---------------------------------------------------------------------------------------------------------


def _print_table(compared: RoundsCompared, service: ResilienceService, say: Say) -> None:
    from resilience_app.core.formatting import format_number
    from resilience_app.core.rounds.labels import change_text, figures_text

    language = i18n.current_language()
    names = {group_id: name.in_language(language) for group_id, name in _group_names(_frameworks(service, compared)).items()}
    say(_("Earlier round: {round}").format(round=_round_line(compared.baseline)))
    say(_("Later round: {round}").format(round=_round_line(compared.follow_up)))
    if compared.follow_up.to_review:
        say(i18n.ngettext("{count} answer carried over into the later round is still to review and is left out.",
                          "{count} answers carried over into the later round are still to review and are left out.",
                          compared.follow_up.to_review).format(count=format_number(compared.follow_up.to_review)))
    header = "\t".join((_("Level and coverage, earlier round"), _("Level and coverage, later round"), _("Change")))
    for title, groups in ((_("Dimension"), compared.comparison.dimensions), (_("Goal"), compared.comparison.goals)):
        say("")
        say(f"{title}\t{header}")
        for group in groups:
            say("\t".join((names.get(group.id, group.id), figures_text(group.baseline), figures_text(group.follow_up), change_text(group))))
    comparison = compared.comparison
    say("")
    say(_("Questions that moved up: {up}; down: {down}.").format(up=format_number(len(comparison.moved_up)), down=format_number(len(comparison.moved_down))))
    if comparison.only_in_baseline:
        say(_("Only in the earlier round's framework version, not compared: {ids}").format(ids=", ".join(comparison.only_in_baseline)))
    if comparison.only_in_follow_up:
        say(_("Only in the later round's framework version, not compared: {ids}").format(ids=", ".join(comparison.only_in_follow_up)))


def _round_line(side: ComparedRound) -> str:
    from resilience_app.core.formatting import format_date, format_number
    from resilience_app.core.rounds.labels import round_kind_name

    return _("{city} (assessment {id}), {round}, {date}").format(
        city=side.record.city_name(i18n.current_language()), id=format_number(side.record.id), round=round_kind_name(side.round.kind),
        date=format_date(side.round.date, length="medium") if side.round.date else _("—"),
    )


