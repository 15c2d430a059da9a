"""What Phase II must work on: the discovery areas' questions, data and partners, and the next steps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from alembic import command

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.records import DiscoveryAreaDraft, NextStepDraft, RegisterItemDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import HEAD_REVISION, Database, alembic_config


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid")).id


def _area(service: ResilienceService, assessment_id: int, title: str, **phase_two: str) -> int:
    return service.register.add_area(assessment_id, DiscoveryAreaDraft(title, status="accepted", **phase_two)).id


def test_an_area_keeps_the_phase_two_questions_data_and_partners_as_typed(service: ResilienceService, assessment_id: int) -> None:
    area_id = _area(service, assessment_id, "Water", questions="  Who loses water first?\r\nHow long do tanks last?  ", partners="Water authority")
    stored = service.register.areas(assessment_id)[0].area
    assert stored.questions == "Who loses water first?\nHow long do tanks last?"  # several lines, kept, line ends made plain
    assert (stored.data_needed, stored.partners) == ("", "Water authority")
    edited = service.register.update_area(area_id, lambda area: dataclasses.replace(area, data_needed="Meter readings 2019–2024"))
    assert edited.area.data_needed == "Meter readings 2019–2024" and edited.area.origin == "own"


@pytest.mark.parametrize("field", ["questions", "data_needed", "partners"])
def test_a_phase_two_text_too_long_or_broken_is_refused_and_nothing_changes(service: ResilienceService, assessment_id: int, field: str) -> None:
    area_id = _area(service, assessment_id, "Water")
    for bad in ("x" * 20_001, "half an emoji \ud83d", "\n".join(["a point"] * 101)):  # over the length, broken, over 100 points
        with pytest.raises(InvalidInputError) as refused:
            service.register.update_area(area_id, lambda area, text=bad: dataclasses.replace(area, **{field: text}))
        assert field in refused.value.field_errors
    assert getattr(service.register.areas(assessment_id)[0].area, field) == ""


def _weak_goal_three_under_pressure(service: ResilienceService, assessment_id: int) -> None:
    goal = service.framework().goal("goal-3")
    assert goal is not None
    for indicator in goal.indicators:
        for question in indicator.questions:
            service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=2, confidence="medium"))
    service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="disease-outbreak", likelihood=4, impact=5, goals=("goal-3",)))


def test_phase_two_work_on_a_proposal_keeps_its_origin_and_survives_proposing_again(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    _weak_goal_three_under_pressure(service, assessment_id)
    proposal = register.propose_areas(assessment_id)[0]
    worked = register.update_area(proposal.id, lambda area: dataclasses.replace(area, questions="Which clinics close first?"))
    assert worked.area.origin == "app"  # the title, rationale and reasons are still the app's words
    assert register.propose_areas(assessment_id) == []  # its goal is settled: the CRO's work is not replaced
    assert [area.area.questions for area in register.areas(assessment_id)] == ["Which clinics close first?"]


def test_merging_areas_joins_their_phase_two_lines_and_takes_their_next_steps(service: ResilienceService, assessment_id: int) -> None:
    one = _area(service, assessment_id, "Heat", questions="Who is exposed?", partners="Health directorate")
    two = _area(service, assessment_id, "Shade", questions="Where is shade missing?\nWho is exposed?", partners="Parks department")
    step = service.next_steps.add_next_step(assessment_id, NextStepDraft("Map shade", area_id=two))
    merged = service.register.merge_areas([one, two])
    assert merged.area.questions == "Who is exposed?\nWhere is shade missing?"
    assert merged.area.partners == "Health directorate\nParks department"
    assert service.next_steps.next_steps(assessment_id)[0].step.area_id == merged.id
    assert service.next_steps.next_steps(assessment_id)[0].id == step.id


def test_next_steps_are_kept_edited_and_removed(service: ResilienceService, assessment_id: int) -> None:
    steps = service.next_steps
    area_id = _area(service, assessment_id, "Water")
    step = steps.add_next_step(assessment_id, NextStepDraft("  Brief the mayor  ", owner="CRO office", due=dt.date(2027, 2, 1), area_id=area_id))
    assert step.step == NextStepDraft("Brief the mayor", owner="CRO office", due=dt.date(2027, 2, 1), status="planned", area_id=area_id)
    steps.update_next_step(step.id, dataclasses.replace(step.step, status="under_way", due=None))
    assert steps.next_steps(assessment_id)[0].step.status == "under_way"
    assert steps.next_steps(assessment_id)[0].step.due is None
    steps.remove_next_step(step.id)
    assert steps.next_steps(assessment_id) == []
    with pytest.raises(UserFacingError):
        steps.remove_next_step(step.id)


def test_bad_next_steps_are_refused_with_a_message_per_field_and_nothing_saved(service: ResilienceService, assessment_id: int) -> None:
    other = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id
    elsewhere = _area(service, other, "Energy")
    with pytest.raises(InvalidInputError) as refused:
        service.next_steps.add_next_step(assessment_id, NextStepDraft(" ", owner="o" * 301, status="maybe", area_id=elsewhere, due=dt.date(1, 1, 1)))
    assert set(refused.value.field_errors) == {"what", "owner", "status", "area_id", "due"}
    for invisible in ("\u200b\u200b", "\u202e\u2067", "\u0651\u064e", "\u3164"):  # zero-width, bidi marks, vowel marks on nothing, a filler
        with pytest.raises(InvalidInputError) as refused:
            service.next_steps.add_next_step(assessment_id, NextStepDraft(invisible))
        assert set(refused.value.field_errors) == {"what"}
    assert service.next_steps.next_steps(assessment_id) == []


def test_a_typed_text_never_reorders_the_words_around_it(service: ResilienceService, assessment_id: int) -> None:
    """A right-to-left override or an isolate left open would turn the "(Accepted)" the document puts after a title around."""
    area_id = _area(service, assessment_id, "Flood \u2067risk\u202e", questions="\u2069Who \u2068is exposed?")
    stored = service.register.areas(assessment_id)[0].area
    assert (stored.title, stored.questions) == ("Flood \u2067risk\u2069", "Who \u2068is exposed?\u2069")
    assert service.register.areas(assessment_id)[0].id == area_id


def test_an_area_a_next_step_serves_survives_proposing_again(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    _weak_goal_three_under_pressure(service, assessment_id)
    proposal = register.propose_areas(assessment_id)[0]
    step = service.next_steps.add_next_step(assessment_id, NextStepDraft("Visit the clinics", area_id=proposal.id))
    register.propose_areas(assessment_id)
    assert [area.id for area in register.areas(assessment_id)] == [proposal.id]
    assert service.next_steps.next_steps(assessment_id)[0].step.area_id == proposal.id == step.step.area_id


def test_a_step_outlives_its_area_and_goes_with_its_assessment(service: ResilienceService, assessment_id: int) -> None:
    area_id = _area(service, assessment_id, "Water")
    service.next_steps.add_next_step(assessment_id, NextStepDraft("Commission a water study", area_id=area_id))
    service.register.remove_area(area_id)
    assert service.next_steps.next_steps(assessment_id)[0].step.area_id is None
    service.assessments.delete_assessment(assessment_id)
    with service.database.engine.connect() as connection:
        assert connection.exec_driver_sql("select count(*) from next_steps").scalar() == 0


def test_a_duplicated_assessment_carries_its_phase_two_work_and_next_steps(service: ResilienceService, assessment_id: int) -> None:
    area_id = _area(service, assessment_id, "Water", questions="Who loses water first?", data_needed="Meter readings", partners="Water authority")
    service.next_steps.add_next_step(assessment_id, NextStepDraft("Commission a water study", owner="CRO office", area_id=area_id))
    service.next_steps.add_next_step(assessment_id, NextStepDraft("Present the PRA", status="done"))
    copy = service.assessments.duplicate_assessment(assessment_id)
    copied_area = service.register.areas(copy.id)[0]
    assert (copied_area.area.questions, copied_area.area.data_needed, copied_area.area.partners) == (
        "Who loses water first?", "Meter readings", "Water authority",
    )
    steps = service.next_steps.next_steps(copy.id)
    assert [(step.step.what, step.step.area_id) for step in steps] == [("Commission a water study", copied_area.id), ("Present the PRA", None)]


def test_a_database_of_the_previous_version_gains_empty_phase_two_texts(app_paths: AppPaths) -> None:
    app_paths.ensure_writable()
    older = Database(app_paths.default_database_url())
    config = alembic_config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
        connection.exec_driver_sql("insert into assessments (id, city_name_en, city_name_ar, country, cro_name, framework_id, framework_version, "
                                   "notes, is_sample) values (1, 'Irbid', '', '', '', 'crf', '1', '', 0)")
        connection.exec_driver_sql("insert into discovery_areas (assessment_id, title, rationale, goals, item_ids, status, origin, reasoning) "
                                   "values (1, 'Water', '', '', '', 'accepted', 'own', '')")
    older.dispose()
    service = ResilienceService.open(app_paths)
    area = service.register.areas(1)[0].area
    assert (area.title, area.questions, area.data_needed, area.partners) == ("Water", "", "", "")
    assert service.next_steps.next_steps(1) == []
    service.close()
    with sqlite3.connect(app_paths.database_file) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (HEAD_REVISION,)
