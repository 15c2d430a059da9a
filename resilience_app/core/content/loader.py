"""The one validating loader for `forms/**/*.yaml`.

It never stops at the first problem: every file is read, every field checked,
every cross-reference resolved, and all problems are returned together with
their code, severity, file, line, item id and hint. Content is built only from
what passed; callers refuse to use content that has errors.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from resilience_app.core.content.model import (
    BALANCE_IDS,
    BalanceCheck,
    BetterDirection,
    Content,
    Dimension,
    Framework,
    GlossaryTerm,
    Goal,
    Hazard,
    HazardCategory,
    HazardKind,
    Indicator,
    NumericScale,
    Quality,
    Question,
    Sector,
    Text,
)
from resilience_app.core.content.problems import Problem, Severity
from resilience_app.core.content.yaml_source import YamlFailure, YamlList, YamlMapping, line_of, parse_yaml
from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES, _

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$")
HAZARD_KINDS: tuple[HazardKind, ...] = ("shock", "stress")
BETTER_DIRECTIONS: tuple[BetterDirection, ...] = ("higher", "lower")
ChoiceT = TypeVar("ChoiceT", bound=str)
LANGUAGE_NAMES = {"en": N_("English"), "ar": N_("Arabic")}
# The largest content file read: the shipped ones are a few hundred KB. A bigger file (or /dev/zero) is refused
# after reading one byte past this, so validating never takes more memory or time than this bounds.
MAX_CONTENT_FILE_MB = 5
MAX_CONTENT_FILE_BYTES = MAX_CONTENT_FILE_MB * 1024 * 1024


# Ids are unique within each namespace; indicator files share the framework's.
_NAMESPACES = {"framework": "framework", "indicators": "framework", "hazards": "hazards", "glossary": "glossary", "stakeholders": "stakeholders"}
KINDS = ("framework", "indicators", "hazards", "glossary", "stakeholders")


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


def _is_finite(value: int | float) -> bool:
    """False for .inf, .nan and a whole number too large to compute with (1e400)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)) and not _is_finite(value):
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
class _Reference:
    file: Path
    line: int | None
    item_id: str | None
    target_id: str
    target: str  # "goal", "quality", "framework", "category"


@dataclass
class _IndicatorFile:
    file: Path
    line: int | None
    framework_id: str
    goal_id: str
    indicators: list[Indicator]


@dataclass
class _Collector:
    """State shared while reading all files: problems, ids seen, references to resolve."""

    problems: list[Problem] = field(default_factory=list)
    ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (namespace, id) -> where first used
    references: list[_Reference] = field(default_factory=list)


