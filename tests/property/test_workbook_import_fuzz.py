"""Returned department workbooks through the service, 1,000 and more of them, generated from real exports:
cells typed with anything (into answer cells, locked cells, id cells, the hidden data sheet), bytes of the
.xlsx damaged (cut short, flipped, parts dropped, doubled or renamed, huge shared strings injected), and
sheets restructured (rows and columns inserted or deleted, sheets renamed, the hidden sheet unhidden and
edited, another contributor's workbook id put in). Issue 18: never a traceback, never a partial write.

Whatever the file: `preview_workbook` gives a preview or raises `UserFacingError` and stores nothing;
`import_workbook` of a preview stores exactly its stored rows as the contribution of the workbook's own
contributor (never another's, never a question not sent to them), takes on record exactly the rows offered,
and leaves everything else as it was; or it raises `UserFacingError` and changes nothing.

The database is built once per module (an assessment, two contributors with overlapping questions, an answer
on record, a contribution of each, three workbooks sent) and put back after every example that stored
something, with SQLite's online backup from a copy kept in memory: each example starts from the same data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import re
import sqlite3
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.workbook.workbook import Workbook
from sqlalchemy import inspect, text

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributionRecord, ContributorDraft, ContributorRecord
from resilience_app.core.contributions.workbook_import import WorkbookPreview
from resilience_app.core.contributions.workbook_layout import COLUMNS, DATA_SHEET, FIRST_QUESTION_ROW, INDEXES, LETTERS
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import POP_DIRECTIONAL_ISOLATE, using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.contributions.workbooks import level_names
from tests.property.support import FUZZ, reads_in_arabic

# --- the data, built once -----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Exchange:
    """One service over a database holding workbooks sent, and what each example starts from."""

    service: ResilienceService
    assessment_id: int
    other_assessment_id: int
    owners: dict[str, ContributorRecord]  # "water", "planning"
    templates: dict[str, bytes]  # "water" (not yet returned), "planning", "water-earlier" (returned once already)
    workbook_ids: dict[str, str]  # the same keys
    questions: tuple[str, ...]  # the questions sent to either contributor
    snapshot: sqlite3.Connection  # the database as every example starts from it
    tables: tuple[str, ...]
    baseline: Stored | None = None  # what is stored when an example starts

    def __repr__(self) -> str:
        return f"Exchange(assessment {self.assessment_id})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:  # how Hypothesis shows a failing example
        printer.text(repr(self))

    def restore(self) -> None:
        raw = self.service.context.database.engine.raw_connection()
        try:
            self.snapshot.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, in a stable order."""
        with self.service.context.database.engine.connect() as connection:
            return {table: sorted(map(tuple, connection.execute(text(f'SELECT * FROM "{table}"'))), key=repr) for table in self.tables}


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exchange]:
    folder = tmp_path_factory.mktemp("workbook-import")
    service = ResilienceService.open(AppPaths.under(folder / "data"))
    details = AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil")
    assessment_id = service.assessments.create_assessment(details).id
    other_assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id
    plain = [question.id for question in service.framework().questions() if question.numeric is None][:4]
    numeric = next(question.id for question in service.framework().questions() if question.numeric is not None and question.numeric.maximum is not None)
    water = service.contributions.add_contributor(assessment_id, ContributorDraft("Rania Haddad", "Water Authority", "en"))
    planning = service.contributions.add_contributor(assessment_id, ContributorDraft("سامي ناصر", "دائرة التخطيط", "ar"))
    service.contributions.assign(water.id, [*plain[:3], numeric])  # three questions and a quantitative one
    service.contributions.assign(planning.id, [plain[1], plain[2], plain[3], numeric])  # two of them shared

    def exported(owner: ContributorRecord, name: str) -> tuple[bytes, str]:
        record = service.contributions.export_workbook(owner.id, folder / f"{name}.xlsx")
        return (folder / f"{name}.xlsx").read_bytes(), record.id

    earlier, earlier_id = exported(water, "water-earlier")
    planning_data, planning_id = exported(planning, "planning")
    # Before the workbooks under test come back: an answer on record, and each contributor's answer to a question.
    service.assessments.save_answer(assessment_id, plain[2], AnswerDraft(status="level", level=2))
    for data, answers in ((earlier, {2: {"level": "3", "evidence": "Annual report"}}), (planning_data, {3: {"level": "٥"}})):
        service.contributions.import_workbook(service.contributions.preview_workbook(assessment_id, typed(data, answers)))
    water_data, water_id = exported(water, "water")
    snapshot = sqlite3.connect(":memory:")
    raw = service.context.database.engine.raw_connection()
    try:
        raw.driver_connection.backup(snapshot)  # type: ignore[union-attr]
    finally:
        raw.close()
    with service.context.database.engine.connect() as connection:
        tables = tuple(inspect(connection).get_table_names())
    made = Exchange(
        service, assessment_id, other_assessment_id, {"water": water, "planning": planning},
        {"water": water_data, "planning": planning_data, "water-earlier": earlier},
        {"water": water_id, "planning": planning_id, "water-earlier": earlier_id}, tuple(dict.fromkeys([*plain, numeric])), snapshot, tables,
    )
    made = dataclasses.replace(made, baseline=Stored.of(made))
    yield made
    snapshot.close()
    service.close()


