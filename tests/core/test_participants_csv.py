"""Sign-in sheets typed in Excel, in Arabic or English, come in as participants; the list goes out the same way."""

from __future__ import annotations

import codecs
import csv
import io
import random
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.content import load_content
from resilience_app.core.content.model import Sector
from resilience_app.core.i18n import using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.workshop import participants_csv
from resilience_app.core.workshop.labels import own_sector
from resilience_app.core.workshop.participants_csv import (
    MAX_ROWS,
    ParticipantsImport,
    read_participants_csv,
    read_participants_file,
    write_participants_csv,
)
from resilience_app.core.workshop.records import ParticipantDraft, WorkshopDraft

ARABIC_SHEET = (
    "الاسم,الجهة,القطاع,الجنس,العمر,المجموعة\r\n"
    "علي أحمد,بلدية عمّان,الشباب,ذكر,28,الطاولة 1\r\n"
    'فاطمة الزهراء,"جمعية النساء، إربد",المنظمات النسائية,أنثى,45,الطاولة 2\r\n'
    ",,القطاع الخاص,,,\r\n"
)


@pytest.fixture(scope="module")
def sectors() -> tuple[Sector, ...]:
    return load_content([resources.forms_dir()]).content.sectors


def read(
    text: str,
    sectors: tuple[Sector, ...],
    *,
    own_sectors: tuple[str, ...] = (),
    existing: tuple[ParticipantDraft, ...] = (),
    groups: tuple[str, ...] = (),
) -> ParticipantsImport:
    return read_participants_csv(text.encode("utf-8"), sectors=sectors, own_sectors=own_sectors, existing=existing, groups=groups)


def drafts(result: ParticipantsImport) -> list[ParticipantDraft]:
    return [row.participant for row in result.importable_rows if row.participant]


def test_an_arabic_sheet_reads_the_same_in_utf8_and_in_windows_1256(sectors: tuple[Sector, ...]) -> None:
    as_utf8 = read_participants_csv(ARABIC_SHEET.encode("utf-8"), sectors=sectors)
    as_windows = read_participants_csv(ARABIC_SHEET.encode("cp1256"), sectors=sectors)

    assert (as_utf8.encoding, as_windows.encoding) == ("utf-8", "windows-1256")
    assert as_utf8.rows == as_windows.rows
    assert drafts(as_utf8) == [
        ParticipantDraft("youth", "علي أحمد", "بلدية عمّان", "man", "25-34"),
        ParticipantDraft("womens-organisations", "فاطمة الزهراء", "جمعية النساء، إربد", "woman", "35-49"),
        ParticipantDraft("private-sector"),
    ]
    assert [row.group for row in as_utf8.rows] == ["الطاولة 1", "الطاولة 2", ""]
    assert as_utf8.problems == as_utf8.ignored_columns == ()


def test_a_sheet_saved_as_csv_utf8_has_its_byte_order_mark_dropped(sectors: tuple[Sector, ...]) -> None:
    result = read_participants_csv(codecs.BOM_UTF8 + "القطاع,الاسم\nالشباب,سارة\n".encode(), sectors=sectors)

    assert result.encoding == "utf-8"
    assert result.ignored_columns == ()
    assert drafts(result) == [ParticipantDraft("youth", "سارة")]


def test_excel_unicode_text_is_utf16_and_tab_separated(sectors: tuple[Sector, ...]) -> None:
    result = read_participants_csv("Name\tSector\tGender\r\nSara\tAcademia\tF\r\n".encode("utf-16"), sectors=sectors)

    assert result.encoding == "utf-16"
    assert drafts(result) == [ParticipantDraft("academia", "Sara", gender="woman")]


