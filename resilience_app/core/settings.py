"""User settings, declared once with type, default and label; stored as JSON in the config folder.

The file carries a schema version; `_UPGRADES` turns an older file into the
current shape. A damaged file is set aside (renamed `.bad`) and defaults are used:
settings are a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resilience_app.core.i18n import N_, SUPPORTED_LANGUAGES

SCHEMA_VERSION = 1
_log = logging.getLogger("resilience_app.settings")


@dataclass(frozen=True)
class SettingSpec:
    type: type
    default: Any
    label: str  # marked with N_, translated when shown
    choices: tuple[Any, ...] = ()


SETTINGS: dict[str, SettingSpec] = {
    "language": SettingSpec(str, "", N_("Language"), choices=("",) + SUPPORTED_LANGUAGES),
    "arabic_indic_digits": SettingSpec(bool, True, N_("Show Arabic-Indic digits in Arabic")),
    "arabic_months": SettingSpec(str, "levant", N_("Month names in Arabic"), choices=("levant", "egypt_gulf", "maghreb", "both")),
    "brief_format": SettingSpec(str, "pdf", N_("Format of the exported brief"), choices=("pdf", "docx")),
    "brief_document": SettingSpec(str, "brief", N_("Document exported: the workshop brief or the Preliminary Resilience Assessment"),
                                  choices=("brief", "pra")),
    "export_folder": SettingSpec(str, "", N_("Folder of the last export, proposed for the next one")),
    "main_window_geometry": SettingSpec(str, "", N_("Main window size and position")),
    "splitter_sizes": SettingSpec(dict, {}, N_("Sizes of the panes side by side in each tab")),
    "last_place": SettingSpec(dict, {}, N_("The assessment, tab and question open when the app was last closed")),
    "sample_offered": SettingSpec(bool, False, N_("The sample assessment was offered the first time the app started")),
}

_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    # 1: lambda values: {...}  # from schema 1 to 2, when the shape changes
}


class Settings:
    """Typed access to the settings file; every `set` is written at once (atomically)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        if not self._path.exists():
            return
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
            if not isinstance(document, dict):
                raise ValueError("not an object")
            version = int(document.get("schema", 1))
            values = dict(document.get("values", {}))
            while version < SCHEMA_VERSION:
                values = _UPGRADES[version](values)
                version += 1
        except (OSError, ValueError, KeyError, TypeError, OverflowError, RecursionError) as error:  # 1e400, nesting too deep
            _log.warning("Settings file %s is damaged (%s); using defaults", self._path, type(error).__name__)
            try:
                self._path.replace(self._path.with_suffix(".bad"))
            except OSError:
                pass
            return
        for name, value in values.items():
            spec = SETTINGS.get(name)
            if spec is not None and isinstance(value, spec.type) and (not spec.choices or value in spec.choices):
                self._values[name] = value

    def get(self, name: str) -> Any:
        return self._values.get(name, SETTINGS[name].default)

    def set(self, name: str, value: Any) -> None:
        spec = SETTINGS[name]
        if not isinstance(value, spec.type) or (spec.choices and value not in spec.choices):
            raise ValueError(f"invalid value for setting {name!r}: {value!r}")
        self._values[name] = value
        self._save()

    def _save(self) -> None:
        document = {"schema": SCHEMA_VERSION, "values": self._values}
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._path.parent, prefix=".settings-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(document, stream, ensure_ascii=False, indent=2)
            os.replace(temporary, self._path)
        except OSError as error:
            # Losing a window position is not worth interrupting the user's work.
            _log.warning("Could not save settings to %s: %s", self._path, error)
