"""Adding a contributor, and assigning goals, indicators or questions to one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from resilience_app.core.content.labels import goal_label
from resilience_app.core.contributions.records import ContributorDraft, ContributorRecord
from resilience_app.core.errors import UserFacingError
from resilience_app.core.formatting import localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _, current_language, paragraph
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.errors import show_user_error
from resilience_app.gui.form_dialog import FormDialog

LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}  # each in its own language, as a language menu shows them
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ContributorDialog(FormDialog):
    """Add or edit a contributor; a refused value shows under its field and nothing is saved."""

    def __init__(self, state: ContributionsState, parent: QWidget, contributor: ContributorRecord | None = None) -> None:
        draft = contributor.contributor if contributor else ContributorDraft(name="", language=current_language())
        super().__init__(
            parent,
            name="contributor_dialog",
            title=_("Edit contributor") if contributor else _("Add contributor"),
            fields={
                "name": (_("Name"), QLineEdit(draft.name)),
                "department": (_("Department or organisation"), QLineEdit(draft.department)),
                "language": (_("Language of their workbook"), QComboBox()),
                "contact": (_("Contact (optional)"), QLineEdit(draft.contact)),
            },
        )
        self.state, self.contributor = state, contributor
        languages = self.editor("language", QComboBox)
        for language in SUPPORTED_LANGUAGES:
            languages.addItem(LANGUAGE_NAMES.get(language, language), language)
        languages.setCurrentIndex(max(0, languages.findData(draft.language)))
        self.editor("contact", QLineEdit).setPlaceholderText(_("A telephone number or an e-mail address"))
        self.setMinimumWidth(480)  # the placeholder and long department names show whole

    def draft(self) -> ContributorDraft:
        return ContributorDraft(
            name=self.editor("name", QLineEdit).text(),
            department=self.editor("department", QLineEdit).text(),
            language=str(self.editor("language", QComboBox).currentData()),
            contact=self.editor("contact", QLineEdit).text(),
        )

    def store(self) -> None:
        if self.contributor is None:
            self.state.add_contributor(self.draft())
        else:
            self.state.update_contributor(self.contributor.id, self.draft())


class AssignDialog(QDialog):
    """Tick whole goals, indicators or single questions; the ticked questions are the contributor's."""

    def __init__(self, state: ContributionsState, parent: QWidget, contributor: ContributorRecord) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self.setWindowTitle(_("Questions for {name}").format(name=contributor.label()))
        self.state, self.contributor = state, contributor
        assigned = next((status.assigned for status in state.statuses if status.record.id == contributor.id), frozenset())
        self.tree = QTreeWidget()
        self.tree.setObjectName("assign_tree")
        self.tree.setHeaderHidden(True)
        for goal in state.framework.goals():
            goal_item = self._item(self.tree.invisibleRootItem(), goal.id, goal_label(goal))
            for indicator in goal.indicators:
                indicator_item = self._item(goal_item, indicator.id, _("{number} · {name}").format(number=localise_digits(indicator.number), name=indicator.name))
                for question in indicator.questions:
                    question_item = self._item(indicator_item, question.id, str(question.prompt))
                    question_item.setCheckState(0, Qt.CheckState.Checked if question.id in assigned else Qt.CheckState.Unchecked)
        note = QLabel(paragraph(_("Ticking a goal or an indicator ticks all its questions. A question may go to several contributors.")))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    @staticmethod
    def _item(parent: QTreeWidgetItem, entry_id: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, ID_ROLE, entry_id)
        item.setToolTip(0, text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        return item

    def question_items(self) -> list[QTreeWidgetItem]:
        """The question entries (the tree's third level), in framework order."""
        found = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            parent = item.parent()
            if item.childCount() == 0 and parent is not None and parent.parent() is not None:
                found.append(item)
            iterator += 1
        return found

    def ticked(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.question_items() if item.checkState(0) == Qt.CheckState.Checked]

    def save(self) -> None:
        ticked = set(self.ticked())
        before = next((status.assigned for status in self.state.statuses if status.record.id == self.contributor.id), frozenset())
        try:
            if removed := before - ticked:
                self.state.unassign(self.contributor.id, removed)
            if added := ticked - before:
                self.state.assign(self.contributor.id, sorted(added))
        except UserFacingError as error:
            show_user_error(self, error)
            return
        self.accept()
