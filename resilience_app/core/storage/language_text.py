"""A text column that reads text the app wrote in every language in the current one, and writes it back whole
(`core.every_language`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Dialect, String, Text
from sqlalchemy.types import TypeDecorator

from resilience_app.core.every_language import as_stored, in_language


class LanguageText(TypeDecorator[str]):
    """Stored as text; a value held in every language is read in the current language, any other as stored.

    `length` is kept for the schema (the same VARCHAR as before).
    """

    impl = Text
    cache_ok = True

    def __init__(self, length: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.length = length

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        return dialect.type_descriptor(String(self.length) if self.length else Text())

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else as_stored(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else in_language(value)
