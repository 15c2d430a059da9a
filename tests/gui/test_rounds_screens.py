"""A CRO starts a follow-up from the Assessment menu and reads, on the Change tab, what moved since the earlier round:
the numbers `compare` gives for a small hand-built pair, "coverage fell" and "not comparable" said plainly, in both
languages (right to left and Arabic-Indic digits in Arabic)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import _
from resilience_app.core.register.labels import rating_text
from resilience_app.core.register.records import ActionDraft, RegisterItemDraft
from resilience_app.core.rounds.labels import reason_name, round_kind_name, round_text, verdict_name, verdict_text
from resilience_app.core.rounds.records import FollowUpOptions
from resilience_app.gui.assessment_table_model import ASSESSMENT_ID_ROLE
from resilience_app.gui.change_view import ChangeView
from resilience_app.gui.follow_up_dialog import FollowUpDialog
from resilience_app.gui.main_window import MainWindow

BASELINE_DATE = dt.date(2024, 5, 1)
FOLLOW_UP_DATE = dt.date(2026, 5, 1)


def _goal_questions(window: MainWindow, index: int) -> list[str]:
    goal = list(window.service.framework().goals())[index]
    return [question.id for indicator in goal.indicators for question in indicator.questions]


def _answer(window: MainWindow, assessment_id: int, question_id: str, level: int, justification: str = "") -> None:
    window.service.assessments.save_answer(assessment_id, question_id, AnswerDraft("level", level, justification=justification))


def _pair(window: MainWindow) -> tuple[int, int]:
    """A baseline and its follow-up with known levels.

    Goal 1: every question at 2, then the first at 4 and the rest at 3 (improved). Goal 2: answered in the baseline only
    (not comparable). Goal 3: every question at 3, then three in five of them at 4 (coverage fell).
    """
    service = window.service
    baseline = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا", assessment_date=BASELINE_DATE))
    goal_1, goal_2, goal_3 = (_goal_questions(window, index) for index in range(3))
    _answer(window, baseline.id, goal_1[0], 2, "Two pumping stations flooded in 2023.")
    for question_id in goal_1[1:]:
        _answer(window, baseline.id, question_id, 2)
    _answer(window, baseline.id, goal_2[0], 3)
    for question_id in goal_3:
        _answer(window, baseline.id, question_id, 3)
    follow_up = service.rounds.start_follow_up(baseline.id, FollowUpOptions(date=FOLLOW_UP_DATE)).record
    _answer(window, follow_up.id, goal_1[0], 4, "Both stations raised above the flood line.")
    for question_id in goal_1[1:]:
        _answer(window, follow_up.id, question_id, 3)
    for question_id in goal_3[: -(-len(goal_3) * 3 // 5)]:
        _answer(window, follow_up.id, question_id, 4)
    window.refresh()
    return baseline.id, follow_up.id


def _open_change(window: MainWindow, assessment_id: int) -> ChangeView:
    window.open_assessment(assessment_id)
    page = window.assessment_page
    assert page.change is not None
    page.tabs.setCurrentWidget(page.change)
    return page.change


def _row(view: ChangeView, row: int) -> list[str]:
    table = view.groups
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]


def test_the_change_tab_shows_the_numbers_compare_gives(window: MainWindow, language: str) -> None:
    baseline_id, follow_up_id = _pair(window)
    first_question = _goal_questions(window, 0)[0]
    window.service.assessments.save_answer(follow_up_id, first_question, AnswerDraft(
        "level", 4, justification="Both stations raised above the flood line.", source_kind="measured", data_year=2025, data_scale="city"))
    view = _open_change(window, follow_up_id)
    assert view.content.isVisible() and not view.no_earlier.isVisible()
    assert view.chosen_round_id() == baseline_id
    compared = window.service.rounds.compare(baseline_id, follow_up_id)
    goals = compared.comparison.goals

    cover = format_percent
    first = _row(view, 0)
    goal_1 = goals[0]
    assert goal_1.baseline is not None and goal_1.follow_up is not None and goal_1.follow_up.level is not None and goal_1.change is not None
    assert first[1:4] == [format_number(2.0, decimals=1), format_number(goal_1.follow_up.level, decimals=1), "+" + format_number(goal_1.change, decimals=1)]
    assert first[4] == _("{both} of {questions}").format(both=format_number(goal_1.questions), questions=format_number(goal_1.questions))
    assert first[5] == cover(goal_1.baseline.coverage) and first[6] == cover(goal_1.follow_up.coverage)  # type: ignore[arg-type]
    assert first[9] == verdict_name("improved")
    second = _row(view, 1)
    assert second[3] == _("—")
    assert second[9] == _("{verdict}: {reason}").format(verdict=verdict_name("not_comparable"), reason=reason_name("no_level_in_follow_up"))
    third = _row(view, 2)
    assert goals[2].verdict == "coverage_fell"
    assert third[9] == verdict_name("coverage_fell") and "+" + format_number(1.0, decimals=1) == third[3]

    # the questions that moved, with both rounds' justifications side by side
    moved = len(compared.comparison.moved_up)
    assert moved == goal_1.questions + goals[2].levelled_in_both and not compared.comparison.moved_down
    assert view.groups.rowCount() == len(goals) and view.moved.rowCount() == moved
    texts = [view.moved.item(0, column).text() for column in range(4)]  # type: ignore[union-attr]
    assert "Two pumping stations flooded in 2023." in texts[2] and "Both stations raised above the flood line." in texts[3]
    assert _("Measured data") in texts[3] and localise_digits("2025") in texts[3] and _("Measured data") not in texts[2]  # where the data changed
    assert texts[1] == _("▲ up")
    # the bars of change by goal: one per goal, a bar only where the change could be computed
    assert [(bar.change, bar.meaning) for bar in view.bars.bars[:3]] == [
        (goal_1.change, verdict_name("improved")), (None, second[9]), (goals[2].change, verdict_name("coverage_fell"))]
    # the wheel: one outline per round, each with the levels compare gives
    assert [outline.values[0] for outline in view.chart.outlines] == [2.0, goal_1.follow_up.level]
    assert view.chart.outlines[1].values[1] is None


def test_an_assessment_without_an_earlier_round_says_so(window: MainWindow, language: str) -> None:
    baseline_id, _follow_up_id = _pair(window)
    view = _open_change(window, baseline_id)
    assert view.no_earlier.isVisible() and not view.content.isVisible()
    assert view.no_earlier.text().startswith({"en": "No earlier round", "ar": "لا جولة سابقة"}[language])


def test_answers_carried_over_are_counted_as_to_review(window: MainWindow, language: str) -> None:
    baseline_id, _follow_up_id = _pair(window)
    carried = window.service.rounds.start_follow_up(baseline_id, FollowUpOptions(carry_answers=True, date=FOLLOW_UP_DATE)).record
    view = _open_change(window, carried.id)
    count = window.service.rounds.compare(baseline_id, carried.id).follow_up.to_review
    assert count == len(window.service.assessments.profile(carried.id).to_review_questions) > 0
    assert view.to_review.isVisible() and format_number(count) in view.to_review.text()
    progress = window.assessment_page.progress
    assert progress is not None
    strip = progress.overall.label.text()  # the progress above every tab says it too
    assert format_number(count) in strip and {"en": "still to review", "ar": "بانتظار المراجعة"}[language] in strip


def _start_from_menu(window: MainWindow, qtbot: QtBot, assessment_id: int, *, carry: bool, date: dt.date) -> FollowUpDialog:
    window.show_list()
    window.select_assessment(assessment_id)
    assert window.follow_up_action.isEnabled()
    window.follow_up_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, FollowUpDialog)
    dialog.carry_answers.setChecked(carry)
    dialog.carry_register.setChecked(carry)
    dialog.kind.setCurrentIndex(dialog.kind.findData("mid_term"))
    dialog.date.setDate(QDate(date.year, date.month, date.day))
    dialog.save()
    return dialog


def test_a_follow_up_started_from_the_menu_opens_with_or_without_the_answers(window: MainWindow, qtbot: QtBot, language: str) -> None:
    baseline_id, _follow_up_id = _pair(window)
    before = {summary.id for summary in window.service.assessments.list_assessments()}
    _start_from_menu(window, qtbot, baseline_id, carry=True, date=dt.date(2025, 5, 1))
    opened = window.assessment_page.assessment_id
    assert opened is not None and opened not in before and window.pages.currentWidget() is window.assessment_page
    made = window.service.rounds.round_of(opened)
    assert made.kind == "mid_term" and made.date == dt.date(2025, 5, 1)
    assert window.service.assessments.profile(opened).to_review_questions
    change = window.assessment_page.change
    assert change is not None
    window.assessment_page.tabs.setCurrentWidget(change)
    assert change.chosen_round_id() == baseline_id and change.to_review.isVisible()

    _start_from_menu(window, qtbot, baseline_id, carry=False, date=dt.date(2026, 6, 1))
    empty = window.assessment_page.assessment_id
    assert empty is not None and empty != opened
    assert window.service.assessments.answers(empty) == {}


def test_a_date_before_the_round_it_follows_is_refused_and_nothing_is_made(window: MainWindow, qtbot: QtBot, language: str) -> None:
    baseline_id, _follow_up_id = _pair(window)
    before = window.service.assessments.list_assessments()
    dialog = _start_from_menu(window, qtbot, baseline_id, carry=True, date=dt.date(2023, 1, 1))
    assert dialog.isVisible() and window.active_dialog is dialog
    error = dialog.fields["round_date"].error_label
    assert error.isVisible() and error.text()
    assert len(window.service.assessments.list_assessments()) == len(before)
    dialog.reject()


def test_the_dialog_and_the_tab_follow_the_language(window: MainWindow, language: str) -> None:
    baseline_id, follow_up_id = _pair(window)
    view = _open_change(window, follow_up_id)
    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert view.layoutDirection() == expected and view.chart.layoutDirection() == expected
    cells = " ".join(" ".join(_row(view, row)) for row in range(view.groups.rowCount()))
    if language == "ar":
        assert "٢٫٠" in cells and not any(character in cells for character in "0123456789")
    else:
        assert "2.0" in cells
    window.show_list()
    window.select_assessment(baseline_id)
    window.follow_up_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.layoutDirection() == expected and dialog.windowTitle() == _("Start a follow-up assessment")
    dialog.reject()


def test_the_list_names_each_assessments_round(window: MainWindow, language: str) -> None:
    baseline_id, follow_up_id = _pair(window)
    shown = {window.model.data(window.model.index(row, 0), ASSESSMENT_ID_ROLE): window.model.data(window.model.index(row, 2))
             for row in range(window.model.rowCount())}
    rounds = window.service.rounds.every_round()
    assert shown[baseline_id] == round_text(rounds[baseline_id]) and shown[follow_up_id] == round_text(rounds[follow_up_id])
    assert round_kind_name("baseline") in shown[baseline_id] and round_kind_name("follow_up") in shown[follow_up_id]
    assert window.model.headerData(2, Qt.Orientation.Horizontal) == _("Round")


def test_the_register_tab_shows_what_is_new_gone_reranked_and_the_actions_that_moved_on(window: MainWindow, language: str) -> None:
    service = window.service
    baseline = service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا", assessment_date=BASELINE_DATE))
    service.register.add_item(baseline.id, RegisterItemDraft(hazard_id="riverine-flood", kind="shock", likelihood=4, impact=4))
    service.register.add_item(baseline.id, RegisterItemDraft(kind="stress", name_en="Fuel shortages", name_ar="نقص الوقود", likelihood=3, impact=3))
    service.register.add_action(baseline.id, ActionDraft("Storm drains programme", status="planned"))
    follow_up = service.rounds.start_follow_up(baseline.id, FollowUpOptions(carry_register=True, date=FOLLOW_UP_DATE)).record.id
    carried = {service.register.item_name(item, "en"): item for item in service.register.items(follow_up)}
    service.register.remove_item(carried["Fuel shortages"].id)
    service.register.add_item(follow_up, RegisterItemDraft(kind="stress", name_en="Youth unemployment", name_ar="بطالة الشباب", likelihood=5, impact=4))
    action = service.register.actions(follow_up)[0]
    service.register.update_action(follow_up, action.id, ActionDraft(action.action.title, status="completed"))
    window.refresh()
    view = _open_change(window, follow_up)
    view.details.setCurrentWidget(view.register_change)
    items = view.register_change.item_table
    rows = [[items.item(row, column).text() for column in range(items.columnCount())] for row in range(items.rowCount())]  # type: ignore[union-attr]
    names = {"en": ("Youth unemployment", "Fuel shortages"), "ar": ("بطالة الشباب", "نقص الوقود")}[language]
    rated = rating_text(RegisterItemDraft(kind="stress", likelihood=5, impact=4))  # a stress: "20 (severity 4 × trend 5)"
    assert format_number(20) in rated and _("Severity").lower() in rated.lower()
    assert [names[0], _("New since the earlier round"), _("—"), format_number(1), _("—"), rated] in [
        row[:6] for row in rows]  # new, first in this round's ranking, rated severity 4 × worsening fast (5)
    assert [names[1], _("No longer in the register"), format_number(2), _("—")] in [row[:4] for row in rows]
    actions = view.register_change.action_table
    assert actions.rowCount() == 1 and actions.item(0, 2).text() == _("Completed")  # type: ignore[union-attr]


def test_the_change_tab_also_compares_each_indicator_and_each_quality(window: MainWindow, language: str) -> None:
    baseline_id, follow_up_id = _pair(window)
    view = _open_change(window, follow_up_id)
    compared = window.service.rounds.compare(baseline_id, follow_up_id).comparison
    for position, kind in ((2, "indicator"), (3, "quality")):
        view.lens.setCurrentIndex(position)
        groups = compared.groups(kind)  # type: ignore[arg-type]
        assert view.groups.rowCount() == len(groups) > 0
        first = _row(view, 0)
        assert first[9] == verdict_text(groups[0])
    quality = window.service.framework().qualities[0]
    assert _row(view, 0)[0] == quality.name.in_language(language)


def test_a_third_round_is_compared_with_the_baseline_unless_another_is_chosen(window: MainWindow, language: str) -> None:
    baseline_id, follow_up_id = _pair(window)
    third = window.service.rounds.start_follow_up(follow_up_id, FollowUpOptions(date=FOLLOW_UP_DATE + dt.timedelta(days=700))).record.id
    window.refresh()
    view = _open_change(window, third)
    assert view.earlier.count() == 2 and view.chosen_round_id() == baseline_id  # as the documents measure it
    view.choose_round(follow_up_id)
    assert view.compared is not None and view.compared.baseline.record.id == follow_up_id
