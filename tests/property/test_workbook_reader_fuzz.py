"""The department workbook reader fed thousands of returned workbooks: cells typed with anything from the
whole of Unicode, numbers, dates and formulas, hidden records changed, bytes of the file or of its parts
damaged. Whatever it is given: a reading whose every problem names its cell, or a whole-file refusal with
a plain message; never a traceback; and the rows nobody touched read exactly as before."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from typing import Literal

from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from resilience_app.core.contributions.workbook import WorkbookReading, WorkbookRefused, read_workbook, write_workbook
from resilience_app.core.contributions.workbook_layout import COLUMNS, DATA_SHEET, FIRST_QUESTION_ROW, LETTERS
from resilience_app.core.contributions.workbook_reader import REFUSAL_REASONS
from resilience_app.core.i18n import using_language
from tests.contributions.workbooks import level_names, questions, request
from tests.property.support import FUZZ, reads_in_arabic

MADE = request("en", questions=questions("en", count=2))  # two questions and two quantitative ones
KNOWN = [question.question_id for question in MADE.questions]
TEMPLATE = write_workbook(MADE)
ROWS = range(FIRST_QUESTION_ROW, FIRST_QUESTION_ROW + len(KNOWN))
BASELINE = {answer.cell_row: answer for answer in read_workbook(TEMPLATE, known_question_ids=KNOWN).answers}
LOCATED = re.compile(f"Questions!({'|'.join(LETTERS.values())})([0-9]+)")
with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as template_archive:
    MEMBERS = {member.filename: template_archive.read(member) for member in template_archive.infolist()}


# --- what a department (or an attacker) types ------------------------------------------------------

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
unicode_text = st.text(st.characters(exclude_categories=SURROGATES), max_size=40)  # the whole of Unicode but lone surrogates
escapes = st.integers(0, 0xFFFF).map(lambda code: f"_x{code:04X}_")  # how Excel writes what XML cannot hold
words = st.sampled_from(
    [*level_names("en").values(), *level_names("ar").values(), "Not applicable", "لا ينطبق", "Don't know", "لا أعرف", "?", "N/A", "High", "عالية",
     "low", "3 · Partly in place", "٣ – قائم جزئياً", "٣", "۴", "3.0", "3,5", "٣٫٥", "1,250", "=1+1", "+1", "-1", "@A1", "#N/A", "#REF!", "TRUE",
     "\u200f3\u200f", " ", "", "q-1.1.a", "q-1.1.b", "q-9.9.z", "x" * 21_000]
)
texts = st.one_of(unicode_text, words, st.lists(st.one_of(unicode_text, escapes, words), max_size=4).map("".join))
values = st.one_of(
    st.none(), texts, texts, texts,
    st.integers(-(10**30), 10**30), st.sampled_from([1, 2, 3, 4, 5, 0, 6, -3]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)), st.dates(min_value=dt.date(1900, 3, 1)),
)
questions_cells = st.tuples(st.integers(1, len(KNOWN) + 4), st.integers(1, len(COLUMNS) + 1))
data_cells = st.tuples(st.integers(1, 40), st.integers(1, 5))


@st.composite
def typed_workbooks(draw: st.DrawFn) -> tuple[bytes, set[int] | None]:
    """The template with cells typed in (mostly answer cells, sometimes anything, the hidden sheet now and then),
    and the question rows that were typed into (None when the hidden sheet was changed: any row may then fail)."""
    book = load_workbook(io.BytesIO(TEMPLATE))
    sheet, data_sheet = book.worksheets[1], book[DATA_SHEET]
    touched: set[int] = set()
    edited = []
    answer_columns = [index for index, column in enumerate(COLUMNS, start=1) if column.answer]
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, 9))
        if where < 7:
            row, column = draw(st.sampled_from(list(ROWS))), draw(st.sampled_from(answer_columns))
            target = sheet.cell(row, column)
        elif where < 9:
            row, column = draw(questions_cells)
            target = sheet.cell(row, column)
        else:
            row, column = draw(data_cells)
            target = data_sheet.cell(row, column)
            event("the hidden sheet changed")
        value = draw(values)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # openpyxl cannot write these at all (a spreadsheet writes them escaped)
            target.value = value
            if not (value.startswith("=") and draw(st.booleans())):  # now and then a real formula
                target.data_type = "s"
        else:
            target.value = value
        edited.append(target)
        if target.parent is sheet:
            touched.add(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue(), None if any(cell.parent is data_sheet for cell in edited) else touched


# --- damaged files -------------------------------------------------------------------------------


def damaged(data: bytes, seed: int, changes: int) -> bytes:
    """`data` with bytes flipped, inserted, deleted, or cut short."""
    noise = random.Random(seed)
    damaged_bytes = bytearray(data)
    for _ in range(changes):
        if not damaged_bytes:
            break
        at = noise.randrange(len(damaged_bytes))
        kind = noise.randrange(4)
        if kind == 0:
            damaged_bytes[at] = noise.randrange(256)
        elif kind == 1:
            damaged_bytes[at:at] = noise.randbytes(noise.randrange(1, 8))
        elif kind == 2:
            del damaged_bytes[at : at + noise.randrange(1, 8)]
        else:
            del damaged_bytes[at:]
    return bytes(damaged_bytes)


XML_PIECES = [b"<", b">", b"/>", b'"', b"&amp;", b"&#0;", b"&#xD800;", b"<!DOCTYPE x>", b"<c r=\"I2\" t=\"s\"><v>99999</v></c>", b'r="0"',
              b'r="1048577"', b'r="-4"', b"<v>1e999</v>", b"<v>" + b"9" * 5000 + b"</v>", b'<row r="9999">', b"</sheetData>", b"\xff\xfe",
              b'state="visible"', b'name="Questions"', b"t=\"e\"", b"t=\"b\"", b"t=\"d\"", b"<v>2024-13-45</v>", b"\x00"]


@st.composite
def damaged_workbooks(draw: st.DrawFn) -> bytes:
    """The template damaged as a file (its bytes) or inside (the unpacked bytes of one of its parts, packed again)."""
    seed, changes = draw(st.integers(0, 2**32)), draw(st.integers(1, 6))
    if draw(st.booleans()):
        event("the file's bytes damaged")
        return damaged(TEMPLATE, seed, changes)
    name = draw(st.sampled_from(sorted(MEMBERS)))
    event(f"a part damaged: {name}")
    content = damaged(MEMBERS[name], seed, changes)
    if draw(st.booleans()):  # a piece of XML put somewhere
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.sampled_from(XML_PIECES)) + content[at:]
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, original in MEMBERS.items():
            archive.writestr(member, content if member == name else original)
    return output.getvalue()


# --- checks -------------------------------------------------------------------------------------


def outcome(data: bytes) -> WorkbookReading | WorkbookRefused:
    try:
        return read_workbook(data, known_question_ids=KNOWN)
    except WorkbookRefused as refused:
        return refused


def assert_sound(result: WorkbookReading | WorkbookRefused, *, untouched: set[int] | None = None) -> None:
    """A refusal says why; a reading's problems each name a cell of a question row, and no row both answers and fails."""
    if isinstance(result, WorkbookRefused):
        event(f"refused: {result.reason}")
        assert result.reason in REFUSAL_REASONS
        assert str(result).strip() and "{" not in str(result)
        return
    event("read" + (" with problems" if result.problems else ""))
    rows_with_problems = set()
    for problem in result.problems:
        located = LOCATED.fullmatch(problem.cell)
        assert located, problem
        assert problem.message.strip()
        rows_with_problems.add(int(located.group(2)))
    answered = [answer.cell_row for answer in result.answers]
    assert answered == sorted(set(answered)) and not rows_with_problems & set(answered)
    assert all(answer.question_id in KNOWN and answer.status in ("", "level", "not_applicable", "dont_know") for answer in result.answers)
    assert all((answer.level is None) == (answer.status != "level") for answer in result.answers)
    if untouched is not None:
        read_rows = {answer.cell_row: answer for answer in result.answers}
        for row in untouched:
            assert read_rows.get(row) == BASELINE[row], row


def assert_in_arabic(data: bytes) -> None:
    with using_language("ar"):
        result = outcome(data)
    if isinstance(result, WorkbookRefused):
        assert reads_in_arabic(str(result))
    else:
        assert all(reads_in_arabic(problem.message) for problem in result.problems)


@FUZZ
@given(workbook=typed_workbooks(), also_in_arabic=st.booleans())
def test_whatever_is_typed_into_a_workbook_it_reads_with_located_problems(workbook: tuple[bytes, set[int] | None], also_in_arabic: bool) -> None:
    data, touched = workbook
    result = outcome(data)
    assert_sound(result, untouched=None if touched is None else set(ROWS) - touched)
    if also_in_arabic:
        assert_in_arabic(data)


@FUZZ
@given(data=damaged_workbooks(), also_in_arabic=st.booleans())
def test_a_damaged_workbook_is_refused_or_read_never_a_traceback(data: bytes, also_in_arabic: bool) -> None:
    assert_sound(outcome(data))
    if also_in_arabic:
        assert_in_arabic(data)
