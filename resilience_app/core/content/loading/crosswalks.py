"""`kind: crosswalk`: an external framework's items (UNDRR's essentials, Sendai's targets, SDG 11's targets) and
which of the framework's indicators correspond to each.

Ids of crosswalks and of their items share one namespace, so `undrr-e01` names one item wherever it is used.
An item named in a mapping must be one of the file's own items (checked here, with a suggestion); an
indicator must be one of the framework's (checked once every file is read, like every other reference).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from resilience_app.core.content.loading.fields import FileReader, describe
from resilience_app.core.content.model import CROSSWALK_FITS, Crosswalk, CrosswalkItem, CrosswalkMapping
from resilience_app.core.content.yaml_source import YamlList, YamlMapping, line_of
from resilience_app.core.error_catalogue import ProblemCode
from resilience_app.core.i18n import N_, _

NAMESPACE = "crosswalks"
VERSION_PATTERN = re.compile(r"^[0-9]{4}\.[0-9]+$")  # "2026.1": the year of the content, then its release that year
ITEM_TARGET = N_("item of this crosswalk")


def read_crosswalk(reader: FileReader, document: YamlMapping) -> Crosswalk | None:
    """The crosswalk in `document`, or None when a field it needs is wrong (every problem reported)."""
    reader.mapping(
        document, line_of(document), None,
        required=("schema", "kind", "id", "version", "framework", "name", "description", "items", "mappings"),
        optional=("notes",),
    )
    crosswalk_id = reader.identifier(document)
    version = _version(reader, document, crosswalk_id)
    framework_id = reader.reference(document, "framework", crosswalk_id, "framework")
    name = reader.text(document, "name", crosswalk_id)
    description = reader.text(document, "description", crosswalk_id)
    notes = reader.text(document, "notes", crosswalk_id)
    read = [_read_item(reader, entry, line) for entry, line in reader.items(document, "items", crosswalk_id)]
    items = [item for _item_id, item in read if item]
    # An item whose name is wrong is still named rightly in the mappings: only its own problem is reported.
    mappings = _read_mappings(reader, document, crosswalk_id, [item_id for item_id, _item in read if item_id])
    if crosswalk_id and version and framework_id and name and description and (notes or "notes" not in document):
        return Crosswalk(crosswalk_id, version, framework_id, name, description, notes, tuple(items), tuple(mappings))
    return None


def _version(reader: FileReader, document: YamlMapping, crosswalk_id: str | None) -> str | None:
    """A version written as quoted text like "2026.1" (an unquoted 2026.10 would be read as the number 2026.1)."""
    value = document.get("version")
    if value is None:
        return None
    if not isinstance(value, str) or not VERSION_PATTERN.match(value.strip()):
        reader.report(ProblemCode.BAD_VERSION, line_of(document, "version"), crosswalk_id, found=value if isinstance(value, (str, int, float)) else describe(value))
        return None
    return value.strip()


def _read_item(reader: FileReader, entry: Any, line: int | None) -> tuple[str | None, CrosswalkItem | None]:
    """The item's id (when well formed) and the item (when every field is right)."""
    item = reader.mapping(entry, line, None, required=("id", "number", "name", "fit"), optional=("no_level",))
    if item is None:
        return None, None
    item_id = reader.identifier(item)
    number = reader.text(item, "number", item_id)
    name = reader.text(item, "name", item_id)
    fit = reader.choice(item, "fit", item_id, CROSSWALK_FITS)
    no_level = _flag(reader, item, "no_level", item_id)
    if item_id and number and name and fit and no_level is not None:
        return item_id, CrosswalkItem(item_id, number, name, fit, no_level)
    return item_id, None


def _flag(reader: FileReader, container: YamlMapping, key: str, item_id: str | None) -> bool | None:
    """An optional yes/no field: true or false, absent meaning false; None (reported) for anything else."""
    value = container.get(key, False)
    if not isinstance(value, bool):
        reader.report(ProblemCode.WRONG_TYPE, line_of(container, key), item_id, field=key, expected=_("true or false"), found=describe(value))
        return None
    return value


def _read_mappings(reader: FileReader, document: YamlMapping, crosswalk_id: str | None, item_ids: list[str]) -> list[CrosswalkMapping]:
    """Each indicator's items; an indicator listed twice, an empty list or an item the file lacks is reported."""
    if isinstance(document.get("mappings"), YamlList) and not document["mappings"]:
        reader.report(ProblemCode.EMPTY_MAPPING, line_of(document, "mappings"), crosswalk_id, id=crosswalk_id or _("this crosswalk"))
        return []
    mappings = []
    for entry, line in reader.items(document, "mappings", crosswalk_id):
        mapping = reader.mapping(entry, line, crosswalk_id, required=("indicator", "items"))
        if mapping is None:
            continue
        indicator_id = reader.reference(mapping, "indicator", crosswalk_id, "indicator")
        if indicator_id is not None:  # an indicator is mapped once per crosswalk, with all its items
            reader.claim(indicator_id, line_of(mapping, "indicator") or line, f"{NAMESPACE}:{crosswalk_id}:mappings")
        listed = mapping.get("items")
        if isinstance(listed, YamlList) and not listed:
            reader.report(ProblemCode.EMPTY_MAPPING, line_of(mapping, "items"), indicator_id, id=indicator_id or _("this indicator"))
            continue
        found = _mapped_items(reader, mapping, indicator_id, item_ids)
        if indicator_id is not None and found:
            mappings.append(CrosswalkMapping(indicator_id, found))
    return mappings


def _mapped_items(reader: FileReader, mapping: YamlMapping, indicator_id: str | None, item_ids: list[str]) -> tuple[str, ...]:
    found: dict[str, int | None] = {}  # item id -> the line it is first listed at
    for entry, line in reader.items(mapping, "items", indicator_id):
        if not isinstance(entry, str):
            reader.report(ProblemCode.WRONG_TYPE, line, indicator_id, field="items", expected=_("text"), found=describe(entry))
        elif entry not in item_ids:
            close = difflib.get_close_matches(entry, item_ids, n=1)
            reader.report(ProblemCode.UNKNOWN_REFERENCE, line, indicator_id, id=entry, target=_(ITEM_TARGET), suggestion=close[0] if close else None)
        elif entry in found:
            reader.report(ProblemCode.DUPLICATE_ID, line, indicator_id, id=entry, other=f"{reader.path.name}:{found[entry]}")
        else:
            found[entry] = line
    return tuple(found)
