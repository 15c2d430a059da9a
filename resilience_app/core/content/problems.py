"""Content problems: a stable code, a severity, where it is (file, line, item) and a hint.

Messages are templates marked for translation and rendered in the current
language when shown, so a problem list can be printed in Arabic or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from resilience_app.core.i18n import N_, _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# code -> message template. Codes are stable: tests, documentation and users rely on them.
MESSAGES: dict[str, str] = {
    "file-unreadable": N_("The file cannot be read: {reason}"),
    "yaml-syntax": N_("The file is not valid YAML: {reason}"),
    "not-a-mapping": N_("Expected a mapping of fields here, found {found}."),
    "not-a-list": N_("Expected a list here, found {found}."),
    "unsupported-schema": N_("Schema version {found} is not supported; this app reads schema {expected}."),
    "unknown-kind": N_("Unknown kind of content “{found}”."),
    "missing-field": N_("The field “{field}” is missing."),
    "unknown-field": N_("Unknown field “{field}”."),
    "wrong-type": N_("The field “{field}” should be {expected}, found {found}."),
    "missing-translation": N_("The field “{field}” has no {language} text."),
    "unknown-language": N_("The field “{field}” has text in an unsupported language “{language}”."),
    "invalid-id": N_("“{id}” is not a valid id."),
    "duplicate-id": N_("The id “{id}” is already used at {other}."),
    "unknown-reference": N_("“{id}” does not name a known {target}."),
    "invalid-value": N_("The field “{field}” cannot be “{found}”; expected one of: {expected}."),
    "bad-thresholds": N_("The thresholds must be four numbers in {order} order."),
    "no-content": N_("No content files were found in {path}."),
    "empty-list": N_("The list “{field}” is empty."),
    "out-of-range": N_("The field “{field}” must be between {low} and {high}."),
    "not-a-file": N_("This is {found}, not an ordinary file; content files must be ordinary files."),
    "too-large": N_("The file is larger than {limit} MB, the most a content file may be."),
}

HINTS: dict[str, str] = {
    "yaml-syntax": N_("Check the indentation and quoting near this line."),
    "missing-translation": N_("Every user-visible text needs both English (en) and Arabic (ar)."),
    "invalid-id": N_("Use lower-case letters, digits, “-” and “.”, starting with a letter."),
    "duplicate-id": N_("Ids must be unique across the framework, the hazard catalogue and the glossary."),
    "unsupported-schema": N_("Update the app, or write the file for schema 1."),
    "unknown-kind": N_("Use one of: framework, indicators, hazards, glossary, stakeholders."),
    "not-a-file": N_("Name a folder or a .yaml file; a pipe, a device or a folder named .yaml is not read."),
    "too-large": N_("Split the content into several smaller files."),
}


@dataclass(frozen=True)
class Problem:
    """One problem found in a content file."""

    code: str
    severity: Severity
    file: Path
    line: int | None
    item_id: str | None
    params: tuple[tuple[str, str], ...] = ()
    suggestion: str | None = field(default=None)

    @property
    def message(self) -> str:
        return _(MESSAGES[self.code]).format(**dict(self.params))

    @property
    def hint(self) -> str:
        if self.suggestion:
            return _("did you mean “{suggestion}”?").format(suggestion=self.suggestion)
        template = HINTS.get(self.code)
        return _(template) if template else ""

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else str(self.file)

    def format(self) -> str:
        """`file:line: CODE message (hint)`, the form the command line prints."""
        item = f" [{self.item_id}]" if self.item_id else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.location()}: {self.code}{item} {self.message}{hint}"