def typed(data: bytes, answers: dict[int, dict[str, object]]) -> bytes:
    """`data` with answer cells typed in (row -> column key -> value), as a department types them."""
    book = load_workbook(io.BytesIO(data))
    for row, cells in answers.items():
        for key, value in cells.items():
            book.worksheets[1][f"{LETTERS[key]}{row}"].value = value
    return saved(book)


@dataclass(frozen=True)
class Returned:
    """A returned file, and how it was made (what a failing example shows, rather than the file's bytes)."""

    data: bytes
    steps: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Returned({len(self.data):,} bytes: {'; '.join(self.steps)})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        printer.text(repr(self))


class Steps(list[str]):
    """How a file was made, one step at a time, each shortened to be read."""

    def note(self, step: str) -> None:
        self.append(step if len(step) <= 160 else step[:160] + f"… ({len(step):,} characters)")

    def made(self, data: bytes) -> Returned:
        return Returned(data, tuple(self))


def saved(book: Workbook) -> bytes:
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


# --- the property -----------------------------------------------------------------------------------

BIDI_CONTROLS = re.compile("[\u202a-\u202e]")  # embeddings and overrides: a quoted cell must never turn the app's words around
QUOTED = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069")
MAY_CHANGE = ("contributions", "answers", "answer_changes", "evidence", "workbooks")


def assert_plain_message(message: str) -> None:
    """A message says something, every value is filled in, and whatever it quotes keeps to its isolate."""
    unquoted, previous = message, ""
    while unquoted != previous:  # what the message says itself, without the values it quotes
        unquoted, previous = QUOTED.sub("", unquoted), unquoted
    assert message.strip() and "{" not in unquoted, message
    assert not BIDI_CONTROLS.search(message), ascii(message)
    depth = 0
    for character in message:
        if character in "\u2066\u2067\u2068":
            depth += 1
        elif character == POP_DIRECTIONAL_ISOLATE:
            depth -= 1
            assert depth >= 0, ascii(message)  # a quoted value closed the app's isolate early
    assert depth == 0, ascii(message)


