"""A whole workshop from the laptop: participants from a sign-in sheet, two exercises, the projector following."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.formatting import format_number, parse_whole_number
from resilience_app.core.i18n import _, translate_in
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.workshop.records import DOT_VOTE, RANKING
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.participants_import import ImportPreviewDialog
from resilience_app.gui.workshop_dialogs import ExerciseDialog, WorkshopDialog
from resilience_app.gui.workshop_page import WorkshopPage
from tests.gui.questionnaire_helpers import open_workshop_of

SHEETS = {
    "en": "Name,Organisation,Sector,Gender,Age band,Group\n"
    "Rania Haddad,Planning department,City government,Woman,35 to 49,Table A\n"
    "Omar Saleh,Chamber of commerce,Private sector,Man,50 to 64,Table A\n"
    ",Youth council,Youth,woman,22,Table B\n"
    "Lina Qasem,Civil defence,Emergency services,,,Table B\n"
    "Rania Haddad,Planning department,City government,Woman,35 to 49,Table A\n"
    "Sami,Somewhere,Astronauts,,,Table B\n",
    "ar": "الاسم,الجهة,القطاع,الجنس,الفئة العمرية,المجموعة\n"
    "رانيا حداد,إدارة التخطيط,الحكومة المحلية (البلدية),امرأة,35-49,الطاولة أ\n"
    "عمر صالح,غرفة التجارة,القطاع الخاص,رجل,50-64,الطاولة أ\n"
    ",مجلس الشباب,الشباب,أنثى,22,الطاولة ب\n"
    "لينا قاسم,الدفاع المدني,خدمات الطوارئ,,,الطاولة ب\n"
    "رانيا حداد,إدارة التخطيط,الحكومة المحلية (البلدية),امرأة,35-49,الطاولة أ\n"
    "سامي,مكان ما,رواد الفضاء,,,الطاولة ب\n",
}


def _open_workshop_tab(window: MainWindow) -> WorkshopPage:
    record = window.service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار"))
    for hazard, likelihood in (("water-scarcity", 4), ("power-cuts", 3)):
        window.service.register.add_item(record.id, RegisterItemDraft(hazard_id=hazard, likelihood=likelihood, impact=3))
    return open_workshop_of(window, record.id)


def test_run_a_whole_workshop_with_the_projector_following(window: MainWindow, qtbot: QtBot, language: str, tmp_path: Path) -> None:
    page = _open_workshop_tab(window)
    assert page.empty.isVisible() and not page.tabs.isVisible()
    page.buttons["new"].click()
    dialog = page.active_dialog
    assert isinstance(dialog, WorkshopDialog)
    dialog.editor("title").setText("Workshop one")
    dialog.save()
    assert page.chooser.currentText() == "Workshop one" and page.tabs.isVisible()
    state, service = page.state, window.service.workshops

    # The sign-in sheet: in Arabic typed in Excel on Windows (Windows-1256), in English as UTF-8.
    sheet = tmp_path / "sign-in.csv"
    sheet.write_bytes(SHEETS[language].encode("cp1256" if language == "ar" else "utf-8"))
    page.participants.import_file(sheet)
    preview = page.participants.active_dialog
    assert isinstance(preview, ImportPreviewDialog)
    assert state.snapshot is not None and state.snapshot.participants == []  # nothing until confirmed
    assert preview.table.rowCount() == 6
    assert preview.import_button.isEnabled()
    outcomes = [preview.table.item(row, 5).text() for row in range(6)]
    assert outcomes[0] == _("Will be imported")
    assert ("Astronauts" if language == "en" else "رواد الفضاء") in outcomes[5]  # the unknown sector is named
    preview.import_button.click()
    snapshot = state.snapshot
    assert snapshot is not None and len(snapshot.participants) == 4
    assert sorted(group.name for group in snapshot.groups) == (["Table A", "Table B"] if language == "en" else ["الطاولة أ", "الطاولة ب"])
    assert page.participants.table.rowCount() == 4
    faith = service.sectors["faith-groups"]
    assert faith.gap.in_language(language) in page.participants.representation.notes.text()

    # Exercise 1: a dot vote with three dots per group.
    page.tabs.setCurrentWidget(page.exercises)
    page.exercises.buttons["add_exercise"].click()
    exercise_dialog = page.exercises.active_dialog
    assert isinstance(exercise_dialog, ExerciseDialog)
    exercise_dialog.editor("title").setText("Dots")
    exercise_dialog.editor("dots_per_group").setValue(3)
    exercise_dialog.save()
    dot_vote = next(exercise for exercise in state.snapshot.exercises if exercise.kind == DOT_VOTE)
    page.exercises.select_exercise(dot_vote.id)
    assert page.exercises.exercise_id == dot_vote.id

    page.actions_by_name["projector"].trigger()  # F5
    projector = page.projector
    assert projector is not None and projector.isVisible()
    assert projector.layoutDirection() == (Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    page.exercises.project_button.click()
    assert projector.title.text().endswith("Dots")

    grid = page.exercises.dot_grid
    grid.enter(0, 0, "٢" if language == "ar" else "2")  # goal 1, first table: Arabic-Indic digits accepted
    assert projector.bars.entries[0][1] == 2  # the projector's bars follow at once
    grid.enter(1, 0, "2")  # 2 + 2 is over the allowance of 3
    assert page.exercises.message.text() != ""
    assert grid.item(1, 0).text() == ""  # the cell is put back
    assert state.snapshot.votes[dot_vote.id] == {(state.snapshot.groups[0].id, "goal-1"): 2}
    assert page.exercises.results.rowCount() == 1
    left_row, groups = grid.rowCount() - 1, len(state.snapshot.groups)
    left = [parse_whole_number(grid.item(left_row, column).text()) for column in range(groups + 1)]
    assert left == [1, 3, 4]  # dots still to place: table A placed 2 of 3, table B none; the room has 4 left

    # Exercise 2: rank the register's two items.
    page.exercises.buttons["add_exercise"].click()
    exercise_dialog = page.exercises.active_dialog
    exercise_dialog.editor("kind").setCurrentIndex(exercise_dialog.editor("kind").findData(RANKING))
    exercise_dialog.editor("title").setText("Ranking")
    exercise_dialog.editor("duration_minutes").setValue(10)
    exercise_dialog.save()
    ranking = next(exercise for exercise in state.snapshot.exercises if exercise.kind == RANKING)
    assert len(ranking.exercise.item_ids) == 2
    page.exercises.select_exercise(ranking.id)
    rows = page.exercises.ranking_grid
    for row, (likelihood, impact) in enumerate(((5, 5), (2, 3))):
        for group in range(2):
            rows.enter(row, 2 * group, str(likelihood))
            rows.enter(row, 2 * group + 1, str(impact))
    assert page.exercises.results.item(0, 1).text() == window.service.register.item_name(window.service.register.items(state.assessment_id)[0])

    # The projector is driven from the laptop's keys: next slides, the timer.
    page.exercises.project_button.click()
    assert projector.title.text().endswith("Ranking")
    page.actions_by_name["timer"].trigger()  # F7
    assert state.timer(ranking.id).running and projector.clock.text()
    page.actions_by_name["previous"].trigger()  # Shift+F6: the dot vote's perceptions slide
    assert state.slide.kind == "perceptions"
    qtbot.keyClick(projector, Qt.Key.Key_PageUp)  # and from the projector's own keys
    assert state.slide.exercise_id == dot_vote.id and state.slide.kind == "live"

    page.exercises.select_exercise(ranking.id)
    page.exercises.apply_button.click()
    ratings = window.assessment_page.register.room_ratings
    assert {rating.exercise_id for rating in ratings.values()} == {ranking.id} and len(ratings) == 2
    priority = window.assessment_page.shocks_stresses.priority_view
    assert priority.table.item(0, 5).text() != ""  # the workshop's rating beside the register's own

    exported = tmp_path / "participants.csv"
    page.participants.export_file(exported)
    data = exported.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and service.sectors["private-sector"].name.in_language(language).encode() in data
    page.close_projector()


def test_a_csv_with_only_bad_rows_imports_nothing(window: MainWindow, tmp_path: Path, language: str) -> None:
    page = _open_workshop_tab(window)
    page.state.add_workshop(__import__("resilience_app.core.workshop.records", fromlist=["WorkshopDraft"]).WorkshopDraft(title="W"))
    sheet = tmp_path / "bad.csv"
    sheet.write_bytes(b"Colour,Height\nred,12\n")
    page.participants.import_file(sheet)
    preview = page.participants.active_dialog
    assert isinstance(preview, ImportPreviewDialog)
    assert not preview.import_button.isEnabled()
    assert "Colour" in preview.summary.text()
    preview.reject()
    assert page.state.snapshot is not None and page.state.snapshot.participants == []


def test_confirming_a_preview_the_workshop_no_longer_accepts_says_why_and_stores_nothing(window: MainWindow, tmp_path: Path, language: str) -> None:
    from resilience_app.core.workshop.records import WorkshopDraft

    page = _open_workshop_tab(window)
    page.state.add_workshop(WorkshopDraft(title="W", own_sectors=("Refugee committees",)))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Name,Sector\nAmal,Refugee committees\n", encoding="utf-8")
    page.participants.import_file(sheet)
    preview = page.participants.active_dialog
    assert isinstance(preview, ImportPreviewDialog) and preview.import_button.isEnabled()
    page.state.update_workshop(WorkshopDraft(title="W"))  # the sector goes while the preview is open
    preview.import_button.click()
    assert preview.isVisible() and not preview.import_button.isEnabled()
    assert preview.summary.text() != ""
    assert page.state.snapshot is not None and page.state.snapshot.participants == []


def test_the_names_offered_for_a_new_session_and_table_follow_the_language_when_taken_as_offered(window: MainWindow, language: str) -> None:
    """«الجلسة ٢» taken as offered in an Arabic window reads "Session 2" in English; a name typed stays as typed."""
    page = _open_workshop_tab(window)
    page.buttons["new"].click()
    dialog = page.active_dialog
    assert isinstance(dialog, WorkshopDialog)
    dialog.editor("title").setText("Workshop one")
    dialog.save()
    page.exercises.add_session()
    page.exercises.active_dialog.save()  # type: ignore[union-attr]  # "Session 2", as offered
    page.participants.add_group()
    offered = page.participants.active_dialog
    offered.editor("name").setText("Youth table")  # type: ignore[union-attr]  # typed
    offered.save()  # type: ignore[union-attr]
    other = "en" if language == "ar" else "ar"
    window.language.apply(other)
    snapshot = page.state.snapshot
    assert snapshot is not None
    assert [session.title for session in snapshot.sessions] == [translate_in(other, "Session 1"), translate_in(other, "Session {number}").format(
        number=format_number(2, language=other))]
    assert [group.name for group in snapshot.groups] == ["Youth table"]
