"""`kind: glossary`: the terms and their notes."""

from __future__ import annotations

from resilience_app.core.content.loading.fields import FileReader, texts_with_id
from resilience_app.core.content.model import GlossaryTerm
from resilience_app.core.content.yaml_source import YamlMapping, line_of


def read_glossary(reader: FileReader, document: YamlMapping) -> list[GlossaryTerm]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "terms"))
    return texts_with_id(reader, document, "terms", ("term", "note"), GlossaryTerm)
