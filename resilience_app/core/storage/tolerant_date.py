"""A date column that reads an unreadable value (another tool's, or a damaged file's) as no date.

An optional date (an assessment's, a round's) only describes or orders: one unreadable cell must not make
every assessment of the file unreachable. The value stays in the file as it was; it is logged, and read as None.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, Dialect
from sqlalchemy.types import TypeDecorator

_log = logging.getLogger("resilience_app.storage")


class TolerantDate(TypeDecorator[dt.date]):
    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], dt.date | None] | None:
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None
        read: Callable[[Any], dt.date | None] = inner

        def process(value: Any) -> dt.date | None:
            try:
                return read(value)
            except (ValueError, TypeError):
                _log.warning("An unreadable date (%r) read as no date", value)
                return None

        return process
