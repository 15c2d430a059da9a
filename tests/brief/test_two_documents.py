"""Two documents from one model: the workshop brief (before the workshop) and the Preliminary Resilience
Assessment (after it), read back from the sample's PDFs in English and Arabic, and from the document model."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.build_scenarios import PRIORITY_ITEMS
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import BriefData, collect
from resilience_app.core.brief.model import BriefDocument, Bullets, Facts, Paragraph, Table
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS, PRA, SECTION_TITLES
from resilience_app.core.formatting import format_date, format_number, localise_digits
from resilience_app.core.i18n import translate_in, using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.records import DiscoveryAreaDraft, NextStepDraft, RegisterItemDraft
from resilience_app.core.services import ResilienceService
from tests.brief.conftest import EXPORT_DAY, LANGUAGES
from tests.brief.pdf_reader import needs_poppler, page_count, page_text, plain

Sample = tuple[ResilienceService, dict[str, int]]
BRIEF_PAGES = range(10, 15)  # about ten to fourteen pages: read the evening before the workshop
# What the workshop said and the inventory's analysis; the titles "Actions already under way" and "Discovery areas"
# also name agenda sessions, so the actions and areas themselves are looked for instead (below and in the next test).
PRA_ONLY = ("workshop", "gaps_overlaps")


def _title(section_id: str, language: str) -> str:
    return plain(translate_in(language, SECTION_TITLES[section_id]))


def _read(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument], document: str, section_id: str,
          language: str) -> tuple[BriefData, str]:
    """The sample's data in `language`, and every text of one section of its `document`."""
    service, ids = sample_service
    return collect(service.context, ids[language], language=language), _words(sample_models[document, language], section_id)


def _letters(text: str) -> str:
    """The letters of `text` alone: a long line may break anywhere in the PDF's text, and poppler orders a range of
    digits inside Arabic as it likes."""
    return "".join(char for char in plain(text) if char.isalpha())


def _sample_data(sample_service: Sample, language: str) -> BriefData:
    """What the sample's documents in `language` are made from."""
    service, ids = sample_service
    return collect(service.context, ids[language], language=language)


def _words(document: BriefDocument, section_id: str) -> str:
    """Every text of one section of the model, joined."""
    section = next(section for section in document.sections if section.id == section_id)
    texts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Table):
            texts += [cell for row in block.rows for cell in row]
        elif isinstance(block, Facts):
            texts += [text for pair in block.pairs for text in pair]
        elif isinstance(block, Bullets):
            texts += list(block.items)
        elif isinstance(block, Paragraph):
            texts.append(block.text)
    return "\n".join(texts)


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_brief_is_ten_to_fourteen_pages_with_its_sections_and_none_of_the_pras(
    sample_exports: dict[tuple[str, str], Path], language: str
) -> None:
    path = sample_exports[BRIEF, language]
    assert page_count(path) in BRIEF_PAGES
    text = plain(page_text(path))
    for section_id in DOCUMENTS[BRIEF].defaults:
        assert _title(section_id, language) in text, section_id
    for section_id in (*PRA_ONLY, "appendix"):
        assert _title(section_id, language) not in text, section_id
    assert plain(translate_in(language, "Budget source")) not in text  # nor the actions inventory


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_brief_reports_no_workshop_held_and_no_discovery_area(
    sample_service: Sample, sample_exports: dict[tuple[str, str], Path], language: str
) -> None:
    """Read before the workshop, the brief cannot say what the day decided: the sample's workshop and areas are the PRA's."""
    data = _sample_data(sample_service, language)
    (workshop,) = data.workshops
    accepted = [area.area.title for area in data.areas if area.area.status == "accepted"]
    assert accepted and workshop.snapshot.record.workshop.venue
    brief, pra = (plain(page_text(sample_exports[document, language])) for document in (BRIEF, PRA))
    for said in (workshop.snapshot.record.workshop.venue, *accepted):  # an area's title names its shock or stress: a whole title is looked for
        assert plain(said) not in brief
        assert plain(said) in pra


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pra_holds_its_sections_in_order_without_the_appendix(sample_exports: dict[tuple[str, str], Path], language: str) -> None:
    text = plain(page_text(sample_exports[PRA, language]))
    place = 0
    for section_id in DOCUMENTS[PRA].defaults:  # each title after the one before
        place = text.find(_title(section_id, language), place)
        assert place >= 0, section_id
    assert _title("appendix", language) not in text and _title("agenda", language) not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_strongest_and_weakest_goals_quote_their_questions(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument],
                                                            language: str) -> None:
    data, words = _read(sample_service, sample_models, BRIEF, "strengths_weaknesses", language)
    for goal_id in (*data.profile.strongest_goals(), *data.profile.weakest_goals()):
        goal = data.framework.goal(goal_id)
        assert goal is not None
        prompts = [question.prompt.in_language(language) for indicator in goal.indicators for question in indicator.questions]
        assert any(prompt in words for prompt in prompts), goal_id


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pra_describes_each_priority_item_with_its_scenarios_systems_and_groups(
    sample_service: Sample, sample_exports: dict[tuple[str, str], Path], sample_models: dict[tuple[str, str], BriefDocument], language: str
) -> None:
    data, words = _read(sample_service, sample_models, PRA, "scenarios", language)
    text = "".join(plain(page_text(sample_exports[PRA, language])).split())
    priority = data.ranking.ranked[:PRIORITY_ITEMS]
    assert priority
    for ranked in priority:
        item = data.items[int(ranked.item.item_id)].item
        recorded = [field for field in (item.scenario_probable, item.scenario_severe, item.systems, item.groups_affected) if field.strip()]
        assert recorded, "the sample describes its priority items"
        for field in recorded:
            assert field.strip() in words
        first_words = "".join(plain(" ".join(recorded[0].split()[:4])).split())
        assert first_words in text  # on the page, not only in the model


