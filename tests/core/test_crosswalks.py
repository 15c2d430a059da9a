"""Crosswalks to UNDRR's Ten Essentials, the Sendai Framework, SDG 11 and the Strong Cities Network: the shipped
files are clean and every reference in them exists; a copy of each file broken in each way is reported with its
code, file, line, item id and hint."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content
from resilience_app.core.content.as_json import content_as_json
from resilience_app.core.content.problems import Problem

CROSSWALK_FILES = ("1-undrr-ten-essentials.yaml", "2-sendai-framework.yaml", "3-sdg-11.yaml", "4-strong-cities-network.yaml")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$")


def test_the_shipped_crosswalks_load_with_the_rest_of_the_content() -> None:
    result = load_content([resources.forms_dir()])
    assert [problem.format() for problem in result.errors] == []
    crosswalks = {crosswalk.id: crosswalk for crosswalk in result.content.crosswalks}
    assert set(crosswalks) == {"undrr-ten-essentials", "sendai-framework", "sdg-11", "strong-cities-network"}
    framework = result.content.framework("crf")
    assert framework is not None
    indicator_ids = {indicator.id for indicator in framework.indicators()}
    assert len(indicator_ids) == 52
    for crosswalk in crosswalks.values():
        assert crosswalk.framework_id == "crf" and re.match(r"^\d{4}\.\d+$", crosswalk.version)
        assert crosswalk.notes is not None  # each says what its mapping cannot claim
        assert all(ID_PATTERN.match(item.id) and item.name.in_language("ar") for item in crosswalk.items)
        mapped = [mapping.indicator_id for mapping in crosswalk.mappings]
        assert len(mapped) == len(set(mapped)) and set(mapped) <= indicator_ids
    assert [item.id for item in crosswalks["undrr-ten-essentials"].items] == [f"undrr-e{number:02}" for number in range(1, 11)]
    assert {"sendai-target-a", "sendai-target-g", "sendai-priority-1", "sendai-priority-4"} <= {item.id for item in crosswalks["sendai-framework"].items}
    assert [item.id for item in crosswalks["sdg-11"].items] == [f"sdg-11.{n}" for n in (*range(1, 8), "a", "b", "c")]
    # The Ten Essentials touch most of the framework; every indicator is mapped somewhere.
    assert len(crosswalks["undrr-ten-essentials"].mappings) >= 40
    assert {m.indicator_id for c in crosswalks.values() for m in c.mappings} == indicator_ids - {"ind-2.1", "ind-2.2", "ind-2.3", "ind-5.2", "ind-6.4"}
    # Goals 4 and 5 (cohesion, security) are where the Strong Cities Network lives.
    scn = crosswalks["strong-cities-network"]
    assert set(scn.indicators_of("scn-p3")) >= {"ind-4.1", "ind-4.2", "ind-5.1"}
    # Each item says how well it is covered; Sendai's loss targets list indicators but carry no level; SDG 11.c maps nothing.
    fits = {item.id: item.fit for crosswalk in crosswalks.values() for item in crosswalk.items}
    assert set(fits.values()) == {"full", "partial", "thin"}
    assert {fits[item] for item in ("sendai-target-a", "sendai-target-d", "sdg-11.c", "sdg-11.4")} == {"thin"}
    # Response and recovery are asked about (warnings reached, shelter places, stocks, a recovery framework), in part.
    assert {fits[item] for item in ("undrr-e02", "undrr-e03", "undrr-e09", "undrr-e10", "sendai-target-e", "sendai-target-g")} == {"partial"}
    assert list(crosswalks) == ["undrr-ten-essentials", "sendai-framework", "sdg-11", "strong-cities-network"]  # UNDRR's first
    sendai = crosswalks["sendai-framework"]
    assert [item.id for item in sendai.items if item.no_level] == [f"sendai-target-{letter}" for letter in "abcd"]
    assert all(sendai.indicators_of(f"sendai-target-{letter}") for letter in "abcd")
    assert crosswalks["sdg-11"].indicators_of("sdg-11.c") == ()


def test_content_as_json_carries_the_crosswalks() -> None:
    crosswalks = content_as_json(load_content([resources.forms_dir()]).content)["crosswalks"]
    sdg = next(crosswalk for crosswalk in crosswalks if crosswalk["id"] == "sdg-11")
    assert sdg["version"] == "2026.1" and sdg["framework"] == "crf" and sdg["name"]["ar"]
    assert {"id": "sdg-11.a", "number": {"en": "11.a", "ar": "11.أ"}, "name": sdg["items"][7]["name"], "fit": "full", "no_level": False} == sdg["items"][7]
    assert {"indicator": "ind-9.1", "items": ["sdg-11.2", "sdg-11.5"]} in sdg["mappings"]
    assert sdg["items"][9]["fit"] == "thin" and sdg["items"][9]["no_level"] is False


# -- each file broken in each way ----------------------------------------------------------------------------------

Breakage = Callable[[list[str]], tuple[list[str], int, str, str, str | None]]  # lines -> lines, line, code, item id, hint


def _first(lines: list[str], pattern: str) -> int:
    return next(index for index, line in enumerate(lines) if re.search(pattern, line))


def _unknown_indicator(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"indicator: ind-")
    indicator = re.search(r"indicator: (ind-[0-9.]+)", lines[index]).group(1)  # type: ignore[union-attr]
    lines[index] = lines[index].replace(f"indicator: {indicator}", f"indicator: {indicator}0")
    crosswalk_id = next(line.split(": ")[1].strip() for line in lines if line.startswith("id: "))
    return lines, index + 1, "unknown-reference", crosswalk_id, f"did you mean “{indicator}”?"


def _unknown_item(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"indicator: ind-")
    indicator = re.search(r"indicator: (ind-[0-9.]+)", lines[index]).group(1)  # type: ignore[union-attr]
    item = re.search(r"items: \[([a-z0-9.-]+)", lines[index]).group(1)  # type: ignore[union-attr]
    lines[index] = lines[index].replace(f"items: [{item}", f"items: [{item}x")
    return lines, index + 1, "unknown-reference", indicator, f"did you mean “{item}”?"


def _duplicate_item_id(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    first = _first(lines, r"^  - id: ")
    first_id = lines[first].split("id: ")[1].strip()
    end = _first(lines, r"^mappings:")
    lines[end:end] = lines[first : first + 4]  # the first item again (id, number, name, fit), last of the items
    return lines, end + 1, "duplicate-id", first_id, None


def _indicator_mapped_twice(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"indicator: ind-")
    indicator = re.search(r"indicator: (ind-[0-9.]+)", lines[index]).group(1)  # type: ignore[union-attr]
    lines.append(lines[index])
    return lines, len(lines), "duplicate-id", indicator, None


def _missing_arabic(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    first = _first(lines, r"^  - id: ")
    item_id = lines[first].split("id: ")[1].strip()
    name = _first(lines[first:], r"name: \{en: ") + first
    lines[name] = re.sub(r", ar: [^}]*\}", "}", lines[name])
    return lines, name + 1, "missing-translation", item_id, "Every user-visible text needs both English (en) and Arabic (ar)."


def _empty_mapping(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"indicator: ind-")
    indicator = re.search(r"indicator: (ind-[0-9.]+)", lines[index]).group(1)  # type: ignore[union-attr]
    lines[index] = re.sub(r"items: \[[^\]]*\]", "items: []", lines[index])
    return lines, index + 1, "empty-mapping", indicator, "List at least one item, or leave the indicator out when nothing corresponds to it."


def _bad_version(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"^version: ")
    lines[index] = "version: 2026.10\n"  # unquoted: read as the number 2026.1, so refused
    crosswalk_id = next(line.split(": ")[1].strip() for line in lines if line.startswith("id: "))
    return lines, index + 1, "bad-version", crosswalk_id, 'Write the version as quoted text of a year, a dot and a number, like "2026.1".'


def _bad_fit(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"^    fit: ")
    item_id = next(line.split("id: ")[1].strip() for line in reversed(lines[:index]) if line.startswith("  - id: "))
    lines[index] = "    fit: thinn\n"
    return lines, index + 1, "invalid-value", item_id, "did you mean “thin”?"


def _no_level_not_a_flag(lines: list[str]) -> tuple[list[str], int, str, str, str | None]:
    index = _first(lines, r"^    fit: ")
    item_id = next(line.split("id: ")[1].strip() for line in reversed(lines[:index]) if line.startswith("  - id: "))
    if lines[index + 1].startswith("    no_level:"):  # Sendai's Target A already has the flag: spoil it
        lines[index + 1] = "    no_level: sometimes\n"
    else:
        lines.insert(index + 1, "    no_level: sometimes\n")
    return lines, index + 2, "wrong-type", item_id, None


BREAKAGES: dict[str, Breakage] = {
    "bad fit": _bad_fit,
    "no_level not a flag": _no_level_not_a_flag,
    "unknown indicator": _unknown_indicator,
    "unknown item": _unknown_item,
    "duplicate item id": _duplicate_item_id,
    "indicator mapped twice": _indicator_mapped_twice,
    "missing Arabic": _missing_arabic,
    "empty mapping": _empty_mapping,
    "bad version": _bad_version,
}


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the shipped content, to break."""
    target = tmp_path / "forms"
    shutil.copytree(resources.forms_dir(), target)
    return target


