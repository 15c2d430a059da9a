"""What makes an evidence reference acceptable: a title, and a file that can really be attached."""

from __future__ import annotations

import dataclasses
import os

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.core.storage.records import EvidenceDraft
from resilience_app.core.text_rules import clean_text, text_problems

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TITLE_LENGTH = 300
MAX_REFERENCE_LENGTH = 1000


def clean_evidence(draft: EvidenceDraft) -> EvidenceDraft:
    """The evidence ready to store; raises `InvalidInputError` naming each field that is not."""
    title, reference = clean_text(draft.title), clean_text(draft.reference)
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = _("Give the evidence a title, such as the name of the report or dataset.")
    elif len(title) > MAX_TITLE_LENGTH:
        problems["title"] = _("Keep this under {count} characters.").format(count=format_number(MAX_TITLE_LENGTH))
    if len(reference) > MAX_REFERENCE_LENGTH:
        problems["reference"] = _("Keep this under {count} characters.").format(count=format_number(MAX_REFERENCE_LENGTH))
    problems.update(text_problems(draft, "title", "reference"))
    if draft.source_file is not None:
        file_problem = _file_problem(draft)
        if file_problem:
            problems["source_file"] = file_problem
    if problems:
        raise InvalidInputError(problems)
    return dataclasses.replace(draft, title=title, reference=reference)


def _file_problem(draft: EvidenceDraft) -> str:
    path = draft.source_file
    assert path is not None
    name = isolate(path.name)
    if not path.exists():
        return _("The file {name} does not exist (it may have been moved or deleted).").format(name=name)
    if not path.is_file():
        return _("{name} is a folder, not a file; choose one file.").format(name=name)
    if not os.access(path, os.R_OK):
        return _("The file {name} cannot be read; check its permissions.").format(name=name)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return _("The file {name} is {size} MB, larger than the {limit} MB that can be attached. Add a reference to where it is kept instead.").format(
            name=name, size=format_number(size / 1024 / 1024, decimals=1), limit=format_number(MAX_FILE_BYTES // 1024 // 1024)
        )
    return ""