@needs_poppler
def test_the_pra_prints_each_figure_with_its_unit_beside_its_level(sample_service: Sample, sample_exports: dict[tuple[str, str], Path]) -> None:
    service, ids = sample_service
    data = collect(service.context, ids["en"], language="en")
    text = " ".join(page_text(sample_exports[PRA, "en"]).split())
    figures = [(question, data.answers[question.id].answer) for question in data.framework.questions()
               if question.numeric is not None and question.id in data.answers and data.answers[question.id].answer.numeric_value]
    assert len(figures) >= 10
    for question, answer in figures:
        assert question.numeric is not None and answer.numeric_value is not None
        value, unit = format_number(float(answer.numeric_value), language="en"), question.numeric.unit.in_language("en")
        assert (f"{value}{unit}" if unit.startswith("%") else f"{value} {unit}").strip() in text, question.id  # "62.5% of …", "3.2 days"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_appendix_prints_a_quantitative_answers_value_and_unit_beside_its_level_in_the_documents_digits(
    sample_service: Sample, language: str
) -> None:
    service, ids = sample_service
    data = collect(service.context, ids[language], language=language, today=EXPORT_DAY)
    appendix = build_brief(data, language, ["appendix"], PRA).sections[0]
    rows = {row[0]: row for block in appendix.blocks if isinstance(block, Table) for row in block.rows}
    checked = 0
    with using_language(language):
        for question in data.framework.questions():
            answer = data.answers[question.id].answer if question.id in data.answers else None
            if question.numeric is None or answer is None or answer.level is None or not answer.numeric_value:
                continue
            level = rows[localise_digits(data.framework.placement(question.id).number)][2]
            value = Decimal(answer.numeric_value)
            # the value and its unit as every figure is printed (an Arabic counted noun agreeing with its number)
            assert level.startswith(format_number(answer.level)) and question.numeric.figure(value, format_number(value), language) in level
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_actions_inventory_names_owners_budgets_and_the_items_addressed(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument],
                                                                            language: str) -> None:
    data, words = _read(sample_service, sample_models, PRA, "actions", language)
    for record in data.actions:
        action = record.action
        for said in (action.title, action.owner, action.budget_source, *(data.item_name(item_id, language) for item_id in action.item_ids)):
            assert said in words, said


