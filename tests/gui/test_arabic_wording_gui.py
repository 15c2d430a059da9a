"""Arabic wording on screen (issue 19): bilingual forms ask in the window's language first; an export says beforehand what it will leave out."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget
from pytestqt.qtbot import QtBot

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.brief.withheld import Withheld
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.export_dialog import ExportDialog, WorkbookExportDialog
from resilience_app.gui.main_window import MainWindow

from .questionnaire_helpers import open_new_assessment


def _asks_first(form: QFormLayout, fields: dict[str, QWidget]) -> str:
    """The language whose field is on the upper row of `form`."""
    return min(fields, key=lambda language: form.getWidgetPosition(fields[language])[0])


def test_a_form_that_asks_in_both_languages_asks_in_the_windows_language_first(window: MainWindow, qtbot: QtBot, language: str) -> None:
    other = "en" if language == "ar" else "ar"
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AssessmentDialog)
    names = {code: dialog.fields[f"city_name_{code}"] for code in ("en", "ar")}
    assert _asks_first(dialog.findChild(QFormLayout), names) == language
    dialog.reject()

    view = open_new_assessment(window).shocks_stresses.register_view  # type: ignore[union-attr]
    own = view.add_own_item()
    assert _asks_first(own.findChild(QFormLayout), {"en": own.name_en, "ar": own.name_ar}) == language
    own.reject()

    item_form = view.form
    names = {code: item_form.fields[f"name_{code}"] for code in ("en", "ar")}
    assert _asks_first(item_form.form, names) == language
    window.language.apply(other, remember=False)
    assert _asks_first(item_form.form, names) == other


def test_the_export_dialog_says_what_will_be_left_out_and_the_brief_what_was(window: MainWindow, language: str) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville"))
    question = next(window.service.framework().questions()).id
    window.service.assessments.save_answer(record.id, question, AnswerDraft(status="level", level=2, justification="Private", sensitive=True))
    withheld = Withheld(answers=1)
    for dialog_class, document in ((ExportDialog, "document"), (WorkbookExportDialog, "workbook")):
        dialog = dialog_class(window, record, withheld)
        before = dialog.sensitive_note.text()
        assert dialog.language_buttons.buttons()[0].objectName() == f"{dialog.KIND}_language_{language}"  # the window's language offered first
        dialog.reject()
        expected = f"Unless you include them, the {document} will leave out what is marked sensitive: {{parts}}."
        assert before.startswith(i18n.translate_in(language, expected).split("{")[0])
    after = withheld.describe()  # the brief's cover, once it is written
    assert after.startswith(i18n.translate_in(language, "Left out of this brief because they are marked sensitive: {parts}.").split("{")[0])
    if language == "ar":
        assert before.startswith("سيُستبعد") and after.startswith("استُبعد")
