"""Workshops through the service: what is stored, what is refused, and what the room's results say."""

from __future__ import annotations

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.workshop.labels import own_sector
from resilience_app.core.workshop.records import DOT_VOTE, RANKING, ExerciseDraft, GroupRating, ParticipantDraft, WorkshopDraft


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id


@pytest.fixture
def workshop_id(service: ResilienceService, assessment_id: int) -> int:
    return service.workshops.add_workshop(assessment_id, WorkshopDraft(title="Agenda-setting workshop")).id


def _groups(service: ResilienceService, workshop_id: int, count: int) -> list[int]:
    return [service.workshops.add_group(workshop_id, f"Table {number}").id for number in range(1, count + 1)]


def _dot_vote(service: ResilienceService, workshop_id: int, dots: int = 5) -> int:
    session_id = service.workshops.snapshot(workshop_id).sessions[0].id
    return service.workshops.add_exercise(workshop_id, ExerciseDraft(DOT_VOTE, "Where to improve", session_id, dots_per_group=dots)).id


def test_a_new_workshop_has_a_first_session_and_refuses_a_missing_title(service: ResilienceService, assessment_id: int, workshop_id: int) -> None:
    assert [session.title for session in service.workshops.snapshot(workshop_id).sessions] == ["Session 1"]
    with pytest.raises(InvalidInputError) as refused:
        service.workshops.add_workshop(assessment_id, WorkshopDraft(title="  "))
    assert "title" in refused.value.field_errors
    assert len(service.workshops.workshops(assessment_id)) == 1


def test_dots_over_a_groups_allowance_are_refused_with_the_numbers_and_nothing_changes(service: ResilienceService, workshop_id: int) -> None:
    table = _groups(service, workshop_id, 1)[0]
    exercise = _dot_vote(service, workshop_id, dots=5)
    service.workshops.set_dots(exercise, table, "goal-1", 3)
    with pytest.raises(InvalidInputError) as refused:
        service.workshops.set_dots(exercise, table, "goal-2", 3)
    message = refused.value.field_errors["dots"]
    assert "Table 1" in message and "5" in message and "2" in message  # 5 in all, at most 2 more
    assert service.workshops.snapshot(workshop_id).votes[exercise] == {(table, "goal-1"): 3}
    service.workshops.set_dots(exercise, table, "goal-1", 5)  # moving dots on the same goal is fine
    with pytest.raises(InvalidInputError):
        service.workshops.update_exercise(exercise, ExerciseDraft(DOT_VOTE, "Where to improve", service.workshops.snapshot(workshop_id).sessions[0].id, 4))


def test_the_tally_ranks_goals_by_dots_then_groups_and_ties_share_a_rank(service: ResilienceService, workshop_id: int) -> None:
    first, second = _groups(service, workshop_id, 2)
    exercise = _dot_vote(service, workshop_id, dots=6)
    for group, goal, dots in ((first, "goal-3", 4), (second, "goal-1", 2), (second, "goal-2", 2), (first, "goal-2", 2)):
        service.workshops.set_dots(exercise, group, goal, dots)
    tallies = service.workshops.dot_results(service.workshops.snapshot(workshop_id), exercise)
    assert [(tally.goal_id, tally.dots, tally.rank) for tally in tallies[:3]] == [("goal-2", 4, 1), ("goal-3", 4, 2), ("goal-1", 2, 3)]
    assert tallies[0].share == pytest.approx(0.4)


def test_the_room_ranking_has_means_and_spread_and_is_applied_beside_the_registers_own(service: ResilienceService, assessment_id: int, workshop_id: int) -> None:
    water = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=2, impact=2)).id
    flood = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="riverine-flood", likelihood=5, impact=5)).id
    first, second = _groups(service, workshop_id, 2)
    session_id = service.workshops.snapshot(workshop_id).sessions[0].id
    exercise = service.workshops.add_exercise(workshop_id, ExerciseDraft(RANKING, "Rank them", session_id, item_ids=(water, flood))).id
    for group, item, likelihood, impact in ((first, water, 5, 5), (second, water, 4, 4), (first, flood, 2, 3)):
        service.workshops.set_rating(exercise, GroupRating(group, item, likelihood, impact))
    with pytest.raises(InvalidInputError):
        service.workshops.set_rating(exercise, GroupRating(first, flood, 6, 3))
    ranking = service.workshops.room_ranking(service.workshops.snapshot(workshop_id), exercise)
    top = ranking.ranked[0]
    assert (top.item_id, top.likelihood, top.impact, top.priority, top.lowest, top.highest, top.groups) == (water, 4.5, 4.5, 20.5, 16, 25, 2)
    assert service.workshops.apply_room_ranking(exercise) == 2
    room = service.workshops.room_ratings(assessment_id)
    assert (room[water].likelihood, room[water].exercise_id) == (4.5, exercise)
    assert service.register.items(assessment_id)[0].item.likelihood == 2  # the register's own rating is untouched
    service.register.remove_item(flood)  # a removed item leaves every shortlist
    assert service.workshops.snapshot(workshop_id).exercises[0].exercise.item_ids == (water,)


