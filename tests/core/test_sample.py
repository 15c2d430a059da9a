"""The sample assessment: complete, plausible, clearly marked and the same every time."""

from __future__ import annotations

import collections
import re

import pytest

from resilience_app.core.i18n import using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("sample")))
    record = create_sample(service, "en")
    yield service, record
    service.close()


def test_every_question_is_answered_with_a_justification(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    answers = service.assessments.answers(record.id)
    assert set(answers) == service.framework().question_ids
    assert all(stored.answer.justification and stored.answer.answered_by for stored in answers.values())
    statuses = collections.Counter(stored.answer.status for stored in answers.values())
    assert statuses["level"] > 100 and statuses["not_applicable"] and statuses["dont_know"]


def test_the_sample_has_a_profile_with_strengths_gaps_and_things_to_revisit(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    profile = service.assessments.profile(record.id)
    strongest, weakest = profile.strongest_goals(), profile.weakest_goals()
    assert len(strongest) == len(weakest) == 3
    assert profile.goals[strongest[0]].level > profile.goals[weakest[0]].level + 1  # type: ignore[operator]
    assert 0 < len(profile.low_confidence_questions) < profile.overall.levelled / 2
    assert 0 < len(profile.unevidenced_questions) < profile.overall.levelled / 3


def test_numbers_in_the_sample_agree_with_the_levels(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    framework = service.framework()
    numeric = [(framework.question(qid), stored.answer) for qid, stored in service.assessments.answers(record.id).items() if stored.answer.numeric_value]
    assert len(numeric) > 20
    for question, answer in numeric:
        assert question is not None and question.numeric is not None
        assert question.numeric.level_for(float(answer.numeric_value or 0)) == answer.level, question.id


def test_the_sample_is_marked_in_both_languages(sample) -> None:  # type: ignore[no-untyped-def]
    _service, record = sample
    assert record.is_sample
    assert record.city_name("en") == "Wadi Al-Zuhur (sample)"
    assert record.city_name("ar").startswith("وادي الزهور") and "تجريبي" in record.city_name("ar")


def test_the_sample_has_a_register_actions_and_accepted_discovery_areas(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    register = service.register
    items = register.items(record.id)
    assert len(items) >= 15 and {item.item.kind for item in items} == {"shock", "stress"}
    assert any(item.item.hazard_id is None for item in items)  # the city's own items too
    assert all(item.item.scenario_probable and item.item.scenario_severe for item in items)
    ranking = register.ranking(record.id)
    assert ranking.unrated == [] and len(register.links(record.id)) >= 10
    overridden = [entry for entry in ranking.ranked if entry.override]
    assert len(overridden) == 2 and all(entry.override.reason and entry.rank == entry.override.rank for entry in overridden)
    assert len(register.actions(record.id)) >= 12
    accepted = [area for area in register.areas(record.id) if area.area.status == "accepted"]
    assert len(accepted) >= 3
    # The accepted areas are the app's own proposals, each with its reasoning in both languages.
    assert all(area.area.origin == "app" and set(area.area.reasoning) == {"en", "ar"} for area in accepted)
    weakest = set(service.assessments.profile(record.id).weakest_goals(4))
    assert any(set(area.area.goals) & weakest for area in accepted)


def test_the_sample_says_what_phase_two_must_work_on_and_its_next_steps_in_both_languages(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    for language, script in (("en", re.compile("[A-Za-z]")), ("ar", re.compile("[\u0600-\u06ff]"))):
        with using_language(language):
            accepted = [area for area in service.register.areas(record.id) if area.area.status == "accepted"]
            steps = service.next_steps.next_steps(record.id)
        for area in accepted:  # every accepted area: several questions, the data and the partners, in the language read
            texts = (area.area.questions, area.area.data_needed, area.area.partners)
            assert len(area.area.questions.splitlines()) >= 2 and all(script.match(text) for text in texts)
        assert 4 <= len(steps) <= 6 and all(script.match(step.step.what) and step.step.owner and step.step.due for step in steps)
        assert {step.step.status for step in steps} == {"planned", "under_way", "done"}
        assert {step.step.area_id for step in steps} >= {area.id for area in accepted}  # each accepted area has a step


def test_the_sample_shows_departments_contributing_with_disagreements_settled_and_one_open(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    statuses = service.contributions.statuses(record.id)
    assert len(statuses) == 3 and all(status.returned and status.answered == len(status.assigned) for status in statuses)
    [still_open] = service.contributions.disagreements(record.id)
    settled = [entry for entry in service.contributions.disagreements(record.id, include_settled=True) if entry.settled]
    assert len(settled) == 2 and still_open.question_id not in {entry.question_id for entry in settled}
    histories = {entry.question_id: service.assessments.answer_history(record.id, entry.question_id) for entry in settled}
    agreed = [question_id for question_id, lines in histories.items() if any(line.field == "consensus" for line in lines)]
    taken = [question_id for question_id, lines in histories.items() if any(line.field == "level" and line.changed_by.startswith("from the workbook of") for line in lines)]
    assert len(agreed) == 1 and len(taken) == 1 and agreed != taken, "one settled by the level agreed, one by taking a contributor's answer"
    assert sum(agreed[0] in status.assigned for status in statuses) == 2, "the agreed one was asked of two departments on purpose"
    answer = service.assessments.answers(record.id)[taken[0]].answer
    assert (answer.source_kind, answer.data_year, answer.data_scale) == ("measured", 2025, "city"), "the department's data quality came with it"


def test_each_figure_gives_its_level_and_its_justification_cites_it(sample) -> None:  # type: ignore[no-untyped-def]
    """A practitioner reads the figure against its level and its note: the three agree, and a count is whole."""
    service, record = sample
    answers = service.assessments.answers(record.id)
    figures = [(question, answers[question.id].answer) for question in service.framework().questions()
               if question.numeric is not None and answers[question.id].answer.numeric_value]
    assert len(figures) >= 25
    for question, answer in figures:
        assert question.numeric is not None and answer.numeric_value is not None
        assert answer.level == question.numeric.level_for(float(answer.numeric_value)), question.id
        assert answer.justification.startswith("Figure for 2025") and question.numeric.unit.in_language("en") in answer.justification
        if "exercises" in question.numeric.unit.in_language("en"):
            assert float(answer.numeric_value).is_integer(), question.id


def test_the_sample_figures_agree_with_its_register(sample) -> None:  # type: ignore[no-untyped-def]
    """Youth unemployment is a rising stress of the sample city: its young people out of work and study are many."""
    service, record = sample
    answers = service.assessments.answers(record.id)
    assert float(answers["q-2.2.b"].answer.numeric_value or 0) >= 25
    assert float(answers["q-1.1.a"].answer.numeric_value or 0) >= float(answers["q-12.3.b"].answer.numeric_value or 0)


def test_the_sample_is_the_follow_up_of_a_baseline_two_years_earlier(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    series = service.rounds.series_of(record.id)
    assert [round_.kind for round_ in series] == ["baseline", "follow_up"] and series[1].assessment_id == record.id
    baseline = service.assessments.get_assessment(series[0].assessment_id)
    assert baseline.is_sample and baseline.city_name("en") == record.city_name("en") and baseline.city_name("ar") == record.city_name("ar")
    assert record.details.assessment_date is not None and baseline.details.assessment_date is not None
    assert (record.details.assessment_date - baseline.details.assessment_date).days in (730, 731)
    compared = service.rounds.compare(baseline.id, record.id).comparison
    verdicts = collections.Counter(goal.verdict for goal in compared.goals)
    assert verdicts["improved"] >= 6 and 1 <= verdicts["declined"] <= 3  # lower on most goals two years before, higher on a few
    assert compared.moved_up and compared.moved_down
    assert len(service.register.items(baseline.id)) != len(service.register.items(record.id))
