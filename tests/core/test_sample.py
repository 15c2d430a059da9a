"""The sample assessment: complete, plausible, clearly marked and the same every time."""

from __future__ import annotations

import collections
import datetime as dt
import re

import pytest

from resilience_app.core.i18n import using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.sample_baseline import load_baseline_plan, round_years
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


def test_not_applicable_is_only_for_a_system_the_city_lacks_never_a_ministry_service(sample) -> None:  # type: ignore[no-untyped-def]
    """A service a ministry runs is answered with national data and low confidence, naming the mandate (issue 22)."""
    service, record = sample
    answers = service.assessments.answers(record.id)
    national = {question.id for question in service.framework().questions() if question.mandate_often_national}
    assert national
    assert all(answers[question_id].answer.status != "not_applicable" for question_id in national)
    # A department's returned workbook may settle one with its own city records (3.1.a); the others say who holds it.
    national_data = [
        answer for question_id in national
        if (answer := answers[question_id].answer).status == "level" and "The ministry holds the mandate" in answer.justification
    ]
    assert len(national_data) >= 3
    for answer in national_data:
        assert (answer.data_scale, answer.confidence) == ("country", "low")
        assert answer.source_kind in ("measured", "estimate", "expert_judgement", "perception")  # trust in the police: a national survey
    not_applicable = [stored.answer for stored in answers.values() if stored.answer.status == "not_applicable"]
    # The one "not applicable": turnout, where the council is appointed and no election is held (a system the city lacks).
    assert [question_id for question_id, stored in answers.items() if stored.answer.status == "not_applicable"] == ["q-4.4.a"]
    assert "appointed" in not_applicable[0].justification


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
    # Every item is rated but the stress whose trend is not known: it waits for evidence, "to rate".
    assert [(entry.item.hazard_id, entry.item.impact) for entry in ranking.unrated] == [("violent-extremism", 4)]
    assert all(item.item.kind == "stress" or item.item.likelihood for item in items)
    assert len(register.links(record.id)) >= 10
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


def test_each_figure_gives_its_level_and_its_justification_cites_its_source(sample) -> None:  # type: ignore[no-untyped-def]
    """A practitioner reads the figure against its level and its note: the three agree, and a count is whole. The note
    names the figure's year and source but not the figure, which the documents print beside it: said twice, it read
    as a mistake."""
    service, record = sample
    answers = service.assessments.answers(record.id)
    figures = [(question, answers[question.id].answer) for question in service.framework().questions()
               if question.numeric is not None and answers[question.id].answer.numeric_value]
    assert len(figures) >= 25
    for question, answer in figures:
        assert question.numeric is not None and answer.numeric_value is not None
        assert answer.level == question.numeric.level_for(float(answer.numeric_value)), question.id
        assert answer.data_year is not None and answer.justification.startswith(f"Figure for {answer.data_year} ")
        assert question.numeric.unit.in_language("en") not in answer.justification.split(". ")[0], question.id
        if "exercises" in question.numeric.unit.in_language("en"):
            assert float(answer.numeric_value).is_integer(), question.id


def test_the_sample_figures_agree_with_its_register(sample) -> None:  # type: ignore[no-untyped-def]
    """Youth unemployment is a rising stress of the sample city: its young people out of work and study are many."""
    service, record = sample
    answers = service.assessments.answers(record.id)
    assert float(answers["q-2.2.b"].answer.numeric_value or 0) >= 25
    # A city of informal settlements: many live in them, and much of the new building is outside the approved plans.
    assert float(answers["q-1.1.a"].answer.numeric_value or 0) >= 20 and float(answers["q-12.3.d"].answer.numeric_value or 0) < 60


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
    assert verdicts["improved"] >= 4 and 1 <= verdicts["declined"] <= 3  # better on several goals since, worse on a few
    assert compared.moved_up and compared.moved_down
    assert len(service.register.items(baseline.id)) != len(service.register.items(record.id))


def _rounds(service, record):  # type: ignore[no-untyped-def]
    baseline_id = service.rounds.series_of(record.id)[0].assessment_id
    return service.assessments.answers(baseline_id), service.assessments.answers(record.id), baseline_id


def _plan(service):  # type: ignore[no-untyped-def]
    return load_baseline_plan(service.framework(), round_years(dt.date(2024, 6, 1), dt.date(2026, 6, 1))).baseline


