"""The sign-in sheet importer fed thousands of generated files: whatever the bytes, a preview with
translated problems and never a traceback; every refused row says which column and which value;
confirming a preview stores exactly its importable rows, or nothing at all."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable

from hypothesis import event, given, settings
from hypothesis import strategies as st

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, _, isolate, using_language
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.services import ResilienceService
from resilience_app.core.text_rules import clean_text
from resilience_app.core.workshop.labels import AGE_BAND_NAMES, GENDER_NAMES, own_sector
from resilience_app.core.workshop.participants_csv import (
    GENDER_ALIASES,
    HEADER_ALIASES,
    ParticipantsImport,
    read_participants_csv,
    write_participants_csv,
)
from resilience_app.core.workshop.participants_csv.vocabulary import HEADER_NAMES
from resilience_app.core.workshop.records import ParticipantDraft, WorkshopDraft
from resilience_app.core.workshop.rules import MAX_GROUP_NAME_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH, same_name
from tests.property.support import FUZZ, has_arabic_letters

SECTORS = load_content([resources.forms_dir() / "workshop" / "stakeholders.yaml"]).content.sectors
OWN_SECTORS = ("Fishers", "الصيادون")
# What the importer documents it strips around a value: spaces and direction marks copied from Arabic text.
EDGES = "\\s\u200b\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e\ufeff"
SURROUNDING = re.compile(f"^[{EDGES}]+|[{EDGES}]+$")
LIMITS = {"name": MAX_NAME_LENGTH, "organisation": MAX_TITLE_LENGTH, "group": MAX_GROUP_NAME_LENGTH}


def stripped(text: str) -> str:
    return SURROUNDING.sub("", text)


# --- what people type into a sign-in sheet ------------------------------------------------------

HOSTILE = [
    "=cmd|' /C calc'!A0", "+1-2", "-5", "@SUM(A1:A9)", "'=1+1", "=HYPERLINK(\"http://x\")", "\x00", "a\x00b", "\u200f", "\u202eevil",
    "\ufeff", '"', '""', "'", "\r\n", "\n", "\r", ",", ";", "\t", "\u061c", "\u2066x\u2069", "NULL", "None", "١٢", "۱۲", "١2", "-0",
    "x" * 140_000,  # beyond the csv module's field limit
]
sector_words = st.sampled_from([sector.id for sector in SECTORS] + [name for sector in SECTORS for name in sector.name.translations.values()] + list(OWN_SECTORS))
gender_words = st.sampled_from([alias for aliases in GENDER_ALIASES.values() for alias in aliases] + ["Female", "MALE", "other", "x"])
ages = st.integers(-5, 200).map(str) | st.integers(0, 130).map(lambda age: str(age).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))
age_words = st.one_of(ages, st.sampled_from([*AGE_BAND_NAMES, *AGE_BAND_NAMES.values(), "25 - 34", "4" * 5000, "٩" * 4400]))
long_texts = st.tuples(st.text(min_size=1, max_size=5), st.integers(20, 400)).map(lambda pair: pair[0] * pair[1])
padding = st.sampled_from(["", " ", "\u200f", "\u200e ", "\ufeff", "\t", "\u00a0"])
cells = st.tuples(
    padding, st.one_of(sector_words, gender_words, age_words, st.sampled_from(HOSTILE), st.text(max_size=20), long_texts, st.just("")), padding
).map("".join)

header_words = st.sampled_from([alias for aliases in HEADER_ALIASES.values() for alias in aliases] + ["Name", "الاسم", "Notes", "رقم الهاتف", "", "Email"])
header_cells = st.tuples(header_words, st.sampled_from([str.lower, str.upper, str.title, lambda word: word.replace(" ", "_"), lambda word: f" {word} "])).map(
    lambda pair: pair[1](pair[0])
)


@st.composite
def sheets(draw: st.DrawFn) -> tuple[list[str], list[list[str]], bytes, str | None]:
    """(header cells, rows of cells, the file's bytes, an encoding the user forced or None)."""
    header = draw(st.lists(header_cells, min_size=0, max_size=8))
    if draw(st.integers(0, 9)):  # most sheets have a sector column somewhere
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(["sector", "Sector", "القطاع", " SECTOR\u200f"])))
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = []
    for cells_of_row in [header, *rows]:
        if draw(st.integers(0, 4)):  # written by a spreadsheet: quoted where needed
            out = io.StringIO()
            csv.writer(out, delimiter=delimiter, lineterminator="").writerow(cells_of_row)
            lines.append(out.getvalue())
        else:  # typed by hand, perhaps with another delimiter
            lines.append(draw(st.sampled_from([",", ";", "\t", delimiter])).join(cells_of_row))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "cp1256"]))
    data = text.encode(encoding, errors="replace")
    forced = draw(st.sampled_from([None] * 6 + ["utf-8", "utf-16", "windows-1256", "latin-1", "utf-32", "no-such-encoding"]))
    return header, rows, data, forced


