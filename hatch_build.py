"""Build hook: compile the gettext catalogues (.po -> .mo) into the wheel.

Compiled catalogues are build products, never committed; this hook puts them at
resilience_app/_data/translations/<lang>/LC_MESSAGES/messages.mo in the wheel.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        source = Path(self.root) / "translations"
        output = Path(tempfile.mkdtemp(prefix="resilience-mo-"))
        for po_file in sorted(source.glob("*/LC_MESSAGES/*.po")):
            relative = po_file.relative_to(source).with_suffix(".mo")
            target = output / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po_file.open("rb") as stream:
                catalog = read_po(stream)
            with target.open("wb") as stream:
                write_mo(stream, catalog)
            build_data["force_include"][str(target)] = f"resilience_app/_data/translations/{relative.as_posix()}"
