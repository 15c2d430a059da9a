"""The brief's "Contributors and agreement" section, read back from the PDF in English and Arabic."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.model import Paragraph, Table
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import translate_in
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.brief.contributors_data import CONTACT, RETURNED, SECRET_WORDS, SENT_TO_HEALTH, Scenario, add_contributors
from tests.brief.pdf_reader import needs_poppler, page_text, plain

DAY = dt.date(2026, 11, 24)
NO_CONTRIBUTORS = (
    "No contributors are recorded for this assessment yet, so this brief cannot show which departments answered or where their answers agree."
)
Setup = tuple[ResilienceService, int, Scenario, dict[str, Path]]


@pytest.fixture(scope="module")
def contributed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    """An assessment with the scenario's contributors, its whole brief exported in both languages."""
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("contributors")))
    assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد")).id
    scenario = add_contributors(service, assessment_id)
    folder = tmp_path_factory.mktemp("contributors-briefs")
    briefs = {language: service.export_brief(assessment_id, language=language, document=PRA, path=folder / f"{language}.pdf", today=DAY).path
              for language in ("en", "ar")}
    yield service, assessment_id, scenario, briefs
    service.close()


def _title(section_id: str, language: str) -> str:
    return plain(translate_in(language, SECTION_TITLES[section_id]))


def _section_text(path: Path, language: str) -> str:
    """The words of the section alone: from its title to the next section's title."""
    text = plain(page_text(path))
    start = text.index(_title("contributors", language))
    following = DOCUMENTS[PRA].sections[DOCUMENTS[PRA].sections.index("contributors") + 1]
    return text[start:text.index(_title(following, language), start)]


def _squeezed(text: str) -> str:
    """Without spaces: pdftotext's bidi pass may move a space beside a number, or split a letter from its vowel mark, in Arabic."""
    return "".join(plain(text).split())


def test_the_pra_has_the_section_after_the_city_and_the_brief_offers_it() -> None:
    pra = DOCUMENTS[PRA].defaults
    assert pra.index("city_context") + 1 == pra.index("contributors")
    assert "contributors" in DOCUMENTS[BRIEF].sections


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_brief_lists_who_contributed_and_when_their_workbooks_came_back(contributed: Setup, language: str) -> None:
    _service, _id, scenario, briefs = contributed
    text = _section_text(briefs[language], language)
    for name in ("Water Authority", "Utilities", "Health Directorate", "Public health", "Civil Defence", "Planning Department"):
        assert name in text
    assert _squeezed(format_date(RETURNED.date(), language=language)) in _squeezed(text)  # the Water Authority's workbook came back
    not_yet = translate_in(language, "Not yet (sent {date})")  # the Health Directorate's has not: its cell may wrap in the date
    assert _squeezed(not_yet.split("{date}")[0]) in _squeezed(text)
    assert format_number(len(scenario.goal_1), language=language) in text.split()  # questions assigned to the Water Authority
    assert plain(translate_in(language, "Agreement by goal")) in text
    assert plain(translate_in(language, "All goals")) in text
    for header in ("Questions assigned", "Workbook returned", "Answered by two or more", "Settled", "Still differ"):  # may wrap in their cells
        assert set(plain(translate_in(language, header)).split()) <= set(text.split()), header
    if language == "ar":  # every number in the document's digits
        assert not re.search(r"[0-9]", text), re.findall(r"\S*[0-9]\S*", text)


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_brief_counts_a_sensitive_difference_but_never_prints_it_or_a_contact(contributed: Setup, language: str) -> None:
    _service, _id, _scenario, briefs = contributed
    text = plain(page_text(briefs[language]))
    for secret in (*SECRET_WORDS, "Reviewed with the police", plain(CONTACT), "example.org"):
        assert secret not in text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_goal_counts_what_was_answered_twice_and_what_still_differs(contributed: Setup, language: str) -> None:
    service, assessment_id, scenario, _briefs = contributed
    data = collect(service.context, assessment_id, today=DAY)
    section = build_brief(data, language, ["contributors"]).sections[0]
    people, goals = (block for block in section.blocks if isinstance(block, Table))

    def number(value: int) -> str:
        return format_number(value, language=language)

    dash = translate_in(language, "—")
    assert [row[:4] for row in people.rows] == [
        ("Water Authority", "Utilities", number(len(scenario.goal_1)), number(4)),
        ("Health Directorate", "Public health", number(3 + len(scenario.goal_3)), number(3)),
        ("Civil Defence", dash, number(len(scenario.goal_5)), number(1)),
        ("Planning Department", "Urban planning", dash, dash),
    ]
    assert [row[4] for row in people.rows] == [
        format_date(RETURNED.date(), language=language),
        translate_in(language, "Not yet (sent {date})").format(date=format_date(SENT_TO_HEALTH.date(), language=language)),
        dash, dash,  # no workbook sent
    ]
    # goal, assigned, answered by a contributor, by two or more, settled, still differ
    assert goals.rows[0][1:] == (number(len(scenario.goal_1)), number(4), number(3), number(1), number(1))
    assert goals.rows[2][1:] == (number(len(scenario.goal_3)), number(0), number(0), number(0), number(0))
    assert goals.rows[4][1:] == (number(len(scenario.goal_5)), number(1), number(0), number(0), number(1))  # the sensitive one, counted
    assert goals.rows[-1][1:] == (number(len(scenario.goal_1) + len(scenario.goal_3) + len(scenario.goal_5)), number(5), number(3), number(1), number(2))
    assert goals.emphasis == (0, 4)  # the goals whose answers still differ are set in bold
    summary = next(block.text for block in section.blocks if isinstance(block, Paragraph) and number(3) in block.text)
    if language == "en":
        assert summary == ("3 questions were answered by two or more contributors. The answers to 2 questions still differ. "
                           "1 difference has been settled.")


def test_the_contributions_to_a_withheld_answer_reach_the_builders_blank(contributed: Setup) -> None:
    service, assessment_id, scenario, _briefs = contributed
    withheld = collect(service.context, assessment_id, today=DAY)
    (blank,) = [record for record in withheld.contributors.contributions if record.question_id == scenario.sensitive]
    assert blank.answer.level is None and blank.answer.justification == "" and blank.evidence == ""
    assert scenario.sensitive in withheld.contributors.agreement.differing  # still counted
    included = collect(service.context, assessment_id, today=DAY, include_sensitive=True)
    (whole,) = [record for record in included.contributors.contributions if record.question_id == scenario.sensitive]
    assert whole.answer.level == 4 and SECRET_WORDS[1] in whole.evidence


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_assessment_without_contributors_says_so_plainly(app_paths: AppPaths, tmp_path: Path, language: str) -> None:
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار")).id
        path = service.export_brief(assessment_id, language=language, path=tmp_path / "empty.pdf", sections=["contributors"], today=DAY).path
    finally:
        service.close()
    text = plain(page_text(path))
    assert _title("contributors", language) in text
    assert plain(translate_in(language, NO_CONTRIBUTORS)) in text
    assert plain(translate_in(language, "Agreement by goal")) not in text
