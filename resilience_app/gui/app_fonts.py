"""The fonts the app ships (`assets/fonts`, OFL), used for the window as for the brief.

Without them Qt falls back to whatever the system has; on a laptop with no good Arabic font that is
DejaVu Sans, whose vowel marks are nearly invisible («أُجيب» reads «أجيب»), worst on a projector.
Latin text is set in Noto Sans and Arabic in Noto Naskh Arabic, the brief's two faces, so the app and
the documents it makes look like one product.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from resilience_app.core import resources

LATIN_FAMILY = "Noto Sans"
ARABIC_FAMILY = "Noto Naskh Arabic"
_log = logging.getLogger("resilience_app.gui")


def use_shipped_fonts(app: QApplication) -> None:
    """Load the shipped fonts once and make them the application's; a font that cannot be loaded is logged and skipped."""
    families = set(QFontDatabase.families())
    if {LATIN_FAMILY, ARABIC_FAMILY} - families:
        for file in sorted((resources.assets_dir() / "fonts").glob("*.ttf")):
            if QFontDatabase.addApplicationFont(str(file)) < 0:
                _log.warning("The font %s could not be loaded; the system's font is used instead", file.name)
        families = set(QFontDatabase.families())
    wanted = [family for family in (LATIN_FAMILY, ARABIC_FAMILY) if family in families]
    if wanted:
        font = app.font()
        font.setFamilies(wanted)  # Latin first; Arabic letters fall to the Arabic face
        app.setFont(font)
