"""The workbook as plain tables: what each sheet holds, in one language, before any file format.

The builders (`builder.py` and its sheet modules) turn the data a brief reads (`brief.data.BriefData`,
with the sensitive content already left out or included) into this model; `xlsx.write_xlsx` writes it.
Tests read the model and the file alike. Every sheet is one table: one header row, then one row per
record, one value per cell, so Excel's filters and Power BI read it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from resilience_app.core.brief.data import BriefData

CellValue = str | int | float | Decimal | bool | dt.date | dt.datetime | None
# How a column's numbers are shown: "level" one decimal (as the app shows a mean level), "share" a percentage.
# Texts, whole numbers, dates and times, and yes/no are shown by their kind whatever the column says.
NumberFormat = Literal["general", "level", "share"]

MAX_SHEET_TITLE = 31  # characters Excel allows in a sheet's name


@dataclass(frozen=True)
class Column:
    title: str  # the header, in the workbook's language
    width: float = 14  # the most characters wide the column is made (in Excel's measure); narrower when its texts are shorter
    number_format: NumberFormat = "general"


@dataclass(frozen=True)
class Sheet:
    """One table of the workbook."""

    key: str  # stable and language-free ("answers"): what tests, tools and extra builders name a sheet by
    title: str  # the tab's name in the workbook's language (at most MAX_SHEET_TITLE characters)
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellValue, ...], ...]


@dataclass(frozen=True)
class Workbook:
    language: str
    title: str  # the document's title (its properties), in `language`
    sheets: tuple[Sheet, ...]


# Makes one sheet from what the brief reads, in the current language (the builder sets it). The workbook's
# own sheets are `builder.SHEET_BUILDERS`; a feature adds its sheet by handing the export one of these.
SheetBuilder = Callable[[BriefData], Sheet]