class _FileReader:
    """Checks the fields of one file, reporting problems located at their line."""

    def __init__(self, path: Path, collector: _Collector, *, namespace: str = "") -> None:
        self.path = path
        self.collector = collector
        self.namespace = namespace  # ids are unique within a namespace: the framework, hazards, glossary

    def report(
        self,
        code: str,
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
            self.report("not-a-mapping", line, item_id, found=_describe(value))
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                self.report("unknown-field", line_of(value, key), item_id, field=key, suggestion=close[0] if close else None)
        # A required field written without a value (`id:`) is missing: reported, not silently skipped.
        empty = {key: line_of(value, key) for key in required if key in value and value[key] is None}
        for key in empty:
            del value[key]
        for key in required:
            if key not in value:
                self.report("missing-field", empty.get(key) or line_of(value) or line, item_id, field=key)
        return value

    def items(self, container: YamlMapping, key: str, item_id: str | None) -> list[tuple[Any, int | None]]:
        """The entries of the list `container[key]` with their lines ([] when absent or wrong)."""
        if key not in container:
            return []
        value = container[key]
        if not isinstance(value, YamlList):
            self.report("not-a-list", line_of(container, key), item_id, found=_describe(value))
            return []
        if not value:
            self.report("empty-list", line_of(container, key), item_id, severity=Severity.WARNING, field=key)
        return [(entry, line_of(value, index)) for index, entry in enumerate(value)]

    def text(self, container: YamlMapping, key: str, item_id: str | None) -> Text | None:
        """A bilingual text: a mapping with non-empty text for every supported language."""
        if key not in container:
            return None
        return self._text_value(container[key], line_of(container, key), str(key), item_id)

    def _text_value(self, value: Any, line: int | None, field_name: str, item_id: str | None) -> Text | None:
        if not isinstance(value, YamlMapping):
            self.report("wrong-type", line, item_id, field=field_name, expected=_("a mapping of languages"), found=_describe(value))
            return None
        for language in value:
            if language not in SUPPORTED_LANGUAGES:
                close = difflib.get_close_matches(str(language), SUPPORTED_LANGUAGES, n=1)
                self.report("unknown-language", line_of(value, language), item_id, field=field_name, language=language, suggestion=close[0] if close else None)
        translations: dict[str, str] = {}
        for language in SUPPORTED_LANGUAGES:
            entry = value.get(language)
            if not isinstance(entry, str) or not entry.strip():
                self.report("missing-translation", line_of(value, language) or line, item_id, field=field_name, language=_(LANGUAGE_NAMES[language]))
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
            self.report("invalid-id", line, str(value), id=value)
            return None
        self.claim(value, line, self.namespace)
        return value

    def claim(self, value: str, line: int | None, namespace: str) -> None:
        """Record that `value` is used here, reporting a duplicate when it is already used in `namespace`."""
        scoped = (namespace, value)
        if scoped in self.collector.ids:
            self.report("duplicate-id", line, value, id=value, other=self.collector.ids[scoped])
        else:
            self.collector.ids[scoped] = f"{self.path.name}:{line}"

    def string(self, container: YamlMapping, key: str, item_id: str | None) -> str | None:
        value = container.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.report("wrong-type", line_of(container, key), item_id, field=key, expected=_("text"), found=_describe(value))
            return None
        return value.strip()

    def number(self, container: YamlMapping, key: str, item_id: str | None) -> float | None:
        value = container.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _is_finite(value):
            self.report("wrong-type", line_of(container, key), item_id, field=key, expected=_("a number"), found=_describe(value))
            return None
        return float(value)

    def choice(self, container: YamlMapping, key: str, item_id: str | None, choices: tuple[ChoiceT, ...]) -> ChoiceT | None:
        value = container.get(key)
        if value is None:
            return None
        if value not in choices:
            names: tuple[str, ...] = choices
            close = difflib.get_close_matches(str(value), names, n=1)
            self.report("invalid-value", line_of(container, key), item_id, field=key, found=value, expected=", ".join(choices), suggestion=close[0] if close else None)
            return None
        return choices[choices.index(value)]  # the choice itself, typed as one (not the YAML scalar)

    def reference(self, container: YamlMapping, key: str, item_id: str | None, target: str) -> str | None:
        value = self.string(container, key, item_id)
        if value is not None:
            self.collector.references.append(_Reference(self.path, line_of(container, key), item_id, value, target))
        return value

    def reference_list(self, container: YamlMapping, key: str, item_id: str | None, target: str) -> tuple[str, ...]:
        found: list[str] = []
        for entry, line in self.items(container, key, item_id):
            if not isinstance(entry, str):
                self.report("wrong-type", line, item_id, field=key, expected=_("text"), found=_describe(entry))
                continue
            self.collector.references.append(_Reference(self.path, line, item_id, entry, target))
            found.append(entry)
        return tuple(found)

    def levels(self, container: YamlMapping, key: str, item_id: str | None, expected: tuple[int, ...]) -> dict[int, Text] | None:
        """A mapping from level numbers to texts, with exactly the `expected` levels."""
        if key not in container:
            return None
        value, line = container[key], line_of(container, key)
        if not isinstance(value, YamlMapping):
            self.report("not-a-mapping", line, item_id, found=_describe(value))
            return None
        by_level = {str(level_key): level_key for level_key in value}
        wanted = [str(level) for level in expected]
        for level_key, original in by_level.items():
            if level_key not in wanted:
                self.report("unknown-field", line_of(value, original), item_id, field=level_key)
        texts: dict[int, Text] = {}
        for level_key in wanted:
            if level_key not in by_level:
                self.report("missing-field", line, item_id, field=f"{key}.{level_key}")
                continue
            original = by_level[level_key]
            text = self._text_value(value[original], line_of(value, original), f"{key}.{level_key}", item_id)
            if text is not None:
                texts[int(level_key)] = text
        return texts if len(texts) == len(wanted) else None


# ----------------------------------------------------------------------- kinds

T = TypeVar("T")


def _read_texts_with_id(
    reader: _FileReader, document: YamlMapping, key: str, text_fields: tuple[str, ...], build: Callable[..., T]
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



def _read_framework(reader: _FileReader, document: YamlMapping) -> Framework | None:
    reader.mapping(
        document, line_of(document), None,
        required=("schema", "kind", "id", "version", "name", "description", "levels", "qualities", "dimensions"),
    )
    framework_id = reader.identifier(document)
    version = reader.string(document, "version", framework_id)
    name = reader.text(document, "name", framework_id)
    description = reader.text(document, "description", framework_id)
    levels = reader.levels(document, "levels", framework_id, (1, 2, 3, 4, 5))
    qualities = _read_texts_with_id(reader, document, "qualities", ("name", "description"), Quality)
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


def _read_goal(reader: _FileReader, entry: Any, line: int | None) -> Goal | None:
    goal = reader.mapping(entry, line, None, required=("id", "number", "name", "outcome"))
    if goal is None:
        return None
    goal_id = reader.identifier(goal)
    number = reader.number(goal, "number", goal_id)
    name, outcome = reader.text(goal, "name", goal_id), reader.text(goal, "outcome", goal_id)
    if goal_id and number is not None and name and outcome:
        return Goal(goal_id, int(number), name, outcome)
    return None


def _read_indicator_file(reader: _FileReader, document: YamlMapping) -> _IndicatorFile | None:
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
        return _IndicatorFile(reader.path, line_of(document, "goal"), framework_id, goal_id, indicators)
    return None


def _read_question(reader: _FileReader, entry: Any, line: int | None) -> Question | None:
    question = reader.mapping(
        entry, line, None,
        required=("id", "prompt", "guidance", "who_knows", "scenarios", "qualities"),
        optional=("numeric",),
    )
    if question is None:
        return None
    question_id = reader.identifier(question)
    prompt = reader.text(question, "prompt", question_id)
    guidance = reader.text(question, "guidance", question_id)
    who_knows = reader.text(question, "who_knows", question_id)
    scenarios = reader.levels(question, "scenarios", question_id, (1, 3, 5))
    qualities = reader.reference_list(question, "qualities", question_id, "quality")
    numeric = _read_numeric(reader, question.get("numeric"), line_of(question, "numeric"), question_id) if "numeric" in question else None
    if question_id and prompt and guidance and who_knows and scenarios:
        return Question(question_id, prompt, guidance, who_knows, scenarios, qualities, numeric)
    return None


def _read_numeric(reader: _FileReader, entry: Any, line: int | None, item_id: str | None) -> NumericScale | None:
    numeric = reader.mapping(entry, line, item_id, required=("unit", "better", "thresholds"), optional=("minimum", "maximum"))
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
        reader.report("bad-thresholds", line_of(numeric, "thresholds"), item_id, order=_("increasing") if better == "higher" else _("decreasing"))
    minimum, maximum = reader.number(numeric, "minimum", item_id), reader.number(numeric, "maximum", item_id)
    if unit and better and order_ok:
        return NumericScale(unit, better, (values[0], values[1], values[2], values[3]), minimum, maximum)
    return None


def _read_hazards(reader: _FileReader, document: YamlMapping) -> tuple[list[HazardCategory], list[Hazard]]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "categories", "hazards"))
    categories = _read_texts_with_id(reader, document, "categories", ("name",), HazardCategory)
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


