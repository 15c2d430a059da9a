"""A stress is rated on severity and trend, a shock on likelihood and impact; both rank on one scale of 1 to 25.

A stress's trend rating is stored as its likelihood and its severity as its impact (records.RegisterItemDraft);
its trend (the ranking's tie-break) follows its trend rating. Migration 0013 turns each stored stress's
likelihood into the trend rating its trend gave.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.i18n import translate_in
from resilience_app.core.register.labels import RATING_TERMS, TREND_RATING_NAMES, rating_terms, rating_text, ratings_phrase
from resilience_app.core.register.ranking import trend_of_rating
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import Database, alembic_config


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id


def test_a_stress_of_severity_4_worsening_fast_ranks_at_20_above_a_shock_of_3_by_4(service: ResilienceService, assessment_id: int) -> None:
    register = service.register
    flood = register.add_item(assessment_id, RegisterItemDraft(hazard_id="riverine-flood", likelihood=3, impact=4))
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=5, impact=4))  # trend 5, severity 4
    assert (water.item.kind, water.priority, flood.priority) == ("stress", 20, 12)
    ranking = register.ranking(assessment_id)
    assert [entry.item.item_id for entry in ranking.ranked] == [water.id, flood.id]
    assert rating_text(water) == "20 (severity 4 × trend 5)"
    assert rating_text(flood) == "12 (likelihood 3 × impact 4)"  # each rating named, as a stress's are
    assert ratings_phrase(water) == "severity 4 × trend 5"


@pytest.mark.parametrize(("rating", "trend"), [(None, "unknown"), (1, "falling"), (2, "falling"), (3, "stable"), (4, "rising"), (5, "rising")])
def test_a_stresss_trend_follows_its_trend_rating_whatever_was_given(service: ResilienceService, assessment_id: int, rating: int | None,
                                                                     trend: str) -> None:
    assert trend_of_rating(rating) == trend
    stress = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=rating, impact=3, trend="falling"))
    assert stress.item.trend == trend
    shock = service.register.add_item(assessment_id, RegisterItemDraft(hazard_id="heatwave", likelihood=rating, impact=3, trend="falling"))
    assert shock.item.trend == "falling"  # a shock's trend is its own choice


@pytest.mark.parametrize(("hazard", "words"), [("water-scarcity", ("trend", "severity")), ("heatwave", ("likelihood", "impact"))])
def test_a_rating_out_of_range_is_refused_naming_the_rating_of_its_kind(service: ResilienceService, assessment_id: int, hazard: str,
                                                                       words: tuple[str, str]) -> None:
    with pytest.raises(InvalidInputError) as caught:
        service.register.add_item(assessment_id, RegisterItemDraft(hazard_id=hazard, likelihood=6, impact=0))
    problems = caught.value.field_errors
    assert words[0] in problems["likelihood"] and words[1] in problems["impact"]
    for message in problems.values():
        assert translate_in("ar", message) != message  # translated


def test_the_rating_names_are_given_per_kind_in_one_place() -> None:
    assert set(RATING_TERMS) == {"shock", "stress"}
    stress = rating_terms("stress")
    assert (stress.likelihood, stress.impact) == ("Trend", "Severity")
    assert stress.likelihood_names is TREND_RATING_NAMES
    assert [TREND_RATING_NAMES[level] for level in range(1, 6)] == ["Easing fast", "Easing", "Stable", "Worsening", "Worsening fast"]
    assert (rating_terms("shock").likelihood, rating_terms("shock").impact) == ("Likelihood", "Impact")
    for terms in RATING_TERMS.values():
        for text in (terms.likelihood, terms.impact, *terms.likelihood_names.values(), *terms.impact_names.values()):
            assert translate_in("ar", text) != text


def _fill(table: sa.Table, **given: object) -> dict[str, object]:
    """A row with every NOT NULL column that has no default of the database's own."""
    values: dict[str, object] = {}
    for column in table.columns:
        if column.nullable or column.primary_key or column.server_default is not None:
            continue
        python = column.type.python_type
        values[column.name] = "" if python is str else False if python is bool else 0 if python in (int, float) else None
    values.update(given)
    return values


def test_migration_0013_turns_each_stress_likelihood_into_the_trend_rating_of_its_trend(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'at-0012.sqlite3'}")
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0012")
    stored = {  # name: (kind, likelihood, impact, trend)
        "water": ("stress", 5, 4, "rising"),
        "power": ("stress", 5, 3, "stable"),
        "fuel": ("stress", 4, 2, "falling"),
        "crime": ("stress", 2, 4, "unknown"),
        "unrated": ("stress", None, None, "rising"),
        "flood": ("shock", 4, 4, "rising"),
        "quake": ("shock", 1, 5, "unknown"),
    }
    metadata = sa.MetaData()
    with database.engine.begin() as connection:
        assessments = sa.Table("assessments", metadata, autoload_with=connection)
        items = sa.Table("register_items", metadata, autoload_with=connection)
        inserted = connection.execute(assessments.insert().values(_fill(assessments, framework_id="f", framework_version="1"))).inserted_primary_key
        assert inserted is not None
        assessment_id = inserted[0]
        for name, (kind, likelihood, impact, trend) in stored.items():
            connection.execute(items.insert().values(_fill(items, assessment_id=assessment_id, kind=kind, name_en=name, likelihood=likelihood,
                                                           impact=impact, trend=trend)))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with database.engine.connect() as connection:
        after = {row.name_en: (row.kind, row.likelihood, row.impact, row.trend) for row in connection.execute(sa.select(items))}
    database.dispose()
    assert after == {
        "water": ("stress", 4, 4, "rising"),  # severity kept from the impact, trend rating from the trend
        "power": ("stress", 3, 3, "stable"),
        "fuel": ("stress", 2, 2, "falling"),
        "crime": ("stress", None, 4, "unknown"),  # no trend known: no trend rating, so "to rate"
        "unrated": ("stress", 4, None, "rising"),
        "flood": ("shock", 4, 4, "rising"),  # shocks untouched
        "quake": ("shock", 1, 5, "unknown"),
    }
