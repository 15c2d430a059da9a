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
from resilience_app.core.content.model import Framework, NumericScale, Question
from resilience_app.core.every_language import in_every_language, translations
from resilience_app.core.every_language import message_in_every_language as _worded
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import N_, translate_in
from resilience_app.core.rounds.records import FollowUpOptions, RoundDraft
from resilience_app.core.rounds.rules import BASELINE
from resilience_app.core.sample_baseline import (
    BASELINE_YEARS,
    CONFIDENCE_STEP_DOWN,
    BaselinePlan,
    add_baseline_register,
    load_baseline_plan,
    round_years,
)
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
# Every figure of both rounds is set by hand in `sample_baseline.yaml`, with its year, source and scale, so that the
# figures agree with the register, with each other and across the two rounds (a city of refugees and informal
# settlements does not have low youth unemployment; a count of exercises is whole). The drawn levels and values
# still take their turn of the generator, so the rest of the sample is drawn as it always was.
# A quantitative answer cites its figure, its year and where it comes from, not a general judgement.
FIGURE_JUSTIFICATION = N_("Figure for {year} from the records of {department}: {figure}. Checked with the department before the workshop.")
# "Not applicable" is for a system the city does not have at all, each with its own reason (the framework asks little
# that a city of its size can set aside, so it is rare and always explained).
# Each with the question its reason points to, named by the number the user sees.
NOT_APPLICABLE_HERE = {
    "q-4.4.a": (N_("Does not apply: the municipal council has been appointed by the ministry since the last elections were "
                   "postponed, and no municipal election has been held since, so there is no turnout to give. Residents' own "
                   "engagement is answered under {question}."), "q-4.4.b"),
}
# A service a ministry runs in the city (the questions flagged `mandate_often_national`) is never "not applicable":
# it is answered with national data, at the country's scale and a lower confidence, and says who holds the mandate,
# so the profile shows what the city depends on instead of hiding it.
NATIONAL_MANDATE_JUSTIFICATION = N_(
    "The ministry holds the mandate for this service, not the municipality: answered with national data, which say "
    "little about the city's own districts, so the confidence is lower."
)
EVIDENCE_TITLES = (
    N_("{department}: annual report 2025"),
    N_("Municipal council minutes, March 2026"),
    N_("Field survey by the resilience team"),
    N_("National statistics yearbook 2025"),
)
# The baseline's sources, two years older.
BASELINE_EVIDENCE_TITLES = (N_("Field survey by the resilience team"), N_("{department}: records reviewed for the baseline"))
BASELINE_FIGURE_JUSTIFICATION = N_("Figure for {year} from the records of {department}: {figure}.")
BASELINE_NOTES = N_("The baseline round of the sample city, two years before the sample; its answers and sources are invented.")
EVIDENCE_REFERENCE = N_("Invented reference for the sample city")
SAMPLE_NOTES = N_("A sample assessment of a fictional city, made for practice. Its answers and sources are invented.")
SAMPLE_OFFICER = N_("Sample officer")
SAMPLE_COUNTRY = N_("Fictional country")
SAMPLE_TEAM = N_("the resilience team")
_LIST_SEPARATOR = re.compile(r"[,،;؛]")


def create_sample(service: ResilienceService, language: str, *, today: dt.date | None = None) -> AssessmentRecord:
    """Create the sample assessment and its baseline round; `language` is the one its contributors' workbooks are written in.

    The sample's answers are drawn first, as values (`_planned_answers`); the baseline (`sample_baseline`), dated two
    years before, takes them with the moves of `sample_baseline.yaml` reversed, and is made first; the sample is
    started from it as a follow-up (`RoundService.start_follow_up`, nothing carried over), so the two are rounds of one series. Both
    are made under an unfinished name (`leftovers.UNFINISHED_MARK`) and take the sample's name only at the last
    step, together in one change: a run killed half-way never leaves a half sample listed as the sample, and the
    next start removes what it made. A failure removes both at once. Returns the sample (the follow-up), dated
    `today` (the day it is made unless a test says otherwise); the file's years follow the two rounds' dates.
    """
    today = today or dt.date.today()
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
    # No Chief Resilience Officer yet at the baseline: one was appointed between the rounds (q-10.1.a).
    baseline_details = dataclasses.replace(
        details, population=389_000, assessment_date=_years_before(today, BASELINE_YEARS), notes=_worded(BASELINE_NOTES), cro_name=""
    )

    def unfinished(finished: AssessmentDetails) -> AssessmentDetails:
        return dataclasses.replace(finished, city_name_en=unfinished_name(names["en"], "en"), city_name_ar=unfinished_name(names["ar"], "ar"))

    made: list[int] = []
    try:
        baseline = service.assessments.create_assessment(unfinished(baseline_details), is_sample=True)
        made.append(baseline.id)
        with being_made(service.database, baseline.id):
            service.rounds.set_round(baseline.id, RoundDraft(BASELINE, baseline_details.assessment_date))
            planned = _planned_answers(service, baseline, round_years(_years_before(today, BASELINE_YEARS), today))
            _fill_baseline(service, baseline, planned)
            follow_up = service.rounds.start_follow_up(baseline.id, FollowUpOptions(date=today), today=today).record
            made.append(follow_up.id)
            with being_made(service.database, follow_up.id):
                service.assessments.update_details(follow_up.id, unfinished(details))
                _fill(service, follow_up, language, planned)
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


