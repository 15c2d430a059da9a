"""The content as immutable values: a framework (dimensions, goals, indicators, questions),
the seven qualities, the hazard catalogue and the glossary."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from resilience_app.core.formatting import localise_digits, localise_text_digits, plural_category, with_unit
from resilience_app.core.i18n import DEFAULT_LANGUAGE, current_language

BetterDirection = Literal["higher", "lower"]  # which way a numeric answer improves
HazardKind = Literal["shock", "stress"]
# What an entry is to the city: a pressure on it, a shortfall of its own capacity that an indicator
# already measures, an impact of other items, or a driver of their trends (forms/README.md).
HazardNature = Literal["pressure", "vulnerability", "impact", "driver"]

@dataclass(frozen=True)
class Text:
    """One user-visible text in every supported language."""

    translations: Mapping[str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "translations", MappingProxyType(dict(self.translations)))

    def in_language(self, language: str | None = None) -> str:
        """The text in `language`; in Arabic its numbers in the digits Arabic text is shown with («لكل ١٠ آلاف»)."""
        lang = language or current_language()
        text = self.translations.get(lang) or self.translations.get(DEFAULT_LANGUAGE, "")
        return localise_text_digits(text, language="ar") if lang == "ar" and lang in self.translations else text

    def __str__(self) -> str:
        return self.in_language()

    def as_dict(self) -> dict[str, str]:
        return dict(self.translations)


@dataclass(frozen=True)
class Quality:
    id: str
    name: Text
    description: Text


@dataclass(frozen=True)
class NumericScale:
    """A quantitative answer and the thresholds that place a value on the five levels."""

    unit: Text
    better: BetterDirection
    thresholds: tuple[float, float, float, float]
    minimum: float | None = None
    maximum: float | None = None
    # The unit's counted noun agreeing with the figure, by language and CLDR plural category (only Arabic has them:
    # «٣ أيام», «١١ يومًا», «١٠٠ يوم»); a category not given takes `unit`.
    counted: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counted", MappingProxyType({language: MappingProxyType(dict(forms)) for language, forms in self.counted.items()}))

    def unit_for(self, value: float | int | Decimal, language: str | None = None) -> str:
        """The unit as it reads after `value`: its counted form for the value's plural category («٨ أيام», «٧٥ يومًا»,
        a fraction taking the plural: «٩٫٣ أيام»); `unit` itself when no form is given or the unit is a share («٪ من الأسر»)."""
        lang = language or current_language()
        return self._counted_form(value, lang) or self.unit.in_language(lang)

    def figure(self, value: float | int | Decimal, number: str, language: str | None = None) -> str:
        """A value with its unit, as every figure is printed: `number` is the value already written in the language's
        digits. Arabic says one and two with the noun alone, never a digit before it, so a `one` or `two` form is the
        whole figure («يومان», «مكان واحد لكل ١٠٠ …»), as CLDR's own Arabic unit patterns write them."""
        lang = language or current_language()
        form = self._counted_form(value, lang)
        if form and plural_category(value, language=lang) in ("one", "two"):
            return form
        return with_unit(number, form or self.unit.in_language(lang))

    def _counted_form(self, value: float | int | Decimal, language: str) -> str | None:
        unit = self.unit.translations.get(language, "")
        form = self.counted.get(language, {}).get(plural_category(value, language=language))
        if not form or unit.startswith(("%", "٪")):
            return None
        return localise_text_digits(form, language=language) if language == "ar" else form

    def level_for(self, value: float) -> int:
        """The level 1..5 a value reaches: each threshold passed adds one level."""
        if self.better == "higher":
            return 1 + sum(value >= threshold for threshold in self.thresholds)
        return 1 + sum(value <= threshold for threshold in self.thresholds)


@dataclass(frozen=True)
class Question:
    id: str
    prompt: Text
    guidance: Text
    who_knows: Text
    scenarios: Mapping[int, Text]
    qualities: tuple[str, ...]
    numeric: NumericScale | None = None
    # The service is usually run by a ministry, not the city (ambulances, water quality): "not applicable" is
    # then the wrong answer, and the question screen says to answer with national data and lower confidence.
    mandate_often_national: bool = False


@dataclass(frozen=True)
class Indicator:
    id: str
    number: str
    name: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Goal:
    id: str
    number: int
    name: Text
    outcome: Text
    indicators: tuple[Indicator, ...] = ()


