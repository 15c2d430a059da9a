"""Review 21b: what a department workbook's source, year and scale cells do to the contributor's own stored answer.

An empty cell, or one that cannot be read, changes nothing (as on record); a change of them is a change of the
contribution, previewed, stored and written into the history; `--json` carries them; a workbook whose hidden sheet
was tampered with is refused with a message that says so.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.contributions.workbook import read_workbook
from resilience_app.core.contributions.workbook_import import DISAGREES, EMPTY, SAME, UPDATED
from resilience_app.core.contributions.workbook_layout import DATA_QUALITY_COLUMNS, DATA_SHEET, LETTERS, RECORD_COLUMN
from resilience_app.core.contributions.workbook_records import WorkbookRefused
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.contributions.workbooks import edited, english_workbook, filled, request, written_in_format
from tests.property.support import has_arabic_letters


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    details = AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil")
    return service.assessments.create_assessment(details).id


def _contributor(service: ResilienceService, assessment_id: int, question_ids: list[str], language: str = "en") -> ContributorRecord:
    contributor = service.contributions.add_contributor(assessment_id, ContributorDraft("Rania Haddad", "Water Authority", language))
    service.contributions.assign(contributor.id, question_ids)
    return contributor


def _exported(service: ResilienceService, contributor: ContributorRecord, tmp_path: Path) -> bytes:
    path = tmp_path / f"workbook-{contributor.id}.xlsx"
    service.contributions.export_workbook(contributor.id, path)
    return path.read_bytes()


def _own(service: ResilienceService, assessment_id: int, question_id: str) -> tuple[object, ...]:
    [record] = service.contributions.contributions(assessment_id)[question_id]
    answer = record.answer
    return answer.level, answer.source_kind, answer.data_year, answer.data_scale


def _history(service: ResilienceService, assessment_id: int, question_id: str) -> list[tuple[str, str | None, str | None]]:
    return [(change.field, change.old_value, change.new_value) for change in service.assessments.answer_history(assessment_id, question_id)]


STATED = {"level": "3", "justification": "j1", "source_kind": "Expert judgement", "data_year": 2021, "data_scale": "Country level"}


def _stated_once(service: ResilienceService, assessment_id: int, tmp_path: Path, *, on_record: bool = False) -> tuple[str, bytes]:
    """The first question answered by the contributor with (3, expert judgement, 2021, country), stored; the workbook sent."""
    first = next(iter(service.framework().questions())).id
    if on_record:  # an answer on record with another level: the contribution is not offered, only kept
        service.assessments.save_answer(assessment_id, first, AnswerDraft(status="level", level=2))
    contributor = _contributor(service, assessment_id, [first])
    data = _exported(service, contributor, tmp_path)
    service.contributions.import_workbook(service.contributions.preview_workbook(assessment_id, filled(data, {2: STATED})), on_record=())
    assert _own(service, assessment_id, first) == (3, "expert_judgement", 2021, "country")
    return first, data


@pytest.mark.parametrize("on_record", [False, True])
def test_an_unreadable_cell_keeps_what_the_contributor_stated_before(
    service: ResilienceService, assessment_id: int, tmp_path: Path, on_record: bool
) -> None:
    """F1: "bogus", "bad" and "nowhere" wiped the stored source, year and scale."""
    first, data = _stated_once(service, assessment_id, tmp_path, on_record=on_record)
    record_before = service.assessments.answers(assessment_id).get(first)
    bad = filled(data, {2: {**STATED, "source_kind": "bogus", "data_year": "bad", "data_scale": "nowhere"}})
    preview = service.contributions.preview_workbook(assessment_id, bad)
    [row] = preview.rows
    assert row.outcome == SAME and row.kept_data_quality
    assert all(f"Questions!{LETTERS[key]}2" in row.warning for key in DATA_QUALITY_COLUMNS), "the warning is kept"
    service.contributions.import_workbook(preview)
    assert _own(service, assessment_id, first) == (3, "expert_judgement", 2021, "country")
    assert service.assessments.answers(assessment_id).get(first) == record_before, "nor anything on record"


def test_an_emptied_cell_keeps_what_the_contributor_stated_before(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    """F2: emptied cells cleared the contribution's values."""
    first, data = _stated_once(service, assessment_id, tmp_path, on_record=True)
    emptied = filled(data, {2: {**STATED, "justification": "j2", "source_kind": None, "data_year": None, "data_scale": None}})
    preview = service.contributions.preview_workbook(assessment_id, emptied)
    [row] = preview.rows
    assert row.outcome == DISAGREES and row.kept_data_quality
    assert any("changes nothing" in line for line in preview.summary()), "the preview says so"
    service.contributions.import_workbook(preview)
    assert _own(service, assessment_id, first) == (3, "expert_judgement", 2021, "country")
    assert not any(field.startswith("contribution_") and new is None for field, _old, new in _history(service, assessment_id, first))


