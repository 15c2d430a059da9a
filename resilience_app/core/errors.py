"""The two kinds of failure: expected failures of the world, and bugs.

A `UserFacingError` is something the user can understand and act on (a locked
database, an invalid content file, a full disk). It carries a translated message
and a hint, and is shown as a plain dialog or a plain line on the command line.
Anything else that escapes is a bug and is reported with the log file's location.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected failure, with a message and a hint already in the user's language."""

    def __init__(self, message: str, *, hint: str = "", code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InvalidInputError(UserFacingError):
    """Values typed by the user are not acceptable; `field_errors` maps field names to messages."""

    def __init__(self, field_errors: dict[str, str], *, message: str = "") -> None:
        first = next(iter(field_errors.values()), "")
        super().__init__(message or first, code="invalid-input")
        self.field_errors = dict(field_errors)
