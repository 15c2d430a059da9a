"""How content YAML is read: YAML 1.2 values, lines kept, and what a content file may not hold refused at its line."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from resilience_app.core import resources
from resilience_app.core.content import load_content, yaml_source
from resilience_app.core.content.yaml_source import MAX_DEPTH, YamlFailure, YamlList, YamlMapping, line_of, parse_yaml

HANG_TIMEOUT_SECONDS = 120


def test_plain_values_read_as_yaml_1_2_not_1_1() -> None:
    """The content was written for ruamel.yaml's YAML 1.2; PyYAML's 1.1 would read `yes` as true and `012` as ten."""
    document = parse_yaml(
        b"words: [yes, no, on, off, y, n, Yes, NO]\n"
        b"truth: [true, False, TRUE]\n"
        b"nothing: [~, null, Null, NULL, ]\n"
        b"ints: [012, 0o17, 0x1F, 0b101, 1_000, -7, +3]\n"
        b"floats: [1.5, 1.10, 1e3, .5, -.inf, .NaN, 1.]\n"
        b"texts: [1:30, 190:20:30, 12e, _1, 0o, '1', \"2\", 1.2.3, -]\n"
        b"dates: [2024-05-01, 2024-5-1]\n"
        b"key-types: {1: a, 1.5: b, false: c}\n"
    )
    assert isinstance(document, YamlMapping)
    assert document["words"] == ["yes", "no", "on", "off", "y", "n", "Yes", "NO"]
    assert document["truth"] == [True, False, True]
    assert document["nothing"] == [None, None, None, None]
    assert document["ints"] == [12, 15, 31, 5, 1000, -7, 3]
    floats = document["floats"]
    assert floats[:5] == [1.5, 1.1, 1000.0, 0.5, -math.inf] and math.isnan(floats[5]) and floats[6] == 1.0
    assert document["texts"] == ["1:30", "190:20:30", "12e", "_1", "0o", "1", "2", "1.2.3", "-"]
    assert document["dates"] == [dt.date(2024, 5, 1), "2024-5-1"]
    assert list(document["key-types"]) == [1, 1.5, False]
    assert all(type(value) in (int, float, bool) for value in document["ints"] + floats + document["truth"])


def test_every_mapping_key_and_list_item_keeps_its_line() -> None:
    document = parse_yaml(b"# a comment\nname: {en: A, ar: B}\nitems:\n  - one\n  -\n    id: two\n  - &third {id: three}\n  - *third\n")
    assert isinstance(document, YamlMapping)
    assert (line_of(document), line_of(document, "name"), line_of(document, "items")) == (2, 2, 3)
    assert line_of(document["name"], "ar") == 2
    items = document["items"]
    assert isinstance(items, YamlList)
    assert [line_of(items, index) for index in range(4)] == [4, 6, 7, 7]  # an alias is where its anchor is
    assert items[2] is items[3]  # shared, not copied
    assert line_of(document, "missing") is None and line_of(items, 9) is None and line_of("text") is None


def test_a_merge_key_adds_the_fields_the_mapping_lacks_at_the_line_of_the_mapping() -> None:
    document = parse_yaml(b"base: &base {id: x, colour: red}\nitem:\n  <<: [*base, {size: 2, id: y}]\n  id: own\n")
    assert isinstance(document, YamlMapping)
    item = document["item"]
    assert item == {"id": "own", "colour": "red", "size": 2}
    assert list(item) == ["id", "colour", "size"]  # its own fields first
    assert (line_of(item, "id"), line_of(item, "colour")) == (4, 3)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("a: 1\nb:\n  c: 1\n  c: 2\n", 4, 'duplicate key "c" (first on line 3)'),
        ("a: 1\n1.0: 2\n1: 3\n", 3, 'duplicate key "1"'),  # 1.0 and 1 are the same key
        ("a: 1\nb: !!int 2\n", 2, "tag !!int"),
        ("a: 1\nb: !custom x\n", 2, "tag !custom"),
        ("a: !!python/object:os.system x\n", 1, "tag !!python/object:os.system"),
        ("a:\n  - ! x\n", 2, "tag !"),
        ("%YAML 1.1\n---\na: yes\n", 1, "YAML 1.2"),
        ("a: 1\n---\nb: 2\n", 2, "single document"),
        ("a: 1\n? [x, y]\n: 2\n", 2, "list or mapping as a key"),
        ("a: 1\nb: *nowhere\n", 2, "undefined alias 'nowhere'"),
        ("a: &loop\n  - *loop\n", 2, "inside the list or mapping it names"),
        ("a: 1\nb: =\n", 2, "write it in quotes"),
        ("a: 1\n<<: 5\n", 2, "mapping or list of mappings for merging"),
        ("a: {x: 1}\nb:\n  <<: *x\n", 3, "undefined alias"),
        ("a: 1\nb: 2024-13-45\n", 2, "cannot be read as a value"),
        ("a: 1\nb: [unclosed", 2, "flow"),  # the end of a file without a final line break is on its last line
        ("a: 1\nb: \x07\n", 2, "characters are not allowed"),
        ("a: 1\nb: |#\n  text\n", 2, "a comment needs a space"),
        ("\ufeffa: 1\nbé: &x >-#\n  text\n", 2, "a comment needs a space"),
    ],
)
def test_what_content_has_no_use_for_is_refused_at_its_line(text: str, line: int, reason: str) -> None:
    failure = parse_yaml(text.encode())
    assert isinstance(failure, YamlFailure), failure
    assert (failure.code, failure.line) == ("yaml-syntax", line)
    assert reason in failure.reason


@pytest.mark.timeout(HANG_TIMEOUT_SECONDS)  # what it guards against never ends; its speed is make bench's
def test_nesting_is_refused_at_its_line_without_recursion() -> None:
    failure = parse_yaml(b"a: 1\nb: " + b"[" * 2_000_000)
    assert isinstance(failure, YamlFailure) and failure.line == 2  # libyaml's own limit, or ours
    block = "".join(" " * depth + "k:\n" for depth in range(MAX_DEPTH + 50)).encode()
    failure = parse_yaml(block)
    assert isinstance(failure, YamlFailure) and failure.line == MAX_DEPTH + 1
    assert failure.reason == "the lists and mappings are nested too deeply"
    fits = b"a: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1)
    assert isinstance(parse_yaml(fits), YamlMapping)


@pytest.mark.timeout(HANG_TIMEOUT_SECONDS)  # what it guards against never ends; its speed is make bench's
def test_an_alias_bomb_costs_no_more_than_its_text(tmp_path: Path) -> None:
    levels = ["l0: &l0 [" + ", ".join(["lol"] * 10) + "]"]
    levels += [f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]" for level in range(1, 10)]
    text = "schema: 1\nkind: glossary\nterms: []\n" + "\n".join(levels) + "\n"  # 10**10 strings if copied
    result = load_content([_write(tmp_path / "bomb.yaml", text)])
    assert {problem.code for problem in result.problems} == {"unknown-field", "empty-list"}


def test_a_byte_order_mark_is_read_and_text_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    assert parse_yaml(b"\xef\xbb\xbfa: 1\n") == {"a": 1}
    failure = parse_yaml(b"a: 1\nb: caf\xe9\n")
    assert isinstance(failure, YamlFailure) and (failure.code, failure.line) == ("file-unreadable", 2)


def test_pyyaml_without_libyaml_reads_the_shipped_content_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python parser stands in when PyYAML was built without libyaml: same content, same lines."""
    with_libyaml = load_content([resources.forms_dir()])
    monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)
    monkeypatch.setattr(yaml_source, "_LIBYAML", False)
    assert load_content([resources.forms_dir()]) == with_libyaml
    for text in ("a: 1\nb: \x07\n", "a: 1\nb: [unclosed", "a: 1\na: 2\n", "é: 1\nb: \x07\n"):
        failure = parse_yaml(text.encode())
        assert isinstance(failure, YamlFailure) and failure.line == 2, (text, failure)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
