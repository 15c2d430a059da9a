"""The assessment use cases, as the GUI and the command line call them."""

from __future__ import annotations

import datetime as dt

import pytest

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import InvalidInputError, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService


@pytest.fixture
def service(app_paths: AppPaths):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


AMMAN = AssessmentDetails(
    city_name_en="Amman", city_name_ar="عمّان", country="Jordan", population=4_000_000,
    assessment_date=dt.date(2026, 11, 1), cro_name="Rana", notes="First round",
)


def test_create_lists_the_assessment_with_its_framework(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AMMAN)
    [summary] = service.assessments.list_assessments()
    assert summary.id == record.id
    assert summary.city_names() == {"en": "Amman", "ar": "عمّان"}
    assert (record.framework_id, record.framework_version) == ("crf", service.framework().version)
    assert summary.total_questions == service.framework().question_count > 0
    assert summary.progress == 0.0


def test_names_are_trimmed_and_one_language_is_enough(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AssessmentDetails(city_name_ar="  إربد  "))
    assert record.details.city_name_ar == "إربد"
    assert record.city_name("en") == "إربد"


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (AssessmentDetails(), "city_name_en"),
        (AssessmentDetails(city_name_en="   "), "city_name_en"),
        (AssessmentDetails(city_name_en="X", population=-5), "population"),
        (AssessmentDetails(city_name_en="X" * 201), "city_name_en"),
        (AssessmentDetails(city_name_en="X", assessment_date=dt.date(1900, 1, 1)), "assessment_date"),
    ],
)
def test_invalid_details_are_refused_and_nothing_is_saved(service: ResilienceService, details: AssessmentDetails, field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        service.assessments.create_assessment(details)
    assert field in caught.value.field_errors
    assert service.assessments.list_assessments() == []


def test_rename_changes_only_the_names(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AMMAN)
    renamed = service.assessments.rename_assessment(record.id, city_name_en="Greater Amman", city_name_ar="عمّان الكبرى")
    assert renamed.details.city_name_en == "Greater Amman"
    assert renamed.details.country == "Jordan" and renamed.details.population == 4_000_000


def test_duplicate_marks_the_copy_in_each_language(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AMMAN)
    copy = service.assessments.duplicate_assessment(record.id)
    assert copy.id != record.id
    assert copy.details.city_name_en == "Amman (copy)"
    assert copy.details.city_name_ar == "عمّان (نسخة)"
    assert copy.details.notes == AMMAN.notes
    assert len(service.assessments.list_assessments()) == 2


def test_delete_removes_it(service: ResilienceService) -> None:
    record = service.assessments.create_assessment(AMMAN)
    service.assessments.delete_assessment(record.id)
    assert service.assessments.list_assessments() == []
    with pytest.raises(UserFacingError) as caught:
        service.assessments.delete_assessment(record.id)
    assert caught.value.code == "assessment-not-found"
