"""The one validating loader for `forms/**/*.yaml`.

It never stops at the first problem: every file is read, every field checked,
every cross-reference resolved, and all problems are returned together with
their code, severity, file, line, item id and hint. Content is built only from
what passed; callers refuse to use content that has errors.

This module reads each file and hands it to the reader of its kind; the readers,
the field checks and the assembly are in `core/content/loading/`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from resilience_app.core.content.loading.assembly import Pieces, assemble
from resilience_app.core.content.loading.crosswalks import NAMESPACE as CROSSWALK_NAMESPACE
from resilience_app.core.content.loading.crosswalks import read_crosswalk
from resilience_app.core.content.loading.fields import Collector, FileReader, describe
from resilience_app.core.content.loading.files import ContentFileRefused, content_files, read_yaml
from resilience_app.core.content.loading.framework import read_framework
from resilience_app.core.content.loading.glossary import read_glossary
from resilience_app.core.content.loading.hazards import read_hazards
from resilience_app.core.content.loading.indicators import read_indicator_file
from resilience_app.core.content.loading.stakeholders import read_stakeholders
from resilience_app.core.content.model import Content
from resilience_app.core.content.problems import Problem, Severity
from resilience_app.core.content.yaml_source import YamlFailure, YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode

__all__ = ["KINDS", "SCHEMA_VERSION", "ContentLoadResult", "content_files", "load_content"]

SCHEMA_VERSION = 1

# Ids are unique within each namespace; indicator files share the framework's.
_NAMESPACES = {"framework": "framework", "indicators": "framework", "hazards": "hazards", "glossary": "glossary", "stakeholders": "stakeholders", "crosswalk": CROSSWALK_NAMESPACE}
KINDS = ("framework", "indicators", "hazards", "glossary", "stakeholders", "crosswalk")


@dataclass(frozen=True)
class ContentLoadResult:
    content: Content
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_content(paths: Iterable[Path]) -> ContentLoadResult:
    """Read, validate and build all content below `paths`, collecting every problem."""
    collector, pieces = Collector(), Pieces()
    paths = list(paths)
    files = content_files(paths)
    if not files:
        for path in paths:
            FileReader(path, collector).report(ProblemCode.NO_CONTENT, None, path=path)
    for path in files:
        reader = FileReader(path, collector)
        document = read_yaml(path)
        if isinstance(document, ContentFileRefused):
            reader.report(document.code, None, **document.params)
        elif isinstance(document, YamlFailure):
            reader.report(document.code, document.line, reason=document.reason)
        elif not isinstance(document, YamlMapping):
            reader.report(ProblemCode.NOT_A_MAPPING, 1, found=describe(document))
        else:
            _read_document(reader, document, pieces)
    return ContentLoadResult(assemble(pieces, collector), tuple(collector.problems))


def _read_document(reader: FileReader, document: YamlMapping, pieces: Pieces) -> None:
    """Check a file's schema and kind, then read it into `pieces` by its kind."""
    schema = document.get("schema")
    if isinstance(schema, bool) or schema != SCHEMA_VERSION:  # `true` equals 1 in Python, not in a schema
        if schema is None:
            reader.report(ProblemCode.MISSING_FIELD, 1, field="schema")
        else:
            reader.report(ProblemCode.UNSUPPORTED_SCHEMA, line_of(document, "schema"), found=schema, expected=SCHEMA_VERSION)
        return
    kind = document.get("kind")
    reader.namespace = _NAMESPACES.get(str(kind), "")
    if kind == "framework":
        if framework := read_framework(reader, document):
            pieces.frameworks.append(framework)
    elif kind == "indicators":
        if indicator_file := read_indicator_file(reader, document):
            pieces.indicator_files.append(indicator_file)
    elif kind == "hazards":
        categories, hazards = read_hazards(reader, document)
        pieces.hazard_categories.extend(categories)
        pieces.hazards.extend(hazards)
    elif kind == "glossary":
        pieces.glossary.extend(read_glossary(reader, document))
    elif kind == "stakeholders":
        sectors, checks = read_stakeholders(reader, document)
        pieces.sectors.extend(sectors)
        pieces.balance_checks.extend(checks)
    elif kind == "crosswalk":
        if crosswalk := read_crosswalk(reader, document):
            pieces.crosswalks.append(crosswalk)
    elif kind is None:
        reader.report(ProblemCode.MISSING_FIELD, line_of(document), field="kind")
    else:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        reader.report(ProblemCode.UNKNOWN_KIND, line_of(document, "kind"), found=kind, suggestion=close[0] if close else None)
