"""Checks shared by every form: lengths, required titles, surrounding spaces."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _

Draft = TypeVar("Draft", bound=Any)


def too_long(text: str, limit: int) -> str:
    """A message when `text` is over `limit` characters, else ""."""
    return _("Keep this under {count} characters.").format(count=format_number(limit)) if len(text) > limit else ""


def title_problem(title: str, when_missing: str, limit: int) -> str:
    return when_missing if not title else too_long(title, limit)


def strip_texts(draft: Draft) -> Draft:
    """The dataclass `draft` with every text field stripped of surrounding spaces."""
    return dataclasses.replace(
        draft, **{field.name: getattr(draft, field.name).strip() for field in dataclasses.fields(draft) if isinstance(getattr(draft, field.name), str)}
    )
