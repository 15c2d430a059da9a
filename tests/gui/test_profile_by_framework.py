"""The profile by framework as a user sees it: a chooser of the external framework, one row per item with the
indicators mapped, their coverage and their mean level labelled as the CRF's 1-5 scale, in the interface's digits and
direction; double-clicking an item lists its indicators."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.labels import crosswalk_level_text, fit_text, mean_level_text
from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.formatting import format_number, format_percent, localise_digits
from resilience_app.core.i18n import _
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.profile_framework_page import ProfileFrameworkPage
from resilience_app.gui.table_cells import filled_cell, filled_header

from .questionnaire_helpers import open_new_assessment

LATIN_DIGIT = re.compile("[0-9]")


def _by_framework(page: AssessmentPage) -> ProfileFrameworkPage:
    assert page.profile is not None
    page.tabs.setCurrentWidget(page.profile)
    page.profile.pages.setCurrentWidget(page.profile.by_framework)
    return page.profile.by_framework


def _row(view: ProfileFrameworkPage, row: int) -> list[str]:
    return [filled_cell(view.table, row, column).text() for column in range(view.table.columnCount())]


def test_the_ten_essentials_show_the_cores_grouping_on_the_crfs_scale(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assessment_id = page.assessment_id or 0
    framework = page.session.framework  # type: ignore[union-attr]
    hazard_mapping = next(indicator for indicator in framework.indicators() if indicator.id == "ind-7.1")
    for question, level in zip(hazard_mapping.questions, (2, 5), strict=False):
        window.service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=level, confidence="high"))
    page.session.reread()  # type: ignore[union-attr]
    view = _by_framework(page)
    assert page.profile is not None and page.profile.pages.tabText(3) == _("By framework")
    view.choose("undrr-ten-essentials")
    expected = window.service.assessments.profile_by_framework(assessment_id, "undrr-ten-essentials")
    assert view.table.rowCount() == 10
    assert [filled_header(view.table, column).text() for column in (0, 1, 2, 5)] == [_("Ref."), _("Item"), _("Fit"), _("Questions answered")]
    assert filled_header(view.table, 6).text() == _("CRF level {lowest}–{highest}").format(lowest=format_number(1), highest=format_number(5))
    for row, result in enumerate(expected.items):
        assert _row(view, row) == [
            result.item.reference(language), result.item.name.in_language(language), fit_text(result.item), format_number(result.mapped),
            format_number(result.levelled_indicators), format_percent(result.coverage) if result.coverage is not None else _("—"),
            crosswalk_level_text(result.item, result.level, result.levelled_indicators),
        ]
    risk = _row(view, 1)  # E2, risk scenarios: hazard mapping (7.1) is one of its indicators; a partial fit, the level plain
    assert risk[2] == _("Partial") and risk[6] == mean_level_text(3.5) and risk[4] == format_number(1)
    assert _row(view, 0)[6] == _("—")
    assert expected.crosswalk.notes is not None and str(expected.crosswalk.notes) in view.explanation.text()  # what the mapping cannot claim
    if language == "ar":
        assert view.table.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for row in range(view.table.rowCount()):
            cells = _row(view, row)
            assert not LATIN_DIGIT.search("".join(cells)), cells  # Arabic-Indic digits only


def test_the_chooser_switches_framework_and_double_clicking_an_item_lists_its_indicators(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    view = _by_framework(page)
    crosswalks = window.service.assessments.crosswalks(page.assessment_id or 0)
    assert view.chooser.count() == len(crosswalks) == 4
    sdg = next(index for index, crosswalk in enumerate(crosswalks) if crosswalk.id == "sdg-11")
    view.chooser.setCurrentIndex(sdg)
    assert view.table.rowCount() == 10
    assert filled_cell(view.table, 4, 0).text() == localise_digits("11.5")
    assert filled_cell(view.table, 7, 0).text() == ("11.a" if language == "en" else "11.أ".replace("11", localise_digits("11")))
    sdg_11_5 = view.profile.items[4] if view.profile else None
    assert sdg_11_5 is not None and sdg_11_5.item.id == "sdg-11.5"
    cell = filled_cell(view.table, 4, 1)
    view.table.scrollToItem(cell)
    where = view.table.visualItemRect(cell).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shown = view.indicators.text()
    for result in sdg_11_5.indicators:
        assert localise_digits(result.indicator.number) in shown
        assert result.indicator.name.in_language(language) in shown
    assert format_number(sdg_11_5.mapped) in shown
    view.refresh()  # an answer saved or the language changed: the item chosen stays chosen, its indicators listed
    assert view.table.currentRow() == 4 and view.indicators.text() == shown
    view.choose("undrr-ten-essentials")  # another framework: nothing of the last one stays listed
    assert view.table.selectedItems() == [] and view.indicators.text() == _("Double-click an item to see the indicators mapped to it.")


def test_sendais_loss_targets_list_their_indicators_without_a_level_and_thin_items_are_bracketed(window: MainWindow, qtbot: QtBot,
                                                                                               language: str) -> None:
    page = open_new_assessment(window)
    assessment_id = page.assessment_id or 0
    framework = page.session.framework  # type: ignore[union-attr]
    for indicator in framework.indicators():
        for question in indicator.questions:
            window.service.assessments.save_answer(assessment_id, question.id, AnswerDraft(status="level", level=3, confidence="high"))
    page.session.reread()  # type: ignore[union-attr]
    view = _by_framework(page)
    view.choose("sendai-framework")
    assert view.profile is not None
    target_a = view.profile.items[0]
    assert target_a.item.id == "sendai-target-a" and target_a.item.no_level and target_a.level is None and target_a.indicators
    assert _row(view, 0)[6] == _("No CRF level: an outcome counted as losses")
    assert filled_cell(view.table, 0, 6).foreground().color().name() == "#777777"
    shown = ProfileFrameworkPage.indicators_text(target_a)
    assert all(localise_digits(result.indicator.number) in shown for result in target_a.indicators)
    view.choose("sdg-11")
    heritage = view.profile.items[3]  # 11.4, cultural and natural heritage: thinly covered
    assert heritage.item.fit == "thin" and _row(view, 3)[6].startswith("(" + mean_level_text(3.0) + ")")
    assert filled_cell(view.table, 3, 6).foreground().color().name() == "#777777"
