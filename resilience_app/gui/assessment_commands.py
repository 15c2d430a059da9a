"""What the Assessment menu does to an assessment: create, edit its details, rename, duplicate,
delete, export its brief (PDF or Word) and export the whole of it to Excel.

Each opens its dialog on the main window without blocking (the window's `active_dialog`, where tests
and tools reach it) and makes its change through `run_operation`, so a refusal is a plain message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from resilience_app.core import i18n
from resilience_app.core.brief.sections import PRA
from resilience_app.core.errors import UserFacingError
from resilience_app.core.file_export import proposed_export_folder
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _, isolate
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.background_job import start_job
from resilience_app.gui.errors import show_user_error
from resilience_app.gui.export_dialog import ExportDialog, SaveExportDialog, WorkbookExportDialog, show_export_done, show_workbook_done
from resilience_app.gui.follow_up_dialog import FollowUpDialog
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.operations import Change, attempt, run_operation

if TYPE_CHECKING:
    from resilience_app.core.assessment.records import AssessmentRecord
    from resilience_app.core.brief.docx.export import WordExportResult
    from resilience_app.core.brief.export import ExportResult
    from resilience_app.core.brief.withheld import Withheld
    from resilience_app.core.spreadsheet.export import WorkbookResult
    from resilience_app.gui.main_window import MainWindow

Dialog = TypeVar("Dialog", bound=SaveExportDialog)
Result = TypeVar("Result")


def new_assessment(window: MainWindow) -> None:
    dialog = AssessmentDialog(window, title=_("New assessment"))

    def create() -> None:
        details = dialog.details()
        if details is None:
            return
        record = run_operation(window, lambda: window.service.assessments.create_assessment(details), bus=window.bus, changes=Change.ASSESSMENT_LIST)
        if record is not None:
            window.open_assessment(record.id)  # a new assessment is there to be worked on

    dialog.accepted.connect(create)
    open_tracked(window, dialog)


def edit_details(window: MainWindow, assessment_id: int) -> None:
    record = window.fetch_assessment(assessment_id)
    if record is None:
        return
    dialog = AssessmentDialog(window, title=_("Assessment details"), details=record.details)

    def update() -> None:
        details = dialog.details()
        if details is not None:
            run_operation(window, lambda: window.service.assessments.update_details(assessment_id, details), bus=window.bus, changes=Change.ASSESSMENT_LIST)

    dialog.accepted.connect(update)
    open_tracked(window, dialog)


def rename_selected(window: MainWindow) -> None:
    record = window.fetch_assessment(window.selected_assessment_id())
    if record is None:
        return
    assessment_id = record.id
    dialog = AssessmentDialog(window, title=_("Rename assessment"), details=record.details, names_only=True)

    def rename() -> None:
        details = dialog.details()
        if details is not None:
            run_operation(
                window,
                lambda: window.service.assessments.rename_assessment(assessment_id, city_name_en=details.city_name_en, city_name_ar=details.city_name_ar),
                bus=window.bus,
                changes=Change.ASSESSMENT_LIST,
            )

    dialog.accepted.connect(rename)
    open_tracked(window, dialog)


def duplicate_selected(window: MainWindow) -> None:
    assessment_id = window.selected_assessment_id()
    if assessment_id is None:
        return

    def done(record: AssessmentRecord) -> None:
        window.bus.changed.emit(Change.ASSESSMENT_LIST)
        window.show_list()
        window.select_assessment(record.id)

    # With its evidence files copied, a duplicate takes a while: off the GUI thread, the action off until it is made.
    start_job(window, _("Duplicating the assessment…"), lambda: window.service.assessments.duplicate_assessment(assessment_id),
              key="duplicate", on_done=done, holds=(window.duplicate_action,))


def start_follow_up(window: MainWindow) -> None:
    """Ask for the new round's kind, date and what it carries over; start it, then open it (saying how many answers are to review)."""
    record = window.fetch_assessment(window.selected_assessment_id())
    if record is None:
        return
    assessment_id = record.id
    current = attempt(window, lambda: window.service.rounds.round_of(assessment_id))
    if current is None:
        return
    dialog = FollowUpDialog(window, city=record.city_name(i18n.current_language()), follows=current.date or record.details.assessment_date)

    def start() -> None:
        options = dialog.chosen
        if options is None:
            return
        window.assessment_page.save_typing()
        made = run_operation(window, lambda: window.service.rounds.start_follow_up(assessment_id, options), bus=window.bus, changes=Change.ASSESSMENT_LIST)
        if made is None:
            return
        window.open_assessment(made.record.id)
        if options.carry_answers:
            window.statusBar().showMessage(i18n.ngettext(
                "Follow-up started: {count} answer carried over, to review.", "Follow-up started: {count} answers carried over, to review.",
                made.carried_answers).format(count=format_number(made.carried_answers)))
        else:
            window.statusBar().showMessage(_("Follow-up started."))

    dialog.accepted.connect(start)
    open_tracked(window, dialog)


