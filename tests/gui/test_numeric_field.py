"""The number box of a question, as a user types into it in English and Arabic: a tiny value is
kept and shown back as typed (never "1E-7"), a refused number never keeps the rest of the answer
from being saved, and digit look-alikes are refused in the interface's language."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import _
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.question_view import QuestionView
from tests.gui.questionnaire_helpers import open_new_assessment
from tests.gui.typing_helpers import type_text
from tests.property.support import has_arabic_letters

SCREENSHOTS = os.environ.get("RESILIENCE_SCREENSHOTS")  # a folder to keep the rendered screens in, to look at them


def _numeric_question(window: MainWindow) -> tuple[str, QuestionView]:
    page = open_new_assessment(window)
    question = next(q for q in page.session.framework.questions() if q.numeric is not None)  # type: ignore[union-attr]
    page.open_question(question.id)
    return question.id, page.questionnaire.question_view  # type: ignore[union-attr]


def _stored(window: MainWindow, question_id: str):  # type: ignore[no-untyped-def]
    answers = window.service.assessments.answers(window.assessment_page.assessment_id or 0)
    return answers[question_id].answer if question_id in answers else None


def _reopen(window: MainWindow, question_id: str) -> None:
    page = window.assessment_page
    other = [q.id for q in page.session.framework.questions()][5]  # type: ignore[union-attr]
    page.open_question(other)
    page.open_question(question_id)


def test_a_tiny_value_is_kept_and_shown_back_in_plain_decimals_so_the_answer_saves_again(
    window: MainWindow, qtbot: QtBot, language: str
) -> None:
    question_id, view = _numeric_question(window)
    typed = "٠٫٠٠٠٠٠٠١" if language == "ar" else "0.0000001"
    type_text(qtbot, view.numeric_edit, typed)
    view.save_typing()
    assert _stored(window, question_id).numeric_value == "0.0000001"
    _reopen(window, question_id)
    assert view.numeric_edit.text() == typed  # the interface's digits, never "1E-7"
    assert "E" not in view.numeric_edit.text() and view.numeric_field.error_label.isHidden()
    # Typing the justification after it saves both, with no refusal of the value shown back.
    type_text(qtbot, view.justification, "Census 2024")
    view.save_typing()
    answer = _stored(window, question_id)
    assert answer.justification == "Census 2024" and answer.numeric_value == "0.0000001"
    assert view.numeric_field.error_label.isHidden()


def test_a_refused_number_never_keeps_the_justification_typed_after_it_from_being_saved(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path
) -> None:
    question_id, view = _numeric_question(window)
    type_text(qtbot, view.numeric_edit, "12")
    view.save_typing()
    assert _stored(window, question_id).numeric_value == "12"
    for bad in ("１２", "3३", "𝟓", "1٢"):
        view.numeric_edit.clear()
        type_text(qtbot, view.numeric_edit, bad)
        type_text(qtbot, view.justification, " more")
        view.save_typing()
        answer = _stored(window, question_id)
        assert answer.justification.endswith("more"), "the justification typed after a refused number was lost"
        assert answer.numeric_value == "12", "a refused number changed the stored one"
        message = view.numeric_field.error_label.text()
        assert view.numeric_field.error_label.isVisibleTo(view) and message.strip()
        assert has_arabic_letters(message) == (language == "ar")
        assert view.numeric_edit.text() == bad, "the refused value stays in view to be corrected"
        assert view.saved_label.text() == _("Saved, except the value: see its message.")
    assert _stored(window, question_id).justification.count("more") == 4
    window.assessment_page.resize(1000, 700)
    picture = view.grab()
    assert not picture.isNull()
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert picture.save(str(folder / f"numeric-refused-{language}.png"))
    # Corrected, the value is saved and the message goes.
    view.numeric_edit.clear()
    type_text(qtbot, view.numeric_edit, "١٥" if language == "ar" else "15")
    view.save_typing()
    assert _stored(window, question_id).numeric_value == "15"
    assert view.numeric_field.error_label.isHidden()


def test_a_refused_first_number_alone_stores_nothing(window: MainWindow, qtbot: QtBot, language: str) -> None:
    question_id, view = _numeric_question(window)
    type_text(qtbot, view.numeric_edit, "１２")
    view.save_typing()
    assert _stored(window, question_id) is None
    assert view.numeric_field.error_label.isVisibleTo(view)
