"""What makes an assessment's details acceptable, with messages a user can act on."""

from __future__ import annotations

import datetime as dt

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _
from resilience_app.core.storage.records import AssessmentDetails
from resilience_app.core.text_rules import strip_texts

MAX_NAME_LENGTH = 200
MAX_POPULATION = 100_000_000
EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def details_problems(details: AssessmentDetails) -> dict[str, str]:
    """Field name -> message for every field that cannot be saved as typed."""
    problems: dict[str, str] = {}
    if not details.city_name_en.strip() and not details.city_name_ar.strip():
        problems["city_name_en"] = _("Give the city's name in English or Arabic (or both).")
    for field in ("city_name_en", "city_name_ar", "country", "cro_name"):
        if len(getattr(details, field)) > MAX_NAME_LENGTH:
            problems[field] = _("Keep this under {count} characters.").format(count=format_number(MAX_NAME_LENGTH))
    if details.population is not None and not 0 <= details.population <= MAX_POPULATION:
        problems["population"] = _("Enter a population between 0 and {maximum}.").format(maximum=format_number(MAX_POPULATION))
    if details.assessment_date is not None and not EARLIEST_DATE <= details.assessment_date <= LATEST_DATE:
        problems["assessment_date"] = _("Enter a date between {first} and {last}.").format(
            first=format_number(EARLIEST_DATE.year, decimals=0).replace(",", ""), last=format_number(LATEST_DATE.year).replace(",", "")
        )
    return problems


def clean_details(details: AssessmentDetails) -> AssessmentDetails:
    """The details with surrounding spaces removed; raises `InvalidInputError` if any field is wrong."""
    cleaned = strip_texts(details)
    problems = details_problems(cleaned)
    if problems:
        raise InvalidInputError(problems)
    return cleaned
