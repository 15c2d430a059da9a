"""The section "Change since the baseline": the sample (a follow-up of its baseline two years earlier) shows the
comparison's own numbers in both documents and languages, in PDF and Word; an assessment with no earlier round says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.build_figures import number_text, value_text
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import BarChart, BriefDocument, Bullets, Paragraph, RadarChart, Section, Table
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.rounds.compare import shown_change
from resilience_app.core.rounds.labels import VERDICT_NAMES, verdict_text
from resilience_app.core.rounds.records import FollowUpOptions
from resilience_app.core.services import ResilienceService
from tests.brief.conftest import DOCUMENTS, EXPORT_DAY, LANGUAGES
from tests.brief.docx_reader import open_docx
from tests.brief.pdf_reader import needs_poppler, page_text, plain

Sample = tuple[ResilienceService, dict[str, int]]
Key = tuple[str, str]
EXPORTS = [(document, language) for document in DOCUMENTS for language in LANGUAGES]
TITLE = "Change since the baseline"


def _section(model: BriefDocument, section_id: str = "change") -> Section:
    [section] = [section for section in model.sections if section.id == section_id]
    return section


def _tables(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_the_samples_documents_show_each_goals_change_as_the_comparison_computes_it(sample_service: Sample, sample_models: dict[Key, BriefDocument],
                                                                                    key: Key) -> None:
    service, ids = sample_service
    document, language = key
    [baseline] = [found.assessment_id for found in service.rounds.series_of(ids[language]) if found.kind == "baseline"]
    compared = service.rounds.compare(baseline, ids[language]).comparison
    section = _section(sample_models[key])
    assert section.title == translate_in(language, TITLE)
    [bars] = [block for block in section.blocks if isinstance(block, BarChart)]  # both documents: the bars of change by goal
    assert [bar.value for bar in bars.bars] == [goal.change for goal in compared.goals] and bars.minimum < 0 < bars.maximum
    with using_language(language):
        assert [bar.note for bar in bars.bars] == [verdict_text(goal) for goal in compared.goals]
    assert {"improved", "declined"} <= {goal.verdict for goal in compared.goals}  # the sample shows movement both ways
    if document == "brief":  # the shorter section read before the day: no wheel, no goal table, no list of moves
        assert not any(isinstance(block, RadarChart) for block in section.blocks) and len(_tables(section)) == 3  # dimensions, ranks, actions
        return
    goals = _tables(section)[0]
    assert len(goals.rows) == len(compared.goals) == 12
    with using_language(language):
        for row, goal in zip(goals.rows, compared.goals, strict=True):
            assert goal.baseline is not None and goal.follow_up is not None and goal.change is not None
            assert mean_level_text(goal.baseline.level) in row[1] and format_percent(goal.baseline.coverage or 0) in row[1]
            assert mean_level_text(goal.follow_up.level) in row[2]
            assert format_number(goal.levelled_in_both) in row[3] and format_number(goal.questions) in row[3]  # compared like for like
            assert format_number(shown_change(goal.change), decimals=1) in row[4]
            assert translate_in(language, VERDICT_NAMES[goal.verdict]) in row[5]
    [wheel] = [block for block in section.blocks if isinstance(block, RadarChart)]
    assert len(wheel.earlier) == len(wheel.values) == 12 and len(wheel.legend) == 2
    assert wheel.earlier == tuple(goal.baseline.level for goal in compared.goals if goal.baseline)


def test_the_section_names_the_earlier_round_and_its_register_and_actions(sample_models: dict[Key, BriefDocument]) -> None:
    section = _section(sample_models["pra", "en"])
    text = "\n".join(block.text for block in section.blocks if isinstance(block, Paragraph))
    assert "Baseline, " in text and "2024" in text  # which round, and when
    cells = "\n".join(cell for table in _tables(section) for row in table.rows for cell in row)
    assert "Sudden influx of refugees" in cells  # a rank change
    assert "Planned" in cells and "Ongoing" in cells  # an action that moved on
    bullets = "\n".join(item for block in section.blocks if hasattr(block, "items") for item in block.items)
    assert "Youth unemployment" in bullets and "Fuel shortages" in bullets  # new and gone


def test_a_question_withheld_as_sensitive_is_not_listed_among_those_that_moved(sample_models: dict[Key, BriefDocument]) -> None:
    for language in LANGUAGES:
        key = ("pra", language)
        moves = _tables(_section(sample_models[key]))[2]
        assert not any(row[0].startswith(("5.2.", "٥٫٢٫")) for row in moves.rows), key


def test_an_assessment_with_no_earlier_round_says_so_and_the_brief_leaves_the_section_out(sample_service: Sample) -> None:
    service, _ids = sample_service
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا"))
    try:
        for language in LANGUAGES:
            data = collect(service.context, record.id, language=language, today=EXPORT_DAY)
            assert data.earlier is None
            pra = build_brief(data, language, document="pra")
            [paragraph] = _section(pra).blocks
            assert isinstance(paragraph, Paragraph) and paragraph.text == translate_in(language, (
                "This assessment has no earlier round to compare with: it is the first round of its series or stands alone. "
                "Start a follow-up from it to measure the city against itself over time."))
            assert "change" not in [section.id for section in build_brief(data, language).sections]
            assert "change" in [section.id for section in build_brief(data, language, ["change"]).sections]  # still there when asked for
    finally:
        service.assessments.delete_assessment(record.id)


@needs_poppler
@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_the_pdf_prints_the_section(sample_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument], key: Key) -> None:
    text = plain(page_text(sample_exports[key]))
    section = _section(sample_models[key])
    assert plain(section.title) in text
    first_goal = _tables(section)[0].rows[0]
    assert plain(first_goal[0].split(" ", 1)[1]) in text  # the goal's name (its number is set apart in Arabic)
    if key[1] == "en":
        assert plain(first_goal[4]) in text and plain(first_goal[5]) in text  # its change, "+0.3", and what it means, "improved"


@pytest.mark.parametrize("key", EXPORTS, ids="-".join)
def test_the_word_document_has_the_section(sample_word_exports: dict[Key, Path], sample_models: dict[Key, BriefDocument], key: Key) -> None:
    document = open_docx(sample_word_exports[key])
    section = _section(sample_models[key])
    assert section.title in [paragraph.text for paragraph in document.paragraphs]
    cells = plain("\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells))
    for cell in _tables(section)[0].rows[0]:
        assert plain(cell) in cells


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pras_figures_print_the_earlier_rounds_value_beside_each_value(sample_service: Sample, language: str) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language], language=language, today=EXPORT_DAY)
    assert data.earlier is not None
    [table] = [block for block in build_brief(data, language, ["quantitative"], "pra").sections[0].blocks if isinstance(block, Table)]
    assert table.header[2] == translate_in(language, "Earlier value")
    with using_language(language):
        checked = 0
        for row in table.rows:
            question_id = next(q.id for q in data.framework.questions() if localise_digits(data.framework.placement(q.id).number) == row[0])
            before = data.earlier.answers.get(question_id)
            if before is None or not before.answer.numeric_value or before.answer.sensitive:
                continue
            assert row[2] == number_text(before.answer) and row[3] == value_text(data.framework.question(question_id), data.answers[question_id].answer)  # type: ignore[arg-type]
            checked += 1
    assert checked > 20  # the sample's baseline recorded most figures


def test_a_round_copied_forward_and_not_reviewed_says_so_first_on_its_cover_and_in_its_key_messages(sample_service: Sample) -> None:
    service, ids = sample_service
    carried = service.rounds.start_follow_up(ids["en"], FollowUpOptions(carry_answers=True)).record.id
    try:
        data = collect(service.context, carried, language="en", today=EXPORT_DAY)
        count = len(data.profile.to_review_questions)
        assert count > 100
        pra = build_brief(data, "en", document="pra")
        assert dict(pra.cover.facts.pairs)["Carried over, still to review"].startswith(f"{count} answers")
        summary = pra.sections[0]
        [messages] = [block for block in summary.blocks if isinstance(block, Bullets)]
        assert messages.items[0].startswith(f"{count} answers were carried over") and "Review them before" in messages.items[0]
        change = _section(pra)
        goals = _tables(change)[0]
        assert all("still to review" in row[5] for row in goals.rows)  # not "no level": said why
    finally:
        service.assessments.delete_assessment(carried)