def test_each_change_of_the_data_quality_is_a_line_in_the_history(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    """F3: the history held only "contribution 3 → 3", so the old year could not be recovered."""
    first, data = _stated_once(service, assessment_id, tmp_path, on_record=True)
    history = _history(service, assessment_id, first)
    assert ("contribution_data_year", None, "2021") in history and ("contribution_source_kind", None, "expert_judgement") in history
    changed = filled(data, {2: {**STATED, "data_year": 2023, "data_scale": "City level"}})
    service.contributions.import_workbook(service.contributions.preview_workbook(assessment_id, changed))
    history = _history(service, assessment_id, first)
    assert ("contribution_data_year", "2021", "2023") in history and ("contribution_data_scale", "country", "city") in history
    assert not any(line[0] == "contribution_source_kind" and line[1] is not None for line in history), "only what changed"
    assert _own(service, assessment_id, first) == (3, "expert_judgement", 2023, "city")


def test_the_history_names_the_contributions_data_quality_in_each_language() -> None:
    from resilience_app.core.assessment.labels import FIELD_NAMES, history_value

    with using_language("ar"):
        assert has_arabic_letters(translate_in("ar", FIELD_NAMES["contribution_data_year"]))
        assert history_value("contribution_data_year", "2021") == "٢٠٢١"
    assert history_value("contribution_source_kind", "measured") == "Measured data"


def test_a_row_changing_only_the_data_quality_changes_the_contribution(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    """F4: a corrected year with the level left empty showed as "Left empty" and was dropped."""
    first, data = _stated_once(service, assessment_id, tmp_path)
    only_year = filled(data, {2: {"level": None, "justification": None, "source_kind": None, "data_year": 2010, "data_scale": None}})
    preview = service.contributions.preview_workbook(assessment_id, only_year)
    [row] = preview.rows
    assert row.outcome == UPDATED and row.answer is not None and row.answer.data_year == 2010
    service.contributions.import_workbook(preview, on_record=())
    assert _own(service, assessment_id, first) == (3, "expert_judgement", 2010, "country"), "the level and the words stay"
    assert ("contribution_data_year", "2021", "2010") in _history(service, assessment_id, first)


def test_a_row_with_only_an_unreadable_data_quality_cell_reports_it(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    first = next(iter(service.framework().questions())).id
    contributor = _contributor(service, assessment_id, [first])
    data = _exported(service, contributor, tmp_path)
    [row] = service.contributions.preview_workbook(assessment_id, filled(data, {2: {"data_year": "20x2"}})).rows
    assert row.outcome == EMPTY and f"Questions!{LETTERS['data_year']}2" in row.warning and "20x2" in row.warning
    [row] = service.contributions.preview_workbook(assessment_id, filled(data, {2: {"data_year": 2010}})).rows
    assert row.outcome == EMPTY and "no level" in row.warning, "a change nobody answered is said, not dropped silently"
    [row] = service.contributions.preview_workbook(assessment_id, data).rows
    assert row.outcome == EMPTY and not row.warning, "the workbook as sent says nothing"


def test_a_row_not_offered_does_not_say_it_is_taken_on_record(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    first = next(iter(service.framework().questions())).id
    service.assessments.save_answer(assessment_id, first, AnswerDraft(status="level", level=2, data_year=2019))
    contributor = _contributor(service, assessment_id, [first])
    [row] = service.contributions.preview_workbook(assessment_id, filled(_exported(service, contributor, tmp_path), {2: {"level": "4", "data_year": 2023}})).rows
    assert not row.offer_on_record and row.data_quality_changes and "on record" not in row.warning


# --- The command line ------------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    service = ResilienceService.open(AppPaths.under(folder))
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", cro_name="Omar Khalil"))
    service.close()
    return folder


def test_the_json_carries_the_data_quality_and_the_text_keeps_a_row_a_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    """F5 and F9: the source, year and scale as fields; several warnings of a row on its one line."""
    out_file = tmp_path / "water.xlsx"
    code, _out = _run(capsys, data_dir, "export-workbook", "1", "--contributor", "Rania", "--lang", "en", "--scope", "q-1.1.a,q-1.1.b", "--out", str(out_file))
    assert code == 0
    returned = tmp_path / "returned.xlsx"
    returned.write_bytes(filled(out_file.read_bytes(), {
        2: {"level": "3", "source_kind": "Measured data", "data_year": "٢٠٢٢", "data_scale": "City level"},
        3: {"level": "2", "source_kind": "bogus", "data_year": "bad"},
    }))
    code, out = _run(capsys, data_dir, "import-workbook", "1", str(returned), "--json")
    rows = {row["question"]: row for row in json.loads(out)}
    assert (rows["q-1.1.a"]["source_kind"], rows["q-1.1.a"]["data_year"], rows["q-1.1.a"]["data_scale"]) == ("measured", 2022, "city")
    assert (rows["q-1.1.b"]["source_kind"], rows["q-1.1.b"]["data_year"]) == (None, None)
    code, out = _run(capsys, data_dir, "import-workbook", "1", str(returned))
    assert code == 0
    assert not [line for line in out.splitlines() if line.startswith("Questions!")], out
    [line] = [line for line in out.splitlines() if f"Questions!{LETTERS['source_kind']}3" in line]
    assert f"Questions!{LETTERS['data_year']}3" in line and line.count("\t") == 2


# --- Tampered hidden sheet ---------------------------------------------------------------------------------


def _column_records(book: Workbook, keys: tuple[str, ...]) -> list[int]:
    sheet = book[DATA_SHEET]
    return [row[0].row for row in sheet.iter_rows() if row[0].value == RECORD_COLUMN and row[1].value in keys]


def test_a_second_format_workbook_made_to_say_version_one_is_refused() -> None:
    """F6: the version cell set to "1" dropped the three columns without a word."""
    made = request("en")
    second = written_in_format(2, made)
    lowered = filled(edited(lambda book: book[DATA_SHEET].cell(1, 3, "1"), second), {2: {"level": "3", "data_year": 2019}}, version=2)
    with pytest.raises(WorkbookRefused) as refusal, using_language("ar"):
        read_workbook(lowered, known_question_ids=[question.question_id for question in made.questions])
    assert refusal.value.reason == "data-changed" and f"{DATA_SHEET}!C1\u2069" in refusal.value.message
    assert has_arabic_letters(refusal.value.message)


def test_a_header_renamed_in_the_hidden_sheet_says_the_hidden_sheet_was_changed() -> None:
    """F7: it said "column Q should be “Jahr”", telling the department to rename a column they never touched."""
    made = request("en")

    def rename(book: Workbook) -> None:
        [row] = _column_records(book, ("data_year",))
        book[DATA_SHEET].cell(row, 4, "Jahr")

    with pytest.raises(WorkbookRefused) as refusal:
        read_workbook(edited(rename), known_question_ids=[question.question_id for question in made.questions])
    assert refusal.value.reason == "data-changed" and "Jahr" not in refusal.value.message
    assert f"{DATA_SHEET}!D" in refusal.value.message


def test_a_first_format_workbook_without_the_records_still_reads() -> None:
    made = request("en")

    def older(book: Workbook) -> None:
        book[DATA_SHEET].cell(1, 3, "1")
        for row in _column_records(book, DATA_QUALITY_COLUMNS):
            for column in range(1, 5):
                book[DATA_SHEET].cell(row, column).value = None

    second = written_in_format(2, made)
    reading = read_workbook(edited(older, second), known_question_ids=[question.question_id for question in made.questions])
    assert reading.problems == ()
    assert load_workbook(io.BytesIO(english_workbook()))  # the fixture itself is untouched
