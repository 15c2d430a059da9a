"""What makes an evidence reference acceptable: a title, and a file that can really be attached."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

from resilience_app.core.assessment.records import EvidenceDraft
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.core.text_rules import clean_text, shown_file_name, text_problem, text_problems

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
    name = isolate(shown_file_name(path.name))
    if text_problem(path.name) or "\x00" in str(path):
        return _("The name of the file {name} is not valid text (it may come from another system); rename the file, then try again.").format(name=name)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return refusal_message(path.name, "gone", 0)
    except OSError:
        return refusal_message(path.name, "unreadable", 0)
    if stat.S_ISLNK(found.st_mode):
        return refusal_message(path.name, "link", 0)
    if stat.S_ISDIR(found.st_mode):
        return _("{name} is a folder, not a file; choose one file.").format(name=name)
    if not stat.S_ISREG(found.st_mode):
        return refusal_message(path.name, "not-ordinary", 0)
    if not os.access(path, os.R_OK):
        return refusal_message(path.name, "unreadable", 0)
    if found.st_size > MAX_FILE_BYTES:
        return refusal_message(path.name, "too-large", found.st_size)
    return ""


def refusal_message(file_name: str, reason: str, size: int) -> str:
    """What to tell when the evidence folder refused a file while copying it (`FileRefused.reason`)."""
    name = isolate(shown_file_name(file_name))
    if reason == "gone":
        return _("The file {name} does not exist (it may have been moved or deleted).").format(name=name)
    if reason == "unreadable":
        return _("The file {name} cannot be read; check its permissions.").format(name=name)
    if reason == "link":
        return _("{name} is a link to another file, not the file itself; choose the file it points to.").format(name=name)
    if reason == "not-ordinary":
        return _("{name} is not an ordinary file (it is a device, a pipe or a socket); choose a document, table or picture.").format(name=name)
    if reason == "too-large":
        return _("The file {name} is {size} MB, larger than the {limit} MB that can be attached. Add a reference to where it is kept instead.").format(
            name=name, size=format_number(size / 1024 / 1024, decimals=1), limit=format_number(MAX_FILE_BYTES // 1024 // 1024)
        )
    return _("The file {name} changed while it was being copied (it is still being written, or it is not an ordinary document). Try again once it is complete.").format(name=name)


# Kinds of file the desktop opens in a viewer or an office program. Anything else (a program,
# a script, a shortcut, a file with no extension) is never launched: its folder is shown instead.
# Left out on purpose: formats that carry macros or embedded programs (.doc, .xls, .ppt, .rtf,
# and .xml, which Office opens as a document) and archives, whose contents would lose the
# "downloaded from the internet" mark that the copy cannot keep.
OPENABLE_EXTENSIONS = frozenset(
    ".pdf .txt .csv .tsv .md .json "
    ".docx .odt .xlsx .ods .pptx .odp "
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .heic "
    ".kml .kmz .geojson .gpx .mp3 .m4a .wav .ogg .mp4 .mov .avi .mkv .webm".split()
)


def opens_in_a_viewer(stored_file: Path) -> bool:
    """True when the kept copy may be handed to the desktop to open (a document, never a program)."""
    return stored_file.suffix.lower() in OPENABLE_EXTENSIONS
