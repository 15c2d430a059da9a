"""The sample's baseline round: the same fictional city assessed two years before the sample (`core.sample`).

The baseline is made first and the sample is started from it as a follow-up, so the two are rounds of one series
and the comparison (the Change view, the documents' "Change since the baseline", the workbook's change sheets) shows
movement at once. As in a real repeat round, most levels are the same in both: the baseline's levels are the
sample's with the moves of `sample_baseline.yaml` reversed (about a quarter of the questions, mostly by one level,
each with its reason in both rounds and both languages) and a few re-judged by one level with no change in practice
(assessor noise, cancelling out within each goal); its figures are the file's, two years older. It was a different
exercise, though: one unit answered, in its own words, with less confidence where the follow-up now has data, and
left a few questions open that the follow-up answers. The file's years are relative to the rounds' dates, so the
story holds whatever day the sample is made. The register lacked two of today's stresses and rated others
differently, and several actions were only planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from resilience_app.core.assessment.labels import DATA_SCALE_NAMES, SOURCE_KIND_NAMES
from resilience_app.core.content.model import Framework
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.register.records import ActionDraft, RegisterItemDraft
from resilience_app.core.sample_register import _load, _text
from resilience_app.core.services import ResilienceService

BASELINE_YEARS = 2
SAMPLE_BASELINE_FILE = Path(__file__).with_name("sample_baseline.yaml")
DEFAULT_SOURCE = "expert_judgement"  # a qualitative answer's source unless the file says otherwise
YEARS_BACK = 15  # the file may name years up to this many before either round's ({baseline_year_minus_15})
CONFIDENCE_STEP_DOWN = {"high": "medium", "medium": "low"}


def round_years(baseline: dt.date, follow_up: dt.date) -> dict[str, int]:
    """The years the file's texts and figures may name, relative to the two rounds' dates."""
    years: dict[str, int] = {}
    for name, year in (("baseline_year", baseline.year), ("follow_up_year", follow_up.year)):
        years[name] = year
        years.update({f"{name}_minus_{back}": year - back for back in range(1, YEARS_BACK + 1)})
    return years


@dataclass(frozen=True)
class Move:
    """A question answered differently at the baseline: its level in each round and why, in every language."""

    level: int  # in the sample (the follow-up)
    baseline: int
    then: dict[str, str]  # the baseline's justification, by language
    now: dict[str, str]  # the sample's, saying why it changed (empty for a move by contribution: the workbook's note says it)
    source_then: str | None = None  # where the kind of source changed between the rounds
    source_now: str | None = None
    by_contribution: bool = False  # the sample's level is set by a department's returned workbook (`sample_contributions`)


@dataclass(frozen=True)
class Figure:
    """A quantitative question's figure and its year in the sample and at the baseline (None: no figure then)."""

    now: tuple[str, int]
    then: tuple[str, int] | None
    source: str | None
    scale: str | None


@dataclass(frozen=True)
class BaselineRound:
    """How the baseline differed as an exercise: its respondent, its wording, its confidence, its open questions
    and its re-judged levels (the follow-up's level minus the baseline's), texts by language."""

    respondent: dict[str, str]
    wording: dict[str, dict[str, str]]  # tier (low, middle, high, dont_know) → text with {department}
    lower_confidence_goals: frozenset[str]
    dont_know_then: frozenset[str]
    rejudged: dict[str, int]
    rejudged_wording: dict[str, dict[str, str]]  # up, down → text with {department}


@dataclass(frozen=True)
class BaselinePlan:
    """What `sample_baseline.yaml` says: the moves, every figure, the qualitative answers' sources and how the
    baseline differed as an exercise."""

    moves: dict[str, Move]
    figures: dict[str, Figure]
    sources: dict[str, str | None]  # question → source kind where not the default; None: left unstated
    baseline: BaselineRound = field(
        default_factory=lambda: BaselineRound({}, {}, frozenset(), frozenset(), {}, {})
    )

    def source_of(self, question_id: str, *, baseline: bool) -> str | None:
        """The kind of source of an answer in a round (a move's own, a figure's, the file's list, or the default)."""
        move = self.moves.get(question_id)
        changed = move and (move.source_then if baseline else move.source_now)
        if changed:
            return changed
        if question_id in self.figures:
            return self.figures[question_id].source
        return self.sources.get(question_id, DEFAULT_SOURCE)


