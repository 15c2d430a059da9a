"""Putting together what every file gave: each goal's indicators in place, every reference resolved."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from resilience_app.core.content.loading.fields import Collector, FileReader
from resilience_app.core.content.loading.indicators import IndicatorFile
from resilience_app.core.content.loading.question_references import with_question_numbers
from resilience_app.core.content.model import (
    BalanceCheck,
    Content,
    Crosswalk,
    Dimension,
    Framework,
    GlossaryTerm,
    Goal,
    Hazard,
    HazardCategory,
    Indicator,
    Sector,
)
from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.i18n import N_, _

_TARGET_NAMES = {
    "framework": N_("framework"), "goal": N_("goal"), "quality": N_("quality"), "category": N_("category"), "indicator": N_("indicator"),
    "question": N_("question"),
}


@dataclass
class Pieces:
    """What the files gave, kind by kind, before it is put together."""

    frameworks: list[Framework] = field(default_factory=list)
    indicator_files: list[IndicatorFile] = field(default_factory=list)
    hazard_categories: list[HazardCategory] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    balance_checks: list[BalanceCheck] = field(default_factory=list)
    crosswalks: list[Crosswalk] = field(default_factory=list)


def assemble(pieces: Pieces, collector: Collector) -> Content:
    """The content of `pieces`, each reference to an id it does not hold reported to `collector`."""
    frameworks = [_attach_indicators(framework, pieces.indicator_files) for framework in pieces.frameworks]
    known = {
        "framework": {framework.id for framework in frameworks},
        "goal": {goal.id for framework in frameworks for goal in framework.goals()},
        "quality": {quality.id for framework in frameworks for quality in framework.qualities},
        "category": {category.id for category in pieces.hazard_categories},
        "indicator": {indicator.id for framework in frameworks for indicator in framework.indicators()},
        "question": {question.id for framework in frameworks for question in framework.questions()},
    }
    for reference in collector.references:
        if reference.target_id not in known[reference.target]:
            close = difflib.get_close_matches(reference.target_id, sorted(known[reference.target]), n=1)
            FileReader(reference.file, collector).report(
                ProblemCode.UNKNOWN_REFERENCE, reference.line, reference.item_id,
                id=reference.target_id, target=_(_TARGET_NAMES[reference.target]), suggestion=close[0] if close else None,
            )
    frameworks = [with_question_numbers(framework) for framework in frameworks]
    return Content(
        tuple(frameworks), tuple(pieces.hazard_categories), tuple(pieces.hazards), tuple(pieces.glossary), tuple(pieces.sectors), tuple(pieces.balance_checks),
        tuple(pieces.crosswalks),
    )


def _attach_indicators(framework: Framework, indicator_files: list[IndicatorFile]) -> Framework:
    """The framework with each goal's indicators taken from the indicator files that name it."""
    by_goal: dict[str, list[Indicator]] = {}
    for indicator_file in indicator_files:
        if indicator_file.framework_id == framework.id:
            by_goal.setdefault(indicator_file.goal_id, []).extend(indicator_file.indicators)
    dimensions = tuple(
        Dimension(
            dimension.id,
            dimension.name,
            tuple(
                Goal(goal.id, goal.number, goal.name, goal.outcome, tuple(by_goal.get(goal.id, ())))
                for goal in dimension.goals
            ),
        )
        for dimension in framework.dimensions
    )
    return Framework(framework.id, framework.version, framework.name, framework.description, framework.levels, framework.qualities, dimensions)
