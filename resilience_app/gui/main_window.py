"""The main window: the list of assessments and the open assessment, with menus and a toolbar.

The menus and their texts are in `main_menus`, what the Assessment menu does in `assessment_commands`,
the backups in `backup_restore`; this module shows the list, opens an assessment and goes back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AssessmentRecord
from resilience_app.core.i18n import _, isolate
from resilience_app.core.services import ResilienceService
from resilience_app.core.settings import Settings
from resilience_app.gui import assessment_commands, backup_restore
from resilience_app.gui.about_dialog import AboutDialog
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.assessment_table_model import ASSESSMENT_ID_ROLE, AssessmentTableModel
from resilience_app.gui.background_job import start_job, wait_for_jobs
from resilience_app.gui.errors import show_user_error
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.help_dialogs import GlossaryDialog, GuideDialog, ShortcutsDialog
from resilience_app.gui.language import LanguageController
from resilience_app.gui.main_menus import MenuBarWindow
from resilience_app.gui.operations import Change, ChangeBus, attempt
from resilience_app.gui.reader_names import retranslate_reader_names
from resilience_app.gui.window_memory import remember_splitters, restore_splitters
from resilience_app.gui.window_size import first_placement


class MainWindow(MenuBarWindow):
    """The list of assessments or the open one, a page at a time; `active_dialog` is the dialog it has open."""

    def __init__(self, service: ResilienceService, settings: Settings, language: LanguageController) -> None:
        super().__init__(language)
        self.setObjectName("main_window")
        self.service = service
        self.settings = settings
        self.bus = ChangeBus(self)
        self.active_dialog: QDialog | None = None

        self.model = AssessmentTableModel()
        self.table = QTableView()
        self.table.setObjectName("assessment_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.list_heading = QLabel()
        self.list_heading.setObjectName("list_heading")
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.list_heading)
        list_layout.addWidget(self.empty_hint, 1)  # fills the page when there is no table, heading stays on top
        list_layout.addWidget(self.table, 1)
        self.assessment_page = AssessmentPage()
        self.assessment_page.back_requested.connect(self.show_list)
        self.assessment_page.edit_requested.connect(self.edit_details)
        self.assessment_page.failed.connect(lambda error: show_user_error(self, error))
        self.assessment_page.session_started.connect(self._on_session_started)
        self.assessment_page.session_closing.connect(lambda: remember_splitters(self.assessment_page, self.settings))
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.assessment_page)
        self.setCentralWidget(self.pages)

        # Delete removes an assessment only from the list: while answering, the key must not reach it.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_page.addAction(self.delete_action)
        self.bus.changed.connect(self._on_changed)
        self.language.language_changed.connect(self._on_language_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())
        self._restore_geometry()
        self.retranslate()
        self.refresh()
        self._return_to_last_place()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Resilience app"))
        self.retranslate_menus()
        retranslate_reader_names(self)
        self.restore_action.setEnabled(self.service.backups.available)
        heading = _("Assessments")
        self.list_heading.setText(f"<h2>{heading}</h2>")
        self.empty_hint.setText(
            _("No assessments yet. Choose “New assessment…” to start one, or “Help › Open the sample assessment” to explore a complete example.")
        )
        self.statusBar().showMessage(_("Data is kept on this computer: {location}").format(location=isolate(self.service.database.location)))
        self.model.retranslate()
        self.assessment_page.retranslate()

    # -- state ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list of assessments, keeping the selection where it was."""
        selected = self.selected_assessment_id()
        rows = attempt(self, self.service.assessments.list_assessments)
        rounds = attempt(self, self.service.rounds.every_round) if rows else {}
        self.model.set_rows(rows or [], rounds or {})
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        if selected is not None:
            self.select_assessment(selected)
        elif self.model.rowCount():
            self._select_row(0)
        self._update_actions()

    def selected_assessment_id(self) -> int | None:
        if self.pages.currentWidget() is self.assessment_page:
            return self.assessment_page.assessment_id
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ASSESSMENT_ID_ROLE) if rows else None

    def select_assessment(self, assessment_id: int) -> None:
        row = self.model.row_of(assessment_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        # Not QTableView.selectRow: it finds no column to select in a right-to-left layout.
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)

    def _update_actions(self) -> None:
        self.enable_assessment_actions(self.selected_assessment_id() is not None)

    def _on_changed(self, changes: Change) -> None:
        if Change.ASSESSMENT_LIST not in changes:
            return  # answers, the register and workshops are re-read by the open assessment's own states
        self.refresh()
        open_id = self.assessment_page.assessment_id
        if self.pages.currentWidget() is self.assessment_page and open_id is not None:
            record = self.fetch_assessment(open_id)
            if record is None:
                self.show_list()
            else:
                self.assessment_page.update_record(record)

    def _on_session_started(self, session: AssessmentSession) -> None:
        restore_splitters(self.assessment_page, self.settings)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)

    def _on_language_changed(self, _language: str) -> None:
        attempt(self, self.assessment_page.reread_in_language)
        self.retranslate()
        self.refresh()  # the list's countries and officers, if the app wrote them (the sample), follow the language too

    def fetch_assessment(self, assessment_id: int | None) -> AssessmentRecord | None:
        """The assessment as stored now; a plain message (and None) if it has gone."""
        if assessment_id is None:
            return None
        return attempt(self, lambda: self.service.assessments.get_assessment(assessment_id))

    # -- the Assessment menu (assessment_commands), backups (backup_restore) and Help -----------------

    def new_assessment(self) -> None:
        assessment_commands.new_assessment(self)

    def edit_details(self, assessment_id: int) -> None:
        assessment_commands.edit_details(self, assessment_id)

    def rename_selected(self) -> None:
        assessment_commands.rename_selected(self)

    def duplicate_selected(self) -> None:
        assessment_commands.duplicate_selected(self)

    def delete_selected(self) -> None:
        assessment_commands.delete_selected(self)

    def start_follow_up(self) -> None:
        assessment_commands.start_follow_up(self)

    def export_selected(self) -> None:
        assessment_commands.export_selected(self)

    def export_workbook_selected(self) -> None:
        assessment_commands.export_workbook_selected(self)

    def restore_from_backup(self) -> None:
        backup_restore.restore_from_backup(self)

    def warn_about_backup_problem(self) -> None:
        backup_restore.warn_about_backup_problem(self)

    def show_about(self) -> None:
        open_tracked(self, AboutDialog(self, self.service.paths, self.service.database.location))

    def show_guide(self) -> None:
        open_tracked(self, GuideDialog(self))

    def show_shortcuts(self) -> None:
        open_tracked(self, ShortcutsDialog(self))

    def show_glossary(self) -> None:
        terms = attempt(self, lambda: self.service.content.glossary)
        if terms is not None:
            open_tracked(self, GlossaryDialog(self, terms))

    # -- opening an assessment and going back to the list ----------------------------------------

    def open_selected(self) -> None:
        assessment_id = self.selected_assessment_id()
        if assessment_id is not None:
            self._show_assessment(assessment_id)

    def open_assessment(self, assessment_id: int) -> None:
        """Open the assessment `assessment_id` (a plain message and the list if it cannot be read)."""
        self._show_assessment(assessment_id)

    def _show_assessment(self, assessment_id: int) -> None:
        record = self.fetch_assessment(assessment_id)
        if record is None:
            self.show_list()
            return
        if self.assessment_page.assessment_id != assessment_id:
            opened = attempt(self, lambda: self.assessment_page.show_assessment(self.service, record, self.service.framework(record.framework_id)))
            if opened is None:
                self.show_list()
                return
        self.pages.setCurrentWidget(self.assessment_page)
        self._update_actions()

    def open_sample(self) -> None:
        """Create the sample assessment in the current language (off the GUI thread, a busy bar in the status bar) and open it."""
        from resilience_app.core.sample import create_sample

        def done(record: AssessmentRecord) -> None:
            self.bus.changed.emit(Change.ASSESSMENT_LIST)
            self._show_assessment(record.id)

        language = i18n.current_language()
        job = start_job(self, _("Creating the sample assessment…"), lambda: create_sample(self.service, language), key="sample", on_done=done,
                        holds=(self.sample_action,))
        if job is not None:
            job.wait()  # the window repaints meanwhile; the sample is open when this returns

    def offer_sample(self) -> None:
        """On a first start with no assessments, offer to open the sample."""
        if self.model.rowCount() or self.settings.get("sample_offered"):
            return
        self.settings.set("sample_offered", True)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Welcome"),
            _("There are no assessments yet. Open a sample assessment of a fictional city to see how the app works?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("sample_offer_dialog")
        box.setInformativeText(_("Its answers are invented. You can delete it at any time, or open it again from the Help menu."))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def on_answer(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.open_sample()

        box.buttonClicked.connect(on_answer)
        open_tracked(self, box)

    def show_list(self) -> None:
        self.assessment_page.close_session()
        self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # Qt takes nullptr (no active stack: Undo and Redo off); PySide6's stub leaves out None
        self.pages.setCurrentIndex(0)
        self._update_actions()
        self.table.setFocus()

    # -- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """As the user left it; the first time, sized to the screen (maximised on a small one: `window_size`)."""
        saved = self.settings.get("main_window_geometry")
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        screen = self.screen()
        if screen is None:
            self.resize(1100, 720)
            return
        area = screen.availableGeometry()
        placement = first_placement(area.x(), area.y(), area.width(), area.height())
        if placement.maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.setGeometry(placement.x, placement.y, placement.width, placement.height)

    def _return_to_last_place(self) -> None:
        """Open the assessment, tab and question the user had open when the app was last closed."""
        place = self.settings.get("last_place")
        assessment_id = place.get("assessment")
        if not isinstance(assessment_id, int) or self.model.row_of(assessment_id) is None:
            return
        self.select_assessment(assessment_id)
        self._show_assessment(assessment_id)
        if self.assessment_page.assessment_id == assessment_id:
            self.assessment_page.go_to(tab=str(place.get("tab", "")), item=str(place.get("item", "")))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        wait_for_jobs()  # a job under way finishes (an export is cancelled by its dialog) before the database closes
        if self.pages.currentWidget() is not self.assessment_page:
            self.settings.set("last_place", {})
        elif self.assessment_page.session is not None:  # not a second close, with the assessment already let go
            self.settings.set("last_place", self.assessment_page.place())
        self.assessment_page.close_session()  # saves what is being typed
        self.settings.set("main_window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)

    @staticmethod
    def app_icon() -> QIcon:
        from resilience_app.core import resources

        return QIcon(str(resources.assets_dir() / "icons" / "app.svg"))