@dataclasses.dataclass(frozen=True)
class _Planned:
    """One answer of the sample (the follow-up) and of its baseline, with the evidence title each cites, if any."""

    question: Question
    answer: AnswerDraft
    baseline: AnswerDraft
    evidence: str | None  # the sample's evidence title (a catalogue message), or None
    baseline_evidence: str | None


def _planned_answers(service: ResilienceService, record: AssessmentRecord, years: dict[str, int]) -> list[_Planned]:
    """Every answer of both rounds, as values: the sample's drawn around each goal's level (each question with its own
    fixed seed, so a question added to or removed from the framework leaves the others' answers as they were), the
    baseline's levels the same but for the moves of `sample_baseline.yaml`, reversed, each with its reason, and its
    answers given as the baseline gave them (`_as_at_the_baseline`)."""
    framework = service.framework(record.framework_id)
    plan = load_baseline_plan(framework, years)
    planned = [
        _as_at_the_baseline(
            _planned(question, GOAL_BASELINE.get(goal.id, 3), random.Random(f"{SAMPLE_SEED}:{question.id}"), plan, framework), goal.id, plan
        )
        for goal in framework.goals()
        for indicator in goal.indicators
        for question in indicator.questions
    ]
    missing = set(plan.moves) - {entry.question.id for entry in planned if entry.answer.status == "level"}
    if missing:
        raise ValueError(f"sample_baseline.yaml moves questions the sample gives no level: {sorted(missing)}")
    return planned


def _as_at_the_baseline(entry: _Planned, goal_id: str, plan: BaselinePlan) -> _Planned:
    """The baseline's answer as that round gave it: one unit answering in its own words (a moved answer keeps the
    file's reason, a figure its sentence), with less confidence in the goals the follow-up now backs with data, a few
    questions left open, and a few levels the follow-up re-judged with no change in practice, saying so."""
    round_ = plan.baseline
    if not round_.respondent:
        return entry
    question, answer, baseline = entry.question, entry.answer, entry.baseline
    department_in = _department_in(question)
    respondent = in_every_language(round_.respondent.__getitem__)

    def worded(texts: dict[str, str]) -> str:
        return in_every_language(lambda language: texts[language].format(department=department_in(language)))

    baseline_evidence = entry.baseline_evidence
    if question.id in round_.dont_know_then and answer.status == "level":
        baseline = AnswerDraft(status="dont_know", justification=worded(round_.wording["dont_know"]), sensitive=baseline.sensitive)
        baseline_evidence = None
    elif baseline.status == "dont_know":
        baseline = dataclasses.replace(baseline, justification=worded(round_.wording["dont_know"]))
    elif baseline.status == "level":
        change = round_.rejudged.get(question.id)
        if change is not None and answer.status == "level" and answer.level is not None:
            baseline = dataclasses.replace(baseline, level=answer.level - change)
            answer = dataclasses.replace(answer, justification=worded(round_.rejudged_wording["up" if change > 0 else "down"]))
        if question.id not in plan.moves and question.numeric is None:
            baseline = dataclasses.replace(baseline, justification=worded(round_.wording[_tier(baseline.level or 1)]))
        if goal_id in round_.lower_confidence_goals and baseline.confidence in CONFIDENCE_STEP_DOWN:
            # a step down for each high answer, and for a medium one on each indicator's first question: not all
            # of a goal became certain at once
            if baseline.confidence == "high" or question.id.endswith("a"):
                baseline = dataclasses.replace(baseline, confidence=CONFIDENCE_STEP_DOWN[baseline.confidence])
    baseline = dataclasses.replace(baseline, answered_by=respondent)
    return dataclasses.replace(entry, answer=answer, baseline=baseline, baseline_evidence=baseline_evidence)


