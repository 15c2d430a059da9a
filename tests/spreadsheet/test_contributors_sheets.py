"""The workbook's Contributors and Contributions sheets, read back with openpyxl in English and Arabic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.formatting import local_moment
from resilience_app.core.i18n import translate_in
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet.builder import SHEET_BUILDERS
from tests.brief.contributors_data import CONTACT, RETURNED, SECRET_WORDS, Scenario, add_contributors
from tests.spreadsheet.conftest import LANGUAGES
from tests.spreadsheet.workbook_reader import tables

DAY = dt.date(2026, 11, 24)
Setup = tuple[ResilienceService, int, Scenario, dict[tuple[str, bool], Path]]


@pytest.fixture(scope="module")
def contributed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    """The scenario's contributors, exported in each language, with and without the sensitive content."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("contributors-workbook")))
    assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد")).id
    scenario = add_contributors(service, assessment_id)
    folder = tmp_path_factory.mktemp("contributors-workbooks")
    books = {
        (language, included): service.export_xlsx(assessment_id, language=language, path=folder / f"{language}-{included}.xlsx",
                                                  include_sensitive=included, today=DAY).path
        for language in LANGUAGES
        for included in (False, True)
    }
    yield service, assessment_id, scenario, books
    service.close()


def _sheet(path: Path, language: str, title: str) -> list[dict[str, Any]]:
    """The rows of the sheet called `title` in `language`, each keyed by its headers (in `language`)."""
    return tables(path)[translate_in(language, title)]


def _column(language: str, title: str) -> str:
    return translate_in(language, title)


def test_the_contributors_sheets_are_the_workbooks_last_two() -> None:
    assert [build.__name__ for build in SHEET_BUILDERS[-2:]] == ["contributors", "contributions"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_row_per_contributor_with_what_they_were_asked_and_what_came_back(contributed: Setup, language: str) -> None:
    _service, _id, scenario, books = contributed
    rows = {row[_column(language, "Contributor id")]: row for row in _sheet(books[(language, False)], language, "Contributors")}
    assert list(rows) == [scenario.water, scenario.health, scenario.civil, scenario.planning]
    water, health, civil, planning = (rows[key] for key in rows)

    def value(row: dict[str, Any], title: str) -> Any:
        return row[_column(language, title)]

    assert (value(water, "Contributor"), value(water, "Department"), value(water, "Language code")) == ("Water Authority", "Utilities", "ar")
    assert value(water, "Language") == translate_in(language, "Arabic")
    assert (value(water, "Questions assigned"), value(water, "Assigned questions answered")) == (len(scenario.goal_1), 4)
    assert value(water, "Assigned question ids").split(", ") == list(scenario.goal_1)  # framework order
    assert value(water, "Workbooks sent") == 1 and value(water, "Last workbook id") == "water-1"
    assert value(water, "Last workbook returned") == local_moment(RETURNED)
    assert value(water, "Reply by").date() == dt.date(2026, 10, 20)
    assert (value(health, "Assigned questions answered"), value(health, "Last workbook returned")) == (3, None)
    assert value(civil, "Department") is None and value(civil, "Workbooks sent") == 0 and value(civil, "Last workbook sent") is None
    assert (value(planning, "Questions assigned"), value(planning, "Assigned question ids")) == (0, None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_row_per_contribution_with_where_answers_still_differ(contributed: Setup, language: str) -> None:
    _service, _id, scenario, books = contributed
    rows = _sheet(books[(language, False)], language, "Contributions")

    def value(row: dict[str, Any], title: str) -> Any:
        return row[_column(language, title)]

    by_question: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_question.setdefault(value(row, "Question id"), []).append(row)
    assert list(by_question) == [scenario.agreed, scenario.differing, scenario.settled, scenario.alone, scenario.sensitive]
    flags = {question_id: (value(entries[0], "Answers still differ"), value(entries[0], "Difference settled")) for question_id, entries in by_question.items()}
    assert flags == {
        scenario.agreed: (False, False), scenario.differing: (True, False), scenario.settled: (False, True),
        scenario.alone: (False, False), scenario.sensitive: (True, False),  # a sensitive question's difference is counted
    }
    water, health = by_question[scenario.differing]
    assert (value(water, "Contributor id"), value(water, "Level"), value(water, "Evidence"), value(water, "Workbook id")) == (
        scenario.water, 2, "Water balance 2025", "water-1")
    assert (value(health, "Contributor"), value(health, "Level"), value(health, "Workbook id")) == ("Health Directorate", 3, None)
    assert value(water, "Goal id") == "goal-1" and value(water, "Answer") == translate_in(language, "Level chosen")
    (withheld,) = by_question[scenario.sensitive]
    assert value(withheld, "Answer") == translate_in(language, "Withheld")
    assert all(value(withheld, title) is None for title in ("Level", "Confidence", "Justification", "Evidence", "Workbook id"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_included_on_purpose_the_sensitive_contribution_is_whole(contributed: Setup, language: str) -> None:
    _service, _id, scenario, books = contributed
    rows = _sheet(books[(language, True)], language, "Contributions")
    (whole,) = [row for row in rows if row[_column(language, "Question id")] == scenario.sensitive]
    assert whole[_column(language, "Level")] == 4 and SECRET_WORDS[1] in whole[_column(language, "Evidence")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_cell_holds_a_contact_or_a_withheld_detail(contributed: Setup, language: str) -> None:
    _service, _id, _scenario, books = contributed
    for included in (False, True):
        cells = [str(cell) for sheet in load_workbook(books[(language, included)]).worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert not [cell for cell in cells if "example.org" in cell or "555 0101" in cell], CONTACT  # personal data: never exported
        if not included:
            assert not [cell for cell in cells if any(word in cell for word in SECRET_WORDS)]