@st.composite
def tidy_sheets(draw: st.DrawFn) -> tuple[list[str], list[list[str]], bytes, str | None]:
    """A sheet as a careful facilitator types it, a bad cell here and there: most rows import."""
    language = draw(st.sampled_from(["en", "ar"]))
    headers = {"en": ["Name", "Organisation", "Sector", "Gender", "Age", "Group"], "ar": ["الاسم", "الجهة", "القطاع", "الجنس", "العمر", "المجموعة"]}[language]
    fields = draw(st.permutations(range(6)))
    fields = [field for field in fields if field == 2 or draw(st.booleans())]

    def sometimes_bad(good: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(good, good, good, good, cells)

    per_field = [
        sometimes_bad(st.text(max_size=15)), sometimes_bad(st.text(max_size=15)), sometimes_bad(sector_words | st.sampled_from(OWN_SECTORS)),
        sometimes_bad(gender_words), sometimes_bad(ages), sometimes_bad(st.sampled_from(["", "Table 1", "table 1 ", "Table 2", "الطاولة ٣"])),
    ]
    rows = draw(st.lists(st.tuples(*[per_field[field] for field in fields]).map(list), min_size=1, max_size=8))
    out = io.StringIO()
    csv.writer(out, delimiter=draw(st.sampled_from([",", ";", "\t"]))).writerows([[headers[field] for field in fields], *rows])
    data = out.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"])), errors="replace")
    return [headers[field] for field in fields], rows, data, None


# --- checks -------------------------------------------------------------------------------------


def assert_translated(read: Callable[[], ParticipantsImport]) -> None:
    """The same file previewed in Arabic explains itself in Arabic."""
    with using_language("ar"):
        result = read()
        assert has_arabic_letters(result.summary())
        assert all(has_arabic_letters(problem) for problem in result.problems)
        assert all(has_arabic_letters(problem) for row in result.rows for problem in row.problems)


def assert_sound(result: ParticipantsImport, data: bytes) -> None:
    """What any preview must be, whatever the file."""
    assert result.encoding
    assert result.summary().strip()
    if result.problems:
        assert result.rows == () and result.importable_rows == ()
        assert all(problem.strip() for problem in result.problems)
        return
    lines = [row.line for row in result.rows]
    assert lines == sorted(set(lines)) and all(line >= 2 for line in lines)  # row 1 at the earliest is the header
    assert all(line <= data.count(b"\n") + data.count(b"\r") + 1 for line in lines)
    seen_people = set()
    for row in result.rows:
        assert (row.participant is None) == bool(row.problems), row
        if row.participant is None:
            continue
        draft = row.participant
        assert draft.sector in {sector.id for sector in SECTORS} | {own_sector(name) for name in OWN_SECTORS}
        assert draft.gender in ("", *GENDER_NAMES) and draft.age_band in ("", *AGE_BAND_NAMES)
        for field_name, limit in LIMITS.items():
            value = row.group if field_name == "group" else getattr(draft, field_name)
            assert len(value) <= limit and value == stripped(value)
        if row.importable and draft.name:
            person = tuple(" ".join(normalise_for_search(text).split()) for text in (draft.name, draft.organisation))  # as the workshop compares names
            assert person not in seen_people, "the same person is imported twice"
            seen_people.add(person)


def assert_refusals_name_column_and_value(result: ParticipantsImport, header: list[str]) -> None:
    """Every problem of a refused row starts with its column, named in the window's language (whatever the file's
    header says), and shows the value."""
    columns = {_(name) for name in HEADER_NAMES.values()}
    for row in result.rows:
        values = [stripped(value) for value in row.values.values() if stripped(value)]
        forms = {form for value in values for form in (value, " ".join(value.split()))}
        for problem in row.problems:
            assert problem.startswith(FIRST_STRONG_ISOLATE), problem
            column = problem[1 : problem.index(POP_DIRECTIONAL_ISOLATE)]
            assert column in columns and problem.startswith(isolate(column) + ":"), (problem, header)
            shows_value = any((form[1:40] if len(form) > 1 else form) in problem for form in forms)
            assert shows_value or not stripped(row.values["sector"]), (problem, row.values)  # only a missing sector has no value to show


# --- the reader ---------------------------------------------------------------------------------


@FUZZ
@given(sheet=sheets(), also_in_arabic=st.booleans())
def test_a_generated_sheet_previews_without_a_traceback_and_every_refusal_is_explained(
    sheet: tuple[list[str], list[list[str]], bytes, str | None], also_in_arabic: bool
) -> None:
    header, _rows, data, forced = sheet

    def read() -> ParticipantsImport:
        return read_participants_csv(data, sectors=SECTORS, own_sectors=OWN_SECTORS, groups=("Table 1",), encoding=forced)

    result = read()  # never raises
    assert_sound(result, data)
    if also_in_arabic:  # half the sheets, to keep the run short
        assert_translated(read)
    if not result.problems and forced is None:
        assert_refusals_name_column_and_value(result, header)


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), st.binary(max_size=60).map(lambda noise: b"sector,name,age\n" + noise)))
def test_random_bytes_preview_without_a_traceback(data: bytes) -> None:
    result = read_participants_csv(data, sectors=SECTORS, own_sectors=OWN_SECTORS)  # never raises
    assert_sound(result, data)
    assert_translated(lambda: read_participants_csv(data, sectors=SECTORS, own_sectors=OWN_SECTORS))
    for row in result.rows:
        assert all(problem.startswith(FIRST_STRONG_ISOLATE) for problem in row.problems)  # each names its column


