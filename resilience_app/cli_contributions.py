"""The command line's department contributions: contributors, their workbooks out, and the answers back in.

    resilience-app contributors ASSESSMENT_ID [--json]
    resilience-app add-contributor ASSESSMENT_ID --name NAME [--department D] [--lang ar|en] [--contact C]
    resilience-app export-workbook ASSESSMENT_ID --contributor NAME --scope IDS --out FILE.xlsx [--lang ar|en]
    resilience-app import-workbook ASSESSMENT_ID FILE.xlsx [--confirm] [--json] [--no-take]

`import-workbook` without `--confirm` prints the preview and stores nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_app.core import i18n
from resilience_app.core.i18n import _

if TYPE_CHECKING:
    from resilience_app.core.contributions.records import ContributorRecord
    from resilience_app.core.contributions.workbook_import import WorkbookPreview
    from resilience_app.core.services import ResilienceService

COMMANDS = ("contributors", "add-contributor", "export-workbook", "import-workbook")
Say = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], assessment_id: Callable[[str], int]) -> None:
    def command(name: str, description: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=description)
        parser.add_argument("assessment_id", type=assessment_id, metavar="ASSESSMENT_ID", help=_("the id shown by the list command"))
        return parser

    listed = command("contributors", _("list an assessment's contributors: what each was asked, and what came back"))
    listed.add_argument("--json", action="store_true", help=_("print JSON"))
    added = command("add-contributor", _("add a contributor (a department or person who answers part of the assessment)"))
    _contributor_options(added)
    exported = command("export-workbook", _("write a contributor's Excel workbook of questions to fill in (the contributor is added if new)"))
    _contributor_options(exported, name_option="--contributor")
    exported.add_argument("--scope", required=True, metavar="IDS", help=_("goal, indicator and question ids, separated by commas (goal-3,ind-1.1,q-5.2.a)"))
    exported.add_argument("--out", dest="output", required=True, type=Path, metavar="FILE", help=_("the Excel file to write (.xlsx)"))
    exported.add_argument("--deadline", type=_date, metavar="YYYY-MM-DD", help=_("the date to send it back by"))
    imported = command("import-workbook", _("read a contributor's filled workbook: print what it would store, and with --confirm store it"))
    imported.add_argument("file", type=Path, metavar="FILE", help=_("the workbook the contributor sent back (.xlsx)"))
    imported.add_argument("--confirm", action="store_true", help=_("store the answers (without it, nothing is stored)"))
    imported.add_argument("--json", action="store_true", help=_("print one JSON object per row"))
    imported.add_argument(
        "--no-take", action="store_true", help=_("keep the answers as the contributor's only; take none as the answer on record")
    )


def _contributor_options(parser: argparse.ArgumentParser, *, name_option: str = "--name") -> None:
    parser.add_argument(name_option, dest="name", required=True, metavar="NAME", help=_("the contributor's name"))
    parser.add_argument("--department", default=None, metavar="D", help=_("the contributor's department or organisation"))
    parser.add_argument("--lang", dest="contributor_language", default=None, metavar="ar|en", help=_("the language of the contributor's workbooks"))
    parser.add_argument("--contact", default=None, metavar="C", help=_("how to reach the contributor (telephone, email)"))


def _date(text: str) -> dt.date:
    from resilience_app.core.formatting import latin_digits

    try:
        return dt.date.fromisoformat(latin_digits(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a date written as YYYY-MM-DD.").format(text=text)) from None


def dispatch(service: ResilienceService, args: argparse.Namespace, say: Say) -> int:
    if args.command == "contributors":
        return _contributors(service, args.assessment_id, as_json=args.json, say=say)
    if args.command == "add-contributor":
        record = _contributor(service, args)
        say(_("Added the contributor “{name}”.").format(name=record.label()))
        print(record.id)  # last line: the id, for scripts
        return 0
    if args.command == "export-workbook":
        return _export(service, args, say)
    return _import(service, args, say)


def _language(args: argparse.Namespace) -> str | None:
    from resilience_app.core.error_catalogue import user_error
    from resilience_app.core.errors import ErrorCode

    if args.contributor_language is None:
        return None
    try:
        return i18n.parse_language(args.contributor_language)
    except ValueError:
        raise user_error(ErrorCode.UNSUPPORTED_LANGUAGE, variant="workbook") from None


def _contributor(service: ResilienceService, args: argparse.Namespace, *, reuse: bool = False) -> ContributorRecord:
    """The contributor the options name: with `reuse`, one of that name (and department) already there, updated."""
    from resilience_app.core.contributions.records import ContributorDraft

    language = _language(args)
    contributions = service.contributions
    if reuse:
        for record in contributions.contributors(args.assessment_id):
            same_name = record.name.casefold() == args.name.strip().casefold()
            if same_name and (args.department is None or record.contributor.department.casefold() == args.department.strip().casefold()):
                draft = record.contributor
                changed = ContributorDraft(
                    draft.name, draft.department, language or draft.language, draft.contact if args.contact is None else args.contact
                )
                return contributions.update_contributor(record.id, changed) if changed != draft else record
    draft = ContributorDraft(args.name, args.department or "", language or i18n.current_language(), args.contact or "")
    return contributions.add_contributor(args.assessment_id, draft)


def _contributors(service: ResilienceService, assessment_id: int, *, as_json: bool, say: Say) -> int:
    from resilience_app.core.formatting import format_date, format_number

    statuses = service.contributions.statuses(assessment_id)
    if as_json:
        rows = [
            {
                "id": status.record.id,
                "name": status.record.name,
                "department": status.record.contributor.department,
                "language": status.record.contributor.language,
                "contact": status.record.contributor.contact,
                "assigned": sorted(status.assigned),
                "answered": status.answered,
                "sent_at": status.last_sent.sent_at.isoformat(timespec="seconds") if status.last_sent else None,
                "returned_at": status.last_sent.returned_at.isoformat(timespec="seconds") if status.last_sent and status.last_sent.returned_at else None,
            }
            for status in statuses
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not statuses:
        say(_("No contributors yet: add one with add-contributor, or export a workbook for one with export-workbook."))
        return 0
    for status in statuses:
        sent = status.last_sent
        sent_text = format_date(sent.sent_at.date(), length="medium") if sent else _("not sent")
        returned_text = format_date(sent.returned_at.date(), length="medium") if sent and sent.returned_at else _("not returned")
        answered = _("{answered} of {assigned} answered").format(answered=format_number(status.answered), assigned=format_number(len(status.assigned)))
        say(f"{status.record.id}\t{status.record.label()}\t{answered}\t{sent_text}\t{returned_text}")
    return 0


def _export(service: ResilienceService, args: argparse.Namespace, say: Say) -> int:
    from resilience_app.core.contributions.rules import questions_in_scope
    from resilience_app.core.formatting import format_number

    scope = re.split("[,،]", args.scope)  # a comma, or an Arabic comma typed on an Arabic keyboard
    framework = service.framework(service.assessments.get_assessment(args.assessment_id).framework_id)
    questions_in_scope(framework, scope)  # a scope naming what the framework lacks changes nothing, not even the contributors
    contributor = _contributor(service, args, reuse=True)
    service.contributions.assign(contributor.id, scope)
    sent = service.contributions.export_workbook(contributor.id, args.output, deadline=args.deadline)
    say(
        i18n.ngettext(
            "Saved the workbook of {name} ({count} question) as {path}", "Saved the workbook of {name} ({count} questions) as {path}",
            len(sent.question_ids),
        ).format(name=contributor.label(), count=format_number(len(sent.question_ids)), path=args.output.expanduser().absolute())
    )
    return 0


def _import(service: ResilienceService, args: argparse.Namespace, say: Say) -> int:
    from resilience_app.core.formatting import format_number

    preview = service.contributions.preview_workbook_file(args.assessment_id, args.file)
    imported = service.contributions.import_workbook(preview, on_record=() if args.no_take else None) if args.confirm else None
    if args.json:
        print(json.dumps(_rows_as_json(preview, taken=imported is not None and not args.no_take), ensure_ascii=False, indent=2))
        return 0
    say(_("Workbook of {name}, sent on {date}:").format(name=preview.contributor.label(), date=_sent_on(preview)))
    for line in _row_lines(service, preview):
        say(line)
    for line in preview.summary():
        say(line)
    if imported is None:
        say(_("Nothing was stored. Run the command again with --confirm to store these answers."))
    else:
        stored = (
            i18n.ngettext("Stored {count} answer", "Stored {count} answers", imported.stored).format(count=format_number(imported.stored))
            if imported.stored else _("No answer was stored")
        )
        say(_("{stored}; taken as the answer on record: {taken}.").format(stored=stored, taken=format_number(imported.taken_on_record)))
    return 0


def _sent_on(preview: WorkbookPreview) -> str:
    from resilience_app.core.formatting import format_date

    return format_date(preview.workbook.sent_at.date(), length="medium")


def _row_lines(service: ResilienceService, preview: WorkbookPreview) -> list[str]:
    from resilience_app.core.assessment.labels import answer_summary
    from resilience_app.core.contributions.workbook_import import OUTCOME_NAMES, REFUSED
    from resilience_app.core.formatting import localise_digits

    framework = service.framework(preview.reading.framework_id)  # the assessment's (preview_workbook checked they match)
    lines = []
    for row in preview.rows:
        number = localise_digits(framework.placement(row.question_id).number)
        # One line a row: a row's several warnings are joined, never a line of their own without the question's number.
        warning = _("; ").join(line for line in row.warning.splitlines() if line)
        detail = row.problem if row.outcome == REFUSED else " ".join(part for part in (answer_summary(framework, row.answer), warning) if part)
        outcome = _(OUTCOME_NAMES[row.outcome])
        if row.offer_on_record:
            outcome = _("{outcome} (to be taken as the answer on record)").format(outcome=outcome)
        lines.append("\t".join((number, outcome, detail)))
    lines += preview.problems
    return lines


def _rows_as_json(preview: WorkbookPreview, *, taken: bool) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for row in preview.rows:
        answer = row.answer
        rows.append(
            {
                "question": row.question_id,
                "row": row.cell_row,
                "outcome": row.outcome,
                "status": answer.status if answer else None,
                "level": answer.level if answer else None,
                "value": answer.numeric_value if answer else None,
                "confidence": answer.confidence if answer else None,
                "justification": answer.justification if answer else None,
                # The data quality as it will be stored: codes, the year a number (None where not stated).
                "source_kind": answer.source_kind if answer else None,
                "data_year": answer.data_year if answer else None,
                "data_scale": answer.data_scale if answer else None,
                "evidence": row.evidence,
                "offered_on_record": row.offer_on_record,
                "taken_on_record": taken and row.offer_on_record,
                "problem": row.problem or None,
                "warning": row.warning or None,
            }
        )
    rows += [{"question": None, "row": None, "outcome": "unreadable", "problem": problem} for problem in preview.problems]
    return rows
