"""Files refused whole: each with its reason and a plain message, in the language of the window.

`read_workbook` is a pure function: a refusal changes nothing anywhere, so each test only checks the refusal.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
from collections.abc import Callable, Mapping

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from resilience_app.core.contributions.workbook import WorkbookRefused, read_workbook
from resilience_app.core.contributions.workbook_layout import (
    DATA_SHEET,
    FORMAT_VERSION,
    INDEXES,
    LETTERS,
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    MAX_ROWS,
)
from resilience_app.core.contributions.workbook_reader import REFUSAL_REASONS
from resilience_app.core.i18n import using_language
from tests.contributions.workbooks import edited, english_workbook, request
from tests.property.support import has_arabic_letters

KNOWN = [question.question_id for question in request("en").questions]
WORKBOOK = english_workbook()
QUESTIONS_XML = "xl/worksheets/sheet2.xml"


def refusal(data: bytes) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(data, known_question_ids=KNOWN)
    assert refused.value.reason in REFUSAL_REASONS
    assert str(refused.value) and "{" not in str(refused.value)
    return refused.value


def rezipped(data: bytes, *, replace: Mapping[str, bytes] = {}, add: Mapping[str, bytes] = {}, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """`data`'s archive with members replaced or added."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", method) as target:
        for member in source.infolist():
            target.writestr(member.filename, replace.get(member.filename, source.read(member)))
        for name, content in add.items():
            target.writestr(name, content)
    return output.getvalue()




def data_sheet(book: Workbook) -> Worksheet:
    return book[DATA_SHEET]


def record_row(book: Workbook, kind: str, nth: int = 0) -> int:
    rows = [row[0].row for row in data_sheet(book).iter_rows() if row[0].value == kind]
    return int(rows[nth])


# --- not a workbook at all -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"name,sector\nRania,Water\n", id="a CSV renamed .xlsx"),
        pytest.param(bytes(range(256)) * 40, id="random bytes"),
        pytest.param(WORKBOOK[: len(WORKBOOK) // 2], id="truncated"),
        pytest.param(WORKBOOK[:-30], id="end cut off"),
    ],
)
def test_what_is_not_a_zip_archive_is_not_a_workbook(data: bytes) -> None:
    assert refusal(data).reason == "not-xlsx"


def test_another_kind_of_zip_archive_is_not_a_workbook() -> None:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    assert refusal(output.getvalue()).reason == "not-xlsx"


def test_a_password_protected_workbook_is_refused_as_such() -> None:
    compound_file = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)  # how Office stores an encrypted .xlsx or an old .xls
    refused = refusal(compound_file)
    assert refused.reason == "encrypted"
    assert "password" in str(refused)


def test_an_encrypted_member_is_refused() -> None:
    data = bytearray(WORKBOOK)
    central = data.find(b"PK\x01\x02")  # the first member's entry in the central directory
    struct.pack_into("<H", data, central + 8, 0x1)  # its flags: encrypted with a password
    assert refusal(bytes(data)).reason == "encrypted"


# --- macros -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["xl/vbaProject.bin", "xl/macrosheets/sheet1.xml", "xl/activeX/activeX1.bin", "XL/VBAPROJECT.BIN"])
def test_a_workbook_with_macros_is_refused_before_it_is_opened(name: str) -> None:
    refused = refusal(rezipped(WORKBOOK, add={name: b"Attribute VB_Name = \"ThisWorkbook\""}))
    assert refused.reason == "macros"
    assert "macro" in str(refused)


def test_an_xlsm_is_refused_by_its_content_type() -> None:
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"spreadsheetml.sheet.main+xml", b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        )
    assert refusal(rezipped(WORKBOOK, replace={"[Content_Types].xml": types})).reason == "macros"


# --- too large, or damaged --------------------------------------------------------------------------


def test_a_member_that_unpacks_past_the_cap_is_refused_before_unpacking() -> None:
    bomb = rezipped(WORKBOOK, add={"xl/media/padding.bin": bytes(MAX_FILE_BYTES + 1)})
    assert len(bomb) < 1_000_000
    refused = refusal(bomb)
    assert refused.reason == "too-large"
    assert "50" in str(refused)


def test_a_member_packed_far_tighter_than_any_spreadsheet_is_refused() -> None:
    assert refusal(rezipped(WORKBOOK, add={"xl/media/image1.png": bytes(5 * 1024 * 1024)})).reason == "too-large"


def test_a_file_larger_than_the_cap_is_refused_unread() -> None:
    assert refusal(WORKBOOK + bytes(MAX_FILE_BYTES)).reason == "too-large"


def test_a_member_whose_declared_size_lies_is_never_unpacked_past_it() -> None:
    """A zip bomb declares small sizes: zipfile stops at the declared size, and the checksum then fails."""
    data = bytearray(rezipped(WORKBOOK, add={"xl/media/image1.png": bytes(3 * 1024 * 1024)}))
    central = data.rfind(b"PK\x01\x02")  # the last member's entry in the central directory
    assert data[central + 46 : central + 65] == b"xl/media/image1.png"
    struct.pack_into("<I", data, central + 24, 1000)  # its uncompressed size, in the central directory
    assert refusal(bytes(data)).reason == "damaged"


