"""`kind: stakeholders`: the sectors a workshop should hear from and the balance checks of its room."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from resilience_app.core.content.loading.fields import FileReader
from resilience_app.core.content.model import BALANCE_IDS, BalanceCheck, Sector
from resilience_app.core.content.yaml_source import YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode

T = TypeVar("T")


def _read_share_entries(reader: FileReader, document: YamlMapping, key: str, build: Callable[..., T], ids: tuple[str, ...] = ()) -> list[T]:
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
            reader.report(ProblemCode.OUT_OF_RANGE, line_of(item, "minimum_share"), item_id, field="minimum_share", low=0, high=100)
            share = None
        if item_id and name and gap and share is not None:
            built.append(build(item_id, name, share, gap))
    return built


def read_stakeholders(reader: FileReader, document: YamlMapping) -> tuple[list[Sector], list[BalanceCheck]]:
    reader.mapping(document, line_of(document), None, required=("schema", "kind", "version", "sectors"), optional=("balance",))
    reader.string(document, "version", None)  # checked like the framework's, though nothing reads it yet
    sectors = _read_share_entries(reader, document, "sectors", Sector)
    return sectors, _read_share_entries(reader, document, "balance", BalanceCheck, BALANCE_IDS)