def _read_glossary(reader: _FileReader, document: YamlMapping) -> list[GlossaryTerm]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "terms"))
    return _read_texts_with_id(reader, document, "terms", ("term", "note"), GlossaryTerm)


def _read_share_entries(reader: _FileReader, document: YamlMapping, key: str, build: Callable[..., T], ids: tuple[str, ...] = ()) -> list[T]:
    """Entries with an id, a name, a minimum share of the participants (0-100) and the gap the field warns of."""
    built = []
    for entry, line in reader.items(document, key, None):
        item = reader.mapping(entry, line, None, required=("id", "name", "minimum_share", "gap"))
        if item is None:
            continue
        item_id = reader.choice(item, "id", None, ids) if ids else reader.identifier(item)
        if ids and item_id is not None:
            reader.claim(item_id, line_of(item, "id"), f"{reader.namespace}.{key}")  # each check once
        name, gap = reader.text(item, "name", item_id), reader.text(item, "gap", item_id)
        share = reader.number(item, "minimum_share", item_id)
        if share is not None and not 0 <= share <= 100:
            reader.report("out-of-range", line_of(item, "minimum_share"), item_id, field="minimum_share", low=0, high=100)
            share = None
        if item_id and name and gap and share is not None:
            built.append(build(item_id, name, share, gap))
    return built


def _read_stakeholders(reader: _FileReader, document: YamlMapping) -> tuple[list[Sector], list[BalanceCheck]]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "version", "sectors"), optional=("balance",))
    reader.string(document, "version", None)  # checked like the framework's, though nothing reads it yet
    sectors = _read_share_entries(reader, document, "sectors", Sector)
    return sectors, _read_share_entries(reader, document, "balance", BalanceCheck, BALANCE_IDS)


# ----------------------------------------------------------------------- reading files


