"""The command line: the same services as the GUI; Qt is imported only when the GUI starts.

    resilience-app [--data-dir DIR] [--database URL] [--lang en|ar] [COMMAND]

With no command the desktop app starts. Exit codes: 0 success, 1 content has
errors (validate-content), 2 a problem the user can fix (message on stderr),
70 an unexpected failure (the log file has the details).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from resilience_app import __version__, cli_contributions, cli_rounds
from resilience_app.core import i18n
from resilience_app.core.brief.sections import BRIEF, DOCUMENT_IDS, PRA
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import _
from resilience_app.core.logging_setup import configure_logging
from resilience_app.core.paths import AppPaths
from resilience_app.core.settings import Settings

if TYPE_CHECKING:
    from resilience_app.core.services import ResilienceService
    from resilience_app.core.storage.backup_service import BackupService

EXIT_OK, EXIT_CONTENT_ERRORS, EXIT_USER_ERROR, EXIT_BUG = 0, 1, 2, 70
READ_ONLY_COMMANDS = frozenset({"list", "content", "validate-content", "version", "backups", "contributors", "compare"})
_log = logging.getLogger("resilience_app.cli")

# The isolates (U+2066..U+2069) that keep a path or a name in its own direction inside a
# translated sentence on screen: a terminal does not lay them out, and copied with a path
# into a shell they become part of the file name, so the command line prints without them.
_ISOLATE_MARKS = dict.fromkeys(range(0x2066, 0x206A))


_TYPED_ID = re.compile("[+-]?(?:[0-9]+|[\u0660-\u0669]+|[\u06f0-\u06f9]+)")
_MAX_ID_LENGTH = 1000  # far below Python's 4,300-digit limit on int()


def plain_for_terminal(text: str) -> str:
    """`text` without the isolate marks that are needed on screen but break copy and paste in a terminal."""
    return text.translate(_ISOLATE_MARKS)


def _say(text: str, *, file: TextIO | None = None) -> None:
    """Print a message for a person (not JSON, which keeps every character of the data)."""
    print(plain_for_terminal(text), file=file or sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resilience-app",
        description=_("Offline city resilience self-assessment and strategy-workshop brief."),
    )
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help=_("keep the database, settings and logs in DIR"))
    parser.add_argument("--database", metavar="URL", help=_("use this SQLAlchemy database URL instead of the SQLite file"))
    parser.add_argument("--lang", metavar="en|ar", help=_("language of the interface and messages"))
    parser.add_argument("--smoke-test", action="store_true", help=_("start the GUI, show the main window and exit"))
    parser.add_argument(
        "--start-empty", action="store_true",
        help=_("when the database is missing or empty although its backups hold assessments, start with an empty one anyway"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    list_command = commands.add_parser("list", help=_("list the assessments"))
    list_command.add_argument("--json", action="store_true", help=_("print JSON"))
    validate = commands.add_parser("validate-content", help=_("check content files and print every problem"))
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=_("files or folders (default: the shipped content)"))
    content = commands.add_parser("content", help=_("show the validated content"))
    content.add_argument("--json", action="store_true", help=_("print the whole content as JSON"))
    commands.add_parser("demo", help=_("create the sample assessment of a fictional city and print its id"))
    commands.add_parser("version", help=_("print the version"))
    backups = commands.add_parser("backups", help=_("list the database's backups, numbered from the newest"))
    backups.add_argument("--json", action="store_true", help=_("print JSON"))
    restore = commands.add_parser("restore-backup", help=_("put a backup in place of the database (the current one is kept as a backup)"))
    restore.add_argument("backup", metavar="BACKUP", help=_("the number shown by the backups command (1 is the newest) or the backup's file name"))
    _export_command(commands, "export-pdf", _("export the workshop brief or the Preliminary Resilience Assessment of an assessment as a PDF"),
                    language=_("language of the document"), output=_("the PDF file to write"), documents=True)
    _export_command(commands, "export-docx", _("export the workshop brief or the Preliminary Resilience Assessment of an assessment as a Word document, to edit"),
                    language=_("language of the document"), output=_("the Word file to write (.docx)"), documents=True)
    _export_command(commands, "export-xlsx", _("export the whole assessment as one Excel workbook, for analysis in Excel or Power BI"),
                    language=_("language of the workbook"), output=_("the Excel file to write (.xlsx)"))
    cli_contributions.add_commands(commands, _assessment_id)
    cli_rounds.add_commands(commands, _assessment_id)
    return parser


def _export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, description: str, *, language: str,
                    output: str, documents: bool = False) -> argparse.ArgumentParser:
    """A command that exports one assessment in a language to a file, leaving sensitive content out unless asked
    (and, with `documents`, the document chosen, with only the sections named)."""
    command = commands.add_parser(name, help=description)
    command.add_argument("assessment_id", type=_assessment_id, metavar="ASSESSMENT_ID", help=_("the id shown by the list command"))
    command.add_argument("--lang", dest="export_language", required=True, metavar="en|ar", help=language)
    command.add_argument("--out", dest="output", required=True, type=Path, metavar="FILE", help=output)
    command.add_argument("--include-sensitive", action="store_true", help=_("include the answers, shocks and stresses and notes marked sensitive (left out by default)"))
    if documents:
        command.add_argument("--document", choices=DOCUMENT_IDS, default=BRIEF,
                             help=_("brief: the workshop brief, read before the workshop (the default); pra: the Preliminary Resilience Assessment, written after it"))
        command.add_argument("--sections", metavar="ID,ID", help=_("only these sections, comma-separated (default: the document's own)"))
    return command


def _assessment_id(text: str) -> int:
    """An id as typed, in one script of digits (Latin, Arabic-Indic or Eastern Arabic-Indic).

    A whole number no assessment has (-1, 10**30) is passed on for the service to say it does not exist.
    """
    from resilience_app.core.formatting import latin_digits

    typed = text.strip()
    if len(typed) <= _MAX_ID_LENGTH and _TYPED_ID.fullmatch(typed):
        return int(latin_digits(typed))
    raise argparse.ArgumentTypeError(_("“{text}” is not an assessment id; the list command shows the ids.").format(text=text))


def _early_options(argv: Sequence[str]) -> argparse.Namespace:
    """--lang and --data-dir, read before the full parser so its help is in the right language."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--data-dir", type=Path)
    early.add_argument("--lang")
    return early.parse_known_args(argv)[0]


