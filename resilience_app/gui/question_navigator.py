"""The questions of the framework as a tree (goal › question) with each one's answer,
narrowed by a filter and a search, and walked with next/previous."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from resilience_app.core.assessment.labels import CONFIDENCE_NAMES
from resilience_app.core.content.labels import goal_label
from resilience_app.core.formatting import format_number, localise_digits, localise_text_digits
from resilience_app.core.i18n import N_, _
from resilience_app.core.search_text import matches
from resilience_app.gui.answer_keys import answer_for_key
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.reader_names import name_for_reader

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTERS = ("all", "unanswered", "low_confidence", "no_evidence", "disagreement")
MUTED = QBrush(QColor("#777777"))
PASS_THROUGH_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class QuestionNavigator(QTreeWidget):
    """Signals:
    question_selected(str), goal_selected(str): the user moved to this question or goal.
    """

    question_selected = Signal(str)
    goal_selected = Signal(str)

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.setObjectName("question_navigator")
        name_for_reader(self, N_("Goals and questions"), N_("Choose a goal or a question to answer it on the right."))
        self.session = session
        self.filter = "all"
        self.disagreeing: Callable[[], Collection[str]] = frozenset  # the questions whose contributions disagree
        self.search = ""
        self.setColumnCount(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self._question_items: dict[str, QTreeWidgetItem] = {}
        self._goal_items: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current_changed)  # filled by rebuild(), in the current language

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Answer keys and page keys belong to the questionnaire, not to the tree's type-ahead search.
        if answer_for_key(event.text()) is not None or event.key() in PASS_THROUGH_KEYS:
            event.ignore()
            return
        super().keyPressEvent(event)

    def rebuild(self) -> None:
        """Fill the tree in the current language, keeping the current item."""
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        self.setHeaderLabels([_("Question"), _("Answer")])
        self._question_items.clear()
        self._goal_items.clear()
        framework = self.session.framework
        for goal in framework.goals():
            goal_item = QTreeWidgetItem([goal_label(goal), ""])
            goal_item.setData(0, ID_ROLE, goal.id)
            goal_item.setToolTip(0, str(goal.outcome))
            self.addTopLevelItem(goal_item)
            self._goal_items[goal.id] = goal_item
            for indicator in goal.indicators:
                for question in indicator.questions:
                    number = localise_digits(framework.placement(question.id).number)
                    prompt = localise_text_digits(str(question.prompt))
                    item = QTreeWidgetItem([f"{number}  {prompt}", ""])
                    item.setData(0, ID_ROLE, question.id)
                    item.setToolTip(0, prompt)
                    goal_item.addChild(item)
                    self._question_items[question.id] = item
        for question_id in self._question_items:
            self._show_answer(question_id)
        for goal_id in self._goal_items:
            self._show_goal_progress(goal_id)
        self.apply_filter()
        self.blockSignals(False)
        if current:
            self.select(current)

    def _show_answer(self, question_id: str) -> None:
        item = self._question_items[question_id]
        draft = self.session.draft(question_id)
        status = draft.status if draft else ""
        text = {"level": format_number(draft.level or 0) if draft else "", "not_applicable": _("n/a"), "dont_know": _("?")}.get(status, _("—"))
        item.setText(1, text)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
        item.setForeground(0, QBrush() if status else MUTED)
        notes = []
        if draft and draft.confidence:
            notes.append(_("Confidence: {level}").format(level=_(CONFIDENCE_NAMES[draft.confidence])))
        if status and question_id not in self.session.evidence:
            notes.append(_("No evidence yet"))
        item.setToolTip(1, "\n".join(notes))

    def _show_goal_progress(self, goal_id: str) -> None:
        summary = self.session.profile.goals[goal_id]
        self._goal_items[goal_id].setText(1, _("{answered}/{total}").format(answered=format_number(summary.answered), total=format_number(summary.total)))

    def on_answer_changed(self, question_id: str) -> None:
        if question_id not in self._question_items:
            return
        self._show_answer(question_id)
        self._show_goal_progress(self.session.framework.placement(question_id).goal.id)
        self.apply_filter()

    # -- filter and search ----------------------------------------------------------------

    def set_filter(self, name: str) -> None:
        self.filter = name
        self.apply_filter()

    def set_search(self, text: str) -> None:
        self.search = text
        self.apply_filter()

    def is_shown(self, question_id: str) -> bool:
        draft = self.session.draft(question_id)
        status = draft.status if draft else ""
        if self.filter == "unanswered" and status:
            return False
        if self.filter == "low_confidence" and not (status == "level" and draft and draft.confidence == "low"):
            return False
        if self.filter == "no_evidence" and not (status == "level" and question_id not in self.session.evidence):
            return False
        if self.filter == "disagreement" and question_id not in self.disagreeing():
            return False
        if self.search:
            framework = self.session.framework
            place = framework.placement(question_id)
            question = framework.question(question_id)
            return matches(self.search, place.number, str(question.prompt) if question else "", str(place.indicator.name), str(place.goal.name))
        return True

    def apply_filter(self) -> None:
        narrowed = self.filter != "all" or bool(self.search)
        for goal_item in self._goal_items.values():
            shown = 0
            for child in (goal_item.child(index) for index in range(goal_item.childCount())):
                if child is None:
                    continue
                visible = self.is_shown(child.data(0, ID_ROLE))
                child.setHidden(not visible)
                shown += visible
            goal_item.setHidden(narrowed and shown == 0)
            if narrowed and shown:
                goal_item.setExpanded(True)

    def visible_question_ids(self) -> list[str]:
        return [question_id for question_id, item in self._question_items.items() if not item.isHidden()]

    # -- moving ----------------------------------------------------------------------------

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def select(self, item_id: str) -> None:
        item = self._question_items.get(item_id) or self._goal_items.get(item_id)
        if item is not None:
            parent = item.parent()
            if parent is not None:
                parent.setExpanded(True)
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def step(self, forward: bool) -> str | None:
        """Move to the next (or previous) question shown; returns its id, None at either end."""
        order = {question_id: position for position, question_id in enumerate(self._question_items)}
        shown = self.visible_question_ids()
        current = self.current_id()
        if current in self._goal_items:
            # On a goal, "next" is its first question and "previous" the one before it.
            first = next(qid for qid in order if self.session.framework.placement(qid).goal.id == current)
            anchor = order[first] - (1 if forward else 0)
        else:
            anchor = order.get(current or "", -1 if forward else len(order))
        candidates = [qid for qid in shown if (order[qid] > anchor if forward else order[qid] < anchor)]
        if not candidates:
            return None
        target = candidates[0] if forward else candidates[-1]
        self.select(target)
        return target

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        item_id = current.data(0, ID_ROLE)
        (self.question_selected if item_id in self._question_items else self.goal_selected).emit(item_id)
