"""Short lists of ids (goals, qualities, register items) kept in one text column, space-separated."""

from __future__ import annotations

from collections.abc import Iterable


def join_ids(ids: Iterable[object]) -> str:
    return " ".join(str(item) for item in ids)


def split_ids(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def split_int_ids(text: str) -> tuple[int, ...]:
    return tuple(int(item) for item in text.split())
