"""Export an assessment's brief to a PDF file, safely: a finished file or none at all.

The PDF is written to a temporary file beside the target and moved into place
only when complete, so a full disk or a crash never leaves half a brief behind,
and an existing file of the same name is replaced only by a whole new one
(`core.file_export`, which the Excel workbook shares).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.brief.pdf.render import render_pdf
from resilience_app.core.brief.pdf.style import load_style
from resilience_app.core.brief.prepare import prepare_export, unwritable
from resilience_app.core.brief.sections import BRIEF
from resilience_app.core.context import CoreContext
from resilience_app.core.file_export import writing_in_place
from resilience_app.core.i18n import _

_log = logging.getLogger("resilience_app.brief")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    missing_characters: tuple[str, ...]  # characters no bundled font has: drawn as empty boxes
    document: str = BRIEF  # which document the file holds: "brief" or "pra"

    def warning(self) -> str:
        if not self.missing_characters:
            return ""
        return _("The brief's fonts cannot show these characters, so they appear as empty boxes: {characters}").format(
            characters=" ".join(self.missing_characters)
        )


def export_brief(
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
) -> ExportResult:
    """Write the `document` ("brief" or "pra") as `path`, with `sections` (by default the document's own);
    `is_own_file` says which paths are the app's own (never written over)."""
    prepared = prepare_export(context, assessment_id, language=language, path=path, is_own_file=is_own_file, sections=sections, document=document,
                              today=today, include_sensitive=include_sensitive)
    target = prepared.target
    style = load_style()
    style.engine.missing.clear()
    with writing_in_place(context.paths.data_dir, target, prefix=".brief-", suffix=".pdf.part", unwritable=unwritable) as temporary:
        pages = render_pdf(prepared.document, temporary, style, day=prepared.day)
    _log.info("Exported the %s %s of assessment %s to %s (%d pages)", language, document, assessment_id, target, pages)
    return ExportResult(target, pages, tuple(sorted(style.engine.missing)), document)
