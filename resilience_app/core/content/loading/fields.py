"""Reading the fields of one content file: each field checked, each problem reported at its line.

`FileReader` is what every kind's reader (framework, indicators, hazards, glossary, stakeholders)
works with; `Collector` is what they share across all the files of a content set: the problems,
the ids already used and the references that are resolved once every file is read.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from resilience_app.core.content.model import Text
from resilience_app.core.content.problems import Problem, Severity
from resilience_app.core.content.yaml_source import YamlList, YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$")
LANGUAGE_NAMES = {"en": N_("English"), "ar": N_("Arabic")}

T = TypeVar("T")
ChoiceT = TypeVar("ChoiceT", bound=str)


def is_finite(value: int | float) -> bool:
    """False for .inf, .nan and a whole number too large to compute with (1e400)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def describe(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)) and not is_finite(value):
        return _("an infinite or undefined number")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    return type(value).__name__


@dataclass
class Reference:
    """An id named in one file that another file, or this one, must define: checked once every file is read."""

    file: Path
    line: int | None
    item_id: str | None
    target_id: str
    target: str  # "goal", "quality", "framework", "category", "indicator", "question"


@dataclass
class Collector:
    """State shared while reading all files: problems, ids seen, references to resolve."""

    problems: list[Problem] = field(default_factory=list)
    ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (namespace, id) -> where first used
    references: list[Reference] = field(default_factory=list)


