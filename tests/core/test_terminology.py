"""One Arabic term per concept: the terminology table forbids the variants, in the catalogue and in the content (issue 19)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from ruamel.yaml import YAML

from resilience_app.core import resources

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "translations" / "terminology.yaml"


def _arabic_texts(node: object, where: str) -> Iterator[tuple[str, str]]:
    """Every text under an `ar` key of a content file, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "ar" and isinstance(value, str):
                yield where, value
            else:
                yield from _arabic_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _arabic_texts(value, f"{where}[{index}]")


def _all_arabic() -> Iterator[tuple[str, str]]:
    with (ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        for message in read_po(stream):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                yield f"messages.po: {message.id if isinstance(message.id, str) else message.id[0]}", string
    content = sorted(resources.forms_dir().rglob("*.yaml")) + sorted((ROOT / "resilience_app" / "core").glob("sample_*.yaml"))
    for file in content:
        yield from _arabic_texts(YAML(typ="safe", pure=True).load(file.read_text(encoding="utf-8")), file.name)


def test_no_forbidden_variant_of_a_term_appears_in_arabic() -> None:
    terms = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]
    assert len(terms) >= 8 and all({"en", "ar", "forbidden"} <= set(term) for term in terms)
    patterns = [(term["en"], re.compile(variant)) for term in terms for variant in term["forbidden"]]
    found = [
        (where, concept, match.group())
        for where, text in _all_arabic()
        for concept, pattern in patterns
        if (match := pattern.search(" ".join(text.split())))
    ]
    assert found == []


def test_the_table_catches_a_variant() -> None:
    terms = {term["en"]: term for term in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]}
    discovery = [re.compile(variant) for variant in terms["discovery area"]["forbidden"]]
    assert any(pattern.search("اختيار مجالات الاستكشاف") for pattern in discovery)
    assert any(pattern.search("مجال استكشاف واحد") for pattern in discovery)
    assert not any(pattern.search("مجال استكشافي واحد والمجالات الاستكشافية") for pattern in discovery)
