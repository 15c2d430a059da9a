"""Render the main screens to PNG in English and Arabic, for looking at them before a change lands.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_screens.py OUTPUT_DIR
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from resilience_app.core import i18n
from resilience_app.core.paths import AppPaths
from resilience_app.core.storage.records import AssessmentDetails
from resilience_app.gui.app import create_main_window

CITIES = [
    AssessmentDetails(city_name_en="Amman", city_name_ar="عمّان", country="Jordan", population=4_642_000,
                      assessment_date=dt.date(2026, 11, 2), cro_name="Rana Haddad"),
    AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", country="Jordan", population=502_700),
    AssessmentDetails(city_name_ar="الزرقاء", country="الأردن", population=635_160),
]


def render(output: Path) -> None:
    app = QApplication.instance() or QApplication([])
    output.mkdir(parents=True, exist_ok=True)
    for language in i18n.SUPPORTED_LANGUAGES:
        i18n.set_language(language)
        paths = AppPaths.under(Path(tempfile.mkdtemp()))
        window = create_main_window(app, paths)  # type: ignore[arg-type]
        window.resize(1100, 680)
        window.show()
        app.processEvents()
        window.grab().save(str(output / f"empty-{language}.png"))
        for details in CITIES:
            window.service.create_assessment(details)
        window.refresh()
        app.processEvents()
        window.grab().save(str(output / f"list-{language}.png"))
        window.new_action.trigger()
        dialog = window.active_dialog
        app.processEvents()
        dialog.grab().save(str(output / f"new-dialog-{language}.png"))
        dialog.buttons.accepted.emit()  # empty names: shows the inline messages
        app.processEvents()
        dialog.grab().save(str(output / f"new-dialog-errors-{language}.png"))
        dialog.reject()
        window.select_assessment(window.service.list_assessments()[-1].id)
        window.open_selected()
        app.processEvents()
        window.grab().save(str(output / f"assessment-{language}.png"))
        window.show_list()
        window.delete_action.trigger()
        app.processEvents()
        window.active_dialog.grab().save(str(output / f"confirm-delete-{language}.png"))
        window.active_dialog.reject()
        window.show_about()
        app.processEvents()
        window.active_dialog.grab().save(str(output / f"about-{language}.png"))
        window.active_dialog.reject()
        window.close()
        window.service.close()


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
