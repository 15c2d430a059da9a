"""The catalogue of shocks and stresses (issue 22): the Arab-region entries it gained, the reviewed goal
links, and what an entry is (`nature`), checked by the loader and used when discovery areas are proposed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.content import load_content
from resilience_app.core.content.as_json import content_as_json
from resilience_app.core.content.model import Content, Hazard, Text
from resilience_app.core.paths import AppPaths
from resilience_app.core.register.discovery import GoalStanding, pressure_goals, propose_areas
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.services import ResilienceService
from tests.core.test_content_loader import FRAMEWORK, codes, write
from tools import hazard_goal_table

ADDED_FOR_ARAB_CITIES = {
    "sanctions-and-border-closure": "shock",
    "commodity-price-fall": "shock",
    "sudden-aid-cuts": "shock",
    "marine-pollution": "shock",
    "water-pollution": "stress",
    "land-subsidence": "stress",
    "locust-infestation": "shock",
    "major-transport-accident": "shock",
    "road-traffic-injuries": "stress",
    "storm-surge": "shock",
    "cultural-heritage-loss": "stress",
    "poor-education-quality": "stress",
    "gender-based-violence": "stress",
    "drug-trade": "stress",
}
ARABIC_LETTERS = range(0x0621, 0x064B)


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content([resources.forms_dir()])
    assert result.errors == ()
    return result.content


@pytest.fixture(scope="module")
def hazards(content: Content) -> dict[str, Hazard]:
    return {hazard.id: hazard for hazard in content.hazards}


def test_every_entry_arab_strategies_name_is_in_the_catalogue_in_both_languages(hazards: dict[str, Hazard]) -> None:
    for hazard_id, kind in ADDED_FOR_ARAB_CITIES.items():
        hazard = hazards[hazard_id]
        assert hazard.kind == kind, hazard_id
        for text in (hazard.name, hazard.description):
            assert text.in_language("en") and text.in_language("ar")
            assert any(ord(char) in ARABIC_LETTERS for char in text.in_language("ar")), hazard_id
            assert not any(ord(char) in ARABIC_LETTERS for char in text.in_language("en")), hazard_id
        assert hazard.goals, hazard_id


def test_water_and_marine_pollution_are_technological(hazards: dict[str, Hazard]) -> None:
    assert hazards["water-pollution"].category == hazards["marine-pollution"].category == "infrastructure-technology"


@pytest.mark.parametrize(
    ("hazard_id", "goals"),
    [
        ("earthquake", {"goal-9", "goal-10"}),  # roads cut; a city-wide emergency operation
        ("refugee-influx", {"goal-2", "goal-11", "goal-12"}),  # work, schooling, unplanned growth
        ("armed-conflict", {"goal-9", "goal-10"}),
        ("industrial-accident", {"goal-10"}),
        ("sanctions-and-border-closure", {"goal-8"}),  # spare parts for power and water plants
        ("storm-surge", {"goal-10"}),
        ("sudden-aid-cuts", {"goal-11"}),  # refugee children's schools close first
        # schools damaged, closed or used as shelters (q-11.1.b)
        *[(hazard_id, {"goal-11"}) for hazard_id in ("earthquake", "riverine-flood", "flash-flood", "tropical-cyclone", "armed-conflict")],
    ],
)
def test_the_goal_links_the_review_found_missing_are_there(hazards: dict[str, Hazard], hazard_id: str, goals: set[str]) -> None:
    assert goals <= set(hazards[hazard_id].goals)


def test_the_entries_that_are_not_pressures_say_what_they_are(hazards: dict[str, Hazard]) -> None:
    natures = {hazard_id: hazard.nature for hazard_id, hazard in hazards.items() if hazard.nature != "pressure"}
    assert natures == {
        "overstretched-health-services": "vulnerability",
        "weak-municipal-finances": "vulnerability",
        "poor-waste-management": "vulnerability",
        "informal-settlements": "vulnerability",
        "ageing-infrastructure": "vulnerability",
        "narrow-economic-base": "vulnerability",
        "weak-governance-and-corruption": "vulnerability",
        "poor-education-quality": "vulnerability",
        "housing-shortage": "vulnerability",
        "psychosocial-distress": "impact",
        "cultural-heritage-loss": "impact",
        "climate-change": "driver",
    }
    assert {hazard_id: hazards[hazard_id].mirrors for hazard_id in natures if natures[hazard_id] == "vulnerability"} == {
        "overstretched-health-services": ("goal-3",),
        "weak-municipal-finances": ("goal-6",),
        "poor-waste-management": ("goal-1",),
        "informal-settlements": ("goal-1", "goal-12"),
        "ageing-infrastructure": ("goal-8", "goal-9"),  # 8.4 and 9.2 measure maintenance
        "narrow-economic-base": ("goal-6",),  # 6.3 diverse economic base
        "weak-governance-and-corruption": ("goal-5", "goal-10"),  # 5.2 corruption prevention, 10.1 decision-making
        "poor-education-quality": ("goal-11",),  # 11.1 adequate education
        "housing-shortage": ("goal-1",),  # 1.1 safe and affordable housing
    }
    assert hazards["informal-settlements"].mirrors == ("goal-1", "goal-12")
    assert hazards["informal-settlements"].pressure_goals() == ("goal-3", "goal-7")
    assert all(set(hazard.mirrors) <= set(hazard.goals) for hazard in hazards.values())


def test_content_json_carries_the_nature_and_what_a_vulnerability_mirrors(content: Content) -> None:
    entries = {entry["id"]: entry for entry in json.loads(json.dumps(content_as_json(content)))["hazards"]}
    assert entries["earthquake"]["nature"] == "pressure" and entries["earthquake"]["mirrors"] == []
    assert entries["weak-municipal-finances"]["nature"] == "vulnerability"
    assert entries["weak-municipal-finances"]["mirrors"] == ["goal-6"]


def test_the_hazard_goal_table_in_forms_readme_is_up_to_date(content: Content) -> None:
    readme = hazard_goal_table.README.read_text(encoding="utf-8")
    assert hazard_goal_table.current_section(readme) == hazard_goal_table.section(content), (
        "run: python tools/hazard_goal_table.py --write"
    )


# --- the loader ------------------------------------------------------------------------------------

HAZARDS = """\
schema: 1
kind: hazards
version: "9.1"
categories:
  - id: social
    name: {en: Social, ar: المجتمع}
