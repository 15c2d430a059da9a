"""`kind: hazards`: the hazard catalogue, its categories and the goals each hazard bears on."""

from __future__ import annotations

from resilience_app.core.content.loading.fields import FileReader, texts_with_id
from resilience_app.core.content.model import Hazard, HazardCategory, HazardKind
from resilience_app.core.content.yaml_source import YamlMapping, line_of

HAZARD_KINDS: tuple[HazardKind, ...] = ("shock", "stress")


def read_hazards(reader: FileReader, document: YamlMapping) -> tuple[list[HazardCategory], list[Hazard]]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "categories", "hazards"))
    categories = texts_with_id(reader, document, "categories", ("name",), HazardCategory)
    hazards = []
    for entry, line in reader.items(document, "hazards", None):
        hazard = reader.mapping(entry, line, None, required=("id", "kind", "category", "name", "description", "goals"))
        if hazard is None:
            continue
        hazard_id = reader.identifier(hazard)
        kind = reader.choice(hazard, "kind", hazard_id, HAZARD_KINDS)
        category_id = reader.reference(hazard, "category", hazard_id, "category")
        name, description = reader.text(hazard, "name", hazard_id), reader.text(hazard, "description", hazard_id)
        goals = reader.reference_list(hazard, "goals", hazard_id, "goal")
        if hazard_id and kind and category_id and name and description:
            hazards.append(Hazard(hazard_id, kind, category_id, name, description, goals))
    return categories, hazards