def load_baseline_plan(framework: Framework, years: Mapping[str, int]) -> BaselinePlan:
    """Read and check `sample_baseline.yaml`, its years filled from `years` (`round_years`) in each language's
    digits; every problem is gathered into one ValueError."""
    with SAMPLE_BASELINE_FILE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = YAML(typ="safe", pure=True).load(stream)
    problems: list[str] = []
    known = framework.question_ids

    def dated(where: str, text: str, language: str, **more: str) -> str:
        try:
            return text.format_map({**{name: localise_digits(str(year), language=language) for name, year in years.items()}, **more})
        except (KeyError, ValueError, IndexError) as error:
            problems.append(f"{where}: {language}: unknown or malformed placeholder ({error})")
            return text

    def texts(where: str, value: Any, **more: str) -> dict[str, str]:
        if not isinstance(value, dict) or any(not str(value.get(language) or "").strip() for language in SUPPORTED_LANGUAGES):
            problems.append(f"{where}: a text in every language ({', '.join(SUPPORTED_LANGUAGES)}) is needed")
            return {language: "" for language in SUPPORTED_LANGUAGES}
        return {language: dated(where, str(value[language]).strip(), language, **more) for language in SUPPORTED_LANGUAGES}

    def year(where: str, value: Any) -> int:
        try:
            return int(str(value).format_map(years))
        except (KeyError, ValueError) as error:
            problems.append(f"{where}: a year or a year placeholder expected ({error})")
            return 0

    def source(where: str, value: Any) -> str | None:
        if value is not None and value not in SOURCE_KIND_NAMES:
            problems.append(f"{where}: unknown source kind {value!r} (one of {', '.join(SOURCE_KIND_NAMES)})")
        return str(value) if value is not None else None

    if data.get("schema") != 1:
        problems.append("schema: 1 expected")
    moves: dict[str, Move] = {}
    for question_id, entry in (data.get("moves") or {}).items():
        if question_id not in known:
            problems.append(f"moves: {question_id} is not a question of the framework")
        level, baseline = entry.get("level"), entry.get("baseline")
        if not (isinstance(level, int) and isinstance(baseline, int) and 1 <= level <= 5 and 1 <= baseline <= 5 and 1 <= abs(level - baseline) <= 2):
            problems.append(f"moves: {question_id} needs a level and a baseline level (1 to 5) one or two apart")
            level, baseline = level if isinstance(level, int) else 0, baseline if isinstance(baseline, int) else 0
        moves[question_id] = Move(
            level, baseline, texts(f"moves: {question_id}: then", entry.get("then")), (
                {language: "" for language in SUPPORTED_LANGUAGES} if entry.get("by_contribution") and "now" not in entry  # the workbook's note
                else texts(f"moves: {question_id}: now", entry.get("now"))
            ),
            source(f"moves: {question_id}", entry.get("source_then")), source(f"moves: {question_id}", entry.get("source_now")),
            bool(entry.get("by_contribution", False)),
        )
    figures: dict[str, Figure] = {}
    for question_id, entry in (data.get("figures") or {}).items():
        question = framework.question(question_id)
        if question is None or question.numeric is None:
            problems.append(f"figures: {question_id} is not a quantitative question of the framework")
        if entry.get("scale") is not None and entry["scale"] not in DATA_SCALE_NAMES:
            problems.append(f"figures: {question_id}: unknown scale {entry['scale']!r} (one of {', '.join(DATA_SCALE_NAMES)})")
        now, then = entry.get("now"), entry.get("then")
        figures[question_id] = Figure(
            (str(now[0]), year(f"figures: {question_id}", now[1])), (str(then[0]), year(f"figures: {question_id}", then[1])) if then else None,
            source(f"figures: {question_id}", entry.get("source")), entry.get("scale"),
        )
    sources: dict[str, str | None] = {}
    for kind, question_ids in (data.get("sources") or {}).items():
        for question_id in question_ids:
            if question_id not in known:
                problems.append(f"sources: {question_id} is not a question of the framework")
            sources[question_id] = None if kind == "not_stated" else source(f"sources: {question_id}", kind)
    justifications = [text for move in moves.values() for text in (*move.then.values(), *move.now.values()) if text]
    if len(set(justifications)) != len(justifications):
        problems.append("moves: each justification must be the move's own")
    baseline = _baseline_round(data.get("baseline") or {}, framework, moves, figures, texts, problems)
    if problems:
        raise ValueError(f"{SAMPLE_BASELINE_FILE.name}:\n" + "\n".join(problems))
    return BaselinePlan(moves, figures, sources, baseline)