def _choose_language(requested: str | None, settings: Settings | None) -> str:
    if requested:
        try:
            return i18n.parse_language(requested)
        except ValueError:
            _say(f"resilience-app: unsupported language {requested!r}; use en or ar", file=sys.stderr)
            raise SystemExit(EXIT_USER_ERROR) from None
    saved = settings.get("language") if settings else ""
    return saved or i18n.language_from_environment()


def _apply_arabic_settings(settings: Settings) -> None:
    """The digits and month names chosen in the app are those of the documents the command line writes too."""
    digits, months = settings.get("arabic_indic_digits"), settings.get("arabic_months")
    if (digits, months) != (True, "levant"):  # the defaults: no need to load Babel for `version`
        from resilience_app.core import formatting

        formatting.use_arabic_indic_digits, formatting.arabic_months = bool(digits), str(months)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    early = _early_options(argv)
    paths = AppPaths.under(early.data_dir) if early.data_dir else AppPaths.for_user()
    settings = Settings(paths.settings_file) if paths.settings_file.parent.is_dir() else None
    i18n.set_language(_choose_language(early.lang, settings))
    if settings is not None:
        _apply_arabic_settings(settings)
    args = build_parser().parse_args(argv)
    if args.command in READ_ONLY_COMMANDS:
        paths = paths.for_reading()  # never changes the permissions of what exists
    try:
        paths.ensure_writable()
        configure_logging(paths.log_file)
        return _dispatch(args, paths)
    except BrokenPipeError:  # the reader went away (`… | head`): what it wanted was printed, the work is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_OK
    except UserFacingError as error:
        _say(_("Error: {message}").format(message=error.message), file=sys.stderr)
        if error.hint:
            _say(_("Hint: {hint}").format(hint=error.hint), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception:
        _log.exception("Unexpected failure running %s", argv)
        _say(
            _("Something unexpected went wrong. The details are in the log file: {path}").format(path=paths.log_file),
            file=sys.stderr,
        )
        return EXIT_BUG


def _dispatch(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.command == "version":
        print(f"resilience-app {__version__}")
        return EXIT_OK
    if args.command == "validate-content":
        return _validate_content(args.paths)
    if args.command == "backups":
        return _list_backups(_backups_of(args, paths), as_json=args.json)
    if args.command == "restore-backup":
        return _restore_backup(_backups_of(args, paths), paths, args.backup)  # works on a database too damaged to open
    # The services (SQLAlchemy, Alembic: half a second) only for the commands that open the database,
    # and before Qt: PySide6's import hook reads the source of every module imported after it.
    from resilience_app.core.services import ResilienceService

    if args.command is None:
        from resilience_app.gui.app import run_gui  # Qt is loaded only here

        return run_gui(paths, database_url=args.database, smoke_test=args.smoke_test, start_empty=args.start_empty)
    service = ResilienceService.open(paths, database_url=args.database, start_empty=args.start_empty)
    try:
        if args.command == "list":
            return _list(service, as_json=args.json)
        if args.command == "content":
            return _content(service, as_json=args.json)
        if args.command == "demo":
            return _demo(service)
        if args.command == "export-pdf":
            return _export_pdf(service, args)
        if args.command == "export-docx":
            return _export_docx(service, args)
        if args.command == "export-xlsx":
            return _export_xlsx(service, args)
        if args.command in cli_contributions.COMMANDS:
            return cli_contributions.dispatch(service, args, _say)
        if args.command in cli_rounds.COMMANDS:
            return cli_rounds.dispatch(service, args, _say)
    finally:
        service.close()
    raise AssertionError(f"unhandled command {args.command}")


def _validate_content(paths: list[Path]) -> int:
    from resilience_app.core import resources
    from resilience_app.core.content import load_content
    from resilience_app.core.formatting import format_number

    result = load_content(paths or [resources.forms_dir()])
    for problem in result.problems:
        _say(problem.format())
    errors, warnings = len(result.errors), len(result.problems) - len(result.errors)
    _say(
        i18n.ngettext("{count} error", "{count} errors", errors).format(count=format_number(errors))
        + ", "
        + i18n.ngettext("{count} warning", "{count} warnings", warnings).format(count=format_number(warnings))
    )
    return EXIT_CONTENT_ERRORS if errors else EXIT_OK


def _backups_of(args: argparse.Namespace, paths: AppPaths) -> BackupService:
    from resilience_app.core.storage.backup_service import BackupService

    service = BackupService.for_database(paths.backups_dir, args.database or paths.default_database_url())
    if not service.available:
        raise user_error(ErrorCode.NO_BACKUPS)
    return service


def _list_backups(service: BackupService, *, as_json: bool) -> int:
    from resilience_app.core.storage.backup_service import describe

    backups = service.list()
    if as_json:
        rows = [{"number": number, "file": backup.path.name, "taken_at": backup.taken_at.isoformat(timespec="seconds"),
                 "reason": backup.reason, "bytes": backup.size} for number, backup in enumerate(backups, start=1)]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not backups:
        _say(_("No backups yet: one is taken each time the app starts."))
    else:
        for number, backup in enumerate(backups, start=1):
            _say(f"{number}\t{describe(backup)}\t{backup.path.name}")
    return EXIT_OK


def _restore_backup(service: BackupService, paths: AppPaths, choice: str) -> int:
    from resilience_app.core.storage.backup_service import taken_at_text
    from resilience_app.core.storage.folder_lock import DataLock

    lock = DataLock(paths.data_dir, service.database_file)  # no other copy of the app may have the database open meanwhile
    lock.acquire()
    try:
        chosen = service.find(choice)
        service.restore(chosen)
    finally:
        lock.release()
    _say(_("Restored the backup of {moment}. The database as it was before is kept as a backup too.").format(moment=taken_at_text(chosen)))
    return EXIT_OK


def _list(service: ResilienceService, *, as_json: bool) -> int:
    from resilience_app.core.assessment.labels import progress_to_review
    from resilience_app.core.formatting import format_date
    from resilience_app.core.rounds.labels import round_text

    summaries = service.assessments.list_assessments()
    rounds = service.rounds.every_round()
    if as_json:
        rows = [
            {
                "id": summary.id,
                "city": summary.city_names(),
                "country": summary.record.details.country,
                "progress": round(summary.progress, 4),
                "to_review": summary.to_review,
                "framework": {"id": summary.record.framework_id, "version": summary.record.framework_version},
                "is_sample": summary.record.is_sample,
                "round": {"kind": rounds[summary.id].kind, "date": _iso(rounds[summary.id].date)} if summary.id in rounds else None,
                "updated_at": summary.record.updated_at.isoformat(timespec="seconds"),
            }
            for summary in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not summaries:
        _say(_("No assessments yet."))
        return EXIT_OK
    language = i18n.current_language()
    for summary in summaries:
        _say(
            f"{summary.id}\t{summary.record.city_name(language)}\t{round_text(rounds.get(summary.id))}\t{progress_to_review(summary.progress, summary.to_review)}"
            f"\t{format_date(summary.record.updated_at.date(), length='medium')}"
        )
    return EXIT_OK


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _demo(service: ResilienceService) -> int:
    from resilience_app.core.sample import create_sample

    record = create_sample(service, i18n.current_language())
    _say(_("Created the sample assessment “{name}”.").format(name=record.city_name(i18n.current_language())))
    print(record.id)  # last line: the id, for scripts
    return EXIT_OK


def _export_language(args: argparse.Namespace, *, variant: str = "") -> str:
    """The language an export command was asked for (--lang), or the error saying which there are."""
    try:
        return i18n.parse_language(args.export_language)
    except ValueError:
        raise user_error(ErrorCode.UNSUPPORTED_LANGUAGE, variant=variant) from None


def _chosen_sections(args: argparse.Namespace) -> list[str] | None:
    """The sections a document's export command was given (--sections a,b), or None for the document's own; an empty
    choice (--sections "") is a choice of none, which the export refuses."""
    return None if args.sections is None else [name.strip() for name in args.sections.split(",") if name.strip()]


def _export_pdf(service: ResilienceService, args: argparse.Namespace) -> int:
    from resilience_app.core.formatting import format_number

    language = _export_language(args)
    result = service.export_brief(args.assessment_id, language=language, path=args.output, sections=_chosen_sections(args), document=args.document,
                                  include_sensitive=args.include_sensitive)
    if result.warning():
        _say(_("Warning: {message}").format(message=result.warning()), file=sys.stderr)
    if args.document == PRA:
        saved = i18n.ngettext("Saved the Preliminary Resilience Assessment ({count} page) as {path}",
                              "Saved the Preliminary Resilience Assessment ({count} pages) as {path}", result.pages)
    else:
        saved = i18n.ngettext("Saved the brief ({count} page) as {path}", "Saved the brief ({count} pages) as {path}", result.pages)
    _say(saved.format(count=format_number(result.pages), path=result.path))
    return EXIT_OK


def _export_docx(service: ResilienceService, args: argparse.Namespace) -> int:
    language = _export_language(args)
    result = service.export_brief_docx(args.assessment_id, language=language, path=args.output, sections=_chosen_sections(args),
                                       document=args.document, include_sensitive=args.include_sensitive)
    if args.document == PRA:
        saved = _("Saved the Preliminary Resilience Assessment (Word document) as {path}")
    else:
        saved = _("Saved the brief (Word document) as {path}")
    _say(saved.format(path=result.path))
    return EXIT_OK


def _export_xlsx(service: ResilienceService, args: argparse.Namespace) -> int:
    from resilience_app.core.formatting import format_number

    language = _export_language(args, variant="workbook")
    result = service.export_xlsx(args.assessment_id, language=language, path=args.output, include_sensitive=args.include_sensitive)
    _say(i18n.ngettext("Saved the workbook ({count} sheet) as {path}", "Saved the workbook ({count} sheets) as {path}", len(result.sheets)).format(
        count=format_number(len(result.sheets)), path=result.path))
    return EXIT_OK


def _content(service: ResilienceService, *, as_json: bool) -> int:
    from resilience_app.core.content.as_json import content_as_json
    from resilience_app.core.formatting import format_number

    content = service.content
    if as_json:
        print(json.dumps(content_as_json(content), ensure_ascii=False, indent=2))
        return EXIT_OK
    for framework in content.frameworks:
        goals = list(framework.goals())
        indicators = list(framework.indicators())
        _say(
            _("{name} {version}: {dimensions} dimensions, {goals} goals, {indicators} indicators, {questions} questions").format(
                name=framework.name, version=framework.version, dimensions=len(framework.dimensions),
                goals=len(goals), indicators=len(indicators), questions=framework.question_count,
            )
        )
    _say(_("{count} shocks and stresses in the catalogue").format(count=format_number(len(content.hazards))))
    return EXIT_OK