def test_representation_flags_missing_and_thin_sectors_with_the_fields_warning(service: ResilienceService, workshop_id: int) -> None:
    for sector in ["city-government"] * 18 + ["private-sector"]:
        service.workshops.add_participant(workshop_id, ParticipantDraft(sector=sector, gender="woman" if sector == "city-government" else "man"))
    representation = service.workshops.representation(workshop_id)
    by_sector = {entry.sector: entry for entry in representation.sectors}
    assert representation.total == 19
    assert by_sector["private-sector"].status == "thin" and by_sector["private-sector"].needed == 2  # 10% of 19, rounded up
    assert by_sector["faith-groups"].status == "missing"
    assert by_sector["city-government"].status == "present"
    gap = by_sector["private-sector"].gap
    assert gap is not None and "economic" in gap.gap.in_language("en")
    women = next(balance for balance in representation.balances if balance.check.id == "women")
    assert (women.count, women.known, women.status) == (18, 19, "present")


def test_participants_need_a_known_sector_and_own_sectors_are_kept(service: ResilienceService, assessment_id: int, workshop_id: int) -> None:
    with pytest.raises(InvalidInputError) as refused:
        service.workshops.add_participant(workshop_id, ParticipantDraft(sector="astronauts"))
    assert "sector" in refused.value.field_errors
    service.workshops.update_workshop(workshop_id, WorkshopDraft(title="Agenda-setting workshop", own_sectors=("Refugee committees",)))
    service.workshops.add_participant(workshop_id, ParticipantDraft(sector=own_sector("Refugee committees"), name="Anonymous"))
    with pytest.raises(InvalidInputError):  # still in use: cannot be dropped
        service.workshops.update_workshop(workshop_id, WorkshopDraft(title="Agenda-setting workshop"))
    with pytest.raises(InvalidInputError):  # a content sector's name, in another language
        service.workshops.update_workshop(workshop_id, WorkshopDraft(title="x", own_sectors=("القطاع الخاص",)))


def test_perceptions_put_the_rooms_top_goals_beside_the_questionnaires_weakest() -> None:
    from resilience_app.core.workshop.results import compare_perceptions, tally_dots

    goals = [f"goal-{number}" for number in range(1, 13)]
    tallies = tally_dots({(1, "goal-1"): 5, (1, "goal-2"): 3, (1, "goal-3"): 2, (1, "goal-4"): 1}, goals)
    levels: dict[str, float | None] = {goal: 4.0 for goal in goals}
    levels.update({"goal-1": 1.5, "goal-5": 2.0, "goal-6": 2.5, "goal-7": 2.5, "goal-12": None})
    verdicts = {entry.goal_id: entry.verdict for entry in compare_perceptions(tallies, levels)}
    assert verdicts["goal-1"] == "both"
    assert verdicts["goal-2"] == "room_only"
    assert verdicts["goal-5"] == "assessment_only"
    assert verdicts["goal-8"] == "neither"
    assert verdicts["goal-12"] == "not_assessed"


def test_the_countdown_pauses_resumes_and_shows_minutes_in_the_languages_digits() -> None:
    from resilience_app.core.workshop.countdown import Countdown, format_clock

    now = [100.0]
    timer = Countdown(90, clock=lambda: now[0])
    timer.start()
    now[0] += 30
    timer.pause()
    now[0] += 1000  # paused: no time passes
    assert timer.remaining() == 60
    timer.start()
    now[0] += 70
    assert timer.finished and timer.remaining() == 0
    assert format_clock(65.2, "en") == "01:06" and format_clock(65, "ar") == "٠١:٠٥"


def test_a_stakeholders_file_with_bad_shares_or_missing_arabic_gets_located_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from resilience_app.core.content import load_content

    path = tmp_path / "stakeholders.yaml"
    path.write_text(
        "schema: 1\nkind: stakeholders\nversion: '1'\nsectors:\n"
        "  - id: private-sector\n    name: {en: Private sector, ar: القطاع الخاص}\n    minimum_share: 150\n    gap: {en: Jobs are overlooked., ar: تُغفل فرص العمل.}\n"
        "  - id: youth\n    name: {en: Youth, ar: الشباب}\n    minimum_share: 8\n    gap: {en: Youth are overlooked.}\n"
        "balance:\n  - id: elders\n    name: {en: Elders, ar: كبار السن}\n    minimum_share: 5\n    gap: {en: x, ar: س}\n",
        encoding="utf-8",
    )
    problems = {(problem.code, problem.line) for problem in load_content([path]).problems}
    assert ("out-of-range", 7) in problems
    assert ("missing-translation", 12) in problems
    assert ("invalid-value", 14) in problems  # a balance is women or youth
