"""The workbook's change sheets: the sample (a follow-up of its baseline) has the comparison's own numbers, read back
with openpyxl; an assessment with no earlier round has the sheets with their headers only."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.sample import SENSITIVE_QUESTIONS
from resilience_app.core.services import ResilienceService
from tests.spreadsheet.conftest import LANGUAGES
from tests.spreadsheet.workbook_reader import tables

Sample = tuple[ResilienceService, dict[str, int]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_change_sheets_hold_the_comparison_of_the_sample_with_its_baseline(sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path],
                                                                               language: str) -> None:
    service, ids = sample_service
    [baseline] = [found.assessment_id for found in service.rounds.series_of(ids[language]) if found.kind == "baseline"]
    compared = service.rounds.compare(baseline, ids[language]).comparison
    sheets = tables(sample_workbooks[(language, False)])

    def t(text: str) -> str:
        return translate_in(language, text)

    for title, id_column, groups in (("Change by goal", "Goal id", compared.goals), ("Change by dimension", "Dimension id", compared.dimensions)):
        rows = {row[t(id_column)]: row for row in sheets[t(title)]}
        assert list(rows) == [group.id for group in groups]
        for group in groups:
            row = rows[group.id]
            assert group.baseline is not None and group.follow_up is not None
            assert row[t("Earlier level")] == pytest.approx(group.baseline.level)
            assert row[t("Level in this round")] == pytest.approx(group.follow_up.level)
            assert row[t("Change")] == pytest.approx(group.change)
            assert (row[t("Questions compared")], row[t("Moved up")], row[t("Moved down")]) == (group.levelled_in_both, group.up, group.down)
            assert row[t("Earlier coverage")] == pytest.approx(group.baseline.coverage)
            assert row[t("Coverage in this round")] == pytest.approx(group.follow_up.coverage)
            assert row[t("Coverage fell")] is group.coverage_fell
            assert row[t("Low confidence, this round")] == pytest.approx(group.follow_up.low_confidence_share)
            assert row[t("Low-confidence change")] is group.low_confidence
    moved = sheets[t("Questions that moved")]
    assert {row[t("Question id")] for row in moved} == {
        move.question_id for move in (*compared.moved_up, *compared.moved_down)} - SENSITIVE_QUESTIONS  # withheld ones left out
    assert all(row[t("Change")] == row[t("Later level")] - row[t("Earlier level")] != 0 for row in moved)
    with using_language(language):  # the sample's texts are read in the workbook's language
        earlier_answers, answers = service.assessments.answers(baseline), service.assessments.answers(ids[language])
    for row in moved:  # why it moved: both rounds' justifications side by side, as on the Change tab
        question_id = row[t("Question id")]
        assert row[t("Earlier justification")] == (earlier_answers[question_id].answer.justification or None)
        assert row[t("Justification in this round")] == (answers[question_id].answer.justification or None)
    assert any(row[t("Data in this round")] for row in moved)  # the sample says where its figures come from


def test_an_assessment_with_no_earlier_round_has_the_change_sheets_with_headers_only(service: ResilienceService, tmp_path: Path) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba"))
    path = service.export_xlsx(record.id, language="en", path=tmp_path / "madaba.xlsx").path
    book = load_workbook(path)
    for title in ("Change by goal", "Change by dimension", "Questions that moved"):
        assert book[title].max_row == 1 and book[title]["A1"].value
