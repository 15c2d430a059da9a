"""The main window on a small screen: it opens sized to the screen, keeps inside it in either language,
and no table heading is cut short at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QHeaderView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from resilience_app.core import i18n
from resilience_app.gui.checklist import Checklist
from resilience_app.gui.history_dialog import HistoryDialog
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.window_size import MAXIMISE_BELOW, first_placement

LAPTOP = (1366, 768)
# What is left of a 1366×768 screen for the window's contents under a title bar and a desktop panel.
LAPTOP_CLIENT_HEIGHT = 768 - 32 - 30


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 800), (1024, 600), (1439, 900)])
def test_a_screen_narrower_than_1440_px_gets_a_maximised_window(screen: tuple[int, int]) -> None:
    placement = first_placement(0, 32, *screen)
    assert placement.maximised
    assert (placement.x, placement.y, placement.width, placement.height) == (0, 32, *screen)


@pytest.mark.parametrize("screen", [(MAXIMISE_BELOW, 900), (1920, 1048), (2560, 1400), (3840, 2100)])
def test_a_wide_screen_gets_a_comfortable_window_centred_inside_its_free_area(screen: tuple[int, int]) -> None:
    left, top = 70, 27  # a dock on the left, a panel on top
    placement = first_placement(left, top, *screen)
    assert not placement.maximised
    assert left <= placement.x and placement.x + placement.width <= left + screen[0]
    assert top <= placement.y and placement.y + placement.height <= top + screen[1]
    assert abs((placement.x - left) - (left + screen[0] - placement.x - placement.width)) <= 1  # centred
    assert placement.width >= 1280 and placement.height >= 800  # the tables and both panes at ease


def test_the_first_start_on_a_small_screen_opens_maximised(window: MainWindow, qapp: QApplication) -> None:
    screen = window.screen().availableGeometry()
    assert screen.width() < MAXIMISE_BELOW  # the offscreen test screen is 800 px wide
    assert window.isMaximized()


def _open_sample_at_laptop_size(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(*LAPTOP)
    window.open_sample()
    qtbot.waitUntil(lambda: window.assessment_page.session is not None and window.assessment_page.isVisible())


def test_the_window_stays_inside_a_laptop_screen_and_switching_language_does_not_widen_it(window: MainWindow, qtbot: QtBot, language: str) -> None:
    _open_sample_at_laptop_size(window, qtbot)
    page = window.assessment_page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        minimum = window.minimumSizeHint()
        tab = page.tabs.tabText(index)
        assert minimum.width() <= LAPTOP[0] and minimum.height() <= LAPTOP_CLIENT_HEIGHT, f"{tab}: {minimum}"
    size = window.size()
    other = "en" if language == "ar" else "ar"
    window.language_actions[other].trigger()
    assert i18n.current_language() == other
    assert window.size() == size
    assert window.minimumSizeHint().height() <= LAPTOP_CLIENT_HEIGHT


def _visible_headers(root: QWidget) -> list[QHeaderView]:
    headers = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not view.isVisible():
            continue
        header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
        if header is not None and header().isVisible():
            headers.append(header())
    return headers


def test_no_table_heading_is_cut_short_on_a_laptop_screen(window: MainWindow, qtbot: QtBot, language: str) -> None:
    _open_sample_at_laptop_size(window, qtbot)
    page = window.assessment_page
    cut: list[str] = []
    checked = 0
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        tab = page.tabs.widget(index)
        assert tab is not None
        inner_tabs: list[QTabWidget | None] = [tabs for tabs in tab.findChildren(QTabWidget) if tabs.isVisible()]
        for inner in inner_tabs or [None]:
            for inner_index in range(inner.count() if inner else 1):
                if inner is not None:
                    inner.setCurrentIndex(inner_index)
                QApplication.processEvents()  # a pane shown for the first time takes its opening size
                for header in _visible_headers(tab):
                    model = header.model()
                    for section in range(header.count()):
                        if header.isSectionHidden(section):
                            continue
                        checked += 1
                        if header.sectionSize(section) < header.sectionSizeHint(section):
                            text = model.headerData(section, header.orientation())
                            owner = header.parentWidget()
                            cut.append(f"{page.tabs.tabText(index)} › {owner.objectName() if owner else ''}: {text!r}")
    assert checked > 20
    assert not cut, "\n".join(sorted(set(cut)))


def test_a_dialog_opens_as_big_as_its_content_within_the_screen(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.open_sample()
    page = window.assessment_page
    assert page.actions_view is not None and page.questionnaire is not None and page.session is not None
    area = window.screen().availableGeometry()

    page.tabs.setCurrentWidget(page.actions_view)
    dialog = page.actions_view.edit_action(page.register.actions[0].id if page.register else None)
    qtbot.waitExposed(dialog)
    goals = dialog.editor("goals", Checklist)
    assert goals.count() == 12
    qtbot.waitUntil(lambda: goals.verticalScrollBar().maximum() == 0)  # every goal in view, none behind a scroll bar
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible() and dialog.rect().contains(QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()))  # in view, not scrolled away
    dialog.reject()

    page.tabs.setCurrentWidget(page.questionnaire)
    answered = next(question.id for question in page.session.framework.questions() if page.session.draft(question.id))
    page.questionnaire.show_history(answered)
    history = page.questionnaire.active_dialog
    assert isinstance(history, HistoryDialog)
    qtbot.waitExposed(history)
    assert history.width() <= area.width() and history.height() <= area.height()
    header = history.table.horizontalHeader()
    for column in range(header.count()):  # "After" included: no heading cut short
        assert header.sectionSize(column) >= header.sectionSizeHint(column), history.table.model().headerData(column, header.orientation())
    assert header.length() <= history.table.viewport().width() + 1  # no column pushed out of sight
