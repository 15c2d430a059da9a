"""What every export of the brief does first, whatever the file format: check, then build the document.

The language, the sections and the target file are checked before anything is read, so a refusal
costs nothing and leaves nothing behind; the document model is then built from the assessment's data
with the content marked sensitive already left out unless included (`data.collect`), so no renderer
(PDF, Word) can print what is withheld.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.brief.builder import build_brief, check_sections
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import BriefDocument
from resilience_app.core.brief.sections import BRIEF
from resilience_app.core.context import CoreContext
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.file_export import export_target
from resilience_app.core.i18n import SUPPORTED_LANGUAGES


@dataclass(frozen=True)
class PreparedExport:
    target: Path  # the absolute file to write, checked: not a folder, not one of the app's own files
    document: BriefDocument
    day: dt.date  # the day the document says it was prepared on (the file's dates follow it)


def unwritable(target: Path, reason: str) -> UserFacingError:
    """The export's error for a file that cannot be written, with the reason (the same for every format)."""
    return user_error(ErrorCode.EXPORT_FAILED, path=str(target), reason=reason)


def prepare_export(
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
) -> PreparedExport:
    """The checked target and the model of an assessment's `document` ("brief" or "pra") with `sections` (by default the document's own)."""
    if language not in SUPPORTED_LANGUAGES:
        raise user_error(ErrorCode.UNSUPPORTED_LANGUAGE)
    chosen = check_sections(sections, document)
    target = export_target(path, is_own_file=is_own_file, unwritable=unwritable)
    data = collect(context, assessment_id, language=language, today=today, include_sensitive=include_sensitive)
    return PreparedExport(target, build_brief(data, language, chosen, document), data.prepared_on)