hazards:
  - id: slums
    kind: stress
    nature: {nature}
    mirrors: [goal-1]
    category: social
    name: {en: Slums, ar: العشوائيات}
    description: {en: Unplanned housing., ar: سكن غير منظّم.}
    goals: [goal-1]
"""


def _load(tmp_path: Path, hazards: str):  # type: ignore[no-untyped-def]
    write(tmp_path, "framework.yaml", FRAMEWORK)
    write(tmp_path, "hazards.yaml", hazards)
    return load_content([tmp_path])


def test_a_vulnerability_with_the_goals_it_mirrors_loads(tmp_path: Path) -> None:
    result = _load(tmp_path, HAZARDS.replace("{nature}", "vulnerability"))
    assert result.problems == ()
    (hazard,) = result.content.hazards
    assert (hazard.nature, hazard.mirrors) == ("vulnerability", ("goal-1",))


def test_an_entry_without_a_nature_is_a_pressure(tmp_path: Path) -> None:
    result = _load(tmp_path, HAZARDS.replace("    nature: {nature}\n    mirrors: [goal-1]\n", ""))
    assert result.problems == ()
    assert result.content.hazards[0].nature == "pressure" and result.content.hazards[0].mirrors == ()


def test_a_bad_nature_is_located_coded_and_suggests_the_closest(tmp_path: Path) -> None:
    result = _load(tmp_path, HAZARDS.replace("{nature}", "vulnerabilty"))
    assert codes(result) == ["invalid-value"]
    (problem,) = result.problems
    assert (problem.line, problem.item_id, problem.hint) == (10, "slums", "did you mean “vulnerability”?")
    assert "nature" in problem.message
    assert result.content.hazards == ()


@pytest.mark.parametrize(
    ("change", "line", "field"),
    [
        (("    mirrors: [goal-1]\n", ""), 10, "mirrors"),  # a vulnerability must say which goals it mirrors
        (("mirrors: [goal-1]", "mirrors: [goal-2]"), 11, "mirrors"),  # ... among its own goals
    ],
)
def test_a_vulnerability_names_the_goals_it_mirrors_among_its_own(tmp_path: Path, change: tuple[str, str], line: int, field: str) -> None:
    result = _load(tmp_path, HAZARDS.replace("{nature}", "vulnerability").replace(*change))
    assert [(problem.line, problem.item_id) for problem in result.errors] == [(line, "slums")]
    assert field in result.errors[0].message


def test_only_a_vulnerability_mirrors_goals(tmp_path: Path) -> None:
    result = _load(tmp_path, HAZARDS.replace("{nature}", "impact"))
    assert codes(result) == ["invalid-value"]
    assert result.problems[0].line == 10 and "vulnerability" in result.problems[0].message


def test_the_catalogue_version_is_text(tmp_path: Path) -> None:
    result = _load(tmp_path, HAZARDS.replace("{nature}", "vulnerability").replace('version: "9.1"', "version: [1]"))
    assert codes(result) == ["wrong-type"] and result.problems[0].line == 3


# --- discovery areas --------------------------------------------------------------------------------


def _hazard(nature: str, goals: tuple[str, ...], mirrors: tuple[str, ...] = ()) -> Hazard:
    return Hazard("h", "stress", "social", Text({"en": "H", "ar": "ح"}), Text({"en": "H", "ar": "ح"}), goals, nature=nature, mirrors=mirrors)  # type: ignore[arg-type]


def test_a_vulnerability_is_no_pressure_on_the_goals_it_mirrors_but_on_its_others() -> None:
    slums = _hazard("vulnerability", ("g1", "g2", "g3"), mirrors=("g1", "g3"))
    assert pressure_goals(("g1", "g2", "g3"), slums) == ("g2",)
    assert pressure_goals(("g3", "g4"), slums) == ("g4",)  # the CRO's own goals for the item, minus the mirrored
    assert pressure_goals(("g1", "g2"), _hazard("driver", ("g1", "g2"))) == ("g1", "g2")
    assert pressure_goals(("g1",), None) == ("g1",)  # the city's own item
    # By hand: g1 and g2 both weak with one action (thin); g3 strong. Item 1 (the vulnerability) is
    # the only high-priority item. Counted everywhere, it would make g1 and g2 three-signal areas
    # headed by it; as a vulnerability it presses on g2 only, so g1 stands on its level and thin actions.
    goals = [GoalStanding("g1", 2.0, 1.0), GoalStanding("g2", 2.5, 1.0), GoalStanding("g3", 4.0, 1.0)]
    actions = {"g1": 1, "g2": 1, "g3": 0}
    counted_everywhere = propose_areas(goals, [1], {1: slums.goals}, actions)
    assert [(proposal.goal_id, proposal.disrupting_items) for proposal in counted_everywhere] == [("g1", (1,)), ("g2", (1,)), ("g3", (1,))]
    proposals = propose_areas(goals, [1], {1: pressure_goals(slums.goals, slums)}, actions)
    assert [(proposal.goal_id, proposal.signals, proposal.disrupting_items) for proposal in proposals] == [("g2", 3, (1,)), ("g1", 2, ())]


def test_the_service_does_not_count_a_vulnerability_on_its_own_goal(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    try:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id
        for goal_id in ("goal-7", "goal-12"):  # both weak, no action: one signal each before any item
            goal = service.framework().goal(goal_id)
            assert goal is not None
            for indicator in goal.indicators:
                for question in indicator.questions:
                    service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=2, confidence="medium"))
        item = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="informal-settlements", likelihood=5, impact=4))
        areas = {area.area.goals: area.area.item_ids for area in service.register.propose_areas(assessment_id)}
        assert areas[("goal-7",)] == (item.id,)  # exposure: pressure
        assert areas[("goal-12",)] == ()  # land use: its own goal, proposed on its level and actions alone
        assert ("goal-3",) in areas and ("goal-1",) not in areas  # goal-1 has no level and no pressure: one signal
    finally:
        service.close()
