"""Every Arabic text the app ships: the catalogue's translations and the `ar` texts of the content and the sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po
from ruamel.yaml import YAML

from resilience_app.core import resources

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "translations" / "ar" / "LC_MESSAGES" / "messages.po"


def arabic_catalogue() -> dict[str, tuple[str, ...]]:
    """Each message's English id (the singular of a plural) with its Arabic form or forms."""
    with CATALOGUE.open("rb") as stream:
        return {
            message.id if isinstance(message.id, str) else message.id[0]: message.string if isinstance(message.string, tuple) else (message.string,)
            for message in read_po(stream)
            if message.id
        }


def content_files() -> list[Path]:
    """The content (forms/**/*.yaml) and the sample's YAML."""
    return sorted(resources.forms_dir().rglob("*.yaml")) + sorted((ROOT / "resilience_app" / "core").glob("sample_*.yaml"))


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


def all_arabic() -> Iterator[tuple[str, str]]:
    """(where, text) for every Arabic text of the catalogue, the content and the sample."""
    for message_id, strings in arabic_catalogue().items():
        for string in strings:
            yield f"messages.po: {message_id}", string
    for file in content_files():
        yield from _arabic_texts(YAML(typ="safe", pure=True).load(file.read_text(encoding="utf-8")), file.name)
