"""The sample assessment: a fictional mid-sized city with every question answered, its register of
shocks and stresses, actions inventory and discovery areas (`sample_register`), a workshop
(`sample_workshop`) and three departments' returned workbooks (`sample_contributions`).

It lets a new user (or a workshop) see the whole product at work before their own
data exists. The answers are invented but plausible: each goal has its own typical
level, questions vary around it, a few are "not applicable" or "don't know",
confidence is mixed, and most levelled answers cite evidence. The same sample is
made every time (a fixed random seed), its free text kept in every language (`core.every_language`), so
it reads wholly in the language of each screen and each brief, whichever it was made in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Callable
from contextlib import suppress
from decimal import Decimal

from resilience_app.core.assessment.details_rules import clean_details
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails, AssessmentRecord, EvidenceDraft
from resilience_app.core.assessment.repository import AssessmentRepository
from resilience_app.core.assessment.service import ASSESSMENT_GONE
from resilience_app.core.content.model import NumericScale, Question
from resilience_app.core.every_language import in_every_language
from resilience_app.core.every_language import message_in_every_language as _worded
from resilience_app.core.formatting import format_number, with_unit
from resilience_app.core.i18n import N_, translate_in
from resilience_app.core.rounds.records import FollowUpOptions, RoundDraft
from resilience_app.core.rounds.rules import BASELINE
from resilience_app.core.sample_baseline import BASELINE_GOAL_LEVELS, BASELINE_SEED, BASELINE_YEARS, add_baseline_register
from resilience_app.core.sample_contributions import add_sample_contributions
from resilience_app.core.sample_register import add_sample_register
from resilience_app.core.sample_workshop import add_sample_workshop
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.leftovers import being_made, unfinished_name

SAMPLE_SEED = 2026
# Answers on corruption prevention are marked sensitive: the sample brief shows them withheld by default.
SENSITIVE_QUESTIONS = frozenset({"q-5.2.a", "q-5.2.b", "q-5.2.c"})
SAMPLE_CITY = {"en": "Wadi Al-Zuhur", "ar": "وادي الزهور"}
SAMPLE_MARK = N_("{name} (sample)")
# The typical level of each goal in the sample city, so its profile has clear strengths and gaps.
GOAL_BASELINE = {
    "goal-1": 3, "goal-2": 3, "goal-3": 2, "goal-4": 3, "goal-5": 2, "goal-6": 4,
    "goal-7": 2, "goal-8": 3, "goal-9": 3, "goal-10": 4, "goal-11": 3, "goal-12": 2,
}
JUSTIFICATIONS = {
    "low": N_("Answer reviewed with: {department}. Practice depends on a few individuals, there is no regular monitoring, "
              "and the poorest districts are not covered."),
    "middle": N_("Answer reviewed with: {department}. Arrangements exist and work in most districts, but they are not "
                 "tested regularly and informal areas are only partly covered."),
    "high": N_("Answer reviewed with: {department}. Arrangements cover the whole city, are funded in the municipal budget, "
               "and were tested during the past year."),
    "dont_know": N_("No department could give reliable information yet; to be followed up before the workshop."),
}
# Figures set by hand where a drawn one would contradict the register or another answer (a city of refugees and
# informal settlements with low youth unemployment, say); the others are drawn inside their goal's level band.
SAMPLE_FIGURES = {
    "q-1.1.a": "27.5",  # lives in informal, overcrowded or unsafe housing: a little more than in informal settlements (12.3.2)
    "q-12.3.b": "24",
    "q-1.2.a": "20.5",  # hours of electricity a day: rationed, so planned cuts; unplanned outages are counted in 8.5.2
    "q-8.5.b": "62",
    "q-2.1.a": "16.8",  # unemployment, and young people out of work and study: "Youth unemployment" is rising in the register
    "q-2.2.b": "31.5",
    "q-6.3.a": "38",  # the largest sector's share of jobs (services and trade)
    "q-3.2.a": "12.5",  # hospital beds per 10,000
    "q-3.3.a": "18.5",  # ambulance minutes
    "q-3.4.a": "14",  # fire and rescue minutes
    "q-5.1.a": "62",  # streets with working lights
    "q-10.5.b": "2",  # emergency exercises in a year: a whole number
}
# A quantitative answer cites its figure and where it comes from, not a general judgement.
FIGURE_JUSTIFICATION = N_("Figure for 2025 from the records of {department}: {figure}. Checked with the department before the workshop.")
# The few questions that do not apply to the sample city, each with its own reason (the framework asks little
# that a city of its size can set aside, so "not applicable" is rare and always explained).
NOT_APPLICABLE_HERE = {
    "q-9.1.a": N_("Does not apply as asked: the city's buses and shared taxis run on fixed routes but without a timetable, so no "
                  "stop is served at a set frequency (the reorganisation of the bus routes in the actions inventory will add one). "
                  "Access to transport is covered under 9.1.3."),
}
EVIDENCE_TITLES = (
    N_("{department}: annual report 2025"),
    N_("Municipal council minutes, March 2026"),
    N_("Field survey by the resilience team"),
    N_("National statistics yearbook 2025"),
)
# The baseline's sources, two years older.
BASELINE_EVIDENCE_TITLES = (N_("Field survey by the resilience team"), N_("{department}: records reviewed for the baseline"))
BASELINE_FIGURE_JUSTIFICATION = N_("Figure from the records of {department} at the baseline: {figure}.")
BASELINE_NOTES = N_("The baseline round of the sample city, two years before the sample; its answers and sources are invented.")
EVIDENCE_REFERENCE = N_("Invented reference for the sample city")
SAMPLE_NOTES = N_("A sample assessment of a fictional city, made for practice. Its answers and sources are invented.")
SAMPLE_OFFICER = N_("Sample officer")
SAMPLE_COUNTRY = N_("Fictional country")
SAMPLE_TEAM = N_("the resilience team")
_LIST_SEPARATOR = re.compile(r"[,،;؛]")


def create_sample(service: ResilienceService, language: str) -> AssessmentRecord:
    """Create the sample assessment and its baseline round; `language` is the one its contributors' workbooks are written in.

    The baseline (`sample_baseline`), dated two years before, is made first; the sample is started from it as a
    follow-up (`RoundService.start_follow_up`, nothing carried over), so the two are rounds of one series. Both
    are made under an unfinished name (`leftovers.UNFINISHED_MARK`) and take the sample's name only at the last
    step, together in one change: a run killed half-way never leaves a half sample listed as the sample, and the
    next start removes what it made. A failure removes both at once. Returns the sample (the follow-up).
    """
    today = dt.date.today()
    names = {lang: translate_in(lang, SAMPLE_MARK).format(name=SAMPLE_CITY[lang]) for lang in SAMPLE_CITY}
    details = AssessmentDetails(
        city_name_en=names["en"],
        city_name_ar=names["ar"],
        country=_worded(SAMPLE_COUNTRY),
        population=412_000,
        assessment_date=today,
        cro_name=_worded(SAMPLE_OFFICER),
        notes=_worded(SAMPLE_NOTES),
    )
    baseline_details = dataclasses.replace(
        details, population=389_000, assessment_date=_years_before(today, BASELINE_YEARS), notes=_worded(BASELINE_NOTES)
    )

    def unfinished(finished: AssessmentDetails) -> AssessmentDetails:
        return dataclasses.replace(finished, city_name_en=unfinished_name(names["en"], "en"), city_name_ar=unfinished_name(names["ar"], "ar"))

    made: list[int] = []
    try:
        baseline = service.assessments.create_assessment(unfinished(baseline_details), is_sample=True)
        made.append(baseline.id)
        with being_made(service.database, baseline.id):
            service.rounds.set_round(baseline.id, RoundDraft(BASELINE, baseline_details.assessment_date))
            _fill_baseline(service, baseline)
            follow_up = service.rounds.start_follow_up(baseline.id, FollowUpOptions(date=today), today=today).record
            made.append(follow_up.id)
            with being_made(service.database, follow_up.id):
                service.assessments.update_details(follow_up.id, unfinished(details))
                _fill(service, follow_up, language)
                return _name_both(service, (baseline.id, baseline_details), (follow_up.id, details))
    except BaseException:
        for assessment_id in reversed(made):
            with suppress(Exception):
                service.assessments.delete_assessment(assessment_id)
        raise


def _name_both(service: ResilienceService, *named: tuple[int, AssessmentDetails]) -> AssessmentRecord:
    """Give the baseline and the sample their finished details in one change; the last one's record."""
    records = []
    with service.context.unit_of_work(ASSESSMENT_GONE) as session:
        repository = AssessmentRepository(session)
        for assessment_id, details in named:
            records.append(repository.update_details(assessment_id, clean_details(details)))
    return records[-1]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _fill_baseline(service: ResilienceService, record: AssessmentRecord) -> None:
    """The baseline's answers (each goal around its level two years before) and its register and actions."""
    chooser = random.Random(BASELINE_SEED)
    framework = service.framework(record.framework_id)
    for goal in framework.goals():
        for indicator in goal.indicators:
            for question in indicator.questions:
                _answer(service, record.id, question, BASELINE_GOAL_LEVELS.get(goal.id, 3), chooser, baseline=True)
    add_baseline_register(service, record.id)


