"""What makes an assessment's details acceptable, with messages a user can act on."""

from __future__ import annotations

import datetime as dt

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import _
from resilience_app.core.text_rules import strip_texts, text_problems

MAX_NAME_LENGTH = 200
MAX_NOTES_LENGTH = 20_000
MAX_POPULATION = 100_000_000
EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def details_problems(details: AssessmentDetails) -> dict[str, str]:
    """Field name -> message for every field that cannot be saved as typed."""
    problems: dict[str, str] = {}
    if not details.city_name_en.strip() and not details.city_name_ar.strip():
        problems["city_name_en"] = _("Give the city's name in English or Arabic (or both).")
    for field, limit in (("city_name_en", MAX_NAME_LENGTH), ("city_name_ar", MAX_NAME_LENGTH), ("country", MAX_NAME_LENGTH),
                         ("cro_name", MAX_NAME_LENGTH), ("notes", MAX_NOTES_LENGTH)):
        if len(getattr(details, field)) > limit:
            problems[field] = _("Keep this under {count} characters.").format(count=format_number(limit))
    problems.update(text_problems(details))
    population = details.population
    if population is not None and not (type(population) is int and 0 <= population <= MAX_POPULATION):  # not 2.5, not True
        problems["population"] = _("Enter a population between 0 and {maximum}.").format(maximum=format_number(MAX_POPULATION))
    date = details.assessment_date
    if date is not None and not (type(date) is dt.date and EARLIEST_DATE <= date <= LATEST_DATE):
        problems["assessment_date"] = _("Enter a date between {first} and {last}.").format(
            first=localise_digits(str(EARLIEST_DATE.year)), last=localise_digits(str(LATEST_DATE.year))  # a year has no thousands separator
        )
    return problems


def clean_details(details: AssessmentDetails) -> AssessmentDetails:
    """The details with surrounding spaces removed; raises `InvalidInputError` if any field is wrong."""
    cleaned = strip_texts(details)
    problems = details_problems(cleaned)
    if problems:
        raise InvalidInputError(problems)
    return cleaned
