"""Export the whole assessment as one Excel workbook, safely: a finished file or none at all.

Everything is read in one unit of work through the brief's `collect` (the same moment of the
assessment in every sheet, and the brief's rule for content marked sensitive: left out unless
`include_sensitive`) but the next steps, read just after it (they hold nothing sensitive), built into the workbook model, and written beside the target before it is
moved into place (`core.file_export`, as the brief does).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.brief.data import collect
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.file_export import export_target, writing_in_place
from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.spreadsheet.builder import build_workbook
from resilience_app.core.spreadsheet.model import SheetBuilder
from resilience_app.core.spreadsheet.xlsx import write_xlsx

_log = logging.getLogger("resilience_app.export")


@dataclass(frozen=True)
class WorkbookResult:
    path: Path
    sheets: tuple[str, ...]  # the sheets' names, in the workbook's language and order


def _unwritable(target: Path, reason: str) -> UserFacingError:
    return user_error(ErrorCode.WORKBOOK_EXPORT_FAILED, path=str(target), reason=reason)


def export_workbook(
    context: CoreContext,
    assessment_id: int,
    *,
    language: str,
    path: Path,
    is_own_file: Callable[[Path], bool],
    include_sensitive: bool = False,
    today: dt.date | None = None,
    extra_sheets: Iterable[SheetBuilder] = (),
) -> WorkbookResult:
    """Write the assessment as the workbook `path`; `is_own_file` says which paths are the app's own (never written over).

    `extra_sheets` come after the workbook's own sheets (see `builder`).
    """
    if language not in SUPPORTED_LANGUAGES:
        raise user_error(ErrorCode.UNSUPPORTED_LANGUAGE, variant="workbook")
    target = export_target(path, is_own_file=is_own_file, unwritable=_unwritable)
    data = collect(context, assessment_id, language=language, today=today, include_sensitive=include_sensitive)
    workbook = build_workbook(data, language, extra_sheets)
    with writing_in_place(context.paths.data_dir, target, prefix=".workbook-", suffix=".xlsx.part", unwritable=_unwritable) as temporary:
        write_xlsx(workbook, temporary)
    _log.info("Exported the %s workbook of assessment %s to %s (%d sheets)", language, assessment_id, target, len(workbook.sheets))
    return WorkbookResult(target, tuple(sheet.title for sheet in workbook.sheets))
