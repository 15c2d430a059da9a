"""The register, actions and discovery areas through the service: what is stored, and what is refused."""

from __future__ import annotations

import dataclasses

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.records import ActionDraft, DiscoveryAreaDraft, RegisterItemDraft
from resilience_app.core.register.service import RegisterService
from resilience_app.core.services import ResilienceService


@pytest.fixture
def service(app_paths: AppPaths):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


@pytest.fixture
def register(service: ResilienceService) -> RegisterService:
    return service.register


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id


def test_a_catalogue_item_takes_its_kind_name_and_goals_from_the_catalogue(register: RegisterService, assessment_id: int) -> None:
    added = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", kind="shock", name_en="ignored"))
    hazard = register.catalogue["water-scarcity"]
    assert added.item.kind == hazard.kind == "stress"
    assert added.item.goals == hazard.goals
    assert register.item_name(added, "ar") == hazard.name.in_language("ar")
    assert added.item.name_en == ""  # a catalogue item is named by the catalogue


def test_the_citys_own_item_is_named_in_either_language(register: RegisterService, assessment_id: int) -> None:
    added = register.add_item(assessment_id, RegisterItemDraft(kind="shock", name_ar="حريق السوق القديم"))
    assert register.item_name(added, "ar") == register.item_name(added, "en") == "حريق السوق القديم"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (RegisterItemDraft(kind="shock", name_en="  "), "name"),
        (RegisterItemDraft(hazard_id="heatwave", likelihood=6), "likelihood"),
        (RegisterItemDraft(hazard_id="heatwave", impact=0), "impact"),
        (RegisterItemDraft(hazard_id="heatwave", trend="worse"), "trend"),
        (RegisterItemDraft(hazard_id="no-such-hazard"), "hazard_id"),
        (RegisterItemDraft(hazard_id="heatwave", goals=("goal-99",)), "goals"),
        (RegisterItemDraft(kind="event", name_en="Parade"), "kind"),
    ],
)
def test_bad_items_are_refused_with_a_message_on_the_field_and_nothing_saved(
    register: RegisterService, assessment_id: int, draft: RegisterItemDraft, field: str, language: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        register.add_item(assessment_id, draft)
    assert field in refused.value.field_errors and refused.value.field_errors[field]
    assert register.items(assessment_id) == []


def test_duplicates_are_refused_whatever_the_spelling(register: RegisterService, assessment_id: int) -> None:
    register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts"))
    register.add_item(assessment_id, RegisterItemDraft(kind="stress", name_en="Traffic deaths", name_ar="وفيات الطرق"))
    catalogue_name_ar = register.catalogue["power-cuts"].name.in_language("ar")
    for duplicate in (
        RegisterItemDraft(hazard_id="power-cuts"),
        RegisterItemDraft(kind="shock", name_ar=catalogue_name_ar),  # the catalogue item typed as the city's own
        RegisterItemDraft(kind="stress", name_en="traffic   DEATHS"),
        RegisterItemDraft(kind="stress", name_ar="وَفيات الطرق"),  # with a diacritic
    ):
        with pytest.raises(InvalidInputError, match="already in the register"):
            register.add_item(assessment_id, duplicate)
    assert len(register.items(assessment_id)) == 2


def test_editing_an_item_keeps_what_it_is_and_may_keep_its_own_name(register: RegisterService, assessment_id: int) -> None:
    own = register.add_item(assessment_id, RegisterItemDraft(kind="stress", name_en="Traffic deaths"))
    edited = register.update_item(own.id, dataclasses.replace(own.item, likelihood=4, impact=3, trend="rising", groups_affected=" Children "))
    assert (edited.item.likelihood, edited.item.impact, edited.item.trend, edited.item.groups_affected) == (4, 3, "rising", "Children")
    with pytest.raises(InvalidInputError):
        register.update_item(own.id, dataclasses.replace(own.item, likelihood=9))
    assert register.items(assessment_id)[0].item.likelihood == 4


def test_links_are_kept_once_and_refused_on_an_item_itself(register: RegisterService, assessment_id: int) -> None:
    power = register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts", likelihood=4, impact=4))
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=4, impact=4))
    register.set_link(assessment_id, power.id, water.id)
    register.set_link(assessment_id, power.id, water.id)
    with pytest.raises(InvalidInputError, match="itself"):
        register.set_link(assessment_id, water.id, water.id)
    assert [(link.source_id, link.target_id) for link in register.links(assessment_id)] == [(power.id, water.id)]
    register.set_link(assessment_id, power.id, water.id, present=False)
    assert register.links(assessment_id) == []


