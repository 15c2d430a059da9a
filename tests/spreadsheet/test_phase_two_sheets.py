"""What Phase II must work on, in the workbook: the discovery areas' questions, data and partners, and a Next steps sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.register.labels import NEXT_STEP_STATUS_NAMES
from resilience_app.core.register.records import NextStepDraft
from resilience_app.core.services import ResilienceService
from tests.spreadsheet.conftest import LANGUAGES
from tests.spreadsheet.workbook_reader import tables

Sample = tuple[ResilienceService, dict[str, int]]


@pytest.fixture
def read_in_language(language: str) -> Iterator[None]:
    with using_language(language):
        yield


def _as_date(value: object) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[return-value]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_areas_sheet_has_each_areas_phase_two_work_and_the_next_steps_sheet_the_services_steps(
    sample_service: Sample, sample_workbooks: dict[tuple[str, bool], Path], language: str, read_in_language: None
) -> None:
    service, ids = sample_service
    sheets = tables(sample_workbooks[(language, False)])

    def t(text: str) -> str:
        return translate_in(language, text)

    areas = {record.id: record for record in service.register.areas(ids[language])}
    for row in sheets[t("Discovery areas")]:
        area = areas[row[t("Area id")]].area
        shown = (row[t("Questions Phase II must answer")], row[t("Data needed")], row[t("Partners to involve")])
        assert shown == (area.questions or None, area.data_needed or None, area.partners or None)
    assert sum(row[t("Questions Phase II must answer")] is not None for row in sheets[t("Discovery areas")]) == 3  # the accepted areas
    steps = service.next_steps.next_steps(ids[language])
    rows = sheets[t("Next steps")]
    assert [
        (row[t("Step id")], row[t("What is to be done")], row[t("Owner")], _as_date(row[t("Due date")]), row[t("Status")], row[t("Area id")],
         row[t("Discovery area")])
        for row in rows
    ] == [
        (step.id, step.step.what, step.step.owner, step.step.due, t(NEXT_STEP_STATUS_NAMES[step.step.status]), step.step.area_id,
         areas[step.step.area_id].area.title if step.step.area_id else None)
        for step in steps
    ]
    assert len(rows) == 5


def test_a_step_with_no_date_nor_area_leaves_those_cells_empty(service: ResilienceService, tmp_path: Path) -> None:
    assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt")).id
    service.next_steps.add_next_step(assessment_id, NextStepDraft("Brief the council", owner="CRO"))
    result = service.export_xlsx(assessment_id, language="en", path=tmp_path / "salt.xlsx")
    assert "Next steps" in result.sheets
    assert result.sheets.index("Next steps") == result.sheets.index("Discovery areas") + 1  # beside the areas it follows
    (row,) = tables(result.path)["Next steps"]
    assert (row["What is to be done"], row["Owner"], row["Due date"], row["Status"], row["Area id"], row["Discovery area"]) == (
        "Brief the council", "CRO", None, "Planned", None, None,
    )