def delete_selected(window: MainWindow) -> None:
    record = window.fetch_assessment(window.selected_assessment_id())
    if record is None:
        return
    assessment_id = record.id
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Delete assessment"),
        _("Delete the assessment of {city}? Its answers will be removed from this computer.").format(
            city=isolate(record.city_name(i18n.current_language()))
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setObjectName("confirm_delete_dialog")
    box.button(QMessageBox.StandardButton.Yes).setText(_("Delete"))  # the action's name, not a bare yes or no
    box.button(QMessageBox.StandardButton.No).setText(_("Keep"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setInformativeText(_("A copy stays in the backups taken each time the app starts."))

    def delete() -> bool:
        window.service.assessments.delete_assessment(assessment_id)
        return True

    def on_answer(button: QAbstractButton) -> None:
        # Only once it is gone, back to the list, and only then announce the change: announced while the
        # assessment was still shown, the window would look it up again and call it vanished.
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            if attempt(window, delete):
                window.show_list()
                window.bus.changed.emit(Change.ASSESSMENT_LIST)

    box.buttonClicked.connect(on_answer)
    open_tracked(window, box)


def _has_earlier_round(window: MainWindow, assessment_id: int) -> bool:
    """Whether the assessment is a later round of its series (a series that can no longer be read counts as none)."""
    ids = [found.assessment_id for found in attempt(window, lambda: window.service.rounds.series_of(assessment_id)) or []]
    return assessment_id in ids and ids.index(assessment_id) > 0


def export_selected(window: MainWindow) -> None:
    """Export the brief or the Preliminary Resilience Assessment in the document and format chosen last time (PDF or Word),
    remembered for the next time."""

    def open_dialog(parent: QWidget, record: AssessmentRecord, sensitive: Withheld | None, folder: Path) -> ExportDialog:
        return ExportDialog(parent, record, sensitive, brief_format=str(window.settings.get("brief_format")),
                            document=str(window.settings.get("brief_document")), has_earlier_round=_has_earlier_round(window, record.id),
                            folder=folder)

    def export(record_id: int, dialog: ExportDialog) -> Callable[[], ExportResult | WordExportResult]:
        window.settings.set("brief_format", dialog.brief_format())
        window.settings.set("brief_document", dialog.document())
        write = window.service.export_brief_docx if dialog.brief_format() == "docx" else window.service.export_brief
        language, path, sections, document, sensitive = (dialog.language(), dialog.path(), dialog.chosen_sections(), dialog.document(),
                                                         dialog.includes_sensitive())
        return lambda: write(record_id, language=language, path=path, sections=sections, document=document, include_sensitive=sensitive)

    def job_name(dialog: ExportDialog) -> str:
        return _("Exporting the Preliminary Resilience Assessment…") if dialog.document() == PRA else _("Exporting the brief…")

    _export(window, window.export_action, open_dialog, show_export_done, export, job_name)


def export_workbook_selected(window: MainWindow) -> None:
    def export(record_id: int, dialog: WorkbookExportDialog) -> Callable[[], WorkbookResult]:
        language, path, sensitive = dialog.language(), dialog.path(), dialog.includes_sensitive()
        return lambda: window.service.export_xlsx(record_id, language=language, path=path, include_sensitive=sensitive)

    _export(window, window.export_workbook_action, WorkbookExportDialog, show_workbook_done, export, lambda _dialog: _("Exporting to Excel…"))


def _export(
    window: MainWindow,
    action: QAction,
    dialog_type: Callable[[QWidget, AssessmentRecord, Withheld | None, Path], Dialog],
    show_done: Callable[[QWidget, Result], QMessageBox],
    export: Callable[[int, Dialog], Callable[[], Result]],
    job_name: Callable[[Dialog], str],
) -> None:
    """Ask what to export of the chosen assessment (saying what is marked sensitive), export it off the GUI thread, then
    say where it went. The dialog proposes the folder of the last export (else the documents folder, else home) and
    stays open with its choices while the export runs and after a refusal; its action is off until the export ends."""
    record = window.fetch_assessment(window.selected_assessment_id())
    if record is None:
        return
    sensitive = attempt(window, lambda: window.service.sensitive_content(record.id))
    dialog = dialog_type(window, record, sensitive, proposed_export_folder(window.settings.get("export_folder")))

    def done(result: Result) -> None:
        dialog.job = None
        window.settings.set("export_folder", str(dialog.path().absolute().parent))
        dialog.accept()
        QTimer.singleShot(0, lambda: open_tracked(window, show_done(window, result)))  # after the export dialog has finished closing

    def stopped() -> None:
        dialog.job = None

    def failed(error: UserFacingError) -> None:
        stopped()
        show_user_error(dialog, error)

    def run() -> None:
        work = export(record.id, dialog)  # the choices, read here on the GUI thread
        dialog.job = start_job(dialog, job_name(dialog), work, key=action.objectName(), on_done=done, on_failed=failed, on_cancelled=stopped,
                               can_cancel=True, holds=(action, dialog.export_button()), show_in=dialog.progress_area,
                               cancel_with=dialog.buttons.button(dialog.buttons.StandardButton.Cancel))  # the dialog's Cancel stops the export

    dialog.export_requested.connect(run)
    open_tracked(window, dialog)
