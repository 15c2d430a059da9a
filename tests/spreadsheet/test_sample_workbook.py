"""The sample assessment as a workbook, in English and Arabic: every sheet a table Power BI reads, and the
values the same as the services give (answers, the profile, the register, the workshop's results)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, SOURCE_KIND_NAMES, STATUS_VALUES
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.register.labels import rating_terms
from resilience_app.core.sample import SENSITIVE_QUESTIONS
from resilience_app.core.services import ResilienceService
from resilience_app.core.spreadsheet.builder import SHEET_BUILDERS
from resilience_app.core.workshop.records import DOT_VOTE, RANKING
from tests.spreadsheet.conftest import LANGUAGES
from tests.spreadsheet.workbook_reader import tables

Sample = tuple[ResilienceService, dict[str, int]]
ARABIC = range(0x0600, 0x0700)


@pytest.fixture
def read_in_language(language: str) -> Iterator[None]:
    """The service read in the workbook's language, as its export reads it: text the app wrote in every
    language (the sample's) reads in that language (core.every_language)."""
    with using_language(language):
        yield


def _arabic(text: str) -> bool:
    return any(ord(character) in ARABIC for character in text)


def _by(rows: list[dict[str, Any]], column: str) -> dict[Any, dict[str, Any]]:
    return {row[column]: row for row in rows}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sheet_is_a_table_with_a_frozen_filtered_header_in_the_language(sample_workbooks: dict[tuple[str, bool], Path], language: str) -> None:
    book = load_workbook(sample_workbooks[(language, False)])
    assert len(book.worksheets) == len(SHEET_BUILDERS)
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        assert all(isinstance(title, str) and title for title in header), sheet.title
        assert len(set(header)) == len(header), f"{sheet.title}: a header twice"
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
        assert bool(sheet.sheet_view.rightToLeft) == (language == "ar")
        if language == "ar":  # every sheet and header is in Arabic; ids and product names (Excel, Power BI) may stay Latin
            assert _arabic(sheet.title), sheet.title
            assert all(_arabic(title) for title in header), (sheet.title, [title for title in header if not _arabic(title)])
    assert book.properties.language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_answers_hold_every_field_as_the_service_has_it(sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path], language: str, read_in_language: None) -> None:
    service, ids = sample_service
    assessment_id = ids[language]
    answers = service.assessments.answers(assessment_id)
    evidence = service.assessments.evidence(assessment_id)
    framework = service.framework()

    def t(text: str) -> str:
        return translate_in(language, text)

    for included in (False, True):
        rows = _by(tables(sample_workbooks[(language, included)])[t("Answers")], t("Question id"))
        assert list(rows) == [question.id for question in framework.questions()]  # every question, answered or not, framework order
        for question in framework.questions():
            row, record = rows[question.id], answers.get(question.id)
            place = framework.placement(question.id)
            assert (row[t("Goal id")], row[t("Indicator id")], row[t("No.")]) == (place.goal.id, place.indicator.id, place.number)
            assert row[t("Question")] == question.prompt.in_language(language)
            if question.id in SENSITIVE_QUESTIONS and not included:
                assert row[t("Answer")] == t("Withheld") and row[t("Sensitive")] is True
                assert row[t("Justification")] is None and row[t("Level")] is None and row[t("Evidence")] is None
                continue
            assert record is not None, question.id  # the sample answers every question
            answer = record.answer
            assert row[t("Answer")] == t(STATUS_VALUES[answer.status])
            assert row[t("Level")] == answer.level
            assert row[t("Level name")] == (framework.levels[answer.level].in_language(language) if answer.level else None)
            assert (Decimal(str(row[t("Value")])) if row[t("Value")] is not None else None) == (Decimal(answer.numeric_value) if answer.numeric_value else None)
            assert row[t("Unit")] == (question.numeric.unit.in_language(language) if question.numeric else None)
            assert row[t("Confidence")] == (t(CONFIDENCE_NAMES[answer.confidence]) if answer.confidence else None)
            assert row[t("Justification")] == (answer.justification or None)
            assert row[t("Answered by")] == (answer.answered_by or None)
            assert row[t("Sensitive")] is answer.sensitive
            entries = evidence.get(question.id, [])
            assert row[t("Evidence items")] == len(entries)
            assert row[t("Evidence")] == ("\n".join(entry.title for entry in entries) or None)
            assert row[t("Last changed")] is not None
            assert row[t("Carried over — to review")] is record.carried_over
            assert row[t("Source of the data")] == (t(SOURCE_KIND_NAMES[answer.source_kind]) if answer.source_kind else None)
            assert row[t("Year of the data")] == answer.data_year
            assert row[t("Scale of the data")] == (t(DATA_SCALE_NAMES[answer.data_scale]) if answer.data_scale else None)
    assert answers[min(SENSITIVE_QUESTIONS)].answer.justification  # what was withheld above was there to withhold


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profile_is_the_services_by_goal_dimension_and_quality_and_never_one_score(
    sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path], language: str
) -> None:
    service, ids = sample_service
    profile = service.assessments.profile(ids[language])
    framework = service.framework()
    sheets = tables(sample_workbooks[(language, False)])

    def t(text: str) -> str:
        return translate_in(language, text)

    lenses = (
        ("Profile by goal", "Goal id", profile.goals),
        ("Profile by dimension", "Dimension id", profile.dimensions),
        ("Profile by quality", "Quality id", profile.qualities),
    )
    for title, id_column, summaries in lenses:
        rows = _by(sheets[t(title)], t(id_column))
        assert list(rows) == list(summaries)
        for group_id, summary in summaries.items():
            row = rows[group_id]
            assert row[t("Average level (1–5)")] == pytest.approx(summary.level)
            assert row[t("Coverage")] == pytest.approx(summary.coverage)
            assert row[t("Share with low confidence")] == pytest.approx(summary.low_confidence_share)
            assert row[t("Spread (std. dev.)")] == pytest.approx(summary.spread)
            assert (row[t("Questions")], row[t("Answered")], row[t("With a level")], row[t("Not applicable")]) == (
                summary.total, summary.answered, summary.levelled, summary.not_applicable)
            assert (row[t("Lowest level")], row[t("Highest level")], row[t("Answers with low confidence")]) == (
                summary.lowest, summary.highest, summary.low_confidence)
    ranks = {row[t("Goal id")]: row[t("Rank by level")] for row in sheets[t("Profile by goal")]}
    assert [goal_id for goal_id, _rank in sorted(ranks.items(), key=lambda pair: pair[1])] == profile.ranked_goals()
    assert [goal.id for goal in framework.goals()] == list(ranks)
    about = sheets[t("Assessment")]
    assert not any(isinstance(row[t("Value")], float) for row in about)  # no mean of the whole city anywhere
    facts = {row[t("Field id")]: row[t("Value")] for row in about}
    assert (facts["questions"], facts["answered"], facts["assessment_id"]) == (profile.overall.total, profile.overall.answered, ids[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_register_has_its_ratings_ranks_and_scenarios_and_leaves_out_the_sensitive_item(
    sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path], language: str
, read_in_language: None) -> None:
    service, ids = sample_service
    items = {record.id: record for record in service.register.items(ids[language])}
    ranking = service.register.ranking(ids[language])
    hidden = {item_id for item_id, record in items.items() if record.item.sensitive}
    assert hidden  # the sample marks one item sensitive

    def t(text: str) -> str:
        return translate_in(language, text)

    for included in (False, True):
        sheets = tables(sample_workbooks[(language, included)])
        rows = _by(sheets[t("Shocks and stresses")], t("Item id"))
        assert set(rows) == (set(items) if included else set(items) - hidden)
        for item_id, row in rows.items():
            record = items[item_id]
            assert row[t("Shock or stress")] == service.register.item_name(record, language)
            assert (row[t("Likelihood (shock) / trend (stress)")], row[t("Impact (shock) / severity (stress)")], row[t("Priority (1–25)")]) == (
                record.item.likelihood, record.item.impact, record.priority)
            terms = rating_terms(record.item.kind)  # a stress's levels named as its trend and severity
            assert row[t("Likelihood or trend: name")] == (t(terms.likelihood_names[record.item.likelihood]) if record.item.likelihood else None)
            assert row[t("Impact or severity: name")] == (t(terms.impact_names[record.item.impact]) if record.item.impact else None)
            assert row[t("Most probable scenario")] == (record.item.scenario_probable or None)
            assert row[t("Most severe scenario")] == (record.item.scenario_severe or None)
            assert row[t("Goal ids")] == (", ".join(record.item.goals) or None)
        if included:  # the ranks are the register's own (without the sensitive item they are renumbered, as in the brief)
            assert {entry.item.item_id: entry.rank for entry in ranking.ranked} == {
                item_id: row[t("Rank")] for item_id, row in rows.items() if row[t("Rank")] is not None}
        links = sheets[t("Interconnections")]
        expected = {(link.source_id, link.target_id) for link in service.register.links(ids[language])}
        if not included:
            expected = {pair for pair in expected if not set(pair) & hidden}
        assert {(row[t("Item id")], row[t("Triggers or aggravates: item id")]) for row in links} == expected
        named = set()  # every item any sheet names, by its id
        for sheet in sheets.values():
            for row in sheet:
                named |= {row[column] for column in (t("Item id"), t("Triggers or aggravates: item id")) if row.get(column) is not None}
                named |= {int(item_id) for item_id in str(row.get(t("Item ids")) or "").split(", ") if item_id}
        assert hidden <= named if included else not hidden & named
        texts = [str(value) for sheet in sheets.values() for row in sheet for value in row.values() if isinstance(value, str)]
        scenarios = [items[item_id].item.scenario_probable for item_id in hidden]
        assert all(any(scenario in text for text in texts) == included for scenario in scenarios)


@pytest.mark.parametrize("language", LANGUAGES)
def test_actions_areas_and_the_workshops_results_are_the_services(sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path], language: str, read_in_language: None) -> None:
    service, ids = sample_service
    sheets = tables(sample_workbooks[(language, True)])

    def t(text: str) -> str:
        return translate_in(language, text)

    actions = service.register.actions(ids[language])
    assert [(row[t("Action id")], row[t("Action")]) for row in sheets[t("Actions")]] == [(record.id, record.action.title) for record in actions]
    areas = service.register.areas(ids[language])
    assert [row[t("Area id")] for row in sheets[t("Discovery areas")]] == [record.id for record in areas]
    workshops = service.workshops.workshops(ids[language])
    assert [row[t("Workshop id")] for row in sheets[t("Workshops")]] == [record.id for record in workshops]
    dots = sheets[t("Dot votes")]
    rankings = sheets[t("Room rankings")]
    assert dots and rankings  # the sample workshop ran both exercises
    for workshop in workshops:
        snapshot = service.workshops.snapshot(workshop.id)
        for exercise in snapshot.exercises:
            if exercise.kind == DOT_VOTE:
                rows = _by([row for row in dots if row[t("Exercise id")] == exercise.id], t("Goal id"))
                for tally in service.workshops.dot_results(snapshot, exercise.id):
                    row = rows[tally.goal_id]
                    assert (row[t("Dots")], row[t("Groups")]) == (tally.dots, tally.groups)
                    assert row[t("Share of the dots")] == pytest.approx(tally.share)
            elif exercise.kind == RANKING:
                rows = _by([row for row in rankings if row[t("Exercise id")] == exercise.id], t("Item id"))
                room = service.workshops.room_ranking(snapshot, exercise.id)
                for item in room.ranked:
                    row = rows[item.item_id]
                    assert row[t("Room’s rank")] == item.rank
                    assert row[t("Room priority (mean, 1–25)")] == pytest.approx(item.priority)
                    assert (row[t("Lowest group priority")], row[t("Highest group priority")], row[t("Groups that rated it")]) == (
                        item.lowest, item.highest, item.groups)
                assert {item_id for item_id, row in rows.items() if row[t("Room’s rank")] is None} == set(room.unrated)


def test_the_about_sheet_says_what_sensitive_content_was_left_out(sample_workbooks: dict[tuple[str, bool], Path]) -> None:
    def note(included: bool) -> str:
        rows = tables(sample_workbooks[("en", included)])["Assessment"]
        return str(next(row["Value"] for row in rows if row["Field id"] == "sensitive_content"))

    assert note(False).startswith("Left out of this workbook because they are marked sensitive: the details of 3 answers")
    assert note(True).startswith("Included in this workbook: the details of 3 answers")