clean_texts = st.text(min_size=0, max_size=60).map(stripped).filter(lambda text: not text.startswith("'"))  # see below
drafts = st.builds(
    ParticipantDraft,
    sector=st.sampled_from([sector.id for sector in SECTORS]),
    name=clean_texts,
    organisation=clean_texts,
    gender=st.sampled_from(["", *GENDER_NAMES]),
    age_band=st.sampled_from(["", *AGE_BAND_NAMES]),
)


def distinct_groups(people: list[tuple[ParticipantDraft, str]]) -> bool:
    """A workshop's groups never share a name as the workshop compares names ("Table 1", "TABLE 1")."""
    names = {group for _draft, group in people}
    return all(first == second or not same_name(first, second) for first in names for second in names)


@FUZZ
@given(
    people=st.lists(st.tuples(drafts, clean_texts.map(lambda text: " ".join(text.split()))), min_size=1, max_size=8).filter(distinct_groups),
    language=st.sampled_from(["en", "ar"]),
)
def test_an_exported_list_reads_back_as_the_same_participants(people: list[tuple[ParticipantDraft, str]], language: str) -> None:
    """Names starting with = + - @ (formulas to Excel) survive the round trip. A name the user typed
    starting with an apostrophe before such a sign is what Excel shows without it, and is left out."""
    data = write_participants_csv(people, sectors=SECTORS, language=language)
    result = read_participants_csv(data, sectors=SECTORS)
    assert result.problems == ()
    assert [(row.participant, row.group) for row in result.rows] == people


