"""Content problems: a stable code, a severity, where it is (file, line, item) and a hint.

Messages are templates marked for translation and rendered in the current
language when shown, so a problem list can be printed in Arabic or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from resilience_app.core.error_catalogue import PROBLEMS, ProblemCode
from resilience_app.core.i18n import _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem found in a content file."""

    code: ProblemCode
    severity: Severity
    file: Path
    line: int | None
    item_id: str | None
    params: tuple[tuple[str, str], ...] = ()
    suggestion: str | None = field(default=None)

    @property
    def message(self) -> str:
        return _(PROBLEMS[self.code].message).format(**dict(self.params))

    @property
    def hint(self) -> str:
        if self.suggestion:
            return _("did you mean “{suggestion}”?").format(suggestion=self.suggestion)
        template = PROBLEMS[self.code].hint
        return _(template) if template else ""

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else str(self.file)

    def format(self) -> str:
        """`file:line: CODE message (hint)`, the form the command line prints."""
        item = f" [{self.item_id}]" if self.item_id else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.location()}: {self.code}{item} {self.message}{hint}"
