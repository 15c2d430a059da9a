"""A user managing assessments in the main window, in English and in Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _
from resilience_app.core.paths import AppPaths
from resilience_app.core.settings import Settings
from resilience_app.gui.app import create_main_window
from resilience_app.gui.assessment_dialog import AssessmentDialog
from resilience_app.gui.main_window import MainWindow
from tests.gui.typing_helpers import type_text


def is_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def open_new_dialog(window: MainWindow) -> AssessmentDialog:
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AssessmentDialog) and dialog.isVisible()
    return dialog


def press_ok(qtbot: QtBot, dialog: AssessmentDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def city_cells(window: MainWindow) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def test_interface_follows_the_language(window: MainWindow, language: str, qapp: QApplication) -> None:
    assert is_arabic(window.file_menu.title()) is (language == "ar")
    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert qapp.layoutDirection() == expected
    assert window.layoutDirection() == expected
    assert window.empty_hint.isVisible() and not window.table.isVisible()


def test_create_an_assessment_typing_arabic_indic_digits(window: MainWindow, qtbot: QtBot, language: str) -> None:
    dialog = open_new_dialog(window)
    assert dialog.layoutDirection() == window.layoutDirection()
    type_text(qtbot, dialog.city_en, "Salt")
    type_text(qtbot, dialog.city_ar, "السلط")
    type_text(qtbot, dialog.country, "Jordan")
    type_text(qtbot, dialog.population, "١٢٠٠٠٠")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert city_cells(window) == ["السلط" if language == "ar" else "Salt"]
    [summary] = window.service.assessments.list_assessments()
    assert summary.record.details.population == 120000
    assert window.assessment_page.isVisible() and window.assessment_page.assessment_id == summary.id  # opened to be worked on
    window.show_list()
    assert window.table.isVisible() and window.selected_assessment_id() == summary.id


def test_invalid_details_keep_the_dialog_open_with_inline_messages(window: MainWindow, qtbot: QtBot, language: str) -> None:
    dialog = open_new_dialog(window)
    type_text(qtbot, dialog.population, "12٣")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    name_error = dialog.fields["city_name_en"].error_label
    population_error = dialog.fields["population"].error_label
    assert name_error.isVisible() and population_error.isVisible()
    assert _("Give the city's name in English or Arabic (or both).") in name_error.text()
    assert is_arabic(population_error.text()) is (language == "ar")
    assert window.service.assessments.list_assessments() == []
    dialog.population.clear()
    type_text(qtbot, dialog.city_en, "Madaba")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert len(window.service.assessments.list_assessments()) == 1


def test_rename_duplicate_and_delete(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Jerash", city_name_ar="جرش"))
    window.refresh()
    assert window.selected_assessment_id() is not None

    window.rename_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AssessmentDialog)
    assert not dialog.fields["population"].isVisibleTo(dialog)  # renaming asks for names only
    dialog.city_en.clear()
    type_text(qtbot, dialog.city_en, "Gerasa")
    press_ok(qtbot, dialog)
    assert window.service.assessments.list_assessments()[0].record.details.city_name_en == "Gerasa"

    window.duplicate_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)  # copied off the GUI thread
    names = sorted(summary.record.city_name(language) for summary in window.service.assessments.list_assessments())
    expected_copy = "جرش (نسخة)" if language == "ar" else "Gerasa (copy)"
    assert names == sorted(["جرش" if language == "ar" else "Gerasa", expected_copy])

    window.delete_action.trigger()
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert is_arabic(box.text()) is (language == "ar")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 2

    window.delete_action.trigger()
    box = window.active_dialog
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 1


def test_open_shows_the_assessment_with_its_framework(window: MainWindow, language: str) -> None:
    window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Karak", city_name_ar="الكرك", population=250000))
    window.refresh()
    window.open_action.trigger()
    assert window.pages.currentWidget() is window.assessment_page
    assert ("الكرك" if language == "ar" else "Karak") in window.assessment_page.title.text()
    expected_population = "٢٥٠٬٠٠٠" if language == "ar" else "250,000"
    assert expected_population in window.assessment_page.subtitle.text()
    overview = window.assessment_page.overview
    assert overview is not None and overview.isVisible() and len(overview.cards) == 12
    assert overview.layoutDirection() == window.layoutDirection()
    window.assessment_page.back_button.click()
    assert window.pages.currentIndex() == 0


def test_switching_language_at_run_time_is_applied_and_remembered(window: MainWindow, app_paths: AppPaths, qapp: QApplication) -> None:
    other = "en" if i18n.current_language() == "ar" else "ar"
    window.language_actions[other].trigger()
    assert i18n.current_language() == other
    assert is_arabic(window.file_menu.title()) is (other == "ar")
    assert is_arabic(window.model.headerData(0, Qt.Orientation.Horizontal)) is (other == "ar")
    expected = Qt.LayoutDirection.RightToLeft if other == "ar" else Qt.LayoutDirection.LeftToRight
    assert qapp.layoutDirection() == expected
    assert Settings(app_paths.settings_file).get("language") == other


def test_window_size_is_remembered(window: MainWindow, qtbot: QtBot, qapp: QApplication, app_paths: AppPaths) -> None:
    window.resize(700, 500)
    window.close()
    second = create_main_window(qapp, app_paths)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    second.service.close()


def test_a_vanished_assessment_gets_a_plain_message(window: MainWindow, qtbot: QtBot, language: str) -> None:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Tafilah"))
    window.refresh()
    window.service.assessments.delete_assessment(record.id)  # deleted elsewhere, behind this window's back
    window.rename_action.trigger()
    box = window.findChild(QMessageBox, "user_error_dialog")
    assert box is not None and box.isVisible()
    assert is_arabic(box.text()) is (language == "ar")


def test_assessment_table_model_is_consistent(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for name in ("Ajloun", "Mafraq", "Ma'an"):
        window.service.assessments.create_assessment(AssessmentDetails(city_name_en=name))
    window.refresh()
    qtmodeltester.check(window.model)


def test_arabic_lines_starting_with_an_english_name_keep_right_to_left(window: MainWindow) -> None:
    i18n.set_language("ar")
    window.language.apply("ar")
    window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa", country="Zarqa Governorate", population=635000))
    window.refresh()
    window.open_action.trigger()
    subtitle = window.assessment_page.subtitle.text()
    assert subtitle.startswith("\u200f")  # right-to-left mark: the paragraph reads right to left
    assert "\u2068Zarqa Governorate\u2069" in subtitle  # a typed English name is isolated inside it


def test_standard_buttons_use_qt_own_arabic_translation(window: MainWindow, language: str) -> None:
    dialog = open_new_dialog(window)
    ok_text = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text()
    assert is_arabic(ok_text) is (language == "ar")
    dialog.reject()


def test_first_start_offers_the_sample_once(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.offer_sample()
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "sample_offer_dialog"
    assert is_arabic(box.text()) is (language == "ar")
    box.button(QMessageBox.StandardButton.Yes).click()
    summaries = window.service.assessments.list_assessments()  # the sample and its baseline round
    assert len(summaries) == 2 and all(summary.record.is_sample and summary.progress == 1.0 for summary in summaries)
    sample_id = max(summary.id for summary in summaries)  # the follow-up: the complete sample, opened
    assert window.assessment_page.assessment_id == sample_id and window.assessment_page.isVisible()
    window.show_list()
    window.offer_sample()  # asked once only
    assert window.active_dialog is None


def open_one_assessment(window: MainWindow) -> int:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Salt", city_name_ar="السلط"))
    window.refresh()
    window.open_action.trigger()
    assert window.pages.currentWidget() is window.assessment_page
    return record.id


def confirm_delete(window: MainWindow, qtbot: QtBot) -> None:
    window.delete_action.trigger()  # Assessment › Delete… while the assessment is open
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "confirm_delete_dialog"
    assert [box.button(button).text() for button in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)] == [_("Delete"), _("Keep")]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_an_open_assessment_that_could_not_be_deleted_stays_open(
    window: MainWindow, qtbot: QtBot, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = open_one_assessment(window)

    def read_only(_assessment_id: int) -> None:
        raise UserFacingError(_("The database {path} is read-only.").format(path="x"), code="database-read-only")

    monkeypatch.setattr(window.service.assessments, "delete_assessment", read_only)
    confirm_delete(window, qtbot)
    error = window.findChild(QMessageBox, "user_error_dialog")
    assert error is not None and error.isVisible()
    assert window.pages.currentWidget() is window.assessment_page  # nothing was deleted: the user goes on where they were
    assert window.assessment_page.assessment_id == assessment_id


def test_deleting_the_open_assessment_goes_back_to_the_list_without_an_error(window: MainWindow, qtbot: QtBot, language: str) -> None:
    open_one_assessment(window)
    confirm_delete(window, qtbot)
    assert window.pages.currentIndex() == 0 and window.model.rowCount() == 0
    assert window.findChild(QMessageBox, "user_error_dialog") is None  # not told the assessment it just deleted has "vanished"


def test_the_close_buttons_are_worded_as_the_apps_own_buttons(window: MainWindow, language: str) -> None:
    """Qt's own Arabic for Close is an imperative («أغلق»); the app's buttons are verbal nouns («إغلاق»)."""
    window.show_about()
    dialog = window.active_dialog
    assert dialog is not None
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)  # type: ignore[union-attr]
    assert close.text().replace("&", "") == ("إغلاق" if language == "ar" else "Close")
    dialog.close()


def test_qts_own_texts_stay_translated_and_its_buttons_are_worded_as_the_apps(window: MainWindow, language: str) -> None:
    """The app's words for Qt's standard buttons never blank Qt's other texts (a context menu, OK)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    texts = {button.text().replace("&", "") for button in buttons.buttons()}
    assert "" not in texts
    assert {"حفظ", "إلغاء"} <= texts if language == "ar" else {"Save", "Cancel"} <= texts
    assert QApplication.translate("QLineEdit", "&Copy").replace("&", "") != ""
