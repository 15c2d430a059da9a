"""Render the Contributors tab with its workbook export and import to PNG, in English and Arabic at 1366×768.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_contributor_workbooks.py OUTPUT_DIR

The chase list after a workbook went out, the export dialog, a returned workbook's preview (a new answer offered as
the answer on record, one differing from it, an empty row, a refused row, a cell not read) and the message after import.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft
from resilience_app.core.contributions.workbook_layout import LETTERS
from resilience_app.core.paths import AppPaths
from resilience_app.gui.app import create_main_window

CITY = AssessmentDetails(city_name_en="Amman", city_name_ar="عمّان", country="Jordan", cro_name="Rana Haddad")
NAMES = {"en": [("Water Authority", "Utilities"), ("Health Directorate", "Health")], "ar": [("سلطة المياه", "المرافق"), ("مديرية الصحة", "الصحة")]}


def filled(data: bytes, cells: dict[int, dict[str, object]]) -> bytes:
    """`data` with cells of the questions sheet typed in, as a department would."""
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[1]
    for row, values in cells.items():
        for key, value in values.items():
            sheet[f"{LETTERS[key]}{row}"].value = value
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def settle(app: QApplication) -> None:
    """Let delayed layouts (a header's stretched section) run before a grab, as they would on screen."""
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        app.processEvents()


def render(output: Path) -> None:
    app = QApplication.instance() or QApplication([])
    output.mkdir(parents=True, exist_ok=True)
    for language in i18n.SUPPORTED_LANGUAGES:
        i18n.set_language(language)
        window = create_main_window(app, AppPaths.under(Path(tempfile.mkdtemp())))  # type: ignore[arg-type]
        window.resize(1366, 768)
        window.show()
        framework = window.service.framework()
        record = window.service.assessments.create_assessment(CITY)
        second_question = list(framework.questions())[1].id
        window.service.assessments.save_answer(record.id, second_question, AnswerDraft("level", 3))  # the workbook's 2 differs
        window.refresh()
        window.select_assessment(record.id)
        window.open_selected()
        page = window.assessment_page
        state, view = page.contributions, page.contributors
        added = [state.add_contributor(ContributorDraft(name, department, language)) for name, department in NAMES[language]]
        state.assign(added[0].id, [next(iter(framework.goals())).id])
        page.tabs.setCurrentWidget(view)
        view.table.setCurrentCell(0, 0)
        settle(app)
        window.grab().save(str(output / f"contributors-workbooks-{language}.png"))
        dialog = view.export_workbook()
        settle(app)
        dialog.grab().save(str(output / f"send-workbook-dialog-{language}.png"))
        dialog.reject()
        target = Path(tempfile.mkdtemp()) / "workbook.xlsx"
        state.export_workbook(added[0].id, target, deadline=dt.date.today() + dt.timedelta(days=14), return_to=CITY.cro_name)
        view.table.setCurrentCell(0, 0)
        settle(app)
        window.grab().save(str(output / f"contributors-sent-{language}.png"))
        level = "٤" if language == "ar" else "4"
        returned = filled(target.read_bytes(), {
            2: {"level": level, "justification": "Survey 2025" if language == "en" else "مسح ٢٠٢٥", "evidence": "Annual report 2025"},
            3: {"level": "2"},
            4: {"justification": "We think so" if language == "en" else "نعتقد ذلك"},
            5: {"level": "Not applicable" if language == "en" else "لا ينطبق"},
            6: {"confidence": "maybe", "level": "3"},
        })
        returned_file = target.with_name("returned.xlsx")
        returned_file.write_bytes(returned)
        preview = view.import_workbook_file(returned_file)
        settle(app)
        preview.grab().save(str(output / f"workbook-import-preview-{language}.png"))
        preview.import_button.click()
        settle(app)
        view.active_dialog.grab().save(str(output / f"workbook-imported-{language}.png"))
        view.active_dialog.accept()
        view.table.setCurrentCell(0, 0)
        settle(app)
        window.grab().save(str(output / f"contributors-returned-{language}.png"))
        window.close()
        window.service.close()


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
