"""Small conversions every sheet uses: lists of ids and names in one cell, empty texts as empty cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from resilience_app.core.content.model import Framework
from resilience_app.core.formatting import local_moment
from resilience_app.core.i18n import _, current_language

ID_SEPARATOR = ", "  # ids never hold a comma, so Power BI's "split column by delimiter" takes them apart
LINE = "\n"  # names and titles may hold commas: one per line


def text(value: str | None) -> str | None:
    """A text as a cell: an empty one is an empty cell (Excel and Power BI read blank, not an empty string)."""
    stripped = (value or "").strip()
    return stripped or None


def label(names: Mapping[Any, str], key: object) -> str | None:
    """The translated name of a stored value (a status, a kind, a scale level); an empty cell when it has none."""
    name = names.get(key)
    return _(name) if name is not None else None


def ids(values: Iterable[object]) -> str | None:
    """Stable ids (of goals, items, qualities) in one cell."""
    return ID_SEPARATOR.join(str(value) for value in values) or None


def lines(values: Iterable[str]) -> str | None:
    """Names or titles in one cell, one per line."""
    return LINE.join(value for value in values if value) or None


def goal_names(framework: Framework, goal_ids: Iterable[str]) -> str | None:
    """The goals' names in the current language, one per line (an id no longer in the framework as it is)."""
    language = current_language()
    return lines((goal.name.in_language(language) if (goal := framework.goal(goal_id)) is not None else goal_id) for goal_id in goal_ids)


def quality_names(framework: Framework, quality_ids: Iterable[str]) -> str | None:
    language = current_language()
    names = {quality.id: quality.name.in_language(language) for quality in framework.qualities}
    return lines(names.get(quality_id, quality_id) for quality_id in quality_ids)


def moment(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as the user's local date and time, as the app shows it (Excel keeps no time zone)."""
    return local_moment(value) if value is not None else None
