"""Content marked sensitive stays out of the brief unless the user includes it at export."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from resilience_app.cli import main
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.brief.builder import build_brief
from resilience_app.core.brief.data import collect
from resilience_app.core.brief.sections import BRIEF, DOCUMENTS
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import SENSITIVE_QUESTIONS, create_sample
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import page_text, plain

DAY = dt.date(2026, 11, 24)


def _texts(value: object) -> Iterator[str]:
    """Every string a built brief holds, wherever it sits."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for entry in value:
            yield from _texts(entry)
    elif isinstance(value, dict):
        for entry in value.values():
            yield from _texts(entry)


def _brief_text(
    service: ResilienceService, assessment_id: int, language: str, *, include_sensitive: bool, documents: tuple[str, ...] = tuple(DOCUMENTS)
) -> str:
    """Every section of `documents` (by default both: the workshop's notes are in the PRA alone)."""
    data = collect(service.context, assessment_id, today=DAY, include_sensitive=include_sensitive)
    return "\n".join(text for kind in documents for text in _texts(build_brief(data, language, DOCUMENTS[kind].sections, kind)))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, int]]:
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("sensitive")))
    yield service, create_sample(service, "en").id
    service.close()


def _extremism(service: ResilienceService, assessment_id: int) -> tuple[int, str]:
    """The sample's sensitive item: its id and its name in the brief."""
    item = next(record for record in service.register.items(assessment_id) if record.item.hazard_id == "violent-extremism")
    return item.id, service.register.item_name(item, "en")