def returned(exchange: Exchange, data: bytes, *, in_arabic: bool = False, import_twice: bool = False) -> None:
    """Preview `data`, import the preview, and check what each step stored; the database is put back afterwards."""
    service, assessment_id, baseline = exchange.service, exchange.assessment_id, exchange.baseline
    assert baseline is not None
    try:
        with using_language("ar" if in_arabic else "en"):
            preview = service.contributions.preview_workbook(assessment_id, data)
    except UserFacingError as refusal:
        event(f"refused: {refusal.code}")
        assert_plain_message(str(refusal))
        if in_arabic:
            assert reads_in_arabic(str(refusal)), str(refusal)
        assert exchange.dump() == baseline.tables, "a refused workbook changed the database"
        return
    assert exchange.dump() == baseline.tables, "a preview stored something"
    assert_sound_preview(exchange, preview)
    for problem in preview.problems + tuple(row.problem for row in preview.rows if row.problem):
        assert_plain_message(problem)
    event(f"previewed: {len(preview.stored_rows)} to store" + (", with problems" if preview.problems else ""))
    try:
        imported = service.contributions.import_workbook(preview)
    except UserFacingError as refusal:  # pragma: no cover - nothing in these examples should refuse a preview's import
        event(f"import refused: {refusal.code}")
        assert_plain_message(str(refusal))
        assert exchange.dump() == baseline.tables, "a refused import changed the database"
        return
    try:
        assert (imported.stored, imported.taken_on_record) == (len(preview.stored_rows), len(preview.offered))
        assert_stored_exactly(exchange, preview, baseline, Stored.of(exchange))
        if import_twice:  # the same workbook again changes nothing
            again = service.contributions.preview_workbook(assessment_id, data)
            assert not again.stored_rows
            once = exchange.dump()
            assert service.contributions.import_workbook(again).stored == 0
            assert exchange.dump() == once
    finally:
        exchange.restore()  # the next example checks it starts from the baseline


def assert_sound_preview(exchange: Exchange, preview: WorkbookPreview) -> None:
    """A preview is of a workbook the app sent from this assessment, and stores only questions sent in it."""
    assert preview.assessment_id == exchange.assessment_id
    assert preview.workbook.id in exchange.workbook_ids.values()
    assert preview.contributor.id == preview.workbook.contributor_id
    assert preview.contributor.assessment_id == exchange.assessment_id
    sent = set(preview.workbook.question_ids)
    assert all(row.question_id in sent and row.answer is not None and row.answer.status for row in preview.stored_rows)
    assert set(preview.offered) <= {row.question_id for row in preview.stored_rows}
    assert preview.reading.workbook_id == preview.workbook.id


@dataclass(frozen=True)
class Stored:
    """What the service says is stored for the assessment, and every row of every table."""

    contributions: dict[str, list[ContributionRecord]]
    answers: dict[str, Any]
    history: dict[str, int]  # question -> lines in its history
    evidence: dict[str, list[tuple[str, str]]]  # question -> (title, reference)
    tables: dict[str, list[tuple[Any, ...]]]

    @classmethod
    def of(cls, exchange: Exchange) -> Stored:
        service, assessment_id = exchange.service, exchange.assessment_id
        return cls(
            service.contributions.contributions(assessment_id),
            service.assessments.answers(assessment_id),
            {question: len(service.assessments.answer_history(assessment_id, question)) for question in exchange.questions},
            {question: [(record.title, record.reference) for record in records] for question, records in service.assessments.evidence(assessment_id).items()},
            exchange.dump(),
        )


def assert_stored_exactly(exchange: Exchange, preview: WorkbookPreview, before: Stored, after: Stored) -> None:
    """The stored rows are the contributor's now, the offered rows the answers on record; nothing else changed."""
    owner = preview.contributor.id
    stored = {row.question_id: row for row in preview.stored_rows}
    taken = set(preview.offered)
    for table in exchange.tables:
        if table not in MAY_CHANGE:
            assert after.tables[table] == before.tables[table], table
    for question in set(before.contributions) | set(after.contributions):
        was = {record.contributor_id: record for record in before.contributions.get(question, [])}
        now = {record.contributor_id: record for record in after.contributions.get(question, [])}
        if question in stored:
            mine = now.pop(owner)
            assert (mine.answer, mine.evidence, mine.workbook_id) == (stored[question].answer, stored[question].evidence, preview.workbook.id)
            was.pop(owner, None)
        assert now == was, question  # every other contributor's answer, and this one's to the other questions, as they were
    for question in set(before.answers) | set(after.answers):
        if question in taken:
            assert question not in before.answers or not before.answers[question].answer.status
            assert after.answers[question].answer == stored[question].answer
        else:
            assert after.answers.get(question) == before.answers.get(question), question
    for question, lines in after.history.items():
        if question in stored:
            assert lines > before.history[question], question
        else:
            assert lines == before.history[question], question
    for question in set(before.evidence) | set(after.evidence):
        was, now = before.evidence.get(question, []), after.evidence.get(question, [])
        assert now[: len(was)] == was, question
        added = [reference for _title, reference in now[len(was) :]]
        assert not added or (question in taken and added == [stored[question].evidence]), question
    returned_ids = {row[0] for row in after.tables["workbooks"] if row not in before.tables["workbooks"]}
    assert returned_ids <= {preview.workbook.id}


