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

from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.docx.render import render_docx
from resilience_app.core.brief.prepare import DocumentBuilder, prepare_export, unwritable
from resilience_app.core.brief.sections import SECTION_IDS
from resilience_app.core.context import CoreContext
from resilience_app.core.file_export import writing_in_place

_log = logging.getLogger("resilience_app.brief")


@dataclass(frozen=True)
class WordExportResult:
    path: Path  # no page count: Word counts the pages when it lays the document out


def export_brief_docx(
    context: CoreContext,
    assessment_id: int,
    *,
    language: str,
    path: Path,
    is_own_file: Callable[[Path], bool],
    sections: Iterable[str] = SECTION_IDS,
    today: dt.date | None = None,
    include_sensitive: bool = False,
    build: DocumentBuilder = build_brief,
) -> WordExportResult:
    """Write the brief as the Word document `path`; `is_own_file` says which paths are the app's own (never written over)."""
    prepared = prepare_export(context, assessment_id, language=language, path=path, is_own_file=is_own_file, sections=sections, today=today,
                              include_sensitive=include_sensitive, build=build)
    with writing_in_place(context.paths.data_dir, prepared.target, prefix=".brief-", suffix=".docx.part", unwritable=unwritable) as temporary:
        render_docx(prepared.document, temporary, day=prepared.day)
    _log.info("Exported the %s brief of assessment %s as a Word document to %s", language, assessment_id, prepared.target)
    return WordExportResult(prepared.target)
