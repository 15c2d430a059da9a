"""`kind: hazards`: the hazard catalogue, its categories and the goals each hazard bears on."""

from __future__ import annotations

from resilience_app.core.content.loading.fields import FileReader, texts_with_id
from resilience_app.core.content.model import Hazard, HazardCategory, HazardKind, HazardNature
from resilience_app.core.content.yaml_source import YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode

HAZARD_KINDS: tuple[HazardKind, ...] = ("shock", "stress")
HAZARD_NATURES: tuple[HazardNature, ...] = ("pressure", "vulnerability", "impact", "driver")


def read_hazards(reader: FileReader, document: YamlMapping) -> tuple[list[HazardCategory], list[Hazard]]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "categories", "hazards"), optional=("version",))
    reader.string(document, "version", None)
    categories = texts_with_id(reader, document, "categories", ("name",), HazardCategory)
    hazards = []
    for entry, line in reader.items(document, "hazards", None):
        hazard = reader.mapping(
            entry, line, None, required=("id", "kind", "category", "name", "description", "goals"), optional=("nature", "mirrors")
        )
        if hazard is None:
            continue
        hazard_id = reader.identifier(hazard)
        kind = reader.choice(hazard, "kind", hazard_id, HAZARD_KINDS)
        nature = reader.choice(hazard, "nature", hazard_id, HAZARD_NATURES) if "nature" in hazard else "pressure"
        category_id = reader.reference(hazard, "category", hazard_id, "category")
        name, description = reader.text(hazard, "name", hazard_id), reader.text(hazard, "description", hazard_id)
        goals = reader.reference_list(hazard, "goals", hazard_id, "goal")
        mirrors = _mirrors(reader, hazard, hazard_id, nature, goals)
        if hazard_id and kind and nature and category_id and name and description:
            hazards.append(Hazard(hazard_id, kind, category_id, name, description, goals, nature=nature, mirrors=mirrors))
    return categories, hazards


def _mirrors(reader: FileReader, hazard: YamlMapping, hazard_id: str | None, nature: HazardNature | None, goals: tuple[str, ...]) -> tuple[str, ...]:
    """A vulnerability names the goals whose indicators measure it, among its own goals; nothing else names any."""
    if nature is None:  # already reported
        return ()
    if nature != "vulnerability":
        if "mirrors" in hazard:
            line = line_of(hazard, "nature") or line_of(hazard, "mirrors")
            reader.report(ProblemCode.INVALID_VALUE, line, hazard_id, field="nature", found=nature, expected="vulnerability")
        return ()
    if "mirrors" not in hazard:
        reader.report(ProblemCode.MISSING_FIELD, line_of(hazard, "nature"), hazard_id, field="mirrors")
        return ()
    mirrors = []
    for goal, line in reader.items(hazard, "mirrors", hazard_id):
        if goal not in goals:
            reader.report(ProblemCode.INVALID_VALUE, line, hazard_id, field="mirrors", found=goal, expected=", ".join(goals))
        else:
            mirrors.append(goal)
    return tuple(mirrors)
