"""The profile says who contributed and, per goal, how many questions still have answers that differ."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.labels import mean_level_text
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.labels import indicator_label
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import _
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.profile_view import LENSES, ProfileView
from tests.brief.contributors_data import add_contributors

from .questionnaire_helpers import open_new_assessment


def _profile(page: AssessmentPage) -> ProfileView:
    assert page.profile is not None
    page.tabs.setCurrentWidget(page.profile)
    return page.profile


def _last_column(view: ProfileView) -> list[str]:
    table = view.table
    return [table.item(row, table.columnCount() - 1).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def test_the_profile_names_the_contributors_and_counts_what_still_differs(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.assessment_id is not None
    scenario = add_contributors(window.service, page.assessment_id)
    view = _profile(page)  # drawn when shown: what the Contributors tab changed is read again
    text = view.contributors.text()
    assert _("Contributors ({count}):").format(count=format_number(4)) in text
    for name in ("Water Authority (Utilities)", "Health Directorate (Public health)", "Civil Defence", "Planning Department (Urban planning)"):
        assert name in text
    water = _("{answered} of {assigned} questions answered").format(answered=format_number(4), assigned=format_number(len(scenario.goal_1)))
    assert water in text and _("no questions assigned") in text
    assert _("Answered by two or more contributors: {several}. Answers still differ: {differing}.").format(
        several=format_number(3), differing=format_number(2)) in text

    table = view.table
    assert table.horizontalHeaderItem(table.columnCount() - 1).text() == _("Answers still differ")  # type: ignore[union-attr]
    by_goal = _last_column(view)
    assert by_goal[0] == format_number(1) and by_goal[4] == format_number(1)  # goal 1 (one settled, one not); goal 5 (the sensitive one)
    assert set(by_goal[1:4] + by_goal[5:]) == {format_number(0)}
    view.lens.setCurrentIndex(1)  # by dimension: goals 1 and 5 are in two dimensions
    assert sorted(_last_column(view)) == sorted([format_number(1), format_number(1), format_number(0), format_number(0)])


def test_the_link_opens_the_questions_whose_answers_still_differ(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.assessment_id is not None and page.contributions is not None and page.questionnaire is not None
    scenario = add_contributors(window.service, page.assessment_id)
    page.contributions.reload()  # as the Contributors tab does after an import
    view = _profile(page)
    assert "filter:disagreement" in view.contributors.text()
    view.contributors.linkActivated.emit("filter:disagreement")
    assert page.tabs.currentWidget() is page.questionnaire
    assert page.questionnaire.navigator.visible_question_ids() == [scenario.differing, scenario.sensitive]


def test_without_contributors_the_profile_says_where_to_add_them(window: MainWindow, qtbot: QtBot, language: str) -> None:
    view = _profile(open_new_assessment(window))
    assert _("none yet. Departments that answer parts of the assessment are added in the Contributors tab.") in view.contributors.text()
    assert view.table.columnCount() == 6  # no column of zeros before anyone else answered


def test_the_profile_lists_every_indicator_with_its_own_level(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    framework = window.service.framework()
    indicator = next(indicator for indicator in framework.indicators() if len(indicator.questions) >= 2)
    first, second = indicator.questions[:2]
    view = _profile(page)
    view.session.change_answer(first.id, AnswerDraft("level", level=2))
    view.session.change_answer(second.id, AnswerDraft("level", level=5))
    view.lens.setCurrentIndex(LENSES.index("indicators"))
    table = view.table
    assert table.rowCount() == len(list(framework.indicators()))
    row = [table.item(number, 0).text() for number in range(table.rowCount())].index(indicator_label(indicator))  # type: ignore[union-attr]
    assert table.item(row, 1).text() == mean_level_text(3.5)  # type: ignore[union-attr]