class FileReader:
    """Checks the fields of one file, reporting problems located at their line."""

    def __init__(self, path: Path, collector: Collector, *, namespace: str = "") -> None:
        self.path = path
        self.collector = collector
        self.namespace = namespace  # ids are unique within a namespace: the framework, hazards, glossary

    def report(
        self,
        code: ProblemCode,
        line: int | None,
        item_id: str | None = None,
        *,
        severity: Severity = Severity.ERROR,
        suggestion: str | None = None,
        **params: Any,
    ) -> None:
        self.collector.problems.append(
            Problem(
                code=code,
                severity=severity,
                file=self.path,
                line=line,
                item_id=item_id,
                params=tuple((key, str(value)) for key, value in params.items()),
                suggestion=suggestion,
            )
        )

    def mapping(
        self,
        value: Any,
        line: int | None,
        item_id: str | None,
        *,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> YamlMapping | None:
        """`value` if it is a mapping with every required field and no unknown one."""
        if not isinstance(value, YamlMapping):
            self.report(ProblemCode.NOT_A_MAPPING, line, item_id, found=describe(value))
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                self.report(ProblemCode.UNKNOWN_FIELD, line_of(value, key), item_id, field=key, suggestion=close[0] if close else None)
        # A required field written without a value (`id:`) is missing: reported, not silently skipped.
        empty = {key: line_of(value, key) for key in required if key in value and value[key] is None}
        for key in empty:
            del value[key]
        for key in required:
            if key not in value:
                self.report(ProblemCode.MISSING_FIELD, empty.get(key) or line_of(value) or line, item_id, field=key)
        return value

    def items(self, container: YamlMapping, key: str, item_id: str | None) -> list[tuple[Any, int | None]]:
        """The entries of the list `container[key]` with their lines ([] when absent or wrong)."""
        if key not in container:
            return []
        value = container[key]
        if not isinstance(value, YamlList):
            self.report(ProblemCode.NOT_A_LIST, line_of(container, key), item_id, found=describe(value))
            return []
        if not value:
            self.report(ProblemCode.EMPTY_LIST, line_of(container, key), item_id, severity=Severity.WARNING, field=key)
        return [(entry, line_of(value, index)) for index, entry in enumerate(value)]

    def text(self, container: YamlMapping, key: str, item_id: str | None) -> Text | None:
        """A bilingual text: a mapping with non-empty text for every supported language."""
        if key not in container:
            return None
        return self._text_value(container[key], line_of(container, key), str(key), item_id)

    def _text_value(self, value: Any, line: int | None, field_name: str, item_id: str | None) -> Text | None:
        if not isinstance(value, YamlMapping):
            self.report(ProblemCode.WRONG_TYPE, line, item_id, field=field_name, expected=_("a mapping of languages"), found=describe(value))
            return None
        for language in value:
            if language not in SUPPORTED_LANGUAGES:
                close = difflib.get_close_matches(str(language), SUPPORTED_LANGUAGES, n=1)
                self.report(ProblemCode.UNKNOWN_LANGUAGE, line_of(value, language), item_id, field=field_name, language=language, suggestion=close[0] if close else None)
        translations: dict[str, str] = {}
        for language in SUPPORTED_LANGUAGES:
            entry = value.get(language)
            if not isinstance(entry, str) or not entry.strip():
                self.report(ProblemCode.MISSING_TRANSLATION, line_of(value, language) or line, item_id, field=field_name, language=_(LANGUAGE_NAMES[language]))
            else:
                translations[language] = " ".join(entry.split())
        return Text(translations) if len(translations) == len(SUPPORTED_LANGUAGES) else None

    def identifier(self, container: YamlMapping, key: str = "id") -> str | None:
        """A well-formed id not used anywhere else in the content."""
        value = container.get(key)
        line = line_of(container, key) or line_of(container)
        if value is None:
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.report(ProblemCode.INVALID_ID, line, str(value), id=value)
            return None
        self.claim(value, line, self.namespace)
        return value

    def claim(self, value: str, line: int | None, namespace: str) -> None:
        """Record that `value` is used here, reporting a duplicate when it is already used in `namespace`."""
        scoped = (namespace, value)
        if scoped in self.collector.ids:
            self.report(ProblemCode.DUPLICATE_ID, line, value, id=value, other=self.collector.ids[scoped])
        else:
            self.collector.ids[scoped] = f"{self.path.name}:{line}"

    def string(self, container: YamlMapping, key: str, item_id: str | None) -> str | None:
        value = container.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.report(ProblemCode.WRONG_TYPE, line_of(container, key), item_id, field=key, expected=_("text"), found=describe(value))
            return None
        return value.strip()

    def number(self, container: YamlMapping, key: str, item_id: str | None) -> float | None:
        value = container.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not is_finite(value):
            self.report(ProblemCode.WRONG_TYPE, line_of(container, key), item_id, field=key, expected=_("a number"), found=describe(value))
            return None
        return float(value)

    def choice(self, container: YamlMapping, key: str, item_id: str | None, choices: tuple[ChoiceT, ...]) -> ChoiceT | None:
        value = container.get(key)
        if value is None:
            return None
        if value not in choices:
            names: tuple[str, ...] = choices
            close = difflib.get_close_matches(str(value), names, n=1)
            self.report(ProblemCode.INVALID_VALUE, line_of(container, key), item_id, field=key, found=value, expected=", ".join(choices), suggestion=close[0] if close else None)
            return None
        return choices[choices.index(value)]  # the choice itself, typed as one (not the YAML scalar)

    def reference(self, container: YamlMapping, key: str, item_id: str | None, target: str) -> str | None:
        value = self.string(container, key, item_id)
        if value is not None:
            self.collector.references.append(Reference(self.path, line_of(container, key), item_id, value, target))
        return value

    def reference_list(self, container: YamlMapping, key: str, item_id: str | None, target: str) -> tuple[str, ...]:
        found: list[str] = []
        for entry, line in self.items(container, key, item_id):
            if not isinstance(entry, str):
                self.report(ProblemCode.WRONG_TYPE, line, item_id, field=key, expected=_("text"), found=describe(entry))
                continue
            self.collector.references.append(Reference(self.path, line, item_id, entry, target))
            found.append(entry)
        return tuple(found)

    def levels(self, container: YamlMapping, key: str, item_id: str | None, expected: tuple[int, ...]) -> dict[int, Text] | None:
        """A mapping from level numbers to texts, with exactly the `expected` levels."""
        if key not in container:
            return None
        value, line = container[key], line_of(container, key)
        if not isinstance(value, YamlMapping):
            self.report(ProblemCode.NOT_A_MAPPING, line, item_id, found=describe(value))
            return None
        by_level = {str(level_key): level_key for level_key in value}
        wanted = [str(level) for level in expected]
        for level_key, original in by_level.items():
            if level_key not in wanted:
                self.report(ProblemCode.UNKNOWN_FIELD, line_of(value, original), item_id, field=level_key)
        texts: dict[int, Text] = {}
        for level_key in wanted:
            if level_key not in by_level:
                self.report(ProblemCode.MISSING_FIELD, line, item_id, field=f"{key}.{level_key}")
                continue
            original = by_level[level_key]
            text = self._text_value(value[original], line_of(value, original), f"{key}.{level_key}", item_id)
            if text is not None:
                texts[int(level_key)] = text
        return texts if len(texts) == len(wanted) else None


def texts_with_id(
    reader: FileReader, document: YamlMapping, key: str, text_fields: tuple[str, ...], build: Callable[..., T]
) -> list[T]:
    """Entries of the list `key` made of an id and bilingual texts (qualities, categories, terms)."""
    built = []
    for entry, line in reader.items(document, key, None):
        item = reader.mapping(entry, line, None, required=("id", *text_fields))
        if item is None:
            continue
        item_id = reader.identifier(item)
        texts = [reader.text(item, field_name, item_id) for field_name in text_fields]
        if item_id and all(texts):
            built.append(build(item_id, *texts))
    return built
