"""The exercises tab: sessions and their exercises, quick entry of each group's work, the timer and live results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.errors import UserFacingError
from resilience_app.core.every_language import numbered_in_every_language
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import N_, _, ngettext, paragraph
from resilience_app.core.workshop.countdown import format_clock
from resilience_app.core.workshop.records import DOT_VOTE, RANKING
from resilience_app.gui.confirm import ask_to_remove
from resilience_app.gui.exercise_grids import DotVoteGrid, RankingGrid
from resilience_app.gui.form_dialog import open_tracked
from resilience_app.gui.form_fields import ERROR_STYLE
from resilience_app.gui.lazy_refresh import RefreshedWhenShown
from resilience_app.gui.operations import reporting
from resilience_app.gui.panes import Splitter
from resilience_app.gui.reader_names import name_for_reader
from resilience_app.gui.view_rows import show_rows
from resilience_app.gui.workshop_dialogs import ExerciseDialog, NameDialog
from resilience_app.gui.workshop_results import fill_table, perception_rows, ranking_rows, tally_rows
from resilience_app.gui.workshop_state import WorkshopState

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_ROWS = 3  # the result tables show at least their first rows whole; the page scrolls for them on a small screen
SESSION_NAME = N_("Session {number}")  # offered for a new one; kept in every language when taken as offered


class ExercisesView(RefreshedWhenShown):
    failed = Signal(object)

    def __init__(self, state: WorkshopState) -> None:
        super().__init__()
        self.setObjectName("exercises_view")
        self.state = state
        self.active_dialog: QDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("exercise_tree")
        name_for_reader(self.tree, N_("Workshop exercises"))
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda *_items: self._show_current())
        self.tree.itemActivated.connect(lambda *_args: self.edit_current())
        self.buttons = {name: QPushButton() for name in ("add_session", "add_exercise", "edit", "remove")}
        for name, button in self.buttons.items():
            button.setObjectName(f"{name}_button" if name.startswith("add") else f"{name}_exercise_button")
        self.buttons["add_session"].clicked.connect(self.add_session)
        self.buttons["add_exercise"].clicked.connect(lambda: open_tracked(self, ExerciseDialog(self.state, self, session_id=self._session_id())))
        self.buttons["edit"].clicked.connect(self.edit_current)
        self.buttons["remove"].clicked.connect(self.remove_current)

        self.heading = QLabel()
        self.heading.setObjectName("exercise_heading")
        self.heading.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("exercise_clock")
        self.clock.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.timer_button = QPushButton()
        self.timer_button.setObjectName("timer_button")
        self.timer_button.clicked.connect(self._for_current_exercise(self.state.toggle_timer))
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset_timer_button")
        self.reset_button.clicked.connect(self._for_current_exercise(self.state.reset_timer))
        self.project_button = QPushButton()
        self.project_button.setObjectName("project_exercise_button")
        self.project_button.clicked.connect(self._for_current_exercise(self.state.show_exercise))
        self.message = QLabel()
        self.message.setObjectName("exercise_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.dot_grid = DotVoteGrid(state)
        name_for_reader(self.dot_grid, N_("Dot votes"), N_("The dots each participant gave each shock or stress."))
        self.ranking_grid = RankingGrid(state)
        name_for_reader(self.ranking_grid, N_("Rankings"), N_("The rank each participant gave each shock or stress."))
        for grid in (self.dot_grid, self.ranking_grid):
            grid.message.connect(self._show_message)
        self.grids = QStackedWidget()
        self.grids.addWidget(self.dot_grid)
        self.grids.addWidget(self.ranking_grid)
        self.results = QTableWidget()
        self.results.setObjectName("exercise_results")
        name_for_reader(self.results, N_("Exercise results"))
        self.perceptions = QTableWidget()
        self.perceptions.setObjectName("exercise_perceptions")
        name_for_reader(self.perceptions, N_("Perceptions of the participants"))
        for table in (self.results, self.perceptions):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("apply_ranking_button")
        self.apply_button.clicked.connect(self.apply_ranking)

        tree_buttons = QHBoxLayout()
        for name in ("add_session", "add_exercise"):
            tree_buttons.addWidget(self.buttons[name])
        edit_buttons = QHBoxLayout()
        for name in ("edit", "remove"):
            edit_buttons.addWidget(self.buttons[name])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(tree_buttons)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(edit_buttons)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.heading, 1)
        timer_row.addWidget(self.clock)
        timer_row.addWidget(self.timer_button)
        timer_row.addWidget(self.reset_button)
        timer_row.addWidget(self.project_button)
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results, 1)
        results_layout.addWidget(self.apply_button)
        self.result_tabs = QTabWidget()
        self.result_tabs.setObjectName("result_tabs")
        self.result_tabs.addTab(results_box, "")
        self.result_tabs.addTab(self.perceptions, "")
        entry_and_results = Splitter(Qt.Orientation.Vertical)
        entry_and_results.addWidget(self.grids)
        entry_and_results.addWidget(self.result_tabs)
        entry_and_results.setSizes([3000, 2000])
        for view, rows in ((self.dot_grid, None), (self.ranking_grid, None), (self.results, RESULT_ROWS), (self.perceptions, RESULT_ROWS)):
            show_rows(view, rows)
        entry_and_results_scroll = QScrollArea()  # on a small screen the page scrolls rather than cut a row
        name_for_reader(entry_and_results_scroll, N_("The chosen exercise"))
        entry_and_results_scroll.setObjectName("exercise_scroll")
        name_for_reader(entry_and_results_scroll, N_("The chosen exercise"))
        entry_and_results_scroll.setWidgetResizable(True)
        entry_and_results_scroll.setFrameShape(QFrame.Shape.NoFrame)
        entry_and_results_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        entry_and_results_scroll.setWidget(entry_and_results)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(timer_row)
        right_layout.addWidget(self.message)
        right_layout.addWidget(entry_and_results_scroll, 1)
        self.splitter = splitter = Splitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.changed.connect(self.refresh)
        state.tick.connect(self._show_clock)
        self.retranslate()

    # -- the tree --------------------------------------------------------------------------------

    @property
    def exercise_id(self) -> int | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "exercise":
            return None
        exercise_id: int = item.data(0, ID_ROLE)
        return exercise_id

    def _for_current_exercise(self, action: Callable[[int], None]) -> Callable[[], None]:
        """A slot that applies `action` to the chosen exercise, if one is chosen."""

        def run() -> None:
            if self.exercise_id:
                action(self.exercise_id)

        return run

    def _session_id(self) -> int | None:
        item = self.tree.currentItem()
        session = item.parent() if item is not None and item.data(0, KIND_ROLE) == "exercise" else item  # an exercise's session
        if session is None:
            return None
        session_id: int = session.data(0, ID_ROLE)
        return session_id

    def select_exercise(self, exercise_id: int) -> None:
        for position in range(self.tree.topLevelItemCount()):
            session = self.tree.topLevelItem(position)
            children = [session.child(index) for index in range(session.childCount())] if session is not None else []
            for child in children:
                if child is not None and child.data(0, ID_ROLE) == exercise_id:
                    self.tree.setCurrentItem(child)
                    return

    def redraw(self) -> None:
        item = self.tree.currentItem()
        current = (item.data(0, KIND_ROLE), item.data(0, ID_ROLE)) if item is not None else None
        snapshot = self.state.snapshot
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen = None
        for session in snapshot.sessions if snapshot else []:
            top = QTreeWidgetItem([session.title])
            top.setData(0, ID_ROLE, session.id)
            top.setData(0, KIND_ROLE, "session")
            self.tree.addTopLevelItem(top)
            chosen = top if current == ("session", session.id) else chosen
            for exercise in snapshot.exercises if snapshot else []:
                if exercise.exercise.session_id == session.id:
                    child = QTreeWidgetItem([exercise.exercise.title])
                    child.setData(0, ID_ROLE, exercise.id)
                    child.setData(0, KIND_ROLE, "exercise")
                    top.addChild(child)
                    chosen = child if current == ("exercise", exercise.id) or chosen is None and current is None else chosen
        self.tree.expandAll()
        self._give_tree_its_width()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        for name, button in self.buttons.items():
            button.setEnabled(snapshot is not None and (name in ("add_session", "add_exercise") or self.tree.currentItem() is not None))
        self._show_current()

    def _give_tree_its_width(self) -> None:
        """Widen the tree's pane so its titles show whole (within reason: long titles still end in …)."""
        tree = self.tree
        self.splitter.widen_first(tree.sizeHintForColumn(0) + 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._give_tree_its_width()

    def _show_current(self) -> None:
        snapshot, exercise_id = self.state.snapshot, self.exercise_id
        exercise = snapshot.exercise(exercise_id) if snapshot and exercise_id else None
        for widget in (self.clock, self.timer_button, self.reset_button, self.project_button, self.grids, self.result_tabs):
            widget.setVisible(exercise is not None)
        self.apply_button.setVisible(exercise is not None and exercise.kind == RANKING)
        self.result_tabs.setTabVisible(1, exercise is not None and exercise.kind == DOT_VOTE)
        self.message.setText("")
        if snapshot is None or exercise is None:
            self.heading.setText(paragraph(_("Choose an exercise, or add one.")) if snapshot else "")
            return
        draft = exercise.exercise
        if exercise.kind == DOT_VOTE:
            groups = len(snapshot.groups)
            detail = ngettext("{count} group", "{count} groups", groups).format(count=format_number(groups))
            detail += _(", ") + ngettext("{count} dot each", "{count} dots each", draft.dots_per_group).format(count=format_number(draft.dots_per_group))
            self.grids.setCurrentWidget(self.dot_grid)
            self.dot_grid.show_exercise(exercise.id)
            self.result_tabs.setTabText(0, _("Live tally"))
            fill_table(self.results, *tally_rows(self.state, exercise.id))
            fill_table(self.perceptions, *perception_rows(self.state, exercise.id))
        else:
            detail = ngettext("{count} shortlisted item", "{count} shortlisted items", len(draft.item_ids)).format(count=format_number(len(draft.item_ids)))
            self.grids.setCurrentWidget(self.ranking_grid)
            self.ranking_grid.show_exercise(exercise.id)
            self.result_tabs.setTabText(0, _("The room’s ranking"))
            fill_table(self.results, *ranking_rows(self.state, exercise.id))
        self.heading.setText(f"<b>{paragraph(draft.title)}</b><br>{paragraph(detail)}")
        self._show_clock()

    def _show_message(self, text: str) -> None:
        self.message.setText(paragraph(text) if text else "")

    def _show_clock(self) -> None:
        exercise_id = self.exercise_id
        if exercise_id is None:
            return
        timer = self.state.timer(exercise_id)
        self.clock.setText(format_clock(timer.remaining()) if timer.duration else "")
        self.timer_button.setText(_("Pause (F7)") if timer.running else _("Start timer (F7)"))
        self.timer_button.setEnabled(bool(timer.duration) and not timer.finished)
        self.reset_button.setEnabled(bool(timer.duration))
        self.clock.setStyleSheet("font-size: 20pt; font-weight: bold;" + (" color: #b00020;" if timer.finished else ""))

    # -- changes ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {"add_session": _("Add session…"), "add_exercise": _("Add exercise…"), "edit": _("Edit…"), "remove": _("Remove…")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.reset_button.setText(_("Reset"))
        self.project_button.setText(_("Show on projector"))
        self.apply_button.setText(_("Apply the room’s ranking to the register"))
        self.result_tabs.setTabText(1, _("Perceptions vs assessment"))
        self.refresh()

    def add_session(self) -> None:
        count = len(self.state.snapshot.sessions) + 1 if self.state.snapshot else 1
        open_tracked(self, NameDialog(
            self, name="session_dialog", title=_("Add session"), label=_("Title"),
            text=numbered_in_every_language(SESSION_NAME, count), store=self.state.add_session,
        ))

    def edit_current(self) -> None:
        item = self.tree.currentItem()
        if item is None or self.state.snapshot is None:
            return
        item_id = item.data(0, ID_ROLE)
        if item.data(0, KIND_ROLE) == "session":
            open_tracked(self, NameDialog(
                self, name="session_dialog", title=_("Rename session"), label=_("Title"),
                text=item.text(0), store=lambda title: self.state.rename_session(item_id, title),
            ))
        else:
            open_tracked(self, ExerciseDialog(self.state, self, self.state.snapshot.exercise(item_id)))

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        item_id, is_session = item.data(0, ID_ROLE), item.data(0, KIND_ROLE) == "session"
        question = (
            _("Remove the session “{name}” with its exercises and everything the groups entered in them?")
            if is_session else _("Remove the exercise “{name}” with everything the groups entered in it?")
        ).format(name=item.text(0))
        remove = self.state.remove_session if is_session else self.state.remove_exercise
        ask_to_remove(self, _("Remove"), question, reporting(self.failed, lambda: remove(item_id)), name="remove_exercise_question")

    def apply_ranking(self) -> None:
        exercise_id = self.exercise_id
        if exercise_id is None:
            return
        try:
            count = self.state.apply_room_ranking(exercise_id)
        except UserFacingError as error:
            self._show_message(error.message)
            return
        box = QMessageBox(
            QMessageBox.Icon.Information, _("Applied to the register"),
            ngettext(
                "The room’s rating of {count} shock or stress is now in the register, beside its own rating and named as coming from this exercise.",
                "The room’s ratings of {count} shocks and stresses are now in the register, beside their own ratings and named as coming from this exercise.",
                count,
            ).format(count=format_number(count)),
            QMessageBox.StandardButton.Ok, self,
        )
        box.setObjectName("applied_ranking_message")
        open_tracked(self, box)