# --- (a) cells typed with anything --------------------------------------------------------------------

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
unicode_text = st.text(st.characters(exclude_categories=SURROGATES), max_size=30)
BIDI = ["\u202e", "\u202d", "\u202b", "\u202a", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e", "\u061c"]
WORDS = [
    *level_names("en").values(), *level_names("ar").values(), "Not applicable", "لا ينطبق", "Don't know", "لا أعرف", "N/A", "?", "High", "عالية",
    "low", "3 · Partly in place", "٣", "3.0", "3,5", "٣٫٥", "1,250", "45%", "1e308", "-0", "=1+1", "=SUM(A1:A9)", "=cmd|' /C calc'!A0", "+1",
    "-1", "@A1", "#N/A", "#REF!", "TRUE", " ", "", "_x0000_", "_x001F_", "_xD800_", "\u200f3\u200f", "\u2069\u202e3 level", "3\u202e",
    "\u2066\u2069\u202eevil", "\ufeff4", "q-1.1.a", "x" * 33_000, "٣" * 20_001,
]
texts = st.one_of(unicode_text, st.sampled_from(WORDS), st.lists(st.one_of(unicode_text, st.sampled_from(WORDS + BIDI)), max_size=4).map("".join))
values = st.one_of(
    st.none(), texts, texts, texts,
    st.sampled_from([1, 2, 3, 4, 5, 0, 6, -3, 2.5, 10**30, -(10**20)]), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)), st.dates(min_value=dt.date(1900, 3, 1)),
    st.times(),
)
ANSWER_COLUMNS = [index for index, column in enumerate(COLUMNS, start=1) if column.answer]
# What a department types into each answer column, the lengths the app allows and one more among it.
PLAUSIBLE = {
    "level": st.sampled_from([1, 2, 3, 4, 5, 3.0, "3", "٣", "۴", "Not applicable", "لا ينطبق", "Don't know", "لا أعرف", *level_names("en").values(),
                              *level_names("ar").values(), "3 · Partly in place", None]),
    "value": st.one_of(st.integers(-10, 200), st.floats(-1, 1e6, allow_nan=False), st.sampled_from(["12", "١٢", "12.5", "٣٫٥", "1,250", "45%"])),
    "confidence": st.sampled_from(["High", "medium", "low", "عالية", "منخفضة", "HIGH", None]),
    "justification": st.one_of(texts, st.sampled_from(["x" * 20_000, "x" * 20_001, "لأن " * 5_000])),
    "evidence": st.one_of(texts, st.sampled_from(["https://example.org/report.pdf", "file:///C:/Windows/System32/calc.exe", "e" * 1_000, "e" * 1_001])),
    "answered_by": st.one_of(texts, st.sampled_from(["Rania Haddad", "a" * 200, "a" * 201, "\u202eRania"])),
    "source_kind": st.sampled_from(["Measured data", "بيانات مقيسة", "expert_judgement", "AN ESTIMATE", "rumour", None]),
    "data_year": st.one_of(st.integers(1900, 2100), st.sampled_from(["٢٠٢٢", "۲۰۲۳", "2024", "2024.0", 2022.0, 2022.5, "last year", None])),
    "data_scale": st.sampled_from(["City level", "على مستوى البلد", "governorate_region", "the planet", None]),
}