@dataclass(frozen=True)
class Dimension:
    id: str
    name: Text
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class Placement:
    dimension: Dimension
    goal: Goal
    indicator: Indicator
    number: str


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    name: Text
    description: Text
    levels: Mapping[int, Text]
    qualities: tuple[Quality, ...]
    dimensions: tuple[Dimension, ...]

    def goals(self) -> Iterator[Goal]:
        for dimension in self.dimensions:
            yield from dimension.goals

    def indicators(self) -> Iterator[Indicator]:
        for goal in self.goals():
            yield from goal.indicators

    def questions(self) -> Iterator[Question]:
        for indicator in self.indicators():
            yield from indicator.questions

    @cached_property
    def _questions_by_id(self) -> Mapping[str, Question]:
        return MappingProxyType({question.id: question for question in self.questions()})

    @cached_property
    def _placements(self) -> Mapping[str, Placement]:
        return MappingProxyType(
            {
                question.id: Placement(dimension, goal, indicator, f"{indicator.number}.{position}")
                for dimension in self.dimensions
                for goal in dimension.goals
                for indicator in goal.indicators
                for position, question in enumerate(indicator.questions, start=1)
            }
        )

    def placement(self, question_id: str) -> Placement:
        """Where a question sits: its dimension, goal, indicator and display number ("1.1.2")."""
        return self._placements[question_id]

    def goal(self, goal_id: str) -> Goal | None:
        return next((goal for goal in self.goals() if goal.id == goal_id), None)

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(self._questions_by_id)

    @property
    def question_count(self) -> int:
        return len(self._questions_by_id)


@dataclass(frozen=True)
class HazardCategory:
    id: str
    name: Text


@dataclass(frozen=True)
class Hazard:
    """An entry of the catalogue of shocks (sudden events) and stresses (chronic pressures)."""

    id: str
    kind: HazardKind
    category: str
    name: Text
    description: Text
    goals: tuple[str, ...]
    nature: HazardNature = "pressure"
    # For a vulnerability: the goals whose indicators measure the shortfall (its own goals), where it
    # is not counted as pressure when discovery areas are proposed.
    mirrors: tuple[str, ...] = ()

    def pressure_goals(self, goals: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The goals among `goals` (by default its own links) it counts as pressure on: all but those it mirrors."""
        linked = self.goals if goals is None else goals
        return tuple(goal for goal in linked if goal not in self.mirrors)


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: Text
    note: Text


@dataclass(frozen=True)
class Sector:
    """A part of society a workshop should hear from, and what the field warns is lost without it."""

    id: str
    name: Text
    minimum_share: float  # percent of the participants below which the sector is thin
    gap: Text  # what goes unseen when the sector is missing or thin


BALANCE_IDS = ("women", "youth")


@dataclass(frozen=True)
class BalanceCheck:
    """A balance the room should keep across sectors: women, young people."""

    id: str  # one of BALANCE_IDS
    name: Text
    minimum_share: float
    gap: Text


CROSSWALK_FITS = ("full", "partial", "thin")  # an item's fit: its subject is covered wholly, in part, or hardly


@dataclass(frozen=True)
class CrosswalkItem:
    """One item of an external framework (a UNDRR essential, a Sendai target, an SDG 11 target)."""

    id: str
    number: Text  # its short reference as the framework writes it in each language ("A" and "أ", "11.5")
    name: Text
    fit: str = "full"  # one of CROSSWALK_FITS: how much of the item the mapped indicators cover, as the authors judge it
    no_level: bool = False  # an outcome the framework does not measure (Sendai's loss targets): indicators listed, no mean level

    def reference(self, language: str | None = None) -> str:
        """The short reference as shown: in Arabic with Arabic-Indic digits and its full stop kept ("١١.٥", never "١١٫٥")."""
        lang = language or current_language()
        return localise_digits(self.number.translations.get(lang) or self.number.translations.get(DEFAULT_LANGUAGE, ""), language=lang)


@dataclass(frozen=True)
class CrosswalkMapping:
    """The items of an external framework that one of our indicators corresponds to, thematically."""

    indicator_id: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Crosswalk:
    """An external framework's items and which of the framework's indicators correspond to each.

    A correspondence of subject, never an equivalence of measure: levels stay on the framework's own scale.
    """

    id: str
    version: str
    framework_id: str  # the framework whose indicators are mapped
    name: Text
    description: Text
    notes: Text | None
    items: tuple[CrosswalkItem, ...]
    mappings: tuple[CrosswalkMapping, ...]

    def indicators_of(self, item_id: str) -> tuple[str, ...]:
        """The indicators mapped to an item, in the order the file lists them."""
        return tuple(mapping.indicator_id for mapping in self.mappings if item_id in mapping.item_ids)

    def item(self, item_id: str) -> CrosswalkItem | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass(frozen=True)
class Content:
    frameworks: tuple[Framework, ...] = ()
    hazard_categories: tuple[HazardCategory, ...] = ()
    hazards: tuple[Hazard, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = field(default=())
    sectors: tuple[Sector, ...] = ()
    balance_checks: tuple[BalanceCheck, ...] = ()
    crosswalks: tuple[Crosswalk, ...] = ()

    def crosswalk(self, crosswalk_id: str) -> Crosswalk | None:
        return next((crosswalk for crosswalk in self.crosswalks if crosswalk.id == crosswalk_id), None)

    def framework(self, framework_id: str) -> Framework | None:
        return next((framework for framework in self.frameworks if framework.id == framework_id), None)

    @property
    def default_framework(self) -> Framework | None:
        return self.frameworks[0] if self.frameworks else None