def _fill_baseline(service: ResilienceService, record: AssessmentRecord, planned: list[_Planned]) -> None:
    """The baseline's answers and its register and actions."""
    for entry in planned:
        _save(service, record.id, entry.question, entry.baseline, entry.baseline_evidence)
    add_baseline_register(service, record.id)


def _fill(service: ResilienceService, record: AssessmentRecord, language: str, planned: list[_Planned]) -> None:
    for entry in planned:
        _save(service, record.id, entry.question, entry.answer, entry.evidence)
    add_sample_contributions(service, record.id, language)  # before the areas are proposed: their reasons quote the settled levels
    item_ids = add_sample_register(service, record.id)
    add_sample_workshop(service, record.id, item_ids, record.details.assessment_date or dt.date.today())


def _save(service: ResilienceService, assessment_id: int, question: Question, draft: AnswerDraft, evidence: str | None) -> None:
    department_in = _department_in(question)
    service.assessments.save_answer(assessment_id, question.id, draft, changed_by=draft.answered_by)
    if evidence is not None:
        title = _worded(evidence, department=department_in)
        service.assessments.add_evidence(assessment_id, question.id, EvidenceDraft(title, _worded(EVIDENCE_REFERENCE)), changed_by=draft.answered_by)


def _department_in(question: Question) -> Callable[[str], str]:
    """The first department the question names as knowing the answer, in a language."""
    return lambda language: (
        _LIST_SEPARATOR.split(question.who_knows.in_language(language))[0].strip().rstrip(".") or translate_in(language, SAMPLE_TEAM)
    )


def _planned(question: Question, typical: int, chooser: random.Random, plan: BaselinePlan, framework: Framework) -> _Planned:
    """One answer around the goal's `typical` level, and the baseline's answer to the same question."""
    department_in = _department_in(question)
    department = in_every_language(department_in)
    roll = chooser.random()
    move = plan.moves.get(question.id)
    if question.id in NOT_APPLICABLE_HERE:
        reason, pointed_to = NOT_APPLICABLE_HERE[question.id]
        number = framework.placement(pointed_to).number
        draft = AnswerDraft(
            status="not_applicable", justification=_worded(reason, question=lambda language: localise_digits(number, language=language)), answered_by=department
        )
    elif 0.03 <= roll < 0.07 and move is None and question.id not in plan.baseline.dont_know_then | set(plan.baseline.rejudged):
        draft = AnswerDraft(status="dont_know", justification=_worded(JUSTIFICATIONS["dont_know"], department=department_in), answered_by=department)
    else:
        level = min(5, max(1, typical + chooser.choice((-1, 0, 0, 0, 1))))
        if move is not None:  # the file's story sets a moved question's level (its department's, for a move by contribution)
            level = move.baseline if move.by_contribution else move.level
        if question.numeric:
            _value_for(question.numeric, level, chooser)  # drawn for its turn of the generator; the file sets the figure
        draft = AnswerDraft(
            status="level",
            level=level,
            justification=_worded(JUSTIFICATIONS[_tier(level)], department=department_in),
            confidence=chooser.choices(("low", "medium", "high"), weights=(2, 4, 4))[0],
            answered_by=department,
            source_kind=plan.source_of(question.id, baseline=False),
            data_scale="city" if plan.source_of(question.id, baseline=False) else None,
        )
    draft = dataclasses.replace(draft, sensitive=question.id in SENSITIVE_QUESTIONS)
    evidence = None
    if draft.status == "level" and chooser.random() < 0.85:
        evidence = chooser.choice(EVIDENCE_TITLES)
    if draft.status != "level":
        return _Planned(question, draft, draft, evidence, evidence)
    answer, baseline = _with_figures(question, draft, plan, department_in)
    if question.mandate_often_national:
        answer, baseline = _with_national_data(question, answer), _with_national_data(question, baseline)
    baseline_evidence = BASELINE_EVIDENCE_TITLES[len(question.id) % len(BASELINE_EVIDENCE_TITLES)] if evidence else None
    return _Planned(question, answer, baseline, evidence, baseline_evidence)