@pytest.mark.parametrize("language", LANGUAGES)
def test_gaps_and_overlaps_follow_the_actions(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument], language: str) -> None:
    """Each goal no action works on is listed; each priority item no action addresses is; a goal several actions share names them."""
    data, words = _read(sample_service, sample_models, PRA, "gaps_overlaps", language)
    with using_language(language):
        from resilience_app.core.content.labels import goal_label

        counted = [record.action for record in data.actions if record.action.status != "on_hold"]
        for goal in data.framework.goals():
            titles = [action.title for action in counted if goal.id in action.goals]
            assert (goal_label(goal) in words) == (len(titles) in (0, 1) or len(titles) >= 3), goal.id
            if len(titles) >= 3:
                assert all(title in words for title in titles)
        addressed = {item_id for action in counted for item_id in action.item_ids}
        checked = [ranked for position, ranked in enumerate(data.ranking.ranked) if position < PRIORITY_ITEMS or ranked.override is not None]
        assert len(checked) > PRIORITY_ITEMS  # the sample's earthquake, ranked above its priority so that it is not forgotten
        for ranked in checked:
            name = data.item_name(int(ranked.item.item_id), language)
            assert (name in words) == (int(ranked.item.item_id) not in addressed), name


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_assessment_gets_a_pra_whose_every_section_says_what_is_missing(app_paths: AppPaths, tmp_path: Path, language: str) -> None:
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار")).id
        data = collect(service.context, assessment_id, language=language, today=dt.date(2026, 11, 24))
        document = build_brief(data, language, DOCUMENTS[PRA].sections, PRA)
        path = service.export_brief(assessment_id, language=language, document=PRA, path=tmp_path / "pra.pdf").path
    finally:
        service.close()
    text = plain(page_text(path))
    for section in document.sections:
        assert any(isinstance(block, Paragraph) for block in section.blocks), f"{section.id} says nothing"
        assert _title(section.id, language) in text or section.id not in DOCUMENTS[PRA].defaults  # the optional ones are not exported
    for missing in ("No action has been recorded yet.", "No discovery area has been proposed or accepted yet.",
                    "No workshop has been recorded for this assessment yet.", "No contributor is recorded for this assessment yet.",
                    "No shock or stress has been rated yet, so none is a priority to describe.",
                    "No next step has been recorded yet: add them, with an owner and a date, under the discovery areas."):
        assert plain(translate_in(language, missing)) in text, missing


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_cover_names_its_document(sample_exports: dict[tuple[str, str], Path], language: str) -> None:
    brief, pra = (plain(page_text(sample_exports[document, language], 1, 1)) for document in (BRIEF, PRA))
    name = plain(translate_in(language, "Preliminary Resilience Assessment"))
    assert name in pra and name not in brief
    assert plain(translate_in(language, "Strategy-workshop brief")) in brief


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pra_hands_phase_two_its_questions_data_partners_and_dated_next_steps(
    sample_service: Sample, sample_exports: dict[tuple[str, str], Path], language: str
) -> None:
    data = _sample_data(sample_service, language)
    with_work = [area.area for area in data.areas if area.area.status != "rejected" and area.area.has_phase_two_work]
    assert with_work and data.next_steps
    pra, brief = (plain(page_text(sample_exports[document, language])) for document in (PRA, BRIEF))
    squeezed = _letters(pra)
    for area in with_work:
        for typed in (area.questions, area.data_needed, area.partners):
            for line in filter(None, (line.strip() for line in typed.splitlines())):
                assert _letters(line) in squeezed, line
    for record in data.next_steps:
        due = format_date(record.step.due, language=language) if record.step.due else ""
        assert "".join(plain(due).split()) in "".join(pra.split())  # whole: its column never breaks it (other cells would come between)
        assert set(plain(record.step.what).split()) <= set(plain(pra).split())  # a cell's lines come between the row's other cells
    assert plain(translate_in(language, "Questions Phase II must answer:")) in pra
    assert not any(plain(record.step.what) in brief for record in data.next_steps)  # the brief is read before any of them


