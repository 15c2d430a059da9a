"""Read an exported workbook back as Excel or Power BI would: each sheet a table under its header row."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Sheet name -> its rows, each a mapping of header -> value."""
    book = load_workbook(path)
    result = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        header = [str(title) for title in rows[0]]
        result[sheet.title] = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    return result


def sheet_xml(path: Path) -> dict[str, str]:
    """The raw XML of every worksheet part, by part name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("xl/worksheets/sheet")}
