"""Department workbooks made from the shipped framework, and filled in the way a department would."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.content.model import Framework
from resilience_app.core.contributions import workbook_writer
from resilience_app.core.contributions.workbook import WorkbookQuestion, WorkbookRequest, write_workbook
from resilience_app.core.contributions.workbook_layout import DATA_QUALITY_COLUMNS, DATA_SHEET, FORMAT_VERSION, RECORD_COLUMN, layout_for
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.spreadsheet_text import put_text

WORKBOOK_ID = "0123456789abcdef0123456789abcdef"

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Calc (soffice) is not installed")


@cache
def framework() -> Framework:
    found = load_content([resources.forms_dir()]).content.default_framework
    assert found is not None
    return found


def questions(language: str, *, count: int = 6) -> list[WorkbookQuestion]:
    """The framework's first `count` questions, and its first quantitative ones, as the workbook shows them."""
    chosen = list(framework().questions())[:count]
    chosen += [question for question in framework().questions() if question.numeric is not None and question not in chosen][:2]
    made = []
    for question in chosen:
        placement = framework().placement(question.id)
        made.append(
            WorkbookQuestion(
                question_id=question.id,
                goal=f"{format_number(placement.goal.number, language=language)} · {placement.goal.name.in_language(language)}",
                indicator=f"{localise_digits(placement.indicator.number, language=language)} · {placement.indicator.name.in_language(language)}",
                prompt=question.prompt.in_language(language),
                guidance=question.guidance.in_language(language),
                scenarios={level: text.in_language(language) for level, text in question.scenarios.items()},
                unit=question.numeric.unit.in_language(language) if question.numeric else "",
                answered_by="Water Authority" if language == "en" else "سلطة المياه",
            )
        )
    return made


def level_names(language: str) -> dict[int, str]:
    return {level: name.in_language(language) for level, name in framework().levels.items()}


def request(language: str, **changes: object) -> WorkbookRequest:
    values: dict[str, object] = dict(
        workbook_id=WORKBOOK_ID,
        assessment_id=7,
        city="Madaba" if language == "en" else "مادبا",
        framework_id=framework().id,
        framework_version=framework().version,
        contributor_name="Rania Haddad" if language == "en" else "رانيا حداد",
        contributor_department="Water & Sanitation" if language == "en" else "دائرة المياه والصرف الصحي",
        language=language,
        deadline=dt.date(2026, 11, 24),
        return_to="Omar Khalil, CRO, omar.khalil@madaba.example" if language == "en" else "عمر خليل، مسؤول المرونة، omar.khalil@madaba.example",
        level_names=level_names(language),
        questions=questions(language),
        other_level_names={other: level_names(other) for other in SUPPORTED_LANGUAGES if other != language},
    )
    values.update(changes)
    return WorkbookRequest(**values)  # type: ignore[arg-type]


@cache
def english_workbook() -> bytes:
    """An English department workbook as the app writes it (made once)."""
    return write_workbook(request("en"))


@contextmanager
def writing_format(version: int) -> Iterator[None]:
    """The writer writes format `version` (2 or later) meanwhile, with that version's columns, as the app did when it was
    the current one: the workbooks still out with departments."""
    with mock.patch.object(workbook_writer, "FORMAT_VERSION", version):
        yield


def written_in_format(version: int, made: WorkbookRequest) -> bytes:
    """`made` as the app wrote it when its format was `version`. Format 1 is format 2 without the data-quality columns
    and their records."""
    with writing_format(max(version, 2)):
        data = write_workbook(made)
    return data if version > 1 else edited(_first_format, data)


def _first_format(book: Workbook) -> None:
    data = book[DATA_SHEET]
    data.cell(1, 3, "1")
    for row in data.iter_rows():
        if row[0].value == RECORD_COLUMN and row[1].value in DATA_QUALITY_COLUMNS:
            for cell in row:
                cell.value = None
    first_data_quality = layout_for(2).indexes[DATA_QUALITY_COLUMNS[0]] + 1
    book.worksheets[1].delete_cols(first_data_quality, len(DATA_QUALITY_COLUMNS))


def edited(change: Callable[[Workbook], object], data: bytes | None = None) -> bytes:
    """`data` (the English workbook by default) changed through openpyxl, as a department could after unprotecting a sheet."""
    book = load_workbook(io.BytesIO(english_workbook() if data is None else data))
    change(book)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class Raw(str):
    """A text `filled` writes into its cell as it is, escapes and all (as a file made elsewhere may hold it)."""


def filled(
    data: bytes, answers: Mapping[int, Mapping[str, object]], *, sheet: str | None = None, version: int = FORMAT_VERSION
) -> bytes:
    """`data` with cells typed in: row -> column key -> value; a str is typed as text (even "=…"), None empties the cell.
    The columns are those of format `version`, the workbook's."""
    book = load_workbook(io.BytesIO(data))
    questions_sheet = book[sheet] if sheet else book.worksheets[1]
    letters = layout_for(version).letters
    for row, cells in answers.items():
        for key, value in cells.items():
            cell = questions_sheet[f"{letters[key]}{row}"]
            if isinstance(value, Raw):
                cell.value = str(value)
                cell.data_type = "s"
            elif isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def through_libreoffice(data: bytes, folder: Path, *, to: str = "xlsx") -> bytes:
    """`data` opened and saved again by LibreOffice Calc (as .xlsx, or printed to .pdf)."""
    source = folder / "workbook.xlsx"
    source.write_bytes(data)
    out = folder / "out"
    profile = folder / "profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return (out / f"workbook.{to}").read_bytes()