def _fill(service: ResilienceService, record: AssessmentRecord, language: str) -> None:
    chooser = random.Random(SAMPLE_SEED)
    framework = service.framework(record.framework_id)
    for goal in framework.goals():
        for indicator in goal.indicators:
            for question in indicator.questions:
                _answer(service, record.id, question, GOAL_BASELINE.get(goal.id, 3), chooser)
    add_sample_contributions(service, record.id, language)  # before the areas are proposed: their reasons quote the settled levels
    item_ids = add_sample_register(service, record.id)
    add_sample_workshop(service, record.id, item_ids, record.details.assessment_date or dt.date.today())


def _department_in(question: Question) -> Callable[[str], str]:
    """The first department the question names as knowing the answer, in a language."""
    return lambda language: (
        _LIST_SEPARATOR.split(question.who_knows.in_language(language))[0].strip().rstrip(".") or translate_in(language, SAMPLE_TEAM)
    )


def _answer(
    service: ResilienceService, assessment_id: int, question: Question, typical: int, chooser: random.Random, *, baseline: bool = False
) -> None:
    """One answer around the goal's `typical` level; the baseline round's figures are all drawn, its sources undated."""
    department_in = _department_in(question)
    department = in_every_language(department_in)
    roll = chooser.random()
    if question.id in NOT_APPLICABLE_HERE:
        draft = AnswerDraft(status="not_applicable", justification=_worded(NOT_APPLICABLE_HERE[question.id]), answered_by=department)
    elif 0.03 <= roll < 0.07:
        draft = AnswerDraft(status="dont_know", justification=_worded(JUSTIFICATIONS["dont_know"], department=department_in), answered_by=department)
    else:
        level = min(5, max(1, typical + chooser.choice((-1, 0, 0, 0, 1))))
        value = _value_for(question.numeric, level, chooser) if question.numeric else None
        if question.numeric is not None and question.id in SAMPLE_FIGURES and not baseline:  # a figure that must agree with the rest of the sample
            value = SAMPLE_FIGURES[question.id]
            level = question.numeric.level_for(float(value))
        if question.numeric is not None and value is not None:
            justification = _worded(BASELINE_FIGURE_JUSTIFICATION if baseline else FIGURE_JUSTIFICATION, department=department_in, figure=_figure_in(question.numeric, value))
        else:
            justification = _worded(JUSTIFICATIONS[_tier(level)], department=department_in)
        draft = AnswerDraft(
            status="level",
            level=level,
            numeric_value=value,
            justification=justification,
            confidence=chooser.choices(("low", "medium", "high"), weights=(2, 4, 4))[0],
            answered_by=department,
        )
    draft = dataclasses.replace(draft, sensitive=question.id in SENSITIVE_QUESTIONS)
    service.assessments.save_answer(assessment_id, question.id, draft, changed_by=department)
    if draft.status == "level" and chooser.random() < 0.85:
        title = _worded(chooser.choice(BASELINE_EVIDENCE_TITLES if baseline else EVIDENCE_TITLES), department=department_in)
        service.assessments.add_evidence(assessment_id, question.id, EvidenceDraft(title, _worded(EVIDENCE_REFERENCE)), changed_by=department)


