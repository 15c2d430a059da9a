"""`kind: framework`: the framework's levels, qualities, dimensions and goals (its indicators come in their own files)."""

from __future__ import annotations

from typing import Any

from resilience_app.core.content.loading.fields import FileReader, texts_with_id
from resilience_app.core.content.model import Dimension, Framework, Goal, Quality
from resilience_app.core.content.yaml_source import YamlMapping, line_of


def read_framework(reader: FileReader, document: YamlMapping) -> Framework | None:
    reader.mapping(
        document, line_of(document), None,
        required=("schema", "kind", "id", "version", "name", "description", "levels", "qualities", "dimensions"),
    )
    framework_id = reader.identifier(document)
    version = reader.string(document, "version", framework_id)
    name = reader.text(document, "name", framework_id)
    description = reader.text(document, "description", framework_id)
    levels = reader.levels(document, "levels", framework_id, (1, 2, 3, 4, 5))
    qualities = texts_with_id(reader, document, "qualities", ("name", "description"), Quality)
    dimensions = []
    for entry, line in reader.items(document, "dimensions", framework_id):
        dimension = reader.mapping(entry, line, None, required=("id", "name", "goals"))
        if dimension is None:
            continue
        dimension_id = reader.identifier(dimension)
        dimension_name = reader.text(dimension, "name", dimension_id)
        goals = [goal for goal_entry, goal_line in reader.items(dimension, "goals", dimension_id) if (goal := _read_goal(reader, goal_entry, goal_line))]
        if dimension_id and dimension_name:
            dimensions.append(Dimension(dimension_id, dimension_name, tuple(goals)))
    if framework_id and version and name and description and levels:
        return Framework(framework_id, version, name, description, levels, tuple(qualities), tuple(dimensions))
    return None


def _read_goal(reader: FileReader, entry: Any, line: int | None) -> Goal | None:
    goal = reader.mapping(entry, line, None, required=("id", "number", "name", "outcome"))
    if goal is None:
        return None
    goal_id = reader.identifier(goal)
    number = reader.number(goal, "number", goal_id)
    name, outcome = reader.text(goal, "name", goal_id), reader.text(goal, "outcome", goal_id)
    if goal_id and number is not None and name and outcome:
        return Goal(goal_id, int(number), name, outcome)
    return None