@pytest.mark.parametrize("file_name", CROSSWALK_FILES)
@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_each_crosswalk_broken_in_each_way_is_reported_at_its_line(content_copy: Path, file_name: str, breakage: str) -> None:
    path = content_copy / "crosswalks" / file_name
    lines, line, code, item_id, hint = BREAKAGES[breakage](path.read_text(encoding="utf-8").splitlines(keepends=True))
    path.write_text("".join(lines), encoding="utf-8")
    result = load_content([content_copy])
    problems: list[Problem] = [problem for problem in result.errors if problem.file == path]
    assert [(problem.code, problem.line, problem.item_id) for problem in problems] == [(code, line, item_id)], [p.format() for p in result.errors]
    [problem] = problems
    if hint is not None:
        assert problem.hint == hint
    assert problem.format().startswith(f"{path}:{line}: {code} [{item_id}]")
    assert [p for p in result.errors if p.file != path] == []  # nothing else is blamed


def test_an_empty_list_of_mappings_and_a_missing_version_are_errors(content_copy: Path) -> None:
    path = content_copy / "crosswalks" / "3-sdg-11.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^mappings:\n(?:  - .*\n)+", "mappings: []\n", text, flags=re.MULTILINE).replace('version: "2026.1"\n', "")
    path.write_text(text, encoding="utf-8")
    result = load_content([content_copy])
    found = {(problem.code, problem.item_id) for problem in result.errors}
    assert found == {("empty-mapping", "sdg-11"), ("missing-field", None)}
    empty = next(problem for problem in result.errors if problem.code == "empty-mapping")
    assert empty.line == text.splitlines().index("mappings: []") + 1
    assert "sdg-11" in empty.message


def test_a_wrong_version_in_words_is_refused_with_what_was_written(content_copy: Path) -> None:
    path = content_copy / "crosswalks" / "1-undrr-ten-essentials.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "2026.1"', 'version: "latest"'), encoding="utf-8")
    [problem] = load_content([content_copy]).errors
    assert problem.code == "bad-version" and "“latest”" in problem.message