def test_a_member_with_a_wrong_checksum_is_damaged() -> None:
    data = bytearray(rezipped(WORKBOOK, method=zipfile.ZIP_STORED))
    at = data.find(b"<sheetData>")
    data[at + 1 : at + 6] = b"XXXXX"
    assert refusal(bytes(data)).reason == "damaged"


def test_a_member_packed_in_another_way_than_spreadsheets_do_is_damaged() -> None:
    assert refusal(rezipped(WORKBOOK, method=zipfile.ZIP_BZIP2)).reason == "damaged"


def test_two_members_of_the_same_name_are_damaged() -> None:
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as archive:
        sheet = archive.read(QUESTIONS_XML)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        data = rezipped(WORKBOOK, add={QUESTIONS_XML: sheet})
    assert refusal(data).reason == "damaged"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xml_that_declares_entities_is_refused_unparsed(encoding: str) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<sst><si><t>&lol2;</t></si></sst>"
    )
    assert refusal(rezipped(WORKBOOK, replace={"xl/workbook.xml": laughs.encode(encoding)})).reason == "unsafe"


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", QUESTIONS_XML, "[Content_Types].xml"])
def test_a_part_that_is_not_xml_is_damaged(part: str) -> None:
    assert refusal(rezipped(WORKBOOK, replace={part: b"<<<not xml"})).reason == "damaged"


# --- not a department workbook, or one whose structure was changed --------------------------------


def test_a_workbook_the_app_did_not_write_is_not_ours() -> None:
    output = io.BytesIO()
    Workbook().save(output)
    refused = refusal(output.getvalue())
    assert refused.reason == "not-ours"
    assert DATA_SHEET in str(refused)


def test_a_data_sheet_without_the_format_marker_is_not_ours() -> None:
    assert refusal(edited(lambda book: data_sheet(book).cell(1, 2, "something else"))).reason == "not-ours"


def test_a_workbook_of_a_newer_format_asks_for_a_newer_app() -> None:
    refused = refusal(edited(lambda book: data_sheet(book).cell(1, 3, str(FORMAT_VERSION + 1))))
    assert refused.reason == "newer"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "workbook_id"), 2, "not-a-uuid"), id="workbook id"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "assessment_id"), 2, "seven"), id="assessment id"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "assessment_id"), 2, 7), id="a number, not the text written"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "language"), 2, "fr"), id="language"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "framework_id"), 1, "renamed"), id="a record missing"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question", 1), 2, KNOWN[0]), id="a question placed twice"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question", 1), 3, "2"), id="two questions on one row"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question"), 3, "1"), id="a question on the header row"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question"), 3, "٢"), id="a row in other digits"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question"), 4, "maybe"), id="quantitative or not"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "question"), 2, "x" * 300), id="a long id"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "level_name"), 3, "6"), id="a level that is not one"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "column", INDEXES["level"]), 3, "Z"), id="a column's letter"),
        pytest.param(lambda book: data_sheet(book).cell(record_row(book, "column", INDEXES["level"]), 1, "gone"), id="a column's record"),
        pytest.param(lambda book: data_sheet(book).cell(MAX_DATA_ROWS + 1, 1, "question"), id="too many records"),
    ],
)
def test_a_changed_data_sheet_is_refused_with_the_cell_that_changed(change: Callable[[Workbook], object]) -> None:
    refused = refusal(edited(change))
    assert refused.reason == "data-changed"
    assert DATA_SHEET in str(refused)


def test_a_renamed_questions_sheet_is_missing() -> None:
    def rename(book: Workbook) -> None:
        book.worksheets[1].title = "My answers"

    refused = refusal(edited(rename))
    assert refused.reason == "questions-missing"
    assert "Questions" in str(refused)


def test_an_inserted_column_is_refused_naming_the_column() -> None:
    refused = refusal(edited(lambda book: book.worksheets[1].insert_cols(5)))
    assert refused.reason == "columns-changed"
    assert LETTERS["level"] in str(refused)


def test_a_changed_header_is_refused() -> None:
    refused = refusal(edited(lambda book: book.worksheets[1].cell(1, INDEXES["level"] + 1, "My level")))
    assert refused.reason == "columns-changed"


def test_more_rows_than_any_workbook_are_refused() -> None:
    refused = refusal(edited(lambda book: book.worksheets[1].cell(MAX_ROWS + 1, 13, "one more")))
    assert refused.reason == "too-many-rows"
    assert re.search("5,000", str(refused))


def test_a_question_on_two_rows_is_refused_naming_both() -> None:
    def copy_row(book: Workbook) -> None:
        sheet = book.worksheets[1]
        for column in range(1, 16):
            sheet.cell(20, column, sheet.cell(3, column).value)

    refused = refusal(edited(copy_row))
    assert refused.reason == "duplicate-question"
    assert KNOWN[1] in str(refused)
    assert "3" in str(refused) and "20" in str(refused)


def test_a_refusal_reads_in_arabic_in_an_arabic_window() -> None:
    with using_language("ar"):
        refused = refusal(b"not a workbook")
    assert has_arabic_letters(str(refused))