def _tier(level: int) -> str:
    """Which of the sample's justifications a level takes: low (1–2), middle (3) or high (4–5)."""
    return "low" if level <= 2 else "middle" if level == 3 else "high"


def _figure_in(scale: NumericScale, value: str) -> Callable[[str], str]:
    """A value with its unit, in a language's digits and words."""
    return lambda language: with_unit(format_number(Decimal(value), language=language), scale.unit.in_language(language))


def _value_for(scale: NumericScale, level: int, chooser: random.Random) -> str:
    """A value inside the band of `scale` that maps to `level` (checked against `level_for`)."""
    ordered = sorted(scale.thresholds)
    low_end = scale.minimum if scale.minimum is not None else min(0.0, ordered[0])
    high_end = scale.maximum if scale.maximum is not None else ordered[-1] * 1.5
    edges = [low_end, *ordered, high_end]
    band = level - 1 if scale.better == "higher" else 5 - level
    lower, upper = edges[band], edges[band + 1]
    value = Decimal(str(lower + (upper - lower) * chooser.uniform(0.2, 0.8))).quantize(Decimal("0.1"))
    if scale.level_for(float(value)) != level:  # a band too narrow to fall strictly inside: take its edge
        value = Decimal(str(lower if scale.better == "higher" else upper))
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())
