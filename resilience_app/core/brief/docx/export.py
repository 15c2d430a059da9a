"""Export an assessment's brief as an editable Word document, safely: a finished file or none at all.

The same checks, document model and withholding of sensitive content as the PDF (`brief.prepare`),
and the same writing in place (`core.file_export`): a temporary file beside the target, moved onto
it only when complete; the app's own files are never written over.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.brief.docx.render import render_docx
from resilience_app.core.brief.prepare import prepare_export, unwritable
from resilience_app.core.brief.sections import BRIEF
from resilience_app.core.context import CoreContext
from resilience_app.core.file_export import writing_in_place

_log = logging.getLogger("resilience_app.brief")


@dataclass(frozen=True)
class WordExportResult:
    path: Path  # no page count: Word counts the pages when it lays the document out
    document: str = BRIEF  # which document the file holds: "brief" or "pra"


def export_brief_docx(
    context: CoreContext,
    assessment_id: int,
    *,
    language: str,
    path: Path,
    is_own_file: Callable[[Path], bool],
    sections: Iterable[str] | None = None,
    document: str = BRIEF,
    today: dt.date | None = None,
    include_sensitive: bool = False,
) -> WordExportResult:
    """Write the `document` ("brief" or "pra") as the Word document `path`, with `sections` (by default the document's own);
    `is_own_file` says which paths are the app's own (never written over)."""
    prepared = prepare_export(context, assessment_id, language=language, path=path, is_own_file=is_own_file, sections=sections, today=today,
                              include_sensitive=include_sensitive, document=document)
    with writing_in_place(context.paths.data_dir, prepared.target, prefix=".brief-", suffix=".docx.part", unwritable=unwritable) as temporary:
        render_docx(prepared.document, temporary, day=prepared.day)
    _log.info("Exported the %s %s of assessment %s as a Word document to %s", language, document, assessment_id, prepared.target)
    return WordExportResult(prepared.target, document)