def test_the_ranking_breaks_ties_by_connectedness_and_lists_unrated_items_apart(register: RegisterService, assessment_id: int) -> None:
    heat = register.add_item(assessment_id, RegisterItemDraft(hazard_id="heatwave", likelihood=4, impact=4))
    power = register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts", likelihood=4, impact=4))
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=5, impact=2))
    quake = register.add_item(assessment_id, RegisterItemDraft(hazard_id="earthquake"))
    register.set_link(assessment_id, power.id, water.id)
    ranking = register.ranking(assessment_id)
    assert [entry.item.item_id for entry in ranking.ranked] == [power.id, heat.id, water.id]
    assert [record.id for record in ranking.unrated] == [quake.id]
    assert ranking.most_connected == [power.id, water.id]


def test_an_overridden_rank_keeps_its_reason_and_can_be_cleared(register: RegisterService, assessment_id: int) -> None:
    first = register.add_item(assessment_id, RegisterItemDraft(hazard_id="heatwave", likelihood=5, impact=5))
    second = register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts", likelihood=3, impact=3))
    with pytest.raises(InvalidInputError) as refused:
        register.set_rank(second.id, 1, "   ")
    assert "reason" in refused.value.field_errors
    register.set_rank(second.id, 1, "Council priority after last summer")
    ranked = register.ranking(assessment_id).ranked
    assert [entry.item.item_id for entry in ranked] == [second.id, first.id]
    assert ranked[0].override is not None and ranked[0].override.reason == "Council priority after last summer"
    register.clear_rank(second.id)
    assert [entry.item.item_id for entry in register.ranking(assessment_id).ranked] == [first.id, second.id]


def test_an_unrated_item_cannot_be_given_a_rank(register: RegisterService, assessment_id: int) -> None:
    item = register.add_item(assessment_id, RegisterItemDraft(hazard_id="heatwave"))
    with pytest.raises(InvalidInputError, match="Rate"):
        register.set_rank(item.id, 1, "Because")


def test_actions_are_validated_and_counted_per_goal_without_those_on_hold(register: RegisterService, assessment_id: int) -> None:
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity"))
    register.add_action(assessment_id, ActionDraft(title="Leak repair", status="ongoing", goals=("goal-1", "goal-8"), item_ids=(water.id,), qualities=("robust",)))
    register.add_action(assessment_id, ActionDraft(title="Rainwater tanks", status="on_hold", goals=("goal-1",)))
    register.add_action(assessment_id, ActionDraft(title="Clinic network", status="planned", goals=("goal-1", "goal-1")))
    counts = register.goal_action_counts(assessment_id)
    assert (counts["goal-1"], counts["goal-8"], counts["goal-3"]) == (2, 1, 0)
    for bad, field in (
        (ActionDraft(title=" "), "title"),
        (ActionDraft(title="X", status="dreaming"), "status"),
        (ActionDraft(title="X", item_ids=(999,)), "item_ids"),
        (ActionDraft(title="X", qualities=("shiny",)), "qualities"),
    ):
        with pytest.raises(InvalidInputError) as refused:
            register.add_action(assessment_id, bad)
        assert field in refused.value.field_errors
    assert len(register.actions(assessment_id)) == 3


def test_removing_an_item_removes_its_links_and_its_mentions(register: RegisterService, assessment_id: int) -> None:
    power = register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts"))
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity"))
    register.set_link(assessment_id, power.id, water.id)
    action = register.add_action(assessment_id, ActionDraft(title="Generators", item_ids=(power.id, water.id)))
    register.remove_item(power.id)
    assert register.links(assessment_id) == []
    assert register.actions(assessment_id)[0].action.item_ids == (water.id,)
    with pytest.raises(UserFacingError, match="no longer exists"):
        register.update_action(assessment_id, action.id + 100, ActionDraft(title="Gone"))


def _weak_goal_three(service: ResilienceService, assessment_id: int) -> None:
    goal = service.framework().goal("goal-3")
    assert goal is not None
    for indicator in goal.indicators:
        for question in indicator.questions:
            service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=2, confidence="medium"))