def test_semicolons_separate_columns_and_commas_stay_in_the_text(sectors: tuple[Sector, ...]) -> None:
    result = read("Name;Organisation;Sector\nAli;Municipality, Amman;City government\nSara;UN;Utilities\n", sectors)

    assert drafts(result) == [
        ParticipantDraft("city-government", "Ali", "Municipality, Amman"),
        ParticipantDraft("utilities", "Sara", "UN"),
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_names_that_are_only_semicolons_do_not_make_an_exported_list_read_as_semicolon_separated(
    sectors: tuple[Sector, ...], language: str
) -> None:
    people = [(ParticipantDraft("academia", ";", ";"), ""), (ParticipantDraft("utilities", "a;b", "; ;"), "")]
    data = write_participants_csv(people, sectors=sectors, language=language)

    assert [(row.participant, row.group) for row in read_participants_csv(data, sectors=sectors).rows] == people


def test_a_header_that_names_no_known_column_still_has_its_delimiter_guessed(sectors: tuple[Sector, ...]) -> None:
    result = read("Who;Where\nAli;Amman\n", sectors)

    assert result.ignored_columns == ("Who", "Where")  # two columns, not one "Who;Where"


@pytest.mark.parametrize(
    "header",
    [
        "Full Name,ORGANIZATION,sector,Sex,Age group,Table",
        "full_name,organisation,Sector,gender,age band,group",
        "الاسم الكامل,المؤسسة,القِطاع,النوع الاجتماعي,الفئة العمرية,الطاولة",
    ],
)
def test_headers_are_understood_in_english_and_arabic_whatever_their_case_and_spacing(sectors: tuple[Sector, ...], header: str) -> None:
    result = read(header + "\nSara,UN,Academia,woman,30,Table 3\n", sectors)

    assert result.ignored_columns == ()
    assert drafts(result) == [ParticipantDraft("academia", "Sara", "UN", "woman", "25-34")]
    assert result.rows[0].group == "Table 3"


def test_a_column_not_understood_is_listed_and_ignored(sectors: tuple[Sector, ...]) -> None:
    result = read("Name,Phone,Sector,رقم الهاتف,\nSara,0790000000,Academia,079,\n", sectors)

    assert result.ignored_columns == ("Phone", "رقم الهاتف")
    assert drafts(result) == [ParticipantDraft("academia", "Sara")]
    assert "Phone" not in result.rows[0].values


def test_without_a_sector_column_nothing_is_importable(sectors: tuple[Sector, ...]) -> None:
    result = read("Name,Department\nSara,Planning\n", sectors)

    assert len(result.problems) == 1
    assert "sector" in result.problems[0].lower()
    assert result.importable_rows == ()
    assert result.ignored_columns == ("Department",)
    assert "Nothing will be imported" in result.summary()


def test_an_unknown_sector_names_the_value_and_suggests_the_closest_sector(sectors: tuple[Sector, ...]) -> None:
    result = read("Name,Sector\nSara,Acadmia\nAli,Astronauts\nHuda,\n", sectors)

    close, unknown, empty = (row.problems for row in result.rows)
    assert "Sector" in close[0] and "Acadmia" in close[0] and "Academia and research" in close[0]
    assert "Astronauts" in unknown[0] and "?" not in unknown[0]
    assert "required" in empty[0]
    assert result.importable_rows == ()
    assert all(row.participant is None for row in result.rows)


def test_a_suggestion_is_in_the_current_language_whatever_the_language_typed(sectors: tuple[Sector, ...]) -> None:
    with using_language("ar"):
        result = read("الاسم,القطاع\nسارة,الشباي\nعلي,Privat sector\n", sectors)

    assert "الشباب" in result.rows[0].problems[0]
    assert "القطاع الخاص" in result.rows[1].problems[0]


@pytest.mark.parametrize(
    ("gender", "age", "bad"),
    [("maybe", "30", "maybe"), ("woman", "thirty", "thirty"), ("رجل", "7", "7"), ("", "121", "121"), ("F", "2.5", "2.5")],
)
def test_a_gender_or_age_not_understood_is_a_problem_naming_the_column_and_value(
    sectors: tuple[Sector, ...], gender: str, age: str, bad: str
) -> None:
    result = read(f"Name,Sector,Sex,Age\nSara,Youth,{gender},{age}\n", sectors)

    (row,) = result.rows
    assert row.participant is None
    assert len(row.problems) == 1
    assert bad in row.problems[0]
    assert ("Gender" if bad == gender else "Age band") in row.problems[0]  # the column as the window names it


@pytest.mark.parametrize(
    ("gender", "expected"),
    [
        ("Female", "woman"),
        ("w", "woman"),
        ("امرأة", "woman"),
        ("انثى", "woman"),
        ("سيدة", "woman"),
        ("MALE", "man"),
        ("ذكر", "man"),
        ("", ""),
    ],
)
def test_genders_are_understood_in_both_languages(sectors: tuple[Sector, ...], gender: str, expected: str) -> None:
    assert drafts(read(f"Sector,Gender\nYouth,{gender}\n", sectors))[0].gender == expected


@pytest.mark.parametrize(
    ("age", "band"),
    [("٢٨", "25-34"), ("۶۵", "65-plus"), ("10", "under-25"), ("24", "under-25"), ("25", "25-34"), ("64", "50-64"), ("120", "65-plus")]
    + [("under-25", "under-25"), ("35 to 49", "35-49"), (" 50-64 ", "50-64"), ("", "")],
)
def test_an_age_or_a_band_gives_the_age_band(sectors: tuple[Sector, ...], age: str, band: str) -> None:
    assert drafts(read(f"Sector,Age\nYouth,{age}\n", sectors))[0].age_band == band


def test_sectors_by_id_by_name_in_either_language_or_the_workshops_own(sectors: tuple[Sector, ...]) -> None:
    sheet = "Sector\ncity-government\n  civil SOCIETY \nالمجتمع المدني\nالمرافق العامة (المياه والكهرباء)\nTaxi drivers' union\n"
    result = read(sheet, sectors, own_sectors=("Taxi Drivers' Union",))

    assert [draft.sector for draft in drafts(result)] == [
        "city-government",
        "civil-society",
        "civil-society",
        "utilities",
        own_sector("Taxi Drivers' Union"),
    ]


def test_the_same_person_twice_is_a_duplicate_within_the_file_and_against_the_workshop(sectors: tuple[Sector, ...]) -> None:
    sheet = "Name,Organisation,Sector\nSara Haddad,UN,Academia\nsara  haddad,un,Youth\nSara Haddad,UNDP,Academia\nأحمد,البلدية,Youth\n"
    result = read(sheet, sectors, existing=(ParticipantDraft("youth", "احمد", "البلديه"),))

    assert [row.duplicate for row in result.rows] == [False, True, False, True]
    assert [draft.organisation for draft in drafts(result)] == ["UN", "UNDP"]
    assert all(row.participant is not None for row in result.rows)


def test_a_row_with_problems_does_not_make_a_later_good_row_a_duplicate(sectors: tuple[Sector, ...]) -> None:
    result = read("Name,Sector\nSara,Unknown sector\nSara,Academia\n", sectors)

    assert [row.duplicate for row in result.rows] == [False, False]
    assert drafts(result) == [ParticipantDraft("academia", "Sara")]


def test_anonymous_participants_are_never_duplicates(sectors: tuple[Sector, ...]) -> None:
    sheet = "Name,Organisation,Sector\n,UN,Youth\n,UN,Youth\n,,Youth\n"
    result = read(sheet, sectors)

    assert [row.duplicate for row in result.rows] == [False, False, False]
    assert len(result.importable_rows) == 3


def test_blank_rows_are_skipped_and_lines_are_those_of_the_file(sectors: tuple[Sector, ...]) -> None:
    sheet = 'Name,Sector\n\n,,\nSara,Academia\n"Ali\nthe second",Youth\nHuda,Youth\n , \n'
    result = read(sheet, sectors)

    assert [row.line for row in result.rows] == [4, 5, 7]
    assert result.rows[1].values["name"] == "Ali\nthe second"


def test_spaces_around_values_are_stripped_and_values_keep_the_raw_text(sectors: tuple[Sector, ...]) -> None:
    result = read("Name,Organisation,Sector\n  Sara  ,\u200f UN ,Youth\n", sectors)

    assert drafts(result) == [ParticipantDraft("youth", "Sara", "UN")]
    assert result.rows[0].values["name"] == "  Sara  "


def test_too_long_texts_are_problems(sectors: tuple[Sector, ...]) -> None:
    sheet = f"Name,Organisation,Sector,Group\n{'n' * 201},{'o' * 300},Youth,{'g' * 100}\n{'n' * 200},{'o' * 301},Youth,{'g' * 101}\n"
    first, second = read(sheet, sectors).rows

    assert len(first.problems) == 1 and "Name" in first.problems[0] and "200" in first.problems[0]
    assert len(second.problems) == 2


def test_a_file_with_too_many_rows_is_refused(sectors: tuple[Sector, ...]) -> None:
    sheet = "Sector\n" + "Youth\n" * MAX_ROWS
    assert len(read(sheet, sectors).importable_rows) == MAX_ROWS

    too_many = read(sheet + "Youth\n", sectors)
    assert too_many.problems and too_many.rows == () and too_many.importable_rows == ()


def test_groups_take_the_spelling_of_existing_groups_and_new_ones_are_listed_once(sectors: tuple[Sector, ...]) -> None:
    sheet = "Sector,Group\nYouth,table 1\nYouth,Table 7\nYouth,TABLE  7\nYouth,\nNowhere,Table 9\n"
    result = read(sheet, sectors, groups=("Table 1",))

    assert [row.group for row in result.rows] == ["Table 1", "Table 7", "Table 7", "", "Table 9"]
    assert result.new_groups == ("Table 7",)


def test_forcing_utf8_on_a_windows_1256_sheet_is_a_problem_not_an_exception(sectors: tuple[Sector, ...]) -> None:
    result = read_participants_csv(ARABIC_SHEET.encode("cp1256"), sectors=sectors, encoding="utf-8")

    assert result.encoding == "utf-8"
    assert len(result.problems) == 1 and "utf-8" in result.problems[0]
    assert result.rows == () and result.importable_rows == ()


def test_a_forced_encoding_is_the_one_used(sectors: tuple[Sector, ...]) -> None:
    result = read_participants_csv(ARABIC_SHEET.encode("cp1256"), sectors=sectors, encoding="cp1256")

    assert result.encoding == "windows-1256"
    assert len(result.importable_rows) == 3


@pytest.mark.parametrize("encoding", [None, "utf-8", "utf-16", "windows-1256", "no-such-encoding"])
def test_empty_or_garbage_bytes_give_problems_never_an_exception(sectors: tuple[Sector, ...], encoding: str | None) -> None:
    generator = random.Random(7)
    samples = [b"", b"\n\n", b"\x00" * 10, codecs.BOM_UTF8, b'"unclosed, quote\n', b',"a' * 300_000] + [
        generator.randbytes(size) for size in (1, 50, 5_000, 300_000)
    ]
    for data in samples:
        result = read_participants_csv(data, sectors=sectors, encoding=encoding)
        assert result.problems, data[:20]
        assert result.importable_rows == ()
        assert result.summary()


ROUND_TRIP = [
    (ParticipantDraft("city-government", "Sara Haddad", "Municipality, Amman", "woman", "25-34"), "Table 1"),
    (ParticipantDraft("youth", 'علي "أبو حسن"', "جمعية الشباب", "man", "under-25"), "الطاولة ٢"),
    (ParticipantDraft("academia", "Multi\nline", "", "", "65-plus"), ""),
    (ParticipantDraft(own_sector("Taxi drivers"), '=HYPERLINK("x")', "-minus", "", ""), "Table 1"),
    (ParticipantDraft("utilities"), ""),
]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_exported_list_reads_back_to_the_same_participants(sectors: tuple[Sector, ...], language: str) -> None:
    data = write_participants_csv(ROUND_TRIP, sectors=sectors, language=language)
    result = read_participants_csv(data, sectors=sectors, own_sectors=("Taxi drivers",), groups=("Table 1",))

    assert data.startswith(codecs.BOM_UTF8)
    assert result.problems == result.ignored_columns == ()
    assert [(row.participant, row.group) for row in result.rows] == ROUND_TRIP
    assert result.new_groups == ("الطاولة ٢",)


def test_the_export_writes_labels_in_the_language_and_guards_against_formulas(sectors: tuple[Sector, ...]) -> None:
    english = write_participants_csv(ROUND_TRIP, sectors=sectors, language="en").decode("utf-8-sig")
    arabic = write_participants_csv(ROUND_TRIP, sectors=sectors, language="ar").decode("utf-8-sig")

    assert english.splitlines()[0] == "Name,Organisation,Sector,Gender,Age band,Group"
    assert "City government" in english and "Woman" in english and "25 to 34" in english
    assert arabic.splitlines()[0].startswith("الاسم,")
    assert "الحكومة المحلية (البلدية)" in arabic and "City government" not in arabic
    assert "'=HYPERLINK" in english and ",'-minus," in english


def test_the_summary_counts_imports_problems_and_duplicates(sectors: tuple[Sector, ...]) -> None:
    sheet = "Name,Sector\nSara,Youth\nAli,Youth\nSara,Youth\nHuda,Nowhere\nOmar,\n"
    result = read(sheet, sectors)

    assert result.summary() == "2 participants will be imported; 2 rows have problems; 1 duplicate is skipped."
    assert read("Sector\nYouth\n", sectors).summary() == "1 participant will be imported."
    with using_language("ar"):
        assert not any(char in "0123456789" for char in result.summary())  # counts in Arabic-Indic digits


# --- Issue 16, item 12: quoting for Excel's ";", re-imports of the app's own export, the size cap ---------------


def test_a_name_with_a_semicolon_and_a_formula_stays_one_cell_where_excel_splits_on_semicolons(sectors: tuple[Sector, ...]) -> None:
    attack = "Ali;=cmd|' /C calc'!A0"
    participants = [
        (ParticipantDraft("youth", attack, "Municipality"), ""),
        (ParticipantDraft("youth", "Tab\there"), ""),
        (ParticipantDraft("youth", "Omar", "Org;=1+1"), "Table;2"),
    ]
    text = write_participants_csv(participants, sectors=sectors, language="en").decode("utf-8-sig")

    semicolon_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(semicolon_rows[1]) == 1 and semicolon_rows[1][0].startswith(attack)  # the name is not split at its ";"
    assert not any(cell.startswith(tuple("=+-@")) for cell in semicolon_rows[1])  # no cell Excel would run
    comma_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=","))
    assert comma_rows[1][0] == attack and comma_rows[2][0] == "Tab\there"
    assert comma_rows[3][1] == "Org;=1+1" and comma_rows[3][5] == "Table;2"
    assert [(row.participant, row.group) for row in read_participants_csv(text.encode("utf-8-sig"), sectors=sectors).rows] == participants


