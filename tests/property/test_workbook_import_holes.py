"""Holes found attacking the department workbook import (issue 18), each closed; plain tests beside the fuzzing
that found them (test_workbook_import_fuzz.py).

- A cell, a sheet name or a hidden record holding direction controls (U+2069 to close the message's isolate,
  then U+202E to turn what follows around) was quoted as it was, so a returned workbook could make the app's
  own message read otherwise. Quoted texts now show each such control written out, and the sheet name and
  question ids, which the app never writes with one, are refused when they hold one.
- TRUE or FALSE typed into a text cell was stored as "Yes" or "No" in the language of the window that
  previewed it: the same workbook imported again in the other language changed what was stored, with a line
  in the history. It is now worded in the workbook's language.
- A sheet of a million empty cells in one row packs into a few hundred kilobytes, passes the size and packing
  checks, and took openpyxl gigabytes of memory (a row's cells are held at once): no file inside the archive
  may now hold more than MAX_TAGS XML elements, checked before anything parses it.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Mapping

import pytest
from openpyxl.workbook.workbook import Workbook

from resilience_app.core.contributions import workbook_reader
from resilience_app.core.contributions.workbook import WorkbookRefused, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_layout import DATA_SHEET, INDEXES, LETTERS, MAX_TAGS
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, using_language
from resilience_app.core.services import ResilienceService
from tests.contributions.workbooks import edited, english_workbook, framework, questions, request

KNOWN = [question.question_id for question in request("en").questions]
WORKBOOK = english_workbook()
QUESTIONS_XML = "xl/worksheets/sheet2.xml"
TURNED = "\u2069\u202eevil"  # closes the isolate the message puts around a quoted text, then overrides the direction


def balanced(message: str) -> bool:
    """No override or embedding, and every isolate closed by the message itself, in order."""
    if any(control in message for control in "\u202a\u202b\u202c\u202d\u202e"):
        return False
    depth = 0
    for character in message:
        depth += character in "\u2066\u2067\u2068"
        depth -= character == POP_DIRECTIONAL_ISOLATE
        if depth < 0:
            return False
    return depth == 0




def record_row(book: Workbook, kind: str) -> int:
    sheet = book[DATA_SHEET]
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == kind)


def refusal(data: bytes) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(data, known_question_ids=KNOWN)
    return refused.value


# --- direction controls quoted into messages --------------------------------------------------------


def test_a_cell_that_would_turn_its_message_around_is_quoted_with_its_controls_written_out() -> None:
    data = edited(lambda book: book.worksheets[1].cell(2, INDEXES["level"] + 1, TURNED))
    [problem] = read_workbook(data, known_question_ids=KNOWN).problems
    assert balanced(problem.message), ascii(problem.message)
    assert f"{FIRST_STRONG_ISOLATE}[U+2069][U+202E]evil{POP_DIRECTIONAL_ISOLATE}" in problem.message


def test_a_question_id_on_two_rows_is_quoted_with_its_controls_written_out() -> None:
    def twice(book: Workbook) -> None:
        book.worksheets[1].cell(20, 1, f"q{TURNED}")
        book.worksheets[1].cell(21, 1, f"q{TURNED}")

    refused = refusal(edited(twice))
    assert refused.reason == "duplicate-question"
    assert balanced(str(refused)) and "[U+202E]" in str(refused), ascii(str(refused))


def test_a_column_header_recorded_with_controls_is_quoted_with_them_written_out() -> None:
    def header(book: Workbook) -> None:
        row = next(row for row in range(1, book[DATA_SHEET].max_row + 1) if book[DATA_SHEET].cell(row, 2).value == "level")
        book[DATA_SHEET].cell(row, 4, f"Level{TURNED}")
        book.worksheets[1].cell(1, INDEXES["level"] + 1, "Niveau")  # the sheet's header changed too: a column moved, not the hidden record alone

    refused = refusal(edited(header))
    assert refused.reason == "columns-changed" and LETTERS["level"] in str(refused)
    assert balanced(str(refused)), ascii(str(refused))


def test_a_column_header_changed_only_on_the_hidden_sheet_says_the_hidden_sheet_changed() -> None:
    """The sheet still shows the app's header: telling the department to rename column I to the record's text misleads."""

    def header(book: Workbook) -> None:
        row = next(row for row in range(1, book[DATA_SHEET].max_row + 1) if book[DATA_SHEET].cell(row, 2).value == "level")
        book[DATA_SHEET].cell(row, 4, f"Level{TURNED}")

    refused = refusal(edited(header))
    assert refused.reason == "data-changed" and "[U+202E]" not in str(refused)
    assert balanced(str(refused)), ascii(str(refused))


def test_a_questions_sheet_named_with_a_control_is_refused_as_a_changed_data_sheet() -> None:
    """Its name begins the location of every cell a message names ("Questions!I2")."""

    def rename(book: Workbook) -> None:
        book.worksheets[1].title = f"Q{TURNED}"
        book[DATA_SHEET].cell(record_row(book, "questions_sheet"), 2, f"Q{TURNED}")

    refused = refusal(edited(rename))
    assert refused.reason == "data-changed" and balanced(str(refused))


def test_a_question_recorded_with_a_control_in_its_id_is_refused_as_a_changed_data_sheet() -> None:
    def question(book: Workbook) -> None:
        row = record_row(book, "question")
        book[DATA_SHEET].cell(row, 2, f"{KNOWN[0]}{TURNED}")
        book.worksheets[1].cell(2, 1, f"{KNOWN[0]}{TURNED}")

    refused = refusal(edited(question))
    assert refused.reason == "data-changed" and balanced(str(refused))


def test_a_framework_id_with_controls_is_quoted_with_them_written_out(service: ResilienceService, assessment_id: int) -> None:
    data = write_workbook(request("en", assessment_id=assessment_id, framework_id=f"resilience{TURNED}"))
    with pytest.raises(UserFacingError) as refused:
        service.contributions.preview_workbook(assessment_id, data)
    assert refused.value.code == ErrorCode.WORKBOOK_OTHER_FRAMEWORK
    assert balanced(str(refused.value)) and "[U+202E]" in str(refused.value), ascii(str(refused.value))


# --- a truth value typed into a text cell ----------------------------------------------------------


@pytest.mark.parametrize(("language", "truth"), [("en", "Yes"), ("ar", "نعم")])
def test_true_typed_as_a_justification_reads_the_same_in_either_window(language: str, truth: str) -> None:
    data = edited(lambda book: book.worksheets[1].cell(2, INDEXES["justification"] + 1, True), write_workbook(request(language)))
    readings = []
    for window in ("en", "ar"):
        with using_language(window):
            readings.append(read_workbook(data, known_question_ids=KNOWN).answers)
    assert readings[0] == readings[1]
    assert readings[0][0].justification == truth


# --- a small file that unpacks into gigabytes of cells ---------------------------------------------


def rezipped(replace: Mapping[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as archive:
        members = {member.filename: archive.read(member) for member in archive.infolist()}
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {**members, **replace}.items():
            archive.writestr(name, content)
    return output.getvalue()


def noisy(piece: bytes, count: int) -> bytes:
    """`piece` `count` times, each followed by a space or a line break at random: packs about 40 times smaller,
    little enough to pass the check that refuses a file unpacking to hundreds of times its packed size."""
    noise = random.Random(18)
    return b"".join(piece + noise.choice((b" ", b"\n")) for _ in range(count))


@pytest.fixture
def never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was handed to openpyxl")

    monkeypatch.setattr(workbook_reader, "load_workbook", parse)


@pytest.mark.usefixtures("never_parsed")
def test_a_row_of_more_cells_than_any_workbook_is_refused_before_it_is_parsed() -> None:
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as archive:
        sheet = archive.read(QUESTIONS_XML)
    end = sheet.index(b"</row>")
    data = rezipped({QUESTIONS_XML: sheet[:end] + noisy(b"<c/>", MAX_TAGS + 1) + sheet[end:]})
    assert len(data) < 200_000, "small enough for any mailbox"
    assert refusal(data).reason == "unsafe"


@pytest.mark.usefixtures("never_parsed")
def test_more_shared_texts_than_any_workbook_are_refused_before_they_are_parsed() -> None:
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + noisy(b"<si><t/></si>", MAX_TAGS // 2 + 1) + b"</sst>"
    assert refusal(rezipped({"xl/sharedStrings.xml": strings})).reason == "unsafe"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_whole_framework_stays_far_below_the_limit(language: str) -> None:
    data = write_workbook(request(language, questions=questions(language, count=len(list(framework().questions())))))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        largest = max(archive.read(member).count(b"<") for member in archive.infolist())
    assert largest * 20 < MAX_TAGS
    assert read_workbook(data, known_question_ids=[question.id for question in framework().questions()]).problems == ()