def test_the_baseline_is_the_sample_with_a_minority_of_answers_moved_for_a_reason(sample) -> None:  # type: ignore[no-untyped-def]
    """As in a real repeat round: most levels unchanged, moves mostly of one level, each explained in both rounds."""
    service, record = sample
    before, after, _baseline_id = _rounds(service, record)
    both = [qid for qid in after if before[qid].answer.status == after[qid].answer.status == "level"]
    moved = [qid for qid in both if before[qid].answer.level != after[qid].answer.level]
    assert len(both) > 100 and 0.25 <= len(moved) / len(both) <= 0.4  # a quarter for a reason, a few more re-judged
    # Only the questions the baseline left open differ in status: answered now, "don't know" then.
    opened = {qid for qid in after if before[qid].answer.status != after[qid].answer.status}
    assert opened == set(_plan(service).dont_know_then)
    assert all(before[qid].answer.status == "dont_know" and after[qid].answer.status == "level" for qid in opened)
    jumps = collections.Counter(abs((after[qid].answer.level or 0) - (before[qid].answer.level or 0)) for qid in moved)
    assert set(jumps) <= {1, 2} and 1 <= jumps[2] <= 3
    for language in ("en", "ar"):
        with using_language(language):
            before, after, _baseline_id = _rounds(service, record)
        for answers in (before, after):
            texts = [answers[qid].answer.justification for qid in moved]
            assert all(texts) and len(set(texts)) == len(texts), language  # each its own, no shared boilerplate
    # The baseline was its own exercise: its own respondent and its own words, even where the level did not move.
    unmoved = [qid for qid in both if qid not in moved]
    assert len(unmoved) > 60
    assert all(before[qid].answer.justification != after[qid].answer.justification for qid in unmoved)
    assert all(before[qid].answer.answered_by != after[qid].answer.answered_by for qid in after)
    assert len({before[qid].answer.answered_by for qid in after}) == 1


def test_a_few_levels_were_re_judged_with_no_change_in_practice_and_cancel_out_within_their_goals(sample) -> None:  # type: ignore[no-untyped-def]
    """Assessor noise, as in every repeat round: the band of "little or no change" has something to absorb."""
    service, record = sample
    before, after, baseline_id = _rounds(service, record)
    rejudged = [qid for qid in after if after[qid].answer.justification.startswith("Re-judged")]
    assert 6 <= len(rejudged) <= 10 and set(rejudged) == set(_plan(service).rejudged)
    by_goal: collections.Counter[str] = collections.Counter()
    for qid in rejudged:
        change = (after[qid].answer.level or 0) - (before[qid].answer.level or 0)
        assert abs(change) == 1 and "no change in practice" in after[qid].answer.justification
        by_goal[qid.split(".")[0].replace("q-", "goal-")] += change
    assert set(by_goal.values()) == {0} and len(by_goal) >= 3
    compared = service.rounds.compare(baseline_id, record.id).comparison
    noisy = [goal for goal in compared.goals if goal.id in by_goal and goal.up and goal.down and goal.verdict == "little_change"]
    assert noisy  # a goal with moves both ways that still changed little