class ContentFileRefused(OSError):
    """A content file not read: not an ordinary file (`not-a-file`), too large (`too-large`) or unreadable."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a special file")


def read_content_bytes(path: Path) -> bytes:
    """The bytes of the content file `path`, which must be an ordinary file of at most MAX_CONTENT_FILE_BYTES.

    A pipe would block the read forever and /dev/zero never ends: the type is checked before opening, and
    again on the opened descriptor (opened without blocking) in case the path was swapped in between.
    """
    try:
        before = os.stat(path)
    except OSError as error:
        raise ContentFileRefused("file-unreadable", reason=error.strerror or str(error)) from None
    if not stat.S_ISREG(before.st_mode):
        raise ContentFileRefused("not-a-file", found=_kind_of(before.st_mode))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ContentFileRefused("file-unreadable", reason=error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise ContentFileRefused("not-a-file", found=_kind_of(mode))
        try:
            data = stream.read(MAX_CONTENT_FILE_BYTES + 1)
        except OSError as error:
            raise ContentFileRefused("file-unreadable", reason=error.strerror or str(error)) from None
    if len(data) > MAX_CONTENT_FILE_BYTES:
        raise ContentFileRefused("too-large", limit=MAX_CONTENT_FILE_MB)
    return data


def read_yaml(path: Path) -> Any | YamlFailure | ContentFileRefused:
    """The parsed document of the content file `path`, why it is not valid YAML, or why it was not read."""
    try:
        data = read_content_bytes(path)
    except ContentFileRefused as refused:
        return refused
    return parse_yaml(data)


# ----------------------------------------------------------------------- assembly


def content_files(paths: Iterable[Path]) -> list[Path]:
    """Every `.yaml`/`.yml` file named, or found below a named folder, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Every entry named as content is listed, pipes and folders too, so that it is reported, not skipped.
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def load_content(paths: Iterable[Path]) -> ContentLoadResult:
    """Read, validate and build all content below `paths`, collecting every problem."""
    collector = _Collector()
    frameworks: list[Framework] = []
    indicator_files: list[_IndicatorFile] = []
    categories: list[HazardCategory] = []
    hazards: list[Hazard] = []
    glossary: list[GlossaryTerm] = []
    sectors: list[Sector] = []
    balance_checks: list[BalanceCheck] = []
    paths = list(paths)
    files = content_files(paths)
    if not files:
        for path in paths:
            _FileReader(path, collector).report("no-content", None, path=path)
    for path in files:
        reader = _FileReader(path, collector)
        document = read_yaml(path)
        if isinstance(document, ContentFileRefused):
            reader.report(document.code, None, **document.params)
            continue
        if isinstance(document, YamlFailure):
            reader.report(document.code, document.line, reason=document.reason)
            continue
        if not isinstance(document, YamlMapping):
            reader.report("not-a-mapping", 1, found=_describe(document))
            continue
        schema = document.get("schema")
        if isinstance(schema, bool) or schema != SCHEMA_VERSION:  # `true` equals 1 in Python, not in a schema
            if schema is None:
                reader.report("missing-field", 1, field="schema")
            else:
                reader.report("unsupported-schema", line_of(document, "schema"), found=schema, expected=SCHEMA_VERSION)
            continue
        kind = document.get("kind")
        reader.namespace = _NAMESPACES.get(str(kind), "")
        if kind == "framework":
            if framework := _read_framework(reader, document):
                frameworks.append(framework)
        elif kind == "indicators":
            if indicator_file := _read_indicator_file(reader, document):
                indicator_files.append(indicator_file)
        elif kind == "hazards":
            file_categories, file_hazards = _read_hazards(reader, document)
            categories.extend(file_categories)
            hazards.extend(file_hazards)
        elif kind == "glossary":
            glossary.extend(_read_glossary(reader, document))
        elif kind == "stakeholders":
            file_sectors, file_checks = _read_stakeholders(reader, document)
            sectors.extend(file_sectors)
            balance_checks.extend(file_checks)
        elif kind is None:
            reader.report("missing-field", line_of(document), field="kind")
        else:
            close = difflib.get_close_matches(str(kind), KINDS, n=1)
            reader.report("unknown-kind", line_of(document, "kind"), found=kind, suggestion=close[0] if close else None)

    frameworks = [_attach_indicators(framework, indicator_files) for framework in frameworks]
    known = {
        "framework": {framework.id for framework in frameworks},
        "goal": {goal.id for framework in frameworks for goal in framework.goals()},
        "quality": {quality.id for framework in frameworks for quality in framework.qualities},
        "category": {category.id for category in categories},
    }
    target_names = {"framework": N_("framework"), "goal": N_("goal"), "quality": N_("quality"), "category": N_("category")}
    for reference in collector.references:
        if reference.target_id not in known[reference.target]:
            close = difflib.get_close_matches(reference.target_id, sorted(known[reference.target]), n=1)
            _FileReader(reference.file, collector).report(
                "unknown-reference", reference.line, reference.item_id,
                id=reference.target_id, target=_(target_names[reference.target]), suggestion=close[0] if close else None,
            )
    content = Content(tuple(frameworks), tuple(categories), tuple(hazards), tuple(glossary), tuple(sectors), tuple(balance_checks))
    return ContentLoadResult(content, tuple(collector.problems))


def _attach_indicators(framework: Framework, indicator_files: list[_IndicatorFile]) -> Framework:
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