def _with_national_data(question: Question, draft: AnswerDraft) -> AnswerDraft:
    """An answer on a service a ministry runs: national data, country scale, low confidence, the mandate named."""
    said = translations(draft.justification) or {}

    def justification(language: str) -> str:
        return f"{said.get(language, draft.justification)} {translate_in(language, NATIONAL_MANDATE_JUSTIFICATION)}".strip()

    return dataclasses.replace(
        draft,
        data_scale="country",
        confidence="low",
        source_kind=draft.source_kind or ("measured" if question.numeric else "estimate"),
        justification=in_every_language(justification),
    )


def _with_figures(question: Question, draft: AnswerDraft, plan: BaselinePlan, department_in: Callable[[str], str]) -> tuple[AnswerDraft, AnswerDraft]:
    """The sample's answer, and the baseline's: the same but where the file moves it or dates its figure.

    A figure sets its answer's level, as a hand-set figure always did; the file says what each level must be, so a
    figure that gives another is an error of the file, not a quiet change of the sample."""
    move = plan.moves.get(question.id)
    answer, baseline = draft, dataclasses.replace(draft, source_kind=plan.source_of(question.id, baseline=True))
    if question.numeric is not None:
        figure = plan.figures.get(question.id)
        if figure is None:
            raise ValueError(f"sample_baseline.yaml: {question.id} is quantitative and has no figures")
        answer = _with_figure(question.numeric, answer, figure.now, FIGURE_JUSTIFICATION, department_in, move.now if move else None)
        answer = dataclasses.replace(answer, data_scale=figure.scale)
        level_then = move.baseline if move else answer.level
        if figure.then is None:
            why = move.then if move else {}
            baseline = dataclasses.replace(
                answer, level=level_then, numeric_value=None, data_year=None, source_kind=baseline.source_kind, justification=in_every_language(why.__getitem__)
            )
        else:
            baseline = _with_figure(question.numeric, baseline, figure.then, BASELINE_FIGURE_JUSTIFICATION, department_in, move.then if move else None)
            baseline = dataclasses.replace(baseline, data_scale=figure.scale)
            if baseline.level != level_then:
                raise ValueError(f"sample_baseline.yaml: {question.id}'s baseline figure gives level {baseline.level}, not {level_then}")
    if move is not None:
        # A move by contribution: the drawn answer stands until the department's workbook raises it, with its own note.
        drawn = move.baseline if move.by_contribution else move.level
        if drawn != answer.level:
            raise ValueError(f"sample_baseline.yaml: {question.id} is at level {answer.level} in the sample, not {drawn}")
        if question.numeric is None:
            if not move.by_contribution:
                answer = dataclasses.replace(answer, justification=in_every_language(move.now.__getitem__))
            baseline = dataclasses.replace(baseline, level=move.baseline, justification=in_every_language(move.then.__getitem__))
    return answer, baseline


def _with_figure(
    scale: NumericScale, draft: AnswerDraft, figure: tuple[str, int], sentence: str, department_in: Callable[[str], str], why: dict[str, str] | None
) -> AnswerDraft:
    """`draft` citing `figure` (value, year) and taking its level; `why`, a move's reason, follows the figure."""
    value, year = figure
    cited = _figure_in(scale, value)

    def justification(language: str) -> str:
        worded = translate_in(language, sentence).format(
            year=localise_digits(str(year), language=language), department=department_in(language), figure=cited(language)
        )
        return f"{worded} {why[language]}" if why else worded

    return dataclasses.replace(
        draft, level=scale.level_for(float(value)), numeric_value=value, data_year=year, justification=in_every_language(justification)
    )


def _tier(level: int) -> str:
    """Which of the sample's justifications a level takes: low (1–2), middle (3) or high (4–5)."""
    return "low" if level <= 2 else "middle" if level == 3 else "high"


def _figure_in(scale: NumericScale, value: str) -> Callable[[str], str]:
    """A value with its unit, in a language's digits and words."""
    return lambda language: scale.figure(Decimal(value), format_number(Decimal(value), language=language), language)


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
