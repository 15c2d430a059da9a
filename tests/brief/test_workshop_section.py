"""The brief's "What the workshop said" section, read back from the PDF in English and Arabic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import RankingResults, collect
from resilience_app.core.brief.model import BarChart, Paragraph, Table
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import translate_in
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_count, page_text, plain

Sample = tuple[ResilienceService, dict[str, int]]
NO_WORKSHOP = "No workshop has been recorded for this assessment yet."
SAMPLE_PARTICIPANTS = 34  # sample_workshop.yaml


def _title(section_id: str, language: str) -> str:
    return plain(translate_in(language, SECTION_TITLES[section_id]))


def _workshop_text(path: Path, language: str) -> str:
    """The words of the workshop section alone: from its title (the first time it appears: in the PRA the
    register, whose note names it, comes after) to the next section's title."""
    text = plain(page_text(path))
    start = text.index(_title("workshop", language))
    following = DOCUMENTS[PRA].sections[DOCUMENTS[PRA].sections.index("workshop") + 1]
    end = text.find(_title(following, language), start)
    return text[start:end if end > 0 else None]


def test_the_section_is_the_pras_and_not_the_workshop_briefs() -> None:
    """The brief is read before the workshop; what the room said belongs to the PRA, written after it."""
    assert "workshop" in DOCUMENTS[PRA].defaults and "workshop" not in DOCUMENTS[BRIEF].sections


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sample_pra_reports_the_workshop(sample_service: Sample, sample_exports: dict[tuple[str, str], Path], language: str) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language])
    (workshop,) = data.workshops
    text = _workshop_text(sample_exports[PRA, language], language)

    assert format_number(SAMPLE_PARTICIPANTS, language=language) in text.split()
    assert len(workshop.snapshot.participants) == SAMPLE_PARTICIPANTS

    faith = next(entry for entry in workshop.representation.gaps if entry.sector == "faith-groups")
    assert faith.status == "missing" and faith.gap is not None
    assert plain(faith.gap.name.in_language(language)) in text
    assert plain(faith.gap.gap.in_language(language)) in text

    dot_vote = next(exercise for exercise in workshop.exercises if not isinstance(exercise, RankingResults))
    top_goal = data.framework.goal(dot_vote.tallies[0].goal_id)
    assert top_goal is not None and plain(top_goal.name.in_language(language)) in text

    ranking = next(exercise for exercise in workshop.exercises if isinstance(exercise, RankingResults))
    top_item = data.item_name(ranking.ranking.ranked[0].item_id, language)
    assert top_item and plain(top_item) in text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_section_shows_computed_results(sample_service: Sample, language: str) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language])
    (workshop,) = data.workshops
    section = build_brief(data, language, ["workshop"], PRA).sections[0]
    charts = [block for block in section.blocks if isinstance(block, BarChart)]
    tables = [block for block in section.blocks if isinstance(block, Table)]

    (chart,) = charts
    tallies = next(exercise for exercise in workshop.exercises if not isinstance(exercise, RankingResults)).tallies
    assert [bar.value for bar in chart.bars] == [tally.dots for tally in tallies if tally.dots]  # rank order, only goals with dots
    assert chart.maximum == tallies[0].dots and chart.decimals == 0

    ranking = next(exercise for exercise in workshop.exercises if isinstance(exercise, RankingResults)).ranking
    room_table = next(table for table in tables if len(table.header) == 7)
    assert [row[1] for row in room_table.rows] == [data.item_name(item.item_id, language) for item in ranking.ranked]
    first = ranking.ranked[0]
    assert room_table.rows[0][4] == format_number(first.priority, language=language, decimals=1)
    assert room_table.rows[0][5] == translate_in(language, "{lowest}–{highest}").format(
        lowest=format_number(first.lowest, language=language), highest=format_number(first.highest, language=language))


def test_the_register_notes_the_applied_room_ratings(sample_service: Sample) -> None:
    service, ids = sample_service
    data = collect(service.context, ids["en"])
    register = build_brief(data, "en", ["shocks_stresses"], PRA).sections[0]
    notes = [block.text for block in register.blocks if isinstance(block, Paragraph) and "workshop's ratings" in block.text]
    assert notes == [f"The workshop's ratings were applied to {len(data.room_ratings)} items; they are shown in “What the workshop said” beside the register's own."]


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_assessment_without_a_workshop_says_so(app_paths, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار")).id
        path = service.export_brief(assessment_id, language=language, document=PRA, path=tmp_path / "empty.pdf", today=dt.date(2026, 11, 24)).path
    finally:
        service.close()
    text = plain(page_text(path))
    assert _title("workshop", language) in text
    assert plain(translate_in(language, NO_WORKSHOP)) in text


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_workshop_section_exports_alone(sample_service: Sample, tmp_path: Path, language: str) -> None:
    service, ids = sample_service
    result = service.export_brief(ids[language], language=language, document=PRA, path=tmp_path / "workshop.pdf", sections=["workshop"])
    text = plain(page_text(result.path))
    assert result.pages == page_count(result.path) >= 2  # the cover and the section
    assert _title("workshop", language) in text
    assert _title("actions", language) not in text
    assert result.missing_characters == ()