def put(cell: Any, value: object, *, as_formula: bool) -> None:
    """`value` into the cell: a text stays text unless it is to be a formula (then it has no saved value)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # openpyxl cannot write them; "_x0000_" above stands for them
        cell.value = value
        if not (value.startswith("=") and as_formula):
            cell.data_type = "s"
    else:
        cell.value = value


@st.composite
def typed_workbooks(draw: st.DrawFn) -> Returned:
    """A workbook sent, with cells typed in: mostly answer cells of its question rows, now and then any cell of
    the questions sheet (the locked question id and text, the header), the cover, or the hidden data sheet."""
    name = draw(st.sampled_from(["water", "water", "water", "planning", "water-earlier"]))
    steps = Steps([name])
    book = load_workbook(io.BytesIO(TEMPLATES[name]))
    cover, questions, data = book.worksheets[0], book.worksheets[1], book[DATA_SHEET]
    rows = range(FIRST_QUESTION_ROW, questions.max_row + 1)
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, 19))
        plausible = None
        if where < 13:
            column = draw(st.sampled_from(ANSWER_COLUMNS))
            cell = questions.cell(draw(st.sampled_from(rows)), column)
            plausible = PLAUSIBLE[COLUMNS[column - 1].key] if where < 8 else None
        elif where < 15:
            cell = questions.cell(draw(st.sampled_from(rows)), draw(st.sampled_from([INDEXES["question_id"] + 1, INDEXES["unit"] + 1, 2, 4])))
            event("a locked cell typed into")
        elif where < 17:
            cell = questions.cell(draw(st.integers(1, questions.max_row + 3)), draw(st.integers(1, len(COLUMNS) + 2)))
        elif where < 18:
            cell = cover.cell(draw(st.integers(1, 30)), draw(st.integers(1, 3)))
        else:
            cell = data.cell(draw(st.integers(1, data.max_row + 2)), draw(st.integers(1, 5)))
            event("the hidden sheet typed into")
        value, as_formula = draw(values if plausible is None else plausible), draw(st.booleans())
        put(cell, value, as_formula=as_formula)
        steps.note(f"{cell.parent.title}!{cell.coordinate} = {value!r}" + (" as a formula" if as_formula and isinstance(value, str) else ""))
    return steps.made(saved(book))


@settings(FUZZ, max_examples=450)
@given(workbook=typed_workbooks(), in_arabic=st.booleans(), import_twice=st.booleans())
def test_whatever_is_typed_into_a_returned_workbook_it_stores_exactly_its_preview(
    exchange: Exchange, workbook: Returned, in_arabic: bool, import_twice: bool
) -> None:
    returned(exchange, workbook.data, in_arabic=in_arabic, import_twice=import_twice)


# --- (b) the file's bytes -----------------------------------------------------------------------------

CONTENT_TYPES = "[Content_Types].xml"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_STRINGS_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
XML_PIECES = [
    b"<", b">", b"/>", b"&amp;", b"&#0;", b"&#xD800;", b"<!DOCTYPE x>", b'<c r="I2" t="s"><v>99999</v></c>', b'<c r="I2" t="s"><v>0</v></c>',
    b'r="0"', b'r="1048577"', b"<v>1e999</v>", b'state="visible"', b't="e"', b't="d"', b"<v>2024-13-45</v>", b"\x00", b"\xff\xfe",
    b'<c r="K3"><f>1/0</f><v>#DIV/0!</v></c>', b'<c r="I3" t="str"><f>"3"</f><v>3</v></c>', b'<row r="4"><c r="A4" t="inlineStr"><is><t>q</t></is></c></row>',
]
RENAMED = ["xl/worksheets/sheet9.xml", "xl/worksheets/Sheet2.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/vbaProject.bin",
           "xl/worksheets/sheet2.xml", "../evil.xml", "/xl/workbook.xml", "xl\\workbook.xml"]
EXTRA_MEMBERS = [
    ("xl/media/image1.png", bytes(range(256)) * 8), ("customXml/item1.xml", b"<x/>"), ("xl/macrosheets/sheet1.xml", b"<x/>"),
    ("xl/activeX/activeX1.xml", b"<x/>"), ("docProps/custom.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'),
]


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {member.filename: archive.read(member) for member in archive.infolist()}


def zipped(members: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    output = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a member written twice on purpose
        with zipfile.ZipFile(output, "w", method) as archive:
            for name, content in members:
                archive.writestr(name, content)
    return output.getvalue()


def with_shared_strings(members: dict[str, bytes], strings: list[bytes], cells: list[tuple[str, int]]) -> dict[str, bytes]:
    """The workbook with a shared strings part of `strings`, and `cells` ("I2" -> index) of the questions sheet pointing into it."""
    changed = dict(members)
    items = b"".join(b"<si><t>" + item + b"</t></si>" for item in strings)
    changed["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + items + b"</sst>"
    )
    changed[CONTENT_TYPES] = changed[CONTENT_TYPES].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_TYPE}"/></Types>'.encode()
    )
    rels = "xl/_rels/workbook.xml.rels"
    changed[rels] = changed[rels].replace(
        b"</Relationships>", f'<Relationship Id="rIdStrings" Type="{SHARED_STRINGS_RELATION}" Target="sharedStrings.xml"/></Relationships>'.encode()
    )
    sheet = "xl/worksheets/sheet2.xml"
    for reference, index in cells:
        at = changed[sheet].find(f'<row r="{reference[1:]}"'.encode())
        if at >= 0:
            end = changed[sheet].index(b">", at) + 1
            changed[sheet] = changed[sheet][:end] + f'<c r="{reference}" t="s"><v>{index}</v></c>'.encode() + changed[sheet][end:]
    return changed


def damaged_bytes(data: bytes, noise: random.Random, changes: int) -> bytes:
    damaged = bytearray(data)
    for _ in range(changes):
        if not damaged:
            break
        at = noise.randrange(len(damaged))
        kind = noise.randrange(3)
        if kind == 0:
            damaged[at] ^= 1 << noise.randrange(8)
        elif kind == 1:
            damaged[at:at] = noise.randbytes(noise.randrange(1, 8))
        else:
            del damaged[at : at + noise.randrange(1, 8)]
    return bytes(damaged)


@st.composite
def damaged_workbooks(draw: st.DrawFn) -> Returned:
    """A workbook sent (its first row answered, or not) damaged as a file: cut short, bytes flipped, a part
    dropped, doubled, renamed, damaged or added, huge shared strings put in, packed another way."""
    name = draw(st.sampled_from(["water", "water", "planning"]))
    steps = Steps([name])
    data = TEMPLATES[name]
    if draw(st.booleans()):  # an answer typed in first, so that a file that still reads has something to store
        level = draw(st.sampled_from([3, "4", "Not applicable", "٢"]))
        data = typed(data, {FIRST_QUESTION_ROW: {"level": level}})
        steps.note(f"level {level!r} typed in")
    members = members_of(data)
    names = sorted(members)
    seed = draw(st.integers(0, 2**32))
    noise = random.Random(seed)
    kind = draw(st.sampled_from(["cut", "flip", "drop", "double", "rename", "part", "part", "strings", "stored", "extra"]))
    event(f"bytes: {kind}")
    if kind == "cut":
        length = len(data) * draw(st.integers(0, 999)) // 1000  # a share of it: the file's length changes with the time it was saved
        steps.note(f"cut to {length} bytes")
        return steps.made(data[:length])
    if kind == "flip":
        changes = draw(st.integers(1, 6))
        steps.note(f"{changes} bytes changed (seed {seed})")
        return steps.made(damaged_bytes(data, noise, changes))
    if kind == "drop":
        dropped = draw(st.sampled_from(names))
        steps.note(f"{dropped} dropped")
        return steps.made(zipped([(member, content) for member, content in members.items() if member != dropped]))
    if kind == "double":
        doubled, same = draw(st.sampled_from(names)), draw(st.booleans())
        steps.note(f"{doubled} twice" + ("" if same else ", the second <x/>"))
        return steps.made(zipped([*members.items(), (doubled, members[doubled] if same else b"<x/>")]))
    if kind == "rename":
        old, new = draw(st.sampled_from(names)), draw(st.sampled_from(RENAMED))
        steps.note(f"{old} renamed {new}")
        return steps.made(zipped([(new if member == old else member, content) for member, content in members.items()]))
    if kind == "part":
        part, changes = draw(st.sampled_from(names)), draw(st.integers(0, 4))
        content = damaged_bytes(members[part], noise, changes)
        at, piece = len(content) * draw(st.integers(0, 1000)) // 1000, draw(st.sampled_from(XML_PIECES))
        steps.note(f"{part}: {changes} bytes changed (seed {seed}), {piece!r} put at {at}")
        content = content[:at] + piece + content[at:]
        return steps.made(zipped([(member, content if member == part else original) for member, original in members.items()]))
    if kind == "strings":
        count = draw(st.sampled_from([1, 10, 2_000, 20_000]))
        first = draw(st.sampled_from([b"3", b"4", b"High", b"x" * 40_000, b"=1+1", "\u202e\u0663".encode(), b"_x0000_", b"&lt;", b""]))
        strings = [first] + [b"%d" % (index * 7919) for index in range(count - 1)]
        cells = draw(st.lists(st.tuples(st.sampled_from(["I2", "K2", "L3", "A2", "A3", "N4"]), st.integers(-1, count + 1)), max_size=3))
        steps.note(f"{count} shared strings, the first {first[:20]!r}, cells {cells}")
        return steps.made(zipped(list(with_shared_strings(members, strings, cells).items())))
    if kind == "stored":
        steps.note("packed without compression")
        return steps.made(zipped(list(members.items()), method=zipfile.ZIP_STORED))
    extra = draw(st.sampled_from(EXTRA_MEMBERS))
    steps.note(f"{extra[0]} added")
    return steps.made(zipped([*members.items(), extra]))


@settings(FUZZ, max_examples=300)
@given(workbook=damaged_workbooks(), in_arabic=st.booleans())
def test_a_damaged_workbook_is_refused_or_stores_exactly_its_preview(exchange: Exchange, workbook: Returned, in_arabic: bool) -> None:
    returned(exchange, workbook.data, in_arabic=in_arabic)


# --- (c) the workbook restructured --------------------------------------------------------------------

RECORD_KEYS = ("workbook_id", "assessment_id", "contributor_name", "language", "framework_id", "questions_sheet")
CHANGES = ["rows", "rows", "columns", "swap", "copy", "rename", "order", "remove", "unhide", "record", "record", "record", "place"]
SHEET_NAMES = ["Questions", "الأسئلة", "Instructions", DATA_SHEET, "Sheet1", "resilience_app ", "RESILIENCE_APP", "\u202eQuestions", "x" * 31]


def record_row(sheet: Any, kind: str, nth: int = 0) -> int | None:
    found = [row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == kind]
    return found[nth % len(found)] if found else None


def record_values(key: str) -> st.SearchStrategy[object]:
    if key == "workbook_id":
        return st.sampled_from([*WORKBOOK_IDS.values(), "0" * 32, "f" * 32, WORKBOOK_IDS["water"].upper(), " " + WORKBOOK_IDS["planning"]])
    if key == "assessment_id":
        return st.sampled_from([str(ASSESSMENTS[0]), str(ASSESSMENTS[1]), "999", "0", "-1", "٣", ASSESSMENTS[0]])
    if key == "language":
        return st.sampled_from(["en", "ar", "fr", "EN", ""])
    if key == "questions_sheet":
        return st.sampled_from(SHEET_NAMES + ["", "x" * 40])
    return st.one_of(texts, st.sampled_from(["\u202eRania Haddad", "Mayor's office", ""]))


@st.composite
def restructured_workbooks(draw: st.DrawFn) -> Returned:
    """A workbook sent, its level typed in on a few rows, then its sheets changed the way people change them
    (rows or columns inserted or deleted, rows swapped or copied, sheets renamed, reordered or removed), or
    its hidden sheet shown and edited: another workbook's id (a workbook replayed as another contributor's),
    another assessment, questions placed on other rows or swapped for questions never sent."""
    name = draw(st.sampled_from(["water", "water", "planning", "water-earlier"]))
    steps = Steps([name])
    book = load_workbook(io.BytesIO(TEMPLATES[name]))
    questions, data = book.worksheets[1], book[DATA_SHEET]
    last = questions.max_row
    for row in sorted(draw(st.sets(st.integers(FIRST_QUESTION_ROW, last), max_size=4))):
        level = draw(st.sampled_from([1, 2, 3, 4, 5, "3", "Not applicable", "لا أعرف"]))
        questions.cell(row, INDEXES["level"] + 1).value = level
        steps.note(f"level {level!r} on row {row}")
        if draw(st.booleans()):
            justification = draw(st.sampled_from(["Why", "=1+1", "\u202eevil", "لأن"]))
            put(questions.cell(row, INDEXES["justification"] + 1), justification, as_formula=False)
            steps.note(f"justification {justification!r} on row {row}")
    for _ in range(draw(st.integers(1, 3))):
        change = draw(st.sampled_from(CHANGES))
        event(f"changed: {change}")
        if change in ("rows", "columns"):
            sheet = draw(st.sampled_from([questions, questions, data]))
            at, count, insert = draw(st.integers(1, (sheet.max_row if change == "rows" else len(COLUMNS)) + 1)), draw(st.integers(1, 3)), draw(st.booleans())
            if change == "rows":
                sheet.insert_rows(at, count) if insert else sheet.delete_rows(at, count)
            else:
                sheet.insert_cols(at, count) if insert else sheet.delete_cols(at, count)
            steps.note(f"{sheet.title}: {count} {change} {'inserted' if insert else 'deleted'} at {at}")
        elif change in ("swap", "copy"):
            first, second = draw(st.integers(1, last + 1)), draw(st.integers(1, last + 1))
            for column in range(1, len(COLUMNS) + 1):
                one, other = questions.cell(first, column), questions.cell(second, column)
                if change == "swap":
                    one.value, other.value = other.value, one.value
                else:
                    other.value = one.value
            steps.note(f"rows {first} and {second}: {change}")
        elif change == "rename":
            sheet, title = draw(st.sampled_from(book.worksheets)), draw(st.sampled_from(SHEET_NAMES))
            if title not in book.sheetnames:
                steps.note(f"sheet {sheet.title} renamed {title!r}")
                sheet.title = title
        elif change == "order":
            book._sheets.reverse()  # noqa: SLF001 - openpyxl has no public way to reorder every sheet
            steps.note("sheets in reverse order")
        elif change == "remove":
            sheet = draw(st.sampled_from(book.worksheets))
            steps.note(f"sheet {sheet.title} removed")
            book.remove(sheet)
            if not any(sheet.sheet_state == "visible" for sheet in book.worksheets):  # a workbook shows at least one sheet
                book.create_sheet("Sheet1")
        elif change == "unhide":
            data.sheet_state = "visible"
            cell = data.cell(draw(st.integers(1, data.max_row + 1)), draw(st.integers(1, 4)))
            cell.value = value = draw(st.one_of(texts.map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)), st.none(), st.integers()))
            steps.note(f"hidden sheet shown, {cell.coordinate} = {value!r}")
        elif change == "record":
            key = draw(st.sampled_from(RECORD_KEYS))
            row = record_row(data, key)
            if row is not None:
                value = draw(record_values(key))
                put(data.cell(row, 2), value, as_formula=False)
                steps.note(f"record {key} = {value!r}")
        else:  # a question record placed on another row, or given another question's id, or one nobody was sent
            row = record_row(data, "question", draw(st.integers(0, 9)))
            if row is not None:
                column = draw(st.sampled_from([2, 3, 4]))
                choices = [*ALL_QUESTIONS[:8], "q-unknown", "q-1.1.a\u202e"] if column == 2 else ["2", "3", "4", "5", "9", "quantitative", ""]
                data.cell(row, column).value = value = draw(st.sampled_from(choices))
                steps.note(f"question record on row {row}, column {column} = {value!r}")
    return steps.made(saved(book))


@settings(FUZZ, max_examples=300)
@given(workbook=restructured_workbooks(), in_arabic=st.booleans())
def test_a_restructured_workbook_is_refused_or_stores_exactly_its_preview(exchange: Exchange, workbook: Returned, in_arabic: bool) -> None:
    returned(exchange, workbook.data, in_arabic=in_arabic)


# The strategies draw from the module's exchange: filled in once, before the first example is drawn.
TEMPLATES: dict[str, bytes] = {}
WORKBOOK_IDS: dict[str, str] = {}
ASSESSMENTS: list[int] = []
ALL_QUESTIONS: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def _templates(exchange: Exchange) -> None:
    TEMPLATES.update(exchange.templates)
    WORKBOOK_IDS.update(exchange.workbook_ids)
    ASSESSMENTS[:] = [exchange.assessment_id, exchange.other_assessment_id]
    ALL_QUESTIONS[:] = [question.id for question in exchange.service.framework().questions()]
