"""The profile's figures (the quantitative profile) and the quality of its data, as a user sees them on screen:
the values, units and levels the core computes, in the interface's digits and direction, and the data-quality shares."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.content.model import Question
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import _, current_language
from resilience_app.core.scoring.quantitative import build_quantitative
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.profile_view import ProfileView
from resilience_app.gui.table_cells import filled_cell

from .questionnaire_helpers import open_new_assessment

LATIN_DIGIT = re.compile("[0-9]")


def _profile_page(page: AssessmentPage, which: str) -> ProfileView:
    assert page.profile is not None
    page.tabs.setCurrentWidget(page.profile)
    page.profile.pages.setCurrentWidget(page.profile.figures if which == "figures" else page.profile.data_quality)
    return page.profile


def _rows_by_number(view: ProfileView) -> dict[str, list[str]]:
    """The question rows of the figures' table by their number cell (goal rows span the table and are left out)."""
    table = view.figures.table
    rows = {}
    for row in range(table.rowCount()):
        if table.columnSpan(row, 0) == 1:
            rows[filled_cell(table, row, 0).text()] = [filled_cell(table, row, column).text() for column in range(table.columnCount())]
    return rows


def _figure(question: Question, value: str) -> str:
    """How a value with its unit reads, made independently of the page."""
    assert question.numeric is not None
    return question.numeric.figure(Decimal(value), format_number(Decimal(value)), current_language())


def test_the_figures_show_the_samples_values_units_and_levels_in_the_interfaces_digits(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.open_sample()
    page = window.assessment_page
    view = _profile_page(page, "figures")
    answers = window.service.assessments.answers(page.assessment_id or 0)
    framework = page.session.framework  # type: ignore[union-attr]
    expected = build_quantitative(framework, {question_id: record.answer for question_id, record in answers.items()})
    shown = _rows_by_number(view)
    figure_questions = sum(question.numeric is not None for question in framework.questions())
    assert len(shown) == expected.total == figure_questions
    for row in expected.rows:
        cells = shown[localise_digits(row.number)]
        assert cells[1] == row.question.prompt.in_language(language)
        if row.level is None:  # the sample's "don't know" or "not applicable" on a figure question
            assert cells[2] == _("No value given") and cells[3] in (_("Don't know"), _("Not applicable"))
            continue
        assert row.numeric_value is not None  # the sample gives every levelled figure question its value
        assert cells[2] == _figure(row.question, row.numeric_value)
        assert cells[3] == (_("{level} (the value gives {value_level})").format(level=format_number(row.level), value_level=format_number(row.value_level or 0))
                            if row.level_differs else format_number(row.level))
    count = view.figures.count.text()
    assert format_number(expected.answered) in count and format_number(figure_questions) in count
    goal_rows = [filled_cell(view.figures.table, row, 0).text() for row in range(view.figures.table.rowCount())
                 if view.figures.table.columnSpan(row, 0) == 4]
    assert len(goal_rows) == len(expected.goals) and goal_rows[0].startswith(format_number(1))
    if language == "ar":
        assert view.figures.table.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for cells in shown.values():
            assert not LATIN_DIGIT.search(cells[0] + cells[2] + cells[3]), cells  # Arabic-Indic digits only
        assert not LATIN_DIGIT.search(count)


def test_unanswered_figures_say_so_and_a_level_chosen_against_the_value_shows_both(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    framework = page.session.framework  # type: ignore[union-attr]
    question = next(question for question in framework.questions() if question.numeric is not None)
    assert question.numeric is not None
    best = max(question.numeric.thresholds) if question.numeric.better == "higher" else min(question.numeric.thresholds)
    value = str(Decimal(str(best)).normalize())
    window.service.assessments.save_answer(page.assessment_id or 0, question.id, AnswerDraft(status="level", level=2, numeric_value=value))
    page.session.reread()  # type: ignore[union-attr]
    view = _profile_page(page, "figures")
    shown = _rows_by_number(view)
    number = localise_digits(framework.placement(question.id).number)
    assert shown[number][2] == _figure(question, value)
    assert shown[number][3] == _("{level} (the value gives {value_level})").format(level=format_number(2), value_level=format_number(5))
    others = [cells for key, cells in shown.items() if key != number]
    figure_questions = sum(q.numeric is not None for q in framework.questions())
    assert len(others) == figure_questions - 1 and all(cells[2] == _("Not answered") and cells[3] == _("—") for cells in others)
    count = view.figures.count.text()
    assert format_number(1) in count and format_number(figure_questions) in count


def test_double_clicking_a_figure_opens_its_question(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    view = _profile_page(page, "figures")
    table = view.figures.table
    row = 3  # row 0 names the first goal; rows 1 to 4 are its figure questions
    assert table.columnSpan(row, 0) == 1
    question_id = filled_cell(table, row, 1).data(Qt.ItemDataRole.UserRole)
    table.scrollToItem(filled_cell(table, row, 1))
    where = table.visualItemRect(filled_cell(table, row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click is a press, then a second one
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.tabs.currentWidget() is page.questionnaire
    assert page.questionnaire is not None and page.questionnaire.question_view.question is not None
    assert page.questionnaire.question_view.question.id == question_id


def test_the_data_quality_shares_are_the_cores_per_goal_and_for_the_whole_assessment(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assessment_id = page.assessment_id or 0
    framework = page.session.framework  # type: ignore[union-attr]
    goal_1 = [question for indicator in next(framework.goals()).indicators for question in indicator.questions]
    stated = [("measured", "city", 2025), ("measured", "country", 2015), ("estimate", "country", None), (None, None, None)]
    for question, (kind, scale, year) in zip(goal_1, stated, strict=False):
        window.service.assessments.save_answer(assessment_id, question.id, AnswerDraft(
            status="level", level=3, source_kind=kind, data_scale=scale, data_year=year))
    view = _profile_page(page, "data_quality")
    quality = window.service.assessments.data_quality(assessment_id)
    assert quality.overall.levelled == 4 and quality.overall.measured == 2  # the core's count, which the screen must show
    table = view.data_quality.table
    assert table.rowCount() == len(quality.goals) + 1
    whole = [filled_cell(table, 0, column).text() for column in range(table.columnCount())]
    shown_goal_1 = [filled_cell(table, 1, column).text() for column in range(table.columnCount())]
    assert whole[0] == _("Whole assessment")
    for cells, summary in ((shown_goal_1, quality.goals["goal-1"]), (whole, quality.overall)):
        assert cells[1:] == [format_number(4), format_percent(0.5), format_percent(0.5), format_percent(0.25),
                             format_number(3), format_number(3), format_number(2)]
        assert summary.measured_share == 0.5
    assert filled_cell(table, 2, 1).text() == format_number(0) and filled_cell(table, 2, 2).text() == _("—")  # goal 2: nothing levelled
    overall = view.data_quality.overall.text()
    assert format_number(3) in overall and format_percent(0.5) in overall and format_percent(0.25) in overall
    assert view.data_quality.explanation.text()
    if language == "ar":
        assert table.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert not LATIN_DIGIT.search("".join(whole[1:]) + overall)


def test_without_any_source_said_the_data_quality_says_where_to_say_it(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.assessment_id is not None
    for question in list(window.service.framework().questions())[:5]:  # levels whose source is not said
        window.service.assessments.save_answer(page.assessment_id, question.id, AnswerDraft("level", 3))
    view = _profile_page(page, "data_quality")
    quality = window.service.assessments.data_quality(page.assessment_id)
    overall = view.data_quality.overall.text()
    assert quality.overall.source_stated == 0 and format_number(quality.overall.levelled) in overall
    assert _("Source of the data") in overall