def test_proposals_point_at_the_weak_goal_under_pressure_and_keep_what_the_cro_settled(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    _weak_goal_three(service, assessment_id)
    outbreak = register.add_item(assessment_id, RegisterItemDraft(hazard_id="disease-outbreak", likelihood=4, impact=5, goals=("goal-3",)))
    proposals = register.propose_areas(assessment_id)
    # goal-3: weak (2.0), disrupted by the top item, no action: the only goal with two signals.
    assert [area.area.goals for area in proposals] == [("goal-3",)]
    area = proposals[0].area
    assert area.item_ids == (outbreak.id,) and area.status == "proposed" and area.origin == "app"
    assert area.reasoning["en"][0].startswith("Weak goal: its answers average 2.0 of 5")
    assert set(area.reasoning) == {"en", "ar"}
    register.set_area_status(proposals[0].id, "accepted")
    assert register.propose_areas(assessment_id) == []  # goal-3 is settled: not proposed again
    assert [area.area.status for area in register.areas(assessment_id)] == ["accepted"]


def test_proposing_again_replaces_untouched_proposals_but_keeps_edited_ones(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    _weak_goal_three(service, assessment_id)
    register.add_item(assessment_id, RegisterItemDraft(hazard_id="disease-outbreak", likelihood=4, impact=5, goals=("goal-3",)))
    first = register.propose_areas(assessment_id)[0]
    again = register.propose_areas(assessment_id)
    assert len(register.areas(assessment_id)) == 1 and again[0].area == first.area
    edited = register.update_area(again[0].id, lambda area: dataclasses.replace(area, title="Health services under strain"))
    assert edited.area.origin == "edited"
    assert register.propose_areas(assessment_id) == []
    assert [area.area.title for area in register.areas(assessment_id)] == ["Health services under strain"]


def test_merging_areas_unites_their_goals_items_and_reasons(register: RegisterService, assessment_id: int) -> None:
    heat = register.add_item(assessment_id, RegisterItemDraft(hazard_id="heatwave"))
    one = register.add_area(assessment_id, DiscoveryAreaDraft("Heat and health", "Clinics overwhelmed", ("goal-3",), (heat.id,), status="accepted"))
    two = register.add_area(assessment_id, DiscoveryAreaDraft("Cool neighbourhoods", "No shade", ("goal-7", "goal-3")))
    merged = register.merge_areas([one.id, two.id])
    assert merged.area.title == "Heat and health"
    assert merged.area.goals == ("goal-3", "goal-7") and merged.area.item_ids == (heat.id,)
    assert merged.area.rationale == "Clinics overwhelmed; No shade"
    assert merged.area.status == "accepted"
    assert [area.id for area in register.areas(assessment_id)] == [merged.id]
    with pytest.raises(InvalidInputError):
        register.merge_areas([merged.id])


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (DiscoveryAreaDraft(" "), "title"),
        (DiscoveryAreaDraft("Water", rationale="one\ntwo"), "rationale"),
        (DiscoveryAreaDraft("Water", status="maybe"), "status"),
        (DiscoveryAreaDraft("Water", goals=("goal-0",)), "goals"),
    ],
)
def test_bad_areas_are_refused(register: RegisterService, assessment_id: int, draft: DiscoveryAreaDraft, field: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        register.add_area(assessment_id, draft)
    assert field in refused.value.field_errors
    assert register.areas(assessment_id) == []


def test_a_duplicated_assessment_carries_its_register_actions_and_areas(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    power = register.add_item(assessment_id, RegisterItemDraft(hazard_id="power-cuts", likelihood=4, impact=4))
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=2, impact=2))
    register.set_link(assessment_id, power.id, water.id)
    register.set_rank(water.id, 1, "Drought year")
    register.add_action(assessment_id, ActionDraft(title="Generators", item_ids=(power.id,)))
    register.add_area(assessment_id, DiscoveryAreaDraft("Energy", item_ids=(power.id,)))
    copy = service.assessments.duplicate_assessment(assessment_id)
    items = register.items(copy.id)
    assert [register.item_name(record, "en") for record in items] == [register.item_name(power, "en"), register.item_name(water, "en")]
    assert [(link.source_id, link.target_id) for link in register.links(copy.id)] == [(items[0].id, items[1].id)]
    assert register.ranking(copy.id).ranked[0].item.item_id == items[1].id
    assert register.actions(copy.id)[0].action.item_ids == (items[0].id,)
    assert register.areas(copy.id)[0].area.item_ids == (items[0].id,)
    service.assessments.delete_assessment(assessment_id)
    assert len(register.items(copy.id)) == 2
