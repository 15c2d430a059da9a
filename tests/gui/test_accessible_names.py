"""Every control a keyboard user can Tab to tells a screen reader what it is, in the language on screen.

What a screen reader announces is Qt's accessibility tree: `QAccessible.queryAccessibleInterface(widget).text(Name)`
covers a widget's own accessible name, a button's visible text and a form label whose buddy the field is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from resilience_app.gui.main_window import MainWindow


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """The visible widgets under `root` that Tab reaches (or would, once enabled) with nothing for a screen reader to say."""
    offenders = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if isinstance(widget, QTabBar):  # each tab is named by its text
            continue
        if widget.focusProxy() is not None:  # Tab lands on the proxy, which is checked in its own right
            continue
        if not spoken_name(widget):
            offenders.append(f"{widget.objectName() or '(no object name)'} {type(widget).__name__} in {_owner(widget)}")
    return offenders


def _owner(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"{parent.objectName()} {type(parent).__name__}" if parent is not None else "(top)"


def _visit_every_tab(root: QWidget, qtbot: QtBot, check: Callable[[], None]) -> None:
    """Make every tab and sub-tab under `root` current in turn, checking each."""
    seen: set[int] = set()

    def visit(widget: QWidget) -> None:
        for tabs in widget.findChildren(QTabWidget):
            if id(tabs) in seen or not tabs.isVisible():
                continue
            seen.add(id(tabs))
            for index in range(tabs.count()):
                if not tabs.isTabEnabled(index):
                    continue
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                check()
                page = tabs.widget(index)
                if page is not None:
                    visit(page)

    check()
    visit(root)


def test_every_control_on_the_sample_has_a_name(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.resize(1366, 768)
    offenders: set[str] = set(unnamed_controls(window))  # the list page
    window.open_sample()
    qtbot.waitUntil(lambda: window.assessment_page.isVisible())
    _visit_every_tab(window.assessment_page, qtbot, lambda: offenders.update(unnamed_controls(window)))
    assert sorted(offenders) == []


def _dialogs(window: MainWindow) -> list[Callable[[], QDialog | None]]:
    page = window.assessment_page

    def active() -> QDialog | None:
        return window.active_dialog

    def after(opener: Callable[[], object]) -> Callable[[], QDialog | None]:
        def open_it() -> QDialog | None:
            result = opener()
            return result if isinstance(result, QDialog) else active()
        return open_it

    return [
        after(window.new_assessment),
        after(window.export_selected),
        after(window.start_follow_up),
        after(window.show_guide),
        after(window.show_shortcuts),
        after(window.show_glossary),
        after(window.show_about),
        after(lambda: page.actions_view.edit_action(None)),  # type: ignore[union-attr]
        after(lambda: page.shocks_stresses.register_view.add_own_item()),  # type: ignore[union-attr]
    ]


def test_every_control_in_the_main_dialogs_has_a_name(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.open_sample()
    qtbot.waitUntil(lambda: window.assessment_page.isVisible())
    offenders: list[str] = []
    for open_dialog in _dialogs(window):
        dialog = open_dialog()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        def check(shown: QDialog = dialog) -> None:
            offenders.extend(unnamed_controls(shown))

        _visit_every_tab(dialog, qtbot, check)
        dialog.reject()
        dialog.close()
    assert sorted(set(offenders)) == []


def test_names_follow_a_change_of_language(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.open_sample()
    qtbot.waitUntil(lambda: window.assessment_page.isVisible())
    table = window.assessment_page.profile.table  # type: ignore[union-attr]
    search = window.findChild(QWidget, "question_search")
    assert search is not None
    before = (spoken_name(table), spoken_name(search))
    assert before == (("Profile: level of each goal", "Search the questions") if language == "en"
                      else ("ملف المرونة: مستوى كل هدف", "البحث في الأسئلة"))
    window.language_actions["en" if language == "ar" else "ar"].trigger()
    after = (spoken_name(table), spoken_name(search))
    assert after != before and all(after)
    assert ("ملف" in after[0]) == (language == "en")  # now in the other language


# -- the keyboard: Tab goes through a screen in the order it reads -------------------------------------------


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab reaches, in the order it reaches them (Qt's focus chain)."""
    stops: list[QWidget] = []
    widget: QWidget | None = root.nextInFocusChain()
    while widget is not None and widget is not root:
        reachable = (widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
                     and widget.focusProxy() is None and root.isAncestorOf(widget)
                     and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox))  # their inner editor
        if reachable and widget not in stops:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def out_of_reading_order(root: QWidget) -> list[str]:
    """Each Tab that goes back up within a column (more than half a line) instead of down or along.

    Moving up into another column (a side pane) is reading on, not going back."""
    stops = tab_stops(root)
    places = [stop.rect().translated(stop.mapTo(root, QPoint(0, 0))) for stop in stops]
    return [f"{stops[i].objectName()} -> {stops[i + 1].objectName()}" for i in range(len(stops) - 1)
            if places[i + 1].top() < places[i].top() - stops[i].fontMetrics().height() // 2
            and places[i + 1].left() < places[i].right() and places[i].left() < places[i + 1].right()]


def test_tab_goes_through_the_new_assessment_form_in_reading_order(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.new_assessment()
    dialog = window.active_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    stops = [stop.objectName() for stop in tab_stops(dialog)]
    first_city = "city_name_ar" if language == "ar" else "city_name_en"  # the window's language first
    assert stops[:6] == [first_city, *[name for name in ("city_name_en", "city_name_ar") if name != first_city], "country", "population",
                         "assessment_date", "cro_name"]
    assert out_of_reading_order(dialog) == []
    focused = dialog.focusWidget()
    assert focused is not None and focused.objectName() == first_city  # it opens on the first field
    qtbot.keyClick(focused, Qt.Key.Key_Tab)  # type: ignore[no-untyped-call]  # pytest-qt's keyClick is unannotated
    assert dialog.focusWidget() is not None and dialog.focusWidget().objectName() == stops[1]


def test_tab_goes_through_the_answer_editor_in_reading_order(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.resize(1366, 768)
    window.open_sample()
    qtbot.waitUntil(lambda: window.assessment_page.isVisible())
    page = window.assessment_page
    page.open_question(next(page.session.framework.questions()).id)  # type: ignore[union-attr]
    editor = window.findChild(QWidget, "question_view")
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    names = [stop.objectName() for stop in tab_stops(editor)]
    assert names[1] == "level_1"  # after the goal/question link above it, the answer comes first
    order = ["level_5", "confidence_low", "justification", "evidence_list", "previous_button", "next_button"]
    assert [name for name in names if name in order] == order
    assert names.index("justification") > max(i for i, name in enumerate(names) if name.startswith("confidence_"))
    assert out_of_reading_order(editor) == []