def test_the_baseline_was_less_sure_where_the_follow_up_now_has_data_and_left_a_few_questions_open(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    before, after, baseline_id = _rounds(service, record)
    levelled = [qid for qid in after if before[qid].answer.status == after[qid].answer.status == "level"]
    assert sum(before[qid].answer.confidence != after[qid].answer.confidence for qid in levelled) >= 15
    compared = {goal.id: goal for goal in service.rounds.compare(baseline_id, record.id).comparison.goals}
    for goal_id in _plan(service).lower_confidence_goals:
        then, now = compared[goal_id].baseline.low_confidence_share, compared[goal_id].follow_up.low_confidence_share
        assert then is not None and now is not None and then > now, goal_id
    assert 3 <= len(_plan(service).dont_know_then) <= 6


def test_goal_levels_move_a_little_and_several_goals_hardly_at_all(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    _before, _after, baseline_id = _rounds(service, record)
    then, now = service.assessments.profile(baseline_id).goals, service.assessments.profile(record.id).goals
    changes = {goal: (now[goal].level or 0) - (then[goal].level or 0) for goal in now}
    assert all(abs(change) <= 0.8 for change in changes.values())
    assert sum(abs(change) < 0.15 for change in changes.values()) >= 3  # several nearly unchanged
    moved = [round(change, 1) for change in changes.values()]  # as the change is written, to one decimal
    assert sum(change >= 0.3 for change in moved) >= 4 and sum(change <= -0.3 for change in moved) >= 1
    assert changes["goal-5"] < 0 and changes["goal-12"] < 0 and changes["goal-1"] > 0  # the new arrivals, the expired plan, the water programme
    # Like for like, the comparison's verdicts: some goals better, a few worse, several little or no change.
    verdicts = collections.Counter(goal.verdict for goal in service.rounds.compare(baseline_id, record.id).comparison.goals)
    assert verdicts["improved"] >= 3 and verdicts["declined"] >= 1 and verdicts["little_change"] >= 3


def test_the_baseline_figures_are_dated_whole_where_counted_and_agree_with_the_sample(sample) -> None:  # type: ignore[no-untyped-def]
    service, record = sample
    before, after, _baseline_id = _rounds(service, record)
    framework = service.framework()
    figures = [(question, before[question.id].answer) for question in framework.questions() if question.numeric and before[question.id].answer.numeric_value]
    assert len(figures) >= 25
    for question, answer in figures:
        assert question.numeric is not None and answer.numeric_value is not None and answer.data_year is not None
        assert answer.level == question.numeric.level_for(float(answer.numeric_value)), question.id
        assert answer.justification.startswith(f"Figure for {answer.data_year} "), question.id
        assert answer.data_year <= (after[question.id].answer.data_year or 0), question.id
        if "exercises" in question.numeric.unit.in_language("en"):
            assert float(answer.numeric_value).is_integer(), question.id
    value = {qid: (float(before[qid].answer.numeric_value or 0), float(after[qid].answer.numeric_value or 0)) for qid in ("q-2.2.b", "q-12.3.d", "q-1.1.a")}
    assert value["q-2.2.b"][0] <= value["q-2.2.b"][1]  # youth out of work and study: rising, as the register says
    assert value["q-1.1.a"][0] <= value["q-1.1.a"][1] <= value["q-1.1.a"][0] * 1.15  # settlements grow slowly
    assert value["q-12.3.d"][1] <= value["q-12.3.d"][0]  # and less of the new building is inside the plans


def test_both_rounds_say_where_their_data_come_from(sample) -> None:  # type: ignore[no-untyped-def]
    """The data-quality summary has something to show: measured figures with their year, some older than five
    years or national, judgements and perceptions, a few estimates, and a few fields left unstated."""
    service, record = sample
    before, after, baseline_id = _rounds(service, record)
    for answers, assessment_id in ((before, baseline_id), (after, record.id)):
        levelled = [stored.answer for stored in answers.values() if stored.answer.status == "level"]
        kinds = collections.Counter(answer.source_kind for answer in levelled)
        assert kinds["measured"] >= 20 and kinds["expert_judgement"] >= 40 and kinds["perception"] >= 3 and kinds["estimate"] >= 3
        assert 0 < kinds[None] < len(levelled) / 10
        assert {answer.data_scale for answer in levelled} >= {"city", "governorate_region", "country"}
        overall = service.assessments.data_quality(assessment_id).overall
        assert overall.measured >= 20 and overall.national >= 2 and 1 <= overall.older <= 3
    changed = [qid for qid in after if before[qid].answer.source_kind == "perception" and after[qid].answer.source_kind == "measured"]
    assert changed and all(before[qid].answer.level != after[qid].answer.level for qid in changed)
    assert all("measured" in after[qid].answer.justification for qid in changed)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# What a follow-up text may date at or before the baseline: the baseline's own figure ("up from 84.5% in 2023") and
# the old master plan ("the 2012 master plan").
_EARLIER = re.compile(r"\bfrom [^;:]{1,25}? in (?:19|20)\d\d\b|\b(?:19|20)\d\d (?:master )?plan\b")


@pytest.mark.parametrize("today", [dt.date.today(), dt.date(2026, 12, 7), dt.date(2025, 1, 3), dt.date(2024, 2, 29)])
def test_the_story_s_dates_follow_the_rounds_whatever_day_the_sample_is_made(tmp_path, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Every event the follow-up says happened since the baseline falls after the baseline's year, and each round's
    figures describe a year before its own, in both languages; the baseline names no Chief Resilience Officer."""
    service = ResilienceService.open(AppPaths.under(tmp_path))
    try:
        record = create_sample(service, "en", today=today)
        baseline_id = service.rounds.series_of(record.id)[0].assessment_id
        baseline = service.assessments.get_assessment(baseline_id)
        assert record.details.assessment_date == today and baseline.details.assessment_date is not None
        baseline_year = baseline.details.assessment_date.year
        assert today.year - baseline_year == 2 and baseline.details.cro_name == "" and record.details.cro_name
        plan = load_baseline_plan(service.framework(), round_years(baseline.details.assessment_date, today))
        before, after = service.assessments.answers(baseline_id), service.assessments.answers(record.id)
        for qid, move in plan.moves.items():
            if move.by_contribution:
                continue  # its reason is the department's workbook note
            text = after[qid].answer.justification
            events = [int(year) for year in _YEAR.findall(_EARLIER.sub("", text.split("Checked with the department before the workshop.")[-1]))]
            assert all(baseline_year < year <= today.year for year in events), (qid, text)
        for qid, stored in after.items():
            if stored.answer.data_year is not None and before[qid].answer.data_year is not None:
                assert before[qid].answer.data_year < baseline_year and stored.answer.data_year < today.year, qid
                if stored.answer.data_year != before[qid].answer.data_year:  # a new figure: of a year after the baseline's
                    assert stored.answer.data_year >= baseline_year, qid
        with using_language("ar"):  # the same years, in Arabic-Indic digits
            arabic = service.assessments.answers(record.id)["q-10.1.a"].answer.justification
        assert str(baseline_year + 1).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) in arabic
        assert not _YEAR.search(arabic)
    finally:
        service.close()


def test_the_baseline_file_names_no_fixed_year() -> None:
    """A year written as such in sample_baseline.yaml would drift from the rounds' dates; each is a placeholder."""
    from resilience_app.core.sample_baseline import SAMPLE_BASELINE_FILE

    fixed = re.compile(r"\b(?:19|20)\d\d\b|[٠-٩]{4}")
    lines = SAMPLE_BASELINE_FILE.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.lstrip().startswith("#") and fixed.search(line)] == []