def test_reimporting_the_apps_own_export_three_times_adds_nothing(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    try:
        record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa"))
        workshops = service.workshops
        workshop = workshops.add_workshop(record.id, WorkshopDraft(title="Launch"))
        for draft in (
            ParticipantDraft("youth", "=SUM(1)", "Municipality"),
            ParticipantDraft("youth", "Huda", "-Minus org", gender="woman"),
            ParticipantDraft("academia", "", "University", age_band="25-34"),
            ParticipantDraft("academia", "Sara", "@home"),
        ):
            workshops.add_participant(workshop.id, draft)
        for _round in range(3):
            data = workshops.export_participants_csv(workshop.id, "en")
            preview = workshops.preview_participants_csv(workshop.id, data)
            assert preview.importable_rows == ()
            workshops.import_participants(workshop.id, preview)
        participants = [entry.participant for entry in workshops.snapshot(workshop.id).participants]
        assert len(participants) == 4
        assert sorted(p.name for p in participants) == ["", "=SUM(1)", "Huda", "Sara"]
    finally:
        service.close()


def test_a_second_identical_anonymous_row_is_still_a_new_participant(sectors: tuple[Sector, ...]) -> None:
    sheet = "Name,Organisation,Sector\n,UN,Youth\n,UN,Youth\n"
    result = read(sheet, sectors, existing=(ParticipantDraft("youth", "", "UN"),))

    assert [row.duplicate for row in result.rows] == [True, False]  # one is the participant already there
    assert len(result.importable_rows) == 1


def test_a_file_over_the_size_cap_is_refused_having_read_no_more_than_the_cap(
    tmp_path: Path, sectors: tuple[Sector, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(participants_csv.preview, "MAX_FILE_BYTES", 2_000)  # where the cap is read
    fits = tmp_path / "fits.csv"
    fits.write_bytes(b"Name,Sector\n" + b"Sara,Youth\n" * 150)  # 1,662 bytes
    assert len(read_participants_csv(read_participants_file(fits), sectors=sectors).importable_rows) == 1
    big = tmp_path / "big.csv"
    big.write_bytes(b"Name,Sector\n" + b"Sara,Youth\n" * 300)  # 3,312 bytes
    data = read_participants_file(big)
    assert len(data) == 2_001
    result = read_participants_csv(data, sectors=sectors)
    assert result.problems == ("The file is larger than 5 MB, more than any sign-in sheet; split it into smaller files.",)
    assert result.rows == () and result.importable_rows == ()
    with using_language("ar"):
        assert "٥" in read_participants_csv(data, sectors=sectors).problems[0]
