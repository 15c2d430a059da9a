"""The data behind an answer on the question: the kind of source and the scale chosen from lists that start with
"not stated", the year typed in either script, each saved as it changes, in the window's language and direction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import _
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.question_view import QuestionView
from tests.gui.questionnaire_helpers import open_new_assessment
from tests.gui.typing_helpers import type_text
from tests.property.support import has_arabic_letters


def _question(window: MainWindow) -> tuple[str, QuestionView]:
    page = open_new_assessment(window)
    question_id = next(page.session.framework.questions()).id  # type: ignore[union-attr]
    page.open_question(question_id)
    return question_id, page.questionnaire.question_view  # type: ignore[union-attr]


def _stored(window: MainWindow, question_id: str):  # type: ignore[no-untyped-def]
    answers = window.service.assessments.answers(window.assessment_page.assessment_id or 0)
    return answers[question_id].answer if question_id in answers else None


def test_the_three_fields_are_saved_as_they_change_and_shown_back(window: MainWindow, qtbot: QtBot, language: str) -> None:
    question_id, view = _question(window)
    assert view.source_kind.itemData(0) is None and view.source_kind.itemText(0) == _("Not stated")
    assert view.data_scale.itemData(0) is None and view.source_kind.count() == 5 and view.data_scale.count() == 4
    if language == "ar":
        assert has_arabic_letters(view.source_kind.itemText(1)) and view.data_row.layoutDirection() == Qt.LayoutDirection.RightToLeft
    view.choose("level", 3)
    view.source_kind.activated.emit(view.source_kind.findData("measured"))
    view.data_scale.activated.emit(view.data_scale.findData("country"))
    type_text(qtbot, view.data_year, "٢٠٢٢" if language == "ar" else "2022")
    view.save_typing()
    answer = _stored(window, question_id)
    assert (answer.level, answer.source_kind, answer.data_year, answer.data_scale) == (3, "measured", 2022, "country")
    page = window.assessment_page
    page.open_question([q.id for q in page.session.framework.questions()][5])  # type: ignore[union-attr]
    page.open_question(question_id)
    assert view.source_kind.currentData() == "measured" and view.data_scale.currentData() == "country"
    assert view.data_year.text() == ("٢٠٢٢" if language == "ar" else "2022")
    # Back to "not stated": nothing is kept.
    view.source_kind.activated.emit(0)
    view.data_year.clear()
    view.save_typing()
    answer = _stored(window, question_id)
    assert (answer.source_kind, answer.data_year, answer.data_scale) == (None, None, "country")


def test_a_year_out_of_range_is_refused_under_its_box_and_the_rest_is_saved(window: MainWindow, qtbot: QtBot, language: str) -> None:
    question_id, view = _question(window)
    view.choose("level", 4)
    type_text(qtbot, view.data_year, "1900")
    type_text(qtbot, view.justification, "Census")
    view.save_typing()
    answer = _stored(window, question_id)
    assert answer.justification == "Census" and answer.data_year is None
    assert not view.data_year_field.error_label.isHidden()
    message = view.data_year_field.error_label.text()
    assert has_arabic_letters(message) if language == "ar" else "1950" in message
    view.data_year.clear()
    type_text(qtbot, view.data_year, "2020")
    view.save_typing()
    assert _stored(window, question_id).data_year == 2020 and view.data_year_field.error_label.isHidden()