@pytest.mark.parametrize("language", LANGUAGES)
def test_next_steps_still_to_do_come_first_and_those_of_a_withheld_area_are_left_out(app_paths: AppPaths, language: str) -> None:
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار")).id
        hidden = service.register.add_item(assessment_id, RegisterItemDraft(kind="stress", name_en="Land dispute", name_ar="نزاع على الأراضي", sensitive=True))
        area = service.register.add_area(assessment_id, DiscoveryAreaDraft(title="Land", item_ids=(hidden.id,), questions="Who owns the wadi?"))
        steps = service.next_steps
        steps.add_next_step(assessment_id, NextStepDraft(what="Told the council", status="done", due=dt.date(2026, 1, 5)))
        steps.add_next_step(assessment_id, NextStepDraft(what="Survey the wadi", owner="Public Works", due=dt.date(2027, 3, 1)))
        steps.add_next_step(assessment_id, NextStepDraft(what="Map the land claims", area_id=area.id))
        steps.add_next_step(assessment_id, NextStepDraft(what="Brief the mayor", status="under_way", due=dt.date(2027, 6, 1)))
        withheld = collect(service.context, assessment_id, language=language)
        included = collect(service.context, assessment_id, language=language, include_sensitive=True)
    finally:
        service.close()
    assert (withheld.withheld.areas, withheld.withheld.steps) == (1, 1)  # said on the cover: the area and the step serving it
    first_column = [row[0] for block in build_brief(withheld, language, ["next_steps"], PRA).sections[0].blocks if isinstance(block, Table)
                    for row in block.rows]
    assert first_column == ["Brief the mayor", "Survey the wadi", "Told the council"]  # under way, planned by date, done last
    text = _words(build_brief(included, language, ["next_steps", "discovery_areas"], PRA), "next_steps")
    assert "Map the land claims" in text and "Land" in text  # included on request, with the area it serves
    assert "Who owns the wadi?" in _words(build_brief(included, language, ["discovery_areas"], PRA), "discovery_areas")
    assert "Map the land claims" not in _words(build_brief(included, language, ["next_steps"], BRIEF), "next_steps")


def test_each_typed_line_is_one_point_and_keeps_its_sign(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville")).id
        service.register.add_area(assessment_id, DiscoveryAreaDraft(
            title="Heat", status="accepted", data_needed="- Hourly temperatures\n-5 °C nights in January\n\n• Clinic visits\n*Confidential* survey"))
        data = collect(service.context, assessment_id, language="en")
    finally:
        service.close()
    section = build_brief(data, "en", ["discovery_areas"], PRA).sections[0]
    points = [block.items for block in section.blocks if isinstance(block, Bullets)]
    assert points == [("Hourly temperatures", "-5 °C nights in January", "Clinic visits", "*Confidential* survey")]


def test_text_stored_by_an_older_version_with_control_characters_still_exports(app_paths: AppPaths, tmp_path: Path) -> None:
    """What the forms clean today may be in an older database or a restored backup: the documents print it cleaned."""
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville")).id
        area = service.register.add_area(assessment_id, DiscoveryAreaDraft(title="Water", status="accepted", questions="Who?"))
        with service.database.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE discovery_areas SET title = ?, questions = ? WHERE id = ?",
                                       ("Wa\x01ter \u202eoverride", "Who\x0b loses\ufffe water?", area.id))
        word = service.export_brief_docx(assessment_id, language="en", document=PRA, path=tmp_path / "pra.docx").path
        pdf = service.export_brief(assessment_id, language="en", document=PRA, path=tmp_path / "pra.pdf").path
    finally:
        service.close()
    with zipfile.ZipFile(word) as package:
        body = package.read("word/document.xml").decode()
    assert "Water override" in body and "\x01" not in body and "\u202e" not in body
    assert "Water override" in plain(page_text(pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_asks_the_room_about_this_citys_own_results(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument],
                                                               language: str) -> None:
    data = _sample_data(sample_service, language)
    agenda = next(section for section in sample_models[BRIEF, language].sections if section.id == "agenda")
    raised = next(block.items for index, block in enumerate(agenda.blocks) if isinstance(block, Bullets) and index
                  and getattr(agenda.blocks[index - 1], "text", "") == translate_in(language, "Questions this assessment raises"))
    weakest = data.framework.goal(data.profile.weakest_goals()[0])
    assert weakest is not None and weakest.name.in_language(language) in raised[0]
    assert any(data.item_name(int(data.ranking.ranked[0].item.item_id), language) in question for question in raised)
    times = [row[0] for block in agenda.blocks if isinstance(block, Table) for row in block.rows]
    assert times[0].startswith(localise_digits("09:00", language=language)) and len(times) == 9  # seven sessions, a coffee break, lunch


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_register_says_an_item_marked_sensitive_is_left_out(sample_service: Sample, sample_models: dict[tuple[str, str], BriefDocument],
                                                                language: str) -> None:
    """The reader of 15 ranked items is told of the 16th withheld, in the table's note and in the city's figures."""
    data = _sample_data(sample_service, language)
    assert data.withheld.items == 1
    note = translate_in(language, "{count} shock or stress marked sensitive is left out of this document; the ranks above are among those shown.")
    for document in DOCUMENTS:
        assert note.split("{count}")[-1].strip()[:20] in _words(sample_models[document, language], "shocks_stresses")
