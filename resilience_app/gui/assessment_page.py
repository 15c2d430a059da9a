"""An open assessment: its details, progress always in view, and its tabs: the overview of
the framework, the questionnaire, the resilience profile, the change since an earlier round,
the shocks and stresses, the actions inventory, the candidate discovery areas and the workshops."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QTabWidget, QVBoxLayout, QWidget

from resilience_app.core.assessment.records import AssessmentRecord
from resilience_app.core.content.model import Framework
from resilience_app.core.countries import country_name
from resilience_app.core.formatting import format_date, format_number, localise_digits
from resilience_app.core.i18n import _, current_language, isolate, paragraph
from resilience_app.core.services import ResilienceService
from resilience_app.gui.actions_view import ActionsView
from resilience_app.gui.assessment_session import AssessmentSession
from resilience_app.gui.change_view import ChangeView
from resilience_app.gui.contributions_panel import ContributionsPanel
from resilience_app.gui.contributions_state import ContributionsState
from resilience_app.gui.contributors_view import ContributorsView
from resilience_app.gui.discovery_view import DiscoveryView
from resilience_app.gui.overview_view import OverviewView
from resilience_app.gui.profile_view import ProfileView
from resilience_app.gui.progress_strip import ProgressStrip
from resilience_app.gui.questionnaire import Questionnaire
from resilience_app.gui.register_state import RegisterState
from resilience_app.gui.shocks_stresses_page import ShocksStressesPage
from resilience_app.gui.workshop_page import WorkshopPage


class AssessmentPage(QWidget):
    """Shows one assessment.

    Signals:
        back_requested(): the user wants the list of assessments again.
        edit_requested(int): the user wants to edit this assessment's details.
        session_started(object): a new `AssessmentSession` is shown (its undo stack becomes active).
        session_closing(): the open assessment is about to go (its panes' sizes can still be read).
        failed(object): a change could not be saved (a `UserFacingError` to show).
    """

    back_requested = Signal()
    edit_requested = Signal(int)
    session_started = Signal(object)
    session_closing = Signal()
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("assessment_page")
        self.session: AssessmentSession | None = None
        self.overview: OverviewView | None = None
        self.questionnaire: Questionnaire | None = None
        self.profile: ProfileView | None = None
        self.change: ChangeView | None = None
        self.progress: ProgressStrip | None = None
        self.register: RegisterState | None = None
        self.shocks_stresses: ShocksStressesPage | None = None
        self.actions_view: ActionsView | None = None
        self.discovery: DiscoveryView | None = None
        self.workshop: WorkshopPage | None = None
        self.contributions: ContributionsState | None = None
        self.contributors: ContributorsView | None = None
        self.back_button = QPushButton()
        self.back_button.setObjectName("back_button")
        self.back_button.clicked.connect(self._go_back)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_details_button")
        self.edit_button.clicked.connect(lambda: self.session and self.edit_requested.emit(self.session.assessment_id))
        self.title = QLabel()
        self.title.setObjectName("assessment_title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("assessment_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.edit_button)
        self._progress_slot = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)
        layout.addLayout(self._progress_slot)
        layout.addWidget(self.tabs, 1)

    @property
    def assessment_id(self) -> int | None:
        return self.session.assessment_id if self.session else None

    def show_assessment(self, service: ResilienceService, record: AssessmentRecord, framework: Framework) -> AssessmentSession:
        """Open an assessment (reads its answers; raises `UserFacingError` when they cannot be read)."""
        session = AssessmentSession(service, record, framework, self)
        self.close_session()
        self.session = session
        session.failed.connect(self.failed)
        session.replayed.connect(self._show_replayed)
        self.progress = ProgressStrip(session)
        self._progress_slot.addWidget(self.progress)
        self.overview = OverviewView(session)
        self.questionnaire = Questionnaire(session)
        self.profile = ProfileView(session)
        self.overview.goal_requested.connect(self.open_goal)
        self.questionnaire.failed.connect(self.failed)
        self.profile.goal_requested.connect(self.open_goal)
        self.profile.question_requested.connect(self.open_question)
        self.profile.filter_requested.connect(self.open_filtered)
        self.change = ChangeView(session)
        self.change.question_requested.connect(self.open_question)
        self.contributions = ContributionsState(session)
        self.contributors = ContributorsView(self.contributions)
        self.contributors.failed.connect(self.failed)
        self.contributors.question_requested.connect(self.open_question)
        self.questionnaire.attach_contributions(ContributionsPanel(self.contributions), self.contributions.disagreeing_questions)
        self.contributions.changed.connect(self.questionnaire.navigator.apply_filter)
        self.register = RegisterState(session)
        self.shocks_stresses = ShocksStressesPage(self.register)
        self.actions_view = ActionsView(self.register)
        self.discovery = DiscoveryView(self.register)
        self.workshop = WorkshopPage(self.register)
        for view in (self.shocks_stresses, self.actions_view, self.discovery, self.workshop):
            view.failed.connect(self.failed)
        for tab in self._tab_widgets():
            self.tabs.addTab(tab, "")
        self.retranslate()
        self.session_started.emit(session)
        return session

    def update_record(self, record: AssessmentRecord) -> None:
        """The details changed (not the answers): refresh the header only."""
        if self.session and self.session.assessment_id == record.id:
            self.session.record = record
            self._show_details()

    def _tab_widgets(self) -> list[QWidget]:
        tabs = (self.overview, self.questionnaire, self.profile, self.change, self.contributors, self.shocks_stresses, self.actions_view, self.discovery, self.workshop)
        return [tab for tab in tabs if tab]

    def reread_in_language(self) -> None:
        """After a change of language, read the open assessment again, so text the app wrote in every language
        (a proposed discovery area, the sample's texts: core.every_language) follows the new one."""
        if self.session is None or self.register is None or self.contributions is None or self.workshop is None:
            return
        self.save_typing()
        self.session.reread()
        self.register.reload()
        self.contributions.reload()
        self.workshop.state.reload()

    def save_typing(self) -> None:
        """Save what is being typed in the questionnaire or the register."""
        if self.questionnaire is not None:
            self.questionnaire.question_view.save_typing()
        if self.shocks_stresses is not None:
            self.shocks_stresses.save_typing()

    def close_session(self) -> None:
        """Save what is being typed and let the assessment go."""
        if self.session is not None:
            self.session_closing.emit()
        self.save_typing()
        if self.workshop is not None:
            self.workshop.close_projector()
        self.tabs.hide()  # removing tab 0 makes the next one current: hidden, none of them redraws on its way out
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.tabs.show()
        if self.progress is not None:
            self._progress_slot.removeWidget(self.progress)
            self.progress.hide()
            self.progress.deleteLater()
        if self.session is not None:
            self.session.deleteLater()
        self.session = self.overview = self.questionnaire = self.profile = self.progress = self.change = None
        self.contributions = self.contributors = None
        self.register = self.shocks_stresses = self.actions_view = self.discovery = self.workshop = None

    def _go_back(self) -> None:
        self.save_typing()
        self.back_requested.emit()

    # -- navigation between tabs ------------------------------------------------------------

    def open_goal(self, goal_id: str) -> None:
        if self.questionnaire is not None:
            self.tabs.setCurrentWidget(self.questionnaire)
            self.questionnaire.open_goal(goal_id)

    def open_question(self, question_id: str) -> None:
        if self.questionnaire is not None:
            self.tabs.setCurrentWidget(self.questionnaire)
            self.questionnaire.open_question(question_id)
            self.questionnaire.navigator.setFocus()

    def open_filtered(self, filter_name: str) -> None:
        if self.questionnaire is not None:
            self.questionnaire.set_filter(filter_name)
            self.tabs.setCurrentWidget(self.questionnaire)

    def place(self) -> dict[str, object]:
        """Where the user is: the assessment, the tab and the question or goal chosen in the questionnaire."""
        if self.session is None:
            return {}
        tab = self.tabs.currentWidget()
        chosen = self.questionnaire.navigator.current_id() if self.questionnaire is not None else None
        return {"assessment": self.session.assessment_id, "tab": tab.objectName() if tab else "", "item": chosen or ""}

    def go_to(self, *, tab: str, item: str) -> None:
        """Back to a `place()`: the questionnaire's question or goal `item`, then the tab named `tab`."""
        if self.questionnaire is not None and item:
            framework = self.questionnaire.session.framework
            if framework.question(item) is not None:
                self.questionnaire.open_question(item)
            elif any(goal.id == item for goal in framework.goals()):
                self.questionnaire.open_goal(item)
        for widget in self._tab_widgets():
            if widget.objectName() == tab:
                self.tabs.setCurrentWidget(widget)

    def _show_replayed(self, question_id: str) -> None:
        """After an undo or redo, show the question it changed."""
        if self.questionnaire is not None and self.questionnaire.current_question_id() != question_id:
            self.open_question(question_id)

    def _on_tab_changed(self, _index: int) -> None:
        self.save_typing()

    # -- text -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        # Qt mirrors the standard back arrow for right-to-left layouts.
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.setText(_("All assessments"))
        self.edit_button.setText(_("Edit details…"))
        if self.session is None:
            return
        self._show_details()
        titles = (
            _("Overview"), _("Questionnaire"), _("Profile"), _("Change"), _("Contributors"), _("Shocks and stresses"), _("Actions"), _("Discovery areas"), _("Workshop"),
        )
        for position, text in enumerate(titles):
            self.tabs.setTabText(position, text)
        assert self.overview and self.questionnaire and self.profile and self.progress and self.change
        assert self.shocks_stresses and self.actions_view and self.discovery and self.workshop and self.contributors
        self.overview.refresh()
        self.questionnaire.retranslate()
        self.profile.retranslate()
        self.change.retranslate()
        self.progress.refresh()
        self.shocks_stresses.retranslate()
        self.actions_view.retranslate()
        self.discovery.retranslate()
        self.workshop.retranslate()
        self.contributors.retranslate()

    def _show_details(self) -> None:
        assert self.session is not None
        record, framework, language = self.session.record, self.session.framework, current_language()
        details = record.details
        self.title.setText(f"<h1>{paragraph(record.city_name(language))}</h1>")
        facts = [isolate(country_name(details.country))] if details.country else []
        if details.population is not None:
            facts.append(_("population {count}").format(count=isolate(format_number(details.population))))
        if details.assessment_date:
            facts.append(format_date(details.assessment_date))
        if details.cro_name:
            facts.append(_("Chief Resilience Officer: {name}").format(name=isolate(details.cro_name)))
        facts.append(f"{framework.name} {isolate(localise_digits(record.framework_version))}")
        # A translatable separator: a middle dot beside Arabic-Indic digits reads as a zero.
        self.subtitle.setText(paragraph(_(" · ").join(facts)))