# --- storing a preview through the service -----------------------------------------------------


def _stored(service: ResilienceService, workshop_id: int) -> tuple[Counter[tuple[str, str, str, str, str, str]], list[str]]:
    snapshot = service.workshops.snapshot(workshop_id)
    people = Counter(
        (p.participant.sector, p.participant.name, p.participant.organisation, p.participant.gender, p.participant.age_band, snapshot.group_name(p.participant.group_id))
        for p in snapshot.participants
    )
    return people, sorted(group.name for group in snapshot.groups)


CHANGES_MEANWHILE = ("none", "own-sectors-dropped", "same-person-added")


@settings(FUZZ, max_examples=100)  # each example is a few database transactions and a backup
@given(sheet=st.one_of(tidy_sheets(), tidy_sheets(), sheets()), change=st.sampled_from(CHANGES_MEANWHILE))
def test_confirming_a_preview_stores_exactly_its_importable_rows_or_nothing(
    service: ResilienceService, assessment_id: int, sheet: tuple[list[str], list[list[str]], bytes, str | None], change: str
) -> None:
    _header, _rows, data, forced = sheet
    workshops = service.workshops
    workshop_id = workshops.add_workshop(assessment_id, WorkshopDraft(title="Sign-in", own_sectors=OWN_SECTORS)).id
    table = workshops.add_group(workshop_id, "Table 1").id
    workshops.add_participant(workshop_id, ParticipantDraft("youth", "Ali", "Municipality", group_id=table))
    preview = workshops.preview_participants_csv(workshop_id, data, encoding=forced)
    # Meanwhile, in another window, the workshop changes.
    if change == "own-sectors-dropped":
        workshops.update_workshop(workshop_id, WorkshopDraft(title="Sign-in"))
    elif change == "same-person-added" and preview.importable_rows:
        workshops.add_participant(workshop_id, preview.importable_rows[0].participant or ParticipantDraft("youth"))
    before, groups_before = _stored(service, workshop_id)

    try:
        imported = workshops.import_participants(workshop_id, preview)
    except UserFacingError as refused:
        event(f"refused after {change}")
        assert str(refused).strip()
        assert _stored(service, workshop_id) == (before, groups_before), "a refused import changed the workshop"
        return

    event(("imported" if imported else "nothing to import") + f" after {change}")
    after, groups_after = _stored(service, workshop_id)
    expected = Counter(  # stored as every typed text is kept (text_rules.clean_text)
        (row.participant.sector, clean_text(row.participant.name), clean_text(row.participant.organisation), row.participant.gender, row.participant.age_band, row.group)
        for row in preview.importable_rows if row.participant
    )
    assert imported == len(preview.importable_rows)
    assert after - before == expected and before + expected == after
    assert len(groups_after) - len(groups_before) == len([name for name in preview.new_groups if name not in groups_before])


def test_a_group_added_after_the_preview_is_not_created_twice(service: ResilienceService, assessment_id: int) -> None:
    workshops = service.workshops
    workshop_id = workshops.add_workshop(assessment_id, WorkshopDraft(title="Sign-in")).id
    preview = workshops.preview_participants_csv(workshop_id, b"Sector,Group\nyouth,Table 9\n")
    assert preview.new_groups == ("Table 9",)
    workshops.add_group(workshop_id, "Table 9")  # meanwhile, in another window

    workshops.import_participants(workshop_id, preview)

    assert [group.name for group in workshops.snapshot(workshop_id).groups] == ["Table 9"]