def test_a_sensitive_register_item_and_answers_stay_out_by_default(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    _item_id, name = _extremism(service, assessment_id)
    justification = service.assessments.answers(assessment_id)["q-5.2.a"].answer.justification
    text = _brief_text(service, assessment_id, "en", include_sensitive=False)
    assert name not in text
    assert justification not in text or any(  # the same stock sentence may justify a question that is not sensitive
        record.answer.justification == justification for question_id, record in service.assessments.answers(assessment_id).items()
        if question_id not in SENSITIVE_QUESTIONS
    )
    assert "Left out of this brief because they are marked sensitive: the details of 3 answers and 1 shock or stress." in text
    assert "Left out of this assessment because they are marked sensitive: the details of 3 answers and 1 shock or stress." in text  # the PRA's cover
    brief = _brief_text(service, assessment_id, "en", include_sensitive=False, documents=(BRIEF,))
    assert brief.count("Withheld") == len(SENSITIVE_QUESTIONS)  # in the appendix


def test_including_sensitive_content_prints_it_and_says_so_on_the_cover(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    _item_id, name = _extremism(service, assessment_id)
    text = _brief_text(service, assessment_id, "en", include_sensitive=True)
    assert name in text
    assert "Includes content marked sensitive" in text
    assert "Withheld" not in text


def test_the_goal_results_count_sensitive_answers_either_way(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    without = collect(service.context, assessment_id, today=DAY)
    with_all = collect(service.context, assessment_id, today=DAY, include_sensitive=True)
    for results in ("goals", "dimensions", "qualities", "overall"):
        assert getattr(without.profile, results) == getattr(with_all.profile, results)


def test_the_ranking_is_renumbered_without_the_sensitive_item(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    item_id, _name = _extremism(service, assessment_id)
    data = collect(service.context, assessment_id, today=DAY)
    ranks = sorted(entry.rank for entry in data.ranking.ranked)
    assert ranks == list(range(1, len(ranks) + 1))
    assert item_id not in {entry.item.item_id for entry in data.ranking.ranked}
    assert all(item_id not in action.action.item_ids for action in data.actions)
    assert all(item_id not in (link.source_id, link.target_id) for link in data.links)
    assert all(item_id not in area.area.item_ids for area in data.areas)


def test_sensitive_notes_of_the_assessment_and_a_workshop_stay_out(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    record = service.assessments.get_assessment(assessment_id)
    workshop = service.workshops.workshops(assessment_id)[0]
    service.assessments.update_details(assessment_id, dataclasses.replace(record.details, notes="Council split on the budget.", notes_sensitive=True))
    service.workshops.update_workshop(workshop.id, dataclasses.replace(workshop.workshop, notes="The deputy mayor left early.", notes_sensitive=True))
    try:
        hidden = _brief_text(service, assessment_id, "en", include_sensitive=False)
        shown = _brief_text(service, assessment_id, "en", include_sensitive=True)
        assert "Council split" not in hidden and "deputy mayor" not in hidden and "2 notes" in hidden
        assert "Council split" in shown and "deputy mayor" in shown
    finally:
        service.assessments.update_details(assessment_id, record.details)
        service.workshops.update_workshop(workshop.id, workshop.workshop)


def test_what_the_export_dialog_says_is_left_out_is_what_the_brief_leaves_out(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    record = service.assessments.get_assessment(assessment_id)
    workshop = service.workshops.workshops(assessment_id)[0]
    assert service.sensitive_content(assessment_id) == collect(service.context, assessment_id, today=DAY).withheld
    service.assessments.update_details(assessment_id, dataclasses.replace(record.details, notes="Budget dispute.", notes_sensitive=True))
    service.workshops.update_workshop(workshop.id, dataclasses.replace(workshop.workshop, notes="Left early.", notes_sensitive=True))
    try:
        counted = service.sensitive_content(assessment_id)
        assert counted == collect(service.context, assessment_id, today=DAY).withheld
        assert (counted.answers, counted.items, counted.notes) == (len(SENSITIVE_QUESTIONS), 1, 2)
    finally:
        service.assessments.update_details(assessment_id, record.details)
        service.workshops.update_workshop(workshop.id, workshop.workshop)


def test_a_brief_reads_the_assessment_in_one_transaction(sample: tuple[ResilienceService, int]) -> None:
    """Every section sees one moment of the assessment, even while another window saves."""
    service, assessment_id = sample
    begun: list[object] = []
    engine = service.database.engine

    def count(connection: object) -> None:
        begun.append(connection)

    event.listen(engine, "begin", count)
    try:
        collect(service.context, assessment_id, today=DAY)
        assert len(begun) == 1
        begun.clear()
        service.sensitive_content(assessment_id)
        assert len(begun) == 1
    finally:
        event.remove(engine, "begin", count)


def test_marking_an_answer_sensitive_is_kept_in_its_history(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    stored = service.assessments.answers(assessment_id)["q-1.1.a"].answer
    service.assessments.save_answer(assessment_id, "q-1.1.a", dataclasses.replace(stored, sensitive=True))
    try:
        assert service.assessments.answers(assessment_id)["q-1.1.a"].answer.sensitive
        change = service.assessments.answer_history(assessment_id, "q-1.1.a")[-1]
        assert (change.field, change.old_value, change.new_value) == ("sensitive", "False", "True")
    finally:
        service.assessments.save_answer(assessment_id, "q-1.1.a", stored)
    assert isinstance(stored, AnswerDraft)


def test_the_arabic_brief_says_what_it_left_out(sample: tuple[ResilienceService, int]) -> None:
    service, assessment_id = sample
    text = _brief_text(service, assessment_id, "ar", include_sensitive=False)
    assert "حساس" in plain(text)  # the cover's note, in Arabic (vowel marks aside)
    brief = _brief_text(service, assessment_id, "ar", include_sensitive=False, documents=(BRIEF,))
    assert brief.count("محجوبة") == len(SENSITIVE_QUESTIONS)
    assert "Left out" not in text


@pytest.mark.slow
def test_the_command_line_leaves_sensitive_content_out_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "demo"]) == 0
    assessment_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main([*data, "export-pdf", assessment_id, "--lang", "en", "--out", str(tmp_path / "plain.pdf")]) == 0
    assert main([*data, "export-pdf", assessment_id, "--lang", "en", "--out", str(tmp_path / "all.pdf"), "--include-sensitive"]) == 0
    plain_cover, full_cover = plain(page_text(tmp_path / "plain.pdf", 1, 1)), plain(page_text(tmp_path / "all.pdf", 1, 1))
    assert "marked sensitive" in plain_cover and "Left out" in plain_cover
    assert "Includes content marked sensitive" in full_cover