def _baseline_round(
    data: dict[str, Any], framework: Framework, moves: dict[str, Move], figures: dict[str, Figure], texts: Any, problems: list[str]
) -> BaselineRound:
    """The file's `baseline` section, checked: the questions it names are the framework's, neither moved nor
    quantitative (their levels and texts are the moves' and the figures' own), and re-judged levels cancel out
    within each goal."""
    keep = {"department": "{department}"}  # filled per question when the sample is made
    wording = {tier: texts(f"baseline: wording: {tier}", (data.get("wording") or {}).get(tier), **keep) for tier in ("low", "middle", "high", "dont_know")}
    rejudged_wording = {way: texts(f"baseline: rejudged_wording: {way}", (data.get("rejudged_wording") or {}).get(way), **keep) for way in ("up", "down")}
    goals = {goal.id for goal in framework.goals()}
    lower = frozenset(data.get("lower_confidence_goals") or ())
    problems.extend(f"baseline: lower_confidence_goals: {goal} is not a goal of the framework" for goal in sorted(lower - goals))
    dont_know = frozenset(data.get("dont_know_then") or ())
    rejudged = {str(question_id): change for question_id, change in (data.get("rejudged") or {}).items()}
    goal_of: dict[str, str] = {}
    for goal in framework.goals():
        for indicator in goal.indicators:
            goal_of.update({question.id: goal.id for question in indicator.questions})
    by_goal: dict[str, int] = {}
    for question_id in (*dont_know, *rejudged):
        if question_id not in goal_of:
            problems.append(f"baseline: {question_id} is not a question of the framework")
        elif question_id in moves or question_id in figures:
            problems.append(f"baseline: {question_id} is moved or quantitative; its baseline is the move's or the figure's")
    for question_id, change in rejudged.items():
        if change not in (-1, 1) or question_id in dont_know:
            problems.append(f"baseline: rejudged: {question_id} must move by 1 or -1 and be levelled in both rounds")
        elif question_id in goal_of:
            by_goal[goal_of[question_id]] = by_goal.get(goal_of[question_id], 0) + change
    problems.extend(f"baseline: rejudged: the moves in {goal} do not cancel out" for goal, total in sorted(by_goal.items()) if total)
    return BaselineRound(
        texts("baseline: respondent", data.get("respondent")), wording, lower, dont_know, rejudged, rejudged_wording
    )

# The register two years before: two of today's stresses not yet recognised, one since resolved, some rated lower.
NOT_YET_IN_THE_REGISTER = frozenset({"youth", "riverbed"})
RATED_DIFFERENTLY = {"power-cuts": {"likelihood": 4}, "cost-of-living": {"likelihood": 3}, "heatwave": {"likelihood": 3}}
GONE_SINCE = {
    "kind": "stress",
    "name": {"en": "Fuel shortages", "ar": "نقص الوقود"},
    "likelihood": 3,  # a stress: its trend rating, stable
    "impact": 4,
    "trend": "stable",
}
# What each action's status was two years before, where it differed.
EARLIER_STATUS = {"ongoing": "planned", "completed": "ongoing"}
EARLIER_STATUS_EVERY = 2  # every second action of the inventory had not moved on yet


def add_baseline_register(service: ResilienceService, assessment_id: int) -> None:
    """The baseline's register and actions inventory (no links, overrides, areas or next steps: no workshop then)."""
    data = _load()
    register = service.register
    ids: dict[str, int] = {}
    for entry in (*data["items"], GONE_SINCE):
        key = entry.get("key", "")
        if key in NOT_YET_IN_THE_REGISTER:
            continue
        name = entry.get("name", {})
        rating = {"likelihood": entry["likelihood"], "impact": entry["impact"], **RATED_DIFFERENTLY.get(key, {})}
        draft = RegisterItemDraft(
            kind=entry.get("kind", "shock"),
            hazard_id=entry.get("hazard"),
            name_en=name.get("en", ""),
            name_ar=name.get("ar", ""),
            likelihood=rating["likelihood"],
            impact=rating["impact"],
            trend=entry["trend"],
            goals=tuple(entry.get("goals", ())),
            confidence=entry.get("confidence"),
            sensitive=bool(entry.get("sensitive", False)),
        )
        ids[key] = register.add_item(assessment_id, draft).id
    for number, entry in enumerate(data["actions"]):
        status = entry["status"]
        if number % EARLIER_STATUS_EVERY == 0:
            status = EARLIER_STATUS.get(status, status)
        register.add_action(
            assessment_id,
            ActionDraft(
                title=_text(entry["title"]),
                owner=_text(entry.get("owner")),
                status=status,
                goals=tuple(entry.get("goals", ())),
                item_ids=tuple(ids[key] for key in entry.get("items", ()) if key in ids),
                qualities=tuple(entry.get("qualities", ())),
            ),
        )

