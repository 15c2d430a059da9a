"""`kind: indicators`: the indicators of one goal and their questions, attached to the framework once all files are read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resilience_app.core.content.loading.fields import FileReader, Reference, describe
from resilience_app.core.content.loading.question_references import referenced_question_ids
from resilience_app.core.content.model import BetterDirection, Indicator, NumericScale, Question
from resilience_app.core.content.yaml_source import YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.formatting import PLURAL_CATEGORIES
from resilience_app.core.i18n import _

BETTER_DIRECTIONS: tuple[BetterDirection, ...] = ("higher", "lower")


@dataclass
class IndicatorFile:
    """The indicators one file gives a goal of a framework."""

    file: Path
    line: int | None
    framework_id: str
    goal_id: str
    indicators: list[Indicator]


def read_indicator_file(reader: FileReader, document: YamlMapping) -> IndicatorFile | None:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "framework", "goal", "indicators"))
    framework_id = reader.reference(document, "framework", None, "framework")
    goal_id = reader.reference(document, "goal", None, "goal")
    indicators = []
    for entry, line in reader.items(document, "indicators", goal_id):
        indicator = reader.mapping(entry, line, None, required=("id", "number", "name", "questions"))
        if indicator is None:
            continue
        indicator_id = reader.identifier(indicator)
        number = reader.string(indicator, "number", indicator_id)
        name = reader.text(indicator, "name", indicator_id)
        questions = [question for question_entry, question_line in reader.items(indicator, "questions", indicator_id) if (question := _read_question(reader, question_entry, question_line))]
        if indicator_id and number and name:
            indicators.append(Indicator(indicator_id, number, name, tuple(questions)))
    if framework_id and goal_id:
        return IndicatorFile(reader.path, line_of(document, "goal"), framework_id, goal_id, indicators)
    return None


def _read_question(reader: FileReader, entry: Any, line: int | None) -> Question | None:
    question = reader.mapping(
        entry, line, None,
        required=("id", "prompt", "guidance", "who_knows", "scenarios", "qualities"),
        optional=("numeric", "mandate_often_national"),
    )
    if question is None:
        return None
    question_id = reader.identifier(question)
    prompt = reader.text(question, "prompt", question_id)
    guidance = reader.text(question, "guidance", question_id)
    who_knows = reader.text(question, "who_knows", question_id)
    scenarios = reader.levels(question, "scenarios", question_id, (1, 2, 3, 4, 5))
    qualities = reader.reference_list(question, "qualities", question_id, "quality")
    numeric = _read_numeric(reader, question.get("numeric"), line_of(question, "numeric"), question_id) if "numeric" in question else None
    national = _flag(reader, question, "mandate_often_national", question_id)
    if question_id and prompt and guidance and who_knows and scenarios:
        texts = (prompt, guidance, who_knows, *scenarios.values())
        for named in dict.fromkeys(referenced_question_ids(iter(texts))):
            reader.collector.references.append(Reference(reader.path, line, question_id, named, "question"))
        return Question(question_id, prompt, guidance, who_knows, scenarios, qualities, numeric, mandate_often_national=national)
    return None


def _flag(reader: FileReader, container: YamlMapping, key: str, item_id: str | None) -> bool:
    """An optional yes/no field: true or false, absent meaning false."""
    value = container.get(key, False)
    if not isinstance(value, bool):
        reader.report(ProblemCode.WRONG_TYPE, line_of(container, key), item_id, field=key, expected=_("true or false"), found=describe(value))
        return False
    return value


def _read_numeric(reader: FileReader, entry: Any, line: int | None, item_id: str | None) -> NumericScale | None:
    numeric = reader.mapping(entry, line, item_id, required=("unit", "better", "thresholds"), optional=("minimum", "maximum", "counted"))
    if numeric is None:
        return None
    unit = reader.text(numeric, "unit", item_id)
    better = reader.choice(numeric, "better", item_id, BETTER_DIRECTIONS)
    thresholds = numeric.get("thresholds")
    values = [value for value in thresholds if isinstance(value, (int, float)) and not isinstance(value, bool)] if isinstance(thresholds, list) else []
    order_ok = isinstance(thresholds, list) and len(values) == 4 == len(thresholds) and (
        values == sorted(values) if better == "higher" else values == sorted(values, reverse=True)
    )
    if better and not order_ok:
        reader.report(ProblemCode.BAD_THRESHOLDS, line_of(numeric, "thresholds"), item_id, order=_("increasing") if better == "higher" else _("decreasing"))
    minimum, maximum = reader.number(numeric, "minimum", item_id), reader.number(numeric, "maximum", item_id)
    counted = _read_counted(reader, numeric, item_id) if "counted" in numeric else {}
    if unit and better and order_ok and counted is not None:
        return NumericScale(unit, better, (values[0], values[1], values[2], values[3]), minimum, maximum, counted)
    return None


def _read_counted(reader: FileReader, numeric: YamlMapping, item_id: str | None) -> dict[str, dict[str, str]] | None:
    """The unit's Arabic counted forms by CLDR plural category (`counted: {ar: {few: أيام, many: يومًا}}`); None when
    any is wrong, each wrong one reported at its line. Only Arabic: English writes its unit in the plural already."""
    reported = len(reader.collector.problems)
    counted = reader.mapping(numeric.get("counted"), line_of(numeric, "counted"), item_id, required=(), optional=("ar",))
    by_category = reader.mapping(counted.get("ar"), line_of(counted, "ar"), item_id, required=(), optional=PLURAL_CATEGORIES) if counted and "ar" in counted else None
    forms: dict[str, str] = {}
    for category, form in (by_category or {}).items():
        if category in PLURAL_CATEGORIES and (not isinstance(form, str) or not form.strip()):
            found = _("empty text") if isinstance(form, str) else describe(form)
            reader.report(ProblemCode.WRONG_TYPE, line_of(by_category, category), item_id, field=category, expected=_("text"), found=found)
        elif category in PLURAL_CATEGORIES:
            forms[str(category)] = " ".join(form.split())
    # An unknown category or language is reported by `mapping`, with the name it most resembles ("fwe" → "few").
    return ({"ar": forms} if forms else {}) if len(reader.collector.problems) == reported else None
