"""What makes a register item, an action, a discovery area or a next step acceptable, with messages a user can act on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from resilience_app.core.assessment.answer_rules import CONFIDENCES, is_level
from resilience_app.core.content.model import Hazard
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import _, isolate
from resilience_app.core.register.labels import ACTION_STATUS_NAMES, AREA_STATUS_NAMES, NEXT_STEP_STATUS_NAMES
from resilience_app.core.register.ranking import TRENDS, trend_of_rating
from resilience_app.core.register.records import ActionDraft, DiscoveryAreaDraft, NextStepDraft, RegisterItemDraft
from resilience_app.core.search_text import normalise_for_search
from resilience_app.core.text_rules import strip_texts, text_problems, title_problem, too_long

MAX_NAME_LENGTH = 200
MAX_TITLE_LENGTH = 300
MAX_TEXT_LENGTH = 20_000
MAX_STEP_LENGTH = 500
FIRST_DUE_YEAR, LAST_DUE_YEAR = 1900, 2200  # a step's due date: one a spreadsheet can show
MAX_PHASE_TWO_LINES = 100  # points in each of an area's questions, data needed and partners (each line is printed as one)
PHASE_TWO_FIELDS = ("questions", "data_needed", "partners")  # of a discovery area


def _unknown_ids(given: Iterable[object], known: Iterable[object]) -> bool:
    return bool(set(given) - set(known))


def item_names(draft: RegisterItemDraft, catalogue: dict[str, Hazard]) -> tuple[str, ...]:
    """Every name the item goes by, in any language."""
    if draft.hazard_id and draft.hazard_id in catalogue:
        return tuple(catalogue[draft.hazard_id].name.translations.values())
    return tuple(name for name in (draft.name_en, draft.name_ar) if name)


def clean_item(
    draft: RegisterItemDraft,
    *,
    catalogue: dict[str, Hazard],
    goal_ids: Iterable[str],
    others: Iterable[RegisterItemDraft] = (),
) -> RegisterItemDraft:
    """The item ready to store; raises `InvalidInputError` naming each field that is not.

    `others` are the register's other items: the same catalogue entry, or a name any of
    them already goes by (ignoring case, Arabic diacritics and letter variants), is a duplicate.
    """
    broken = text_problems(draft)
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    if draft.hazard_id is not None:
        hazard = catalogue.get(draft.hazard_id)
        if hazard is None:
            problems["hazard_id"] = _("“{id}” is not in the catalogue of shocks and stresses.").format(id=isolate(draft.hazard_id))
        else:
            draft = dataclasses.replace(draft, kind=hazard.kind, name_en="", name_ar="")
    elif not (draft.name_en or draft.name_ar):
        problems["name"] = _("Give the item a name, in English, in Arabic or in both.")
    for field in ("name_en", "name_ar"):
        if message := too_long(getattr(draft, field), MAX_NAME_LENGTH):
            problems[field] = message
    if draft.kind not in ("shock", "stress"):
        problems["kind"] = _("Choose whether it is a shock or a stress.")
    problems.update(rating_problems(draft))
    if draft.kind == "stress" and "likelihood" not in problems:  # its trend follows its trend rating, never asked twice
        draft = dataclasses.replace(draft, trend=trend_of_rating(draft.likelihood))
    if draft.trend not in TRENDS:
        problems["trend"] = _("Choose rising, stable, falling or unknown.")
    if draft.confidence is not None and draft.confidence not in CONFIDENCES:
        problems["confidence"] = _("Choose low, medium or high confidence.")
    if _unknown_ids(draft.goals, goal_ids):
        problems["goals"] = _("Choose goals of the framework.")
    for field in ("scenario_probable", "scenario_severe", "systems", "groups_affected", "notes"):
        if message := too_long(getattr(draft, field), MAX_TEXT_LENGTH):
            problems[field] = message
    problems.update(broken)
    if not problems and _is_duplicate(draft, catalogue, others):
        problems["name" if draft.hazard_id is None else "hazard_id"] = _("This shock or stress is already in the register.")
    if problems:
        raise InvalidInputError(problems)
    return dataclasses.replace(draft, goals=tuple(dict.fromkeys(draft.goals)))


def rating_problems(draft: RegisterItemDraft) -> dict[str, str]:
    """Each of the item's two ratings that is given but not a level from 1 to 5, with a message naming the rating
    as its kind calls it (a stress's trend and severity are stored as its likelihood and impact)."""
    if draft.kind == "stress":
        messages = {"likelihood": _("Choose a trend from 1 (easing fast) to 5 (worsening fast)."),
                    "impact": _("Choose a severity from 1 (negligible) to 5 (severe).")}
    else:
        messages = {"likelihood": _("Choose a likelihood from 1 (rare) to 5 (almost certain)."),
                    "impact": _("Choose an impact from 1 (negligible) to 5 (severe).")}
    return {field: message for field, message in messages.items()
            if getattr(draft, field) is not None and not is_level(getattr(draft, field))}


def _comparable(name: str) -> str:
    return " ".join(normalise_for_search(name).split())


def _is_duplicate(draft: RegisterItemDraft, catalogue: dict[str, Hazard], others: Iterable[RegisterItemDraft]) -> bool:
    names = {_comparable(name) for name in item_names(draft, catalogue)}
    for other in others:
        if draft.hazard_id is not None and other.hazard_id == draft.hazard_id:
            return True
        if names & {_comparable(name) for name in item_names(other, catalogue)}:
            return True
    return False


def _link_problems(goals: Iterable[str], goal_ids: Iterable[str], items: Iterable[int], item_ids: Iterable[int]) -> dict[str, str]:
    """What is wrong with the goals and register items an action or a discovery area names."""
    problems = {}
    if _unknown_ids(goals, goal_ids):
        problems["goals"] = _("Choose goals of the framework.")
    if _unknown_ids(items, item_ids):
        problems["item_ids"] = _("Choose shocks and stresses that are in the register.")
    return problems


def clean_action(draft: ActionDraft, *, goal_ids: Iterable[str], item_ids: Iterable[int], quality_ids: Iterable[str]) -> ActionDraft:
    broken = text_problems(draft)
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    if message := title_problem(draft.title, _("Give the action a title, such as the name of the plan or project."), MAX_TITLE_LENGTH):
        problems["title"] = message
    for field in ("owner", "budget_source"):
        if message := too_long(getattr(draft, field), MAX_TITLE_LENGTH):
            problems[field] = message
    if message := too_long(draft.timeframe, 100):
        problems["timeframe"] = message
    if draft.status not in ACTION_STATUS_NAMES:
        problems["status"] = _("Choose planned, ongoing, completed or on hold.")
    problems.update(_link_problems(draft.goals, goal_ids, draft.item_ids, item_ids))
    if _unknown_ids(draft.qualities, quality_ids):
        problems["qualities"] = _("Choose qualities of the framework.")
    if message := too_long(draft.notes, MAX_TEXT_LENGTH):
        problems["notes"] = message
    problems.update(broken)
    if problems:
        raise InvalidInputError(problems)
    return draft


def clean_area(draft: DiscoveryAreaDraft, *, goal_ids: Iterable[str], item_ids: Iterable[int]) -> DiscoveryAreaDraft:
    broken = text_problems(draft, "title", "rationale", *PHASE_TWO_FIELDS)
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    if message := title_problem(draft.title, _("Give the discovery area a title."), MAX_TITLE_LENGTH):
        problems["title"] = message
    if "\n" in draft.rationale or len(draft.rationale) > 500:
        problems["rationale"] = _("Keep the rationale to one line (under 500 characters).")
    if draft.status not in AREA_STATUS_NAMES:
        problems["status"] = _("Choose proposed, accepted or rejected.")
    problems.update(_link_problems(draft.goals, goal_ids, draft.item_ids, item_ids))
    for field in PHASE_TWO_FIELDS:
        text = getattr(draft, field)
        if message := too_long(text, MAX_TEXT_LENGTH):
            problems[field] = message
        elif text.count("\n") >= MAX_PHASE_TWO_LINES:
            problems[field] = _("Keep this to {count} lines or fewer: each line is one point of the assessment's list.").format(
                count=format_number(MAX_PHASE_TWO_LINES))
    problems.update(broken)
    if problems:
        raise InvalidInputError(problems)
    return draft


def clean_next_step(draft: NextStepDraft, *, area_ids: Iterable[int]) -> NextStepDraft:
    """The step ready to store; `area_ids` are the assessment's discovery areas, the only ones it may name."""
    broken = text_problems(draft)
    draft = strip_texts(draft)
    problems: dict[str, str] = {}
    if message := title_problem(draft.what, _("Say what is to be done."), MAX_STEP_LENGTH):
        problems["what"] = message
    if message := too_long(draft.owner, MAX_TITLE_LENGTH):
        problems["owner"] = message
    if draft.status not in NEXT_STEP_STATUS_NAMES:
        problems["status"] = _("Choose planned, under way or done.")
    if draft.due is not None and not FIRST_DUE_YEAR <= draft.due.year <= LAST_DUE_YEAR:
        problems["due"] = _("Choose a date between {first} and {last}.").format(
            first=localise_digits(str(FIRST_DUE_YEAR)), last=localise_digits(str(LAST_DUE_YEAR)))  # years: no thousands separator
    if draft.area_id is not None and draft.area_id not in set(area_ids):
        problems["area_id"] = _("Choose a discovery area of this assessment, or none.")
    problems.update(broken)
    if problems:
        raise InvalidInputError(problems)
    return draft
