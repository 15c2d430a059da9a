"""The evidence gaps' quality of the data: the same shares as the Profile screen, from the core's summary."""

from __future__ import annotations

import pytest

from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import Table
from resilience_app.core.formatting import format_number, format_percent
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.services import ResilienceService
from tests.brief.conftest import EXPORT_DAY, LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quality_of_the_data_gives_the_profiles_shares_per_goal_and_for_all_goals(
    sample_service: tuple[ResilienceService, dict[str, int]], language: str
) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language], language=language, today=EXPORT_DAY)
    quality = service.assessments.data_quality(ids[language])
    assert quality.overall.source_stated > 0  # the sample says where its data come from
    section = build_brief(data, language, ["evidence_gaps"], "pra").sections[0]
    [table] = [block for block in section.blocks if isinstance(block, Table) and block.header[-1] == translate_in(language, "Data older than five years")]
    total = table.rows[-1]
    with using_language(language):
        assert total[0] == translate_in(language, "All goals") and total[1] == format_number(quality.overall.levelled)
        assert total[2:] == (format_percent(quality.overall.measured_share), format_percent(quality.overall.national_share),  # type: ignore[arg-type]
                             format_percent(quality.overall.older_share))  # type: ignore[arg-type]
    assert len(table.rows) == 1 + sum(summary.levelled > 0 for summary in quality.goals.values())
