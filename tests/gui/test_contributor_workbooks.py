"""Department workbooks from the Contributors tab (issue 18): export one through its dialog, import one back through
its preview, as a CRO would: what each row will do, ticks for the answers offered on record, Cancel stores nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.contributions.records import ContributorDraft
from resilience_app.core.contributions.workbook_import import OUTCOME_NAMES
from resilience_app.core.formatting import format_date, format_number
from resilience_app.core.i18n import _, ngettext
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.contributor_dialogs import SendWorkbookDialog
from resilience_app.gui.contributor_workbook_import import ANSWER, OUTCOME, WorkbookImportDialog
from resilience_app.gui.contributors_view import ContributorsView
from resilience_app.gui.main_window import MainWindow
from tests.contributions.workbooks import filled

SENT, REPLY_BY, ANSWERED = 4, 5, 6  # the chase list's columns


def _open(window: MainWindow, language: str) -> tuple[AssessmentPage, ContributorsView]:
    details = AssessmentDetails(city_name_en="Madaba", city_name_ar="مادبا", cro_name="عمر خليل" if language == "ar" else "Omar Khalil")
    record = window.service.assessments.create_assessment(details)
    window.refresh()
    window.select_assessment(record.id)
    window.open_selected()
    page = window.assessment_page
    assert page.contributors is not None
    page.tabs.setCurrentWidget(page.contributors)
    return page, page.contributors


def _contributor(page: AssessmentPage, language: str, question_count: int) -> tuple[int, list[str]]:
    """A contributor in the test's language with the framework's first questions assigned, selected in the list."""
    state = page.contributions
    assert state is not None
    name = "سلطة المياه" if language == "ar" else "Water Authority"
    added = state.add_contributor(ContributorDraft(name, "Utilities", language))
    questions = [question.id for question in state.framework.questions()][:question_count]
    if questions:
        state.assign(added.id, questions)
    assert page.contributors is not None
    page.contributors.table.setCurrentCell(0, 0)
    return added.id, questions


def _sent_workbook(page: AssessmentPage, contributor_id: int, tmp_path: Path) -> bytes:
    assert page.contributions is not None
    target = tmp_path / "sent.xlsx"
    page.contributions.export_workbook(contributor_id, target, deadline=None, return_to="")
    return target.read_bytes()


def _returned(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "returned.xlsx"
    path.write_bytes(data)
    return path


def _preview(view: ContributorsView, path: Path) -> WorkbookImportDialog:
    dialog = view.import_workbook_file(path)
    assert isinstance(dialog, WorkbookImportDialog) and dialog.isVisible()
    return dialog


def _texts(dialog: WorkbookImportDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]  # type: ignore[union-attr]


def _error_shown(view: ContributorsView) -> QMessageBox:
    [box] = [box for box in view.findChildren(QMessageBox) if box.objectName() == "user_error_dialog" and box.isVisible()]
    return box


def test_a_workbook_is_exported_through_its_dialog_and_the_chase_list_shows_it_sent(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, view = _open(window, language)
    assert not view.export_workbook_button.isEnabled() and view.export_workbook_button.toolTip()  # no contributor yet
    assert not view.import_workbook_button.isEnabled() and view.import_workbook_button.toolTip()  # no workbook sent yet
    contributor_id, _questions = _contributor(page, language, 0)
    assert not view.export_workbook_button.isEnabled()  # nothing assigned to them
    assert view.export_workbook_button.toolTip() == _("Assign questions to {name} first: their workbook holds the questions assigned to them.").format(
        name="\u2068" + page.contributions.contributor(contributor_id).label() + "\u2069")  # type: ignore[union-attr]
    page.contributions.assign(contributor_id, [next(window.service.framework().questions()).id])  # type: ignore[union-attr]
    view.table.setCurrentCell(0, 0)
    assert view.export_workbook_button.isEnabled()

    view.export_workbook_button.click()
    dialog = view.active_dialog
    assert isinstance(dialog, SendWorkbookDialog)
    assert dialog.return_to_edit.text() == ("عمر خليل" if language == "ar" else "Omar Khalil")  # the CRO, as the assessment names them
    assert dialog.has_deadline.isChecked()
    dialog.deadline_edit.setDate(dialog.deadline_edit.date().addDays(3))
    deadline = dialog.deadline()
    assert deadline is not None
    target = tmp_path / "chosen name"  # typed without the extension
    proposed: list[str] = []

    def save_as(_parent: object, _title: str, where: str, _filter: str) -> tuple[str, str]:
        proposed.append(where)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)  # written off the GUI thread
    [where] = proposed
    city = "مادبا" if language == "ar" else "Madaba"
    assert Path(where).name == f"{page.contributions.contributor(contributor_id).name} – {city}.xlsx"  # type: ignore[union-attr]
    assert Path(where).parent.is_dir()
    written = target.with_name("chosen name.xlsx")
    assert written.is_file() and not dialog.isVisible()
    done = view.active_dialog
    assert isinstance(done, QMessageBox) and str(written) in done.informativeText()
    done.close()
    assert view.table.item(0, SENT).text() == format_date(dt.date.today())  # type: ignore[union-attr]
    assert view.table.item(0, REPLY_BY).text() == format_date(deadline)  # type: ignore[union-attr]
    assert view.import_workbook_button.isEnabled()


def test_cancelling_the_file_dialog_leaves_the_export_dialog_open_and_nothing_sent(
    window: MainWindow, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, view = _open(window, language)
    _contributor(page, language, 2)
    dialog = view.export_workbook()
    assert dialog is not None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    dialog.export_button.click()
    assert dialog.isVisible()
    assert view.table.item(0, SENT).text() == _("—")  # type: ignore[union-attr]


def test_the_preview_shows_what_each_row_will_do_and_an_unticked_offer_stays_off_the_record(
    window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, view = _open(window, language)
    session, state = page.session, page.contributions
    assert session is not None and state is not None
    contributor_id, (first, second, third, fourth) = _contributor(page, language, 4)
    session.change_answer(second, AnswerDraft("level", 3))  # the workbook will say 2: a disagreement
    sent = _sent_workbook(page, contributor_id, tmp_path)
    returned = filled(sent, {
        2: {"level": "٤" if language == "ar" else "4"},
        3: {"level": "2"},
        4: {"justification": "We think so"},  # words without a level: kept, as a "don't know" with them
        5: {"level": "Not applicable" if language == "en" else "لا ينطبق", "evidence": "Survey 2025"},
    })
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(_returned(tmp_path, returned)), "")))
    view.import_workbook_button.click()
    preview = view.active_dialog
    assert isinstance(preview, WorkbookImportDialog)
    assert state.contributions == {} and session.draft(first) is None, "a preview stores nothing"
    assert _texts(preview, OUTCOME) == [_(OUTCOME_NAMES[outcome]) for outcome in ("new", "disagrees", "new", "new")]
    answers = _texts(preview, ANSWER)
    assert answers[2] == _("Don't know")
    assert preview.preview.summary()[0] in preview.summary.text()
    first_offer, fourth_offer = preview.offer_item(first), preview.offer_item(fourth)
    assert first_offer is not None and fourth_offer is not None and preview.offer_item(second) is None
    assert first_offer.checkState() == fourth_offer.checkState() == Qt.CheckState.Checked  # offered, ticked by default
    first_offer.setCheckState(Qt.CheckState.Unchecked)

    preview.import_button.click()
    assert not preview.isVisible()
    assert session.draft(first) is None, "unticked: the contributor's answer is kept as theirs only"
    fourth_answer = session.draft(fourth)
    assert fourth_answer is not None and fourth_answer.status == "not_applicable"
    assert [item.reference for item in session.evidence[fourth]] == ["Survey 2025"]
    assert session.draft(second) == AnswerDraft("level", 3), "the answer on record stays"
    assert set(state.contributions) == {first, second, third, fourth}
    assert view.disagreements.count() == 1  # the water authority's 2 against the record's 3
    assert view.table.item(0, ANSWERED).text().startswith(_("{answered} of {assigned}").split("{")[0])  # type: ignore[union-attr]
    done = view.active_dialog
    assert isinstance(done, QMessageBox) and done.objectName() == "workbook_imported_dialog"
    assert ngettext("{count} of them is now the answer on record.", "{count} of them are now the answer on record.", 2).format(count=format_number(2)) in done.text()
    done.close()
    session.undo_stack.undo()  # the answers taken on record go back in one step
    assert session.draft(fourth) is None


def test_cancel_stores_nothing(window: MainWindow, language: str, tmp_path: Path) -> None:
    page, view = _open(window, language)
    state = page.contributions
    assert state is not None and page.session is not None
    contributor_id, (first, _second) = _contributor(page, language, 2)
    returned = _returned(tmp_path, filled(_sent_workbook(page, contributor_id, tmp_path), {2: {"level": "3"}, 3: {"level": "5"}}))
    preview = _preview(view, returned)
    assert preview.import_button.isEnabled()
    preview.buttons.button(preview.buttons.StandardButton.Cancel).click()
    assert not preview.isVisible() and view.active_dialog is None
    assert window.service.contributions.contributions(page.session.assessment_id) == {}
    assert window.service.assessments.answers(page.session.assessment_id) == {} and page.session.draft(first) is None
    [status] = state.statuses
    assert not status.returned


def test_a_refused_file_shows_the_message_and_changes_nothing(window: MainWindow, language: str, tmp_path: Path) -> None:
    page, view = _open(window, language)
    assert page.session is not None
    contributor_id, _questions = _contributor(page, language, 1)
    _sent_workbook(page, contributor_id, tmp_path)
    other = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa"))
    stranger = window.service.contributions.add_contributor(other.id, ContributorDraft("Planning", language=language))
    window.service.contributions.assign(stranger.id, [next(window.service.framework().questions()).id])
    elsewhere = tmp_path / "elsewhere.xlsx"
    window.service.contributions.export_workbook(stranger.id, elsewhere)
    assert view.import_workbook_file(_returned(tmp_path, filled(elsewhere.read_bytes(), {2: {"level": "3"}}))) is None
    box = _error_shown(view)
    assert box.text() == _("This workbook was made for another assessment, not for {city}.").format(
        city="\u2068" + ("مادبا" if language == "ar" else "Madaba") + "\u2069")
    box.close()

    not_a_workbook = tmp_path / "answers.xlsx"
    not_a_workbook.write_text("question,level\nq-1,3\n", encoding="utf-8")
    assert view.import_workbook_file(not_a_workbook) is None
    box = _error_shown(view)
    assert box.informativeText() == _("Nothing was imported.")
    box.close()
    assert not isinstance(view.active_dialog, WorkbookImportDialog)
    assert window.service.contributions.contributions(page.session.assessment_id) == {}
    assert window.service.assessments.answers(page.session.assessment_id) == {}
    assert view.import_workbook_file(tmp_path / "gone.xlsx") is None  # a file that cannot be read says so too
    assert _error_shown(view).text().startswith(_("The file could not be read: {reason}").split("{")[0])


def test_a_workbook_imported_already_has_nothing_to_import(window: MainWindow, language: str, tmp_path: Path) -> None:
    page, view = _open(window, language)
    contributor_id, _questions = _contributor(page, language, 1)
    returned = _returned(tmp_path, filled(_sent_workbook(page, contributor_id, tmp_path), {2: {"level": "3"}}))
    _preview(view, returned).import_button.click()
    assert isinstance(view.active_dialog, QMessageBox)
    view.active_dialog.close()
    again = _preview(view, returned)
    assert _texts(again, OUTCOME) == [_(OUTCOME_NAMES["same"])]
    assert not again.import_button.isEnabled()
    assert _("This workbook was imported already: nothing in it is new.") in again.summary.text()
