"""The main window: the list of assessments and the open assessment, with menus and a toolbar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core import i18n
from resilience_app.core.backup_service import taken_at_text
from resilience_app.core.i18n import _, isolate
from resilience_app.core.services import ResilienceService
from resilience_app.core.settings import Settings
from resilience_app.core.storage.records import AssessmentRecord
from resilience_app.gui.about_dialog import AboutDialog
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.assessment_table_model import ASSESSMENT_ID_ROLE, AssessmentTableModel
from resilience_app.gui.backups_dialog import BackupsDialog
from resilience_app.gui.errors import show_user_error
from resilience_app.gui.export_dialog import ExportDialog, show_export_done
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.language import LanguageController
from resilience_app.gui.operations import ChangeBus, run_operation


class MainWindow(QMainWindow):
    def __init__(self, service: ResilienceService, settings: Settings, language: LanguageController) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.service = service
        self.settings = settings
        self.language = language
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
        self.undo_group = QUndoGroup(self)
        self.assessment_page.session_started.connect(self._on_session_started)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.assessment_page)
        self.setCentralWidget(self.pages)

        self._create_actions()
        # Delete removes an assessment only from the list: while answering, the key must not reach it.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_page.addAction(self.delete_action)
        self._create_menus_and_toolbar()
        self.bus.assessments_changed.connect(self._on_assessments_changed)
        self.language.language_changed.connect(self._on_language_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())
        self._restore_geometry()
        self.retranslate()
        self.refresh()

    # -- construction -----------------------------------------------------------

    def _action(self, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: object) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action("new_action", QKeySequence.StandardKey.New, self.new_assessment)
        self.open_action = self._action("open_action", QKeySequence.StandardKey.Open, self.open_selected)
        self.rename_action = self._action("rename_action", "F2", self.rename_selected)
        self.duplicate_action = self._action("duplicate_action", "Ctrl+D", self.duplicate_selected)
        self.delete_action = self._action("delete_action", QKeySequence.StandardKey.Delete, self.delete_selected)
        self.export_action = self._action("export_action", "Ctrl+E", self.export_selected)
        self.restore_action = self._action("restore_action", None, self.restore_from_backup)
        self.quit_action = self._action("quit_action", QKeySequence.StandardKey.Quit, self.close)
        self.about_action = self._action("about_action", None, self.show_about)
        self.sample_action = self._action("sample_action", None, self.open_sample)
        self.undo_action = self._action("undo_action", "Ctrl+Z", self.undo_group.undo)
        self.redo_action = self._action("redo_action", None, self.undo_group.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _text: self._retranslate_undo())
        self.undo_group.redoTextChanged.connect(lambda _text: self._retranslate_undo())
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code in i18n.SUPPORTED_LANGUAGES:
            action = self._action(f"language_{code}_action", None, lambda _checked=False, code=code: self.language.apply(code))
            action.setText(i18n.language_name(code))
            action.setCheckable(True)
            group.addAction(action)
            self.language_actions[code] = action

    def _create_menus_and_toolbar(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        for action in (self.new_action, self.open_action, self.rename_action, self.duplicate_action, self.delete_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.language_menu = self.menuBar().addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.sample_action)
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.rename_action, self.duplicate_action, self.delete_action, self.export_action):
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Resilience app"))
        self.file_menu.setTitle(_("&Assessment"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.new_action.setText(_("&New assessment…"))
        self.open_action.setText(_("&Open"))
        self.rename_action.setText(_("&Rename…"))
        self.duplicate_action.setText(_("D&uplicate"))
        self.delete_action.setText(_("&Delete…"))
        self.export_action.setText(_("&Export brief (PDF)…"))
        self.quit_action.setText(_("&Quit"))
        self.restore_action.setText(_("Restore from &backup…"))
        self.restore_action.setEnabled(self.service.backups.available)
        self.about_action.setText(_("&About Resilience app"))
        self.sample_action.setText(_("Open the &sample assessment"))
        self.edit_menu.setTitle(_("&Edit"))
        self._retranslate_undo()
        heading = _("Assessments")
        self.list_heading.setText(f"<h2>{heading}</h2>")
        self.empty_hint.setText(
            _("No assessments yet. Choose “New assessment…” to start one, or “Help › Open the sample assessment” to explore a complete example.")
        )
        self.language_actions[i18n.current_language()].setChecked(True)
        self.statusBar().showMessage(_("Data is kept on this computer: {location}").format(location=isolate(self.service.database.location)))
        self.model.retranslate()
        self.assessment_page.retranslate()

    # -- state ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list of assessments, keeping the selection where it was."""
        selected = self.selected_assessment_id()
        rows = run_operation(self, self.service.list_assessments, bus=self.bus, changes_assessments=False)
        self.model.set_rows(rows or [])
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
        has_selection = self.selected_assessment_id() is not None
        for action in (self.open_action, self.rename_action, self.duplicate_action, self.delete_action, self.export_action):
            action.setEnabled(has_selection)

    def _on_assessments_changed(self) -> None:
        self.refresh()
        open_id = self.assessment_page.assessment_id
        if self.pages.currentWidget() is self.assessment_page and open_id is not None:
            record = self._fetch(open_id)
            if record is None:
                self.show_list()
            else:
                self.assessment_page.update_record(record)

    def _on_session_started(self, session: AssessmentSession) -> None:
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)

    def _retranslate_undo(self) -> None:
        undo_text, redo_text = self.undo_group.undoText(), self.undo_group.redoText()
        self.undo_action.setText(_("&Undo: {change}").format(change=undo_text) if undo_text else _("&Undo"))
        self.redo_action.setText(_("&Redo: {change}").format(change=redo_text) if redo_text else _("&Redo"))

    def _on_language_changed(self, _language: str) -> None:
        self.retranslate()

    # -- user actions -----------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog) -> None:
        open_tracked(self, dialog)

    def new_assessment(self) -> None:
        dialog = AssessmentDialog(self, title=_("New assessment"))

        def create() -> None:
            details = dialog.details()
            if details is None:
                return
            record = run_operation(self, lambda: self.service.create_assessment(details), bus=self.bus)
            if record is not None:
                self.select_assessment(record.id)

        dialog.accepted.connect(create)
        self._open_dialog(dialog)

    def edit_details(self, assessment_id: int) -> None:
        record = self._fetch(assessment_id)
        if record is None:
            return
        dialog = AssessmentDialog(self, title=_("Assessment details"), details=record.details)

        def update() -> None:
            details = dialog.details()
            if details is not None:
                run_operation(self, lambda: self.service.update_details(assessment_id, details), bus=self.bus)

        dialog.accepted.connect(update)
        self._open_dialog(dialog)

    def _fetch(self, assessment_id: int | None) -> AssessmentRecord | None:
        """The assessment as stored now; a plain message (and None) if it has gone."""
        if assessment_id is None:
            return None
        return run_operation(self, lambda: self.service.get_assessment(assessment_id), bus=self.bus, changes_assessments=False)

    def rename_selected(self) -> None:
        record = self._fetch(self.selected_assessment_id())
        if record is None:
            return
        assessment_id = record.id
        dialog = AssessmentDialog(self, title=_("Rename assessment"), details=record.details, names_only=True)

        def rename() -> None:
            details = dialog.details()
            if details is not None:
                run_operation(
                    self,
                    lambda: self.service.rename_assessment(assessment_id, city_name_en=details.city_name_en, city_name_ar=details.city_name_ar),
                    bus=self.bus,
                )

        dialog.accepted.connect(rename)
        self._open_dialog(dialog)

    def duplicate_selected(self) -> None:
        assessment_id = self.selected_assessment_id()
        if assessment_id is None:
            return
        record = run_operation(self, lambda: self.service.duplicate_assessment(assessment_id), bus=self.bus)
        if record is not None:
            self.show_list()
            self.select_assessment(record.id)

    def delete_selected(self) -> None:
        record = self._fetch(self.selected_assessment_id())
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
            self,
        )
        box.setObjectName("confirm_delete_dialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setInformativeText(_("A copy stays in the backups taken each time the app starts."))

        def delete() -> bool:
            self.service.delete_assessment(assessment_id)
            return True

        def on_answer(button: QAbstractButton) -> None:
            # Only once it is gone, back to the list, and only then announce the change: announced while the
            # assessment was still shown, the window would look it up again and call it vanished.
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                if run_operation(self, delete, bus=self.bus, changes_assessments=False):
                    self.show_list()
                    self.bus.assessments_changed.emit()

        box.buttonClicked.connect(on_answer)
        self._open_dialog(box)

    def export_selected(self) -> None:
        record = self._fetch(self.selected_assessment_id())
        if record is None:
            return
        sensitive = run_operation(self, lambda: self.service.sensitive_content(record.id), bus=self.bus, changes_assessments=False)
        dialog = ExportDialog(self, record, sensitive)

        def export() -> None:
            result = run_operation(
                self,
                lambda: self.service.export_brief(
                    record.id, language=dialog.language(), path=dialog.path(), sections=dialog.chosen_sections(),
                    include_sensitive=dialog.includes_sensitive(),
                ),
                bus=self.bus,
                changes_assessments=False,
            )
            if result is not None:  # after the export dialog has finished closing
                QTimer.singleShot(0, lambda: self._open_dialog(show_export_done(self, result)))

        dialog.accepted.connect(export)
        self._open_dialog(dialog)

    def open_selected(self) -> None:
        assessment_id = self.selected_assessment_id()
        if assessment_id is not None:
            self._show_assessment(assessment_id)

    def _show_assessment(self, assessment_id: int) -> None:
        record = self._fetch(assessment_id)
        if record is None:
            self.show_list()
            return
        if self.assessment_page.assessment_id != assessment_id:
            opened = run_operation(
                self,
                lambda: self.assessment_page.show_assessment(self.service, record, self.service.framework(record.framework_id)),
                bus=self.bus,
                changes_assessments=False,
            )
            if opened is None:
                self.show_list()
                return
        self.pages.setCurrentWidget(self.assessment_page)
        self._update_actions()

    def open_sample(self) -> None:
        """Create the sample assessment in the current language and open it."""
        from resilience_app.core.sample import create_sample

        record = run_operation(self, lambda: create_sample(self.service, i18n.current_language()), bus=self.bus)
        if record is not None:
            self._show_assessment(record.id)

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
        self._open_dialog(box)

    def show_list(self) -> None:
        self.assessment_page.close_session()
        self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # Qt takes nullptr (no active stack: Undo and Redo off); PySide6's stub leaves out None
        self.pages.setCurrentIndex(0)
        self._update_actions()
        self.table.setFocus()

    def restore_from_backup(self) -> None:
        """Put a backup in place of every assessment; the current state is backed up first."""
        dialog = BackupsDialog(
            self,
            self.service.backups.list(),
            title=_("Restore from backup"),
            explanation=_(
                "Choose the copy to put back in place of all the assessments as they are now. "
                "They are kept as a backup first (“Before a restore”), so you can undo this by restoring that copy."
            ),
        )

        def restore() -> None:
            backup = dialog.chosen()
            if backup is None:
                return
            self.show_list()
            for stack in self.undo_group.stacks():
                stack.clear()  # their steps belong to the data being replaced
            if run_operation(self, lambda: self.service.restore_backup(backup), bus=self.bus) is not None:
                self.statusBar().showMessage(_("Restored the backup of {moment}.").format(moment=taken_at_text(backup)), 10_000)

        dialog.accepted.connect(restore)
        self._open_dialog(dialog)

    def warn_about_backup_problem(self) -> None:
        """Tell once, after start-up, that the start-up backup could not be written."""
        if not self.service.database.backup_problem:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("No backup today"),
            _("The backup taken at start-up could not be written to {folder}.").format(folder=isolate(str(self.service.paths.backups_dir))),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("backup_problem_dialog")
        box.setInformativeText(_("Your work is saved as usual. Free some space on the disk, or check that it is not read-only, so the next backup can be taken."))
        self._open_dialog(box)

    def show_about(self) -> None:
        self._open_dialog(AboutDialog(self, self.service.paths, self.service.database.location))

    # -- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.settings.get("main_window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.assessment_page.close_session()  # saves what is being typed
        self.settings.set("main_window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)

    @staticmethod
    def app_icon() -> QIcon:
        from resilience_app.core import resources

        return QIcon(str(resources.assets_dir() / "icons" / "app.svg"))
