"""The help the app ships: "How an assessment runs", one Markdown file per language in `assets/help/`.

Like the rest of the shipped data it is found through `resources`, so it reads the same from a source
checkout and from an installed wheel.
"""

from __future__ import annotations

from pathlib import Path

from resilience_app.core import resources
from resilience_app.core.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, current_language


def guide_file(language: str) -> Path:
    return resources.assets_dir() / "help" / f"guide.{language}.md"


def guide_text(language: str | None = None) -> str:
    """The guide in `language` (the current one by default), in Markdown; English for a language without one."""
    language = language or current_language()
    chosen = guide_file(language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE)
    return chosen.read_text(encoding="utf-8")
