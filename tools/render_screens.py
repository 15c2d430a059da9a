"""Render the main screens to PNG in English and Arabic, for looking at them before a change lands.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_screens.py OUTPUT_DIR [rounds]

With `rounds`, only the follow-up dialog and the Change tab (quicker, when only they changed).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from resilience_app.core import i18n
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.paths import AppPaths
from resilience_app.core.storage.errors import corrupt_error, missing_database_error
from resilience_app.gui.app import create_main_window
from resilience_app.gui.backups_dialog import BackupsDialog

CITIES = [
    AssessmentDetails(city_name_en="Amman", city_name_ar="عمّان", country="Jordan", population=4_642_000,
                      assessment_date=dt.date(2026, 11, 2), cro_name="Rana Haddad"),
    AssessmentDetails(city_name_en="Irbid", city_name_ar="إربد", country="Jordan", population=502_700),
    AssessmentDetails(city_name_ar="الزرقاء", country="الأردن", population=635_160),
]


def render(output: Path, *, only_rounds: bool = False) -> None:
    app = QApplication.instance() or QApplication([])
    output.mkdir(parents=True, exist_ok=True)
    for language in i18n.SUPPORTED_LANGUAGES:
        i18n.set_language(language)
        paths = AppPaths.under(Path(tempfile.mkdtemp()))
        window = create_main_window(app, paths)  # type: ignore[arg-type]
        if only_rounds:
            window.show()
            render_rounds(app, window, output, language)
            window.close()
            window.service.close()
            continue
        window.resize(1100, 680)
        window.show()
        app.processEvents()
        window.grab().save(str(output / f"empty-{language}.png"))
        for details in CITIES:
            window.service.assessments.create_assessment(details)
        window.refresh()
        app.processEvents()
        window.grab().save(str(output / f"list-{language}.png"))
        window.new_action.trigger()
        dialog = window.active_dialog
        dialog.country.setText("Jordan")
        dialog.population.setText("850000")  # digits sit on the form's reading side
        app.processEvents()
        dialog.grab().save(str(output / f"new-dialog-{language}.png"))
        dialog.country.setText("")
        dialog.population.setText("")
        dialog.buttons.accepted.emit()  # empty names: shows the inline messages
        app.processEvents()
        dialog.grab().save(str(output / f"new-dialog-errors-{language}.png"))
        dialog.reject()
        window.select_assessment(window.service.assessments.list_assessments()[-1].id)
        window.open_selected()
        app.processEvents()
        window.grab().save(str(output / f"assessment-{language}.png"))
        window.show_list()
        render_export(app, window, output, language)
        window.delete_action.trigger()
        app.processEvents()
        window.active_dialog.grab().save(str(output / f"confirm-delete-{language}.png"))
        window.active_dialog.reject()
        window.show_about()
        app.processEvents()
        window.active_dialog.grab().save(str(output / f"about-{language}.png"))
        window.active_dialog.reject()
        render_questionnaire(app, window, output, language)
        render_rounds(app, window, output, language)
        window.close()
        window.service.close()


def render_export(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The export dialog, and the message after a brief is saved."""
    window.export_action.trigger()
    dialog = window.active_dialog
    app.processEvents()
    dialog.grab().save(str(output / f"export-dialog-{language}.png"))
    dialog.path_edit.setText(str(Path(tempfile.mkdtemp()) / f"brief-{language}.pdf"))
    dialog._check_all(Qt.CheckState.Unchecked)
    dialog.sections.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    for _ in range(5):
        app.processEvents()
    window.active_dialog.grab().save(str(output / f"export-done-{language}.png"))
    window.active_dialog.reject()


def render_questionnaire(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The sample assessment: overview, a goal, a question, history and the profile."""
    window.resize(1280, 800)
    window.open_sample()
    page = window.assessment_page
    app.processEvents()
    window.grab().save(str(output / f"overview-{language}.png"))
    page.open_goal("goal-3")
    app.processEvents()
    window.grab().save(str(output / f"goal-{language}.png"))
    numeric = next(q.id for q in page.session.framework.questions() if q.numeric is not None)
    page.open_question(numeric)
    app.processEvents()
    window.grab().save(str(output / f"question-{language}.png"))
    page.questionnaire.question_view.numeric_edit.setText("abc")
    page.questionnaire.question_view.save_typing()
    app.processEvents()
    window.grab().save(str(output / f"question-error-{language}.png"))
    page.questionnaire.show_history(numeric)
    app.processEvents()
    page.questionnaire.active_dialog.grab().save(str(output / f"history-{language}.png"))
    page.questionnaire.active_dialog.reject()
    page.questionnaire.add_evidence(numeric)
    app.processEvents()
    page.questionnaire.active_dialog.grab().save(str(output / f"evidence-dialog-{language}.png"))
    page.questionnaire.active_dialog.reject()
    page.questionnaire.set_filter("low_confidence")
    app.processEvents()
    window.grab().save(str(output / f"filter-{language}.png"))
    page.tabs.setCurrentWidget(page.profile)
    app.processEvents()
    window.grab().save(str(output / f"profile-{language}.png"))
    render_profile_pages(app, window, output, language)
    render_profile_by_framework(app, window, output, language)
    page.open_question("q-5.2.a")  # marked sensitive in the sample
    app.processEvents()
    window.grab().save(str(output / f"question-sensitive-{language}.png"))
    render_register(app, window, output, language)
    render_contributors(app, window, output, language)
    render_workshop(app, window, output, language)
    render_data_safety(app, window, output, language)


def render_profile_pages(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The profile's figures (the quantitative profile) and the quality of its data, at a laptop's 1366×768."""
    size = window.size()
    window.resize(1366, 768)
    profile = window.assessment_page.profile
    for name, page in (("profile-figures", profile.figures), ("profile-data-quality", profile.data_quality)):
        profile.pages.setCurrentWidget(page)
        app.processEvents()
        window.grab().save(str(output / f"{name}-{language}.png"))
    profile.pages.setCurrentWidget(profile.levels_page)
    window.resize(size)


def render_profile_by_framework(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The profile grouped by UNDRR's Ten Essentials (an item's indicators listed) and by SDG 11, at 1366×768."""
    size = window.size()
    window.resize(1366, 768)
    profile = window.assessment_page.profile
    page = profile.by_framework
    profile.pages.setCurrentWidget(page)
    for name, crosswalk_id, row in (("profile-by-framework", "undrr-ten-essentials", 1), ("profile-by-framework-sdg", "sdg-11", 4)):
        page.choose(crosswalk_id)
        page.table.setCurrentCell(row, 0)  # its indicators are listed under the table, as a click does (selectRow misses in RTL)
        app.processEvents()
        window.grab().save(str(output / f"{name}-{language}.png"))
    profile.pages.setCurrentWidget(profile.levels_page)
    window.resize(size)


def render_data_safety(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """Exporting with sensitive content, restoring a backup, and the damaged-database offer."""
    window.show_list()
    window.select_assessment(next(summary.id for summary in window.service.assessments.list_assessments() if summary.record.is_sample))
    window.export_action.trigger()
    app.processEvents()
    window.active_dialog.grab().save(str(output / f"export-sensitive-{language}.png"))
    window.active_dialog.reject()
    for reason in ("startup", "before-import"):  # two copies, so the lists show more than one
        window.service.backups.take(reason)
    window.restore_action.trigger()
    app.processEvents()
    window.active_dialog.grab().save(str(output / f"restore-dialog-{language}.png"))
    window.active_dialog.reject()
    damaged = BackupsDialog.for_damaged_database(window.service.backups.list(), corrupt_error(window.service.database.location).message)
    damaged.show()
    app.processEvents()
    damaged.grab().save(str(output / f"recovery-dialog-{language}.png"))
    damaged.close()
    location = window.service.database.location
    missing = BackupsDialog.for_missing_database(window.service.backups.list(), missing_database_error(location, has_backups=True).message)
    missing.show()
    app.processEvents()
    missing.grab().save(str(output / f"missing-database-dialog-{language}.png"))
    missing.close()


def render_register(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The sample's register, interconnections, 5×5 view, actions, discovery areas and next steps, with dialogs."""
    page = window.assessment_page
    stress = page.shocks_stresses
    stress.register_view.item_list.setCurrentRow(0)
    stress.links_view.table.setCurrentCell(1, 0)
    stress.priority_view.matrix.setCurrentCell(1, 3)
    page.actions_view.table.setCurrentCell(0, 0)
    page.discovery.select_area(page.register.areas[0].id)
    page.discovery.next_steps.table.setCurrentCell(2, 0)
    for name, show in (
        ("register", lambda: (page.tabs.setCurrentWidget(stress), stress.tabs.setCurrentWidget(stress.register_view))),
        ("links", lambda: stress.tabs.setCurrentWidget(stress.links_view)),
        ("priority", lambda: stress.tabs.setCurrentWidget(stress.priority_view)),
        ("actions", lambda: page.tabs.setCurrentWidget(page.actions_view)),
        ("discovery", lambda: page.tabs.setCurrentWidget(page.discovery)),
        ("discovery-phase-two", lambda: page.discovery.detail.parentWidget().parentWidget().verticalScrollBar().setValue(10_000)),
    ):
        show()
        app.processEvents()
        window.grab().save(str(output / f"{name}-{language}.png"))
    for name, open_dialog in (
        ("catalogue-dialog", stress.register_view.add_from_catalogue),
        ("own-item-dialog", stress.register_view.add_own_item),
        ("rank-dialog", lambda: stress.priority_view.move_current(-1)),
        ("action-dialog", lambda: page.actions_view.edit_action(page.actions_view.current_action_id())),
        ("area-dialog", lambda: page.discovery.edit_area(page.discovery.current_area_id())),
        ("next-step-dialog", lambda: page.discovery.next_steps.edit_step(page.discovery.next_steps.current_step_id())),
    ):
        dialog = open_dialog()
        app.processEvents()
        dialog.grab().save(str(output / f"{name}-{language}.png"))
        dialog.reject()


def render_contributors(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The Contributors tab with the chase list and a disagreement, and its dialogs."""
    from resilience_app.core.assessment.records import AnswerDraft
    from resilience_app.core.contributions.records import ContributorDraft
    from resilience_app.core.contributions.repository import ContributionRepository

    page = window.assessment_page
    state = page.contributions
    names = [("سلطة المياه", "المرافق") if language == "ar" else ("Water Authority", "Utilities"),
             ("مديرية الصحة", "الصحة") if language == "ar" else ("Health Directorate", "Health")]
    added = [state.add_contributor(ContributorDraft(name, department, language)) for name, department in names]
    framework = window.service.framework()
    goal = next(iter(framework.goals()))
    state.assign(added[0].id, [goal.id])
    question = next(framework.questions()).id
    with window.service.database.session() as session:
        repository = ContributionRepository(session)
        repository.save_contribution(added[0].id, question, AnswerDraft("level", 2), evidence="", workbook_id=None)
        repository.save_contribution(added[1].id, question, AnswerDraft("level", 5), evidence="", workbook_id=None)
    state.reload()
    page.tabs.setCurrentWidget(page.contributors)
    page.contributors.table.setCurrentCell(0, 0)
    app.processEvents()
    window.grab().save(str(output / f"contributors-{language}.png"))
    for name, open_dialog in (
        ("contributor-dialog", lambda: page.contributors.edit_contributor(added[0].id)),
        ("assign-dialog", page.contributors.assign_questions),
    ):
        dialog = open_dialog()
        app.processEvents()
        dialog.grab().save(str(output / f"{name}-{language}.png"))
        dialog.reject()


SIGN_IN_SHEET = "Name,Organisation,Sector,Gender,Age band,Group\nRania Haddad,Planning department,City government,Woman,35 to 49,Table 1\n,Chamber of commerce,Private sector,Man,52,Table 2\nRania Haddad,Planning department,City government,Woman,35 to 49,Table 1\nSami,Somewhere,Astronauts,,,Table 3\n"


def render_workshop(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The sample's workshop at projector resolutions: the facilitator's screens, the import preview and every projector slide."""
    page = window.assessment_page
    workshop = page.workshop
    page.tabs.setCurrentWidget(workshop)
    workshop.toggle_projector()
    projector = workshop.projector
    for width, height in ((1280, 720), (1366, 768), (1920, 1080)):
        window.resize(width, height)
        projector.resize(width, height)
        workshop.tabs.setCurrentWidget(workshop.participants)
        app.processEvents()
        window.grab().save(str(output / f"workshop-participants-{width}-{language}.png"))
        workshop.tabs.setCurrentWidget(workshop.exercises)
        for exercise in workshop.state.snapshot.exercises:
            workshop.exercises.select_exercise(exercise.id)
            app.processEvents()
            window.grab().save(str(output / f"workshop-{exercise.kind}-{width}-{language}.png"))
        for index in range(len(workshop.state.slides())):
            workshop.state.go_to_slide(index)
            app.processEvents()
            projector.grab().save(str(output / f"projector-{width}-slide{index + 1}-{language}.png"))
    sheet = Path(tempfile.mkdtemp()) / "sign-in.csv"
    sheet.write_text(SIGN_IN_SHEET, encoding="utf-8")
    workshop.tabs.setCurrentWidget(workshop.participants)
    workshop.participants.import_file(sheet)
    app.processEvents()
    workshop.participants.active_dialog.grab().save(str(output / f"workshop-import-preview-{language}.png"))
    workshop.participants.active_dialog.reject()
    workshop.close_projector()


def render_rounds(app: QApplication, window, output: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """A follow-up of the sample started from the menu (the dialog, and a date refused), some answers changed, and the
    Change tab at a laptop's 1366×768: the groups' table, the questions that moved, and the baseline's "no earlier round"."""
    from resilience_app.core.assessment.records import AnswerDraft

    window.resize(1366, 768)
    window.show_list()
    sample = next((summary.id for summary in window.service.assessments.list_assessments() if summary.record.is_sample), None)
    if sample is None:
        window.open_sample()
        sample = window.assessment_page.assessment_id
        window.show_list()
    window.select_assessment(sample)
    window.follow_up_action.trigger()
    dialog = window.active_dialog
    dialog.carry_answers.setChecked(True)
    dialog.carry_register.setChecked(True)
    app.processEvents()
    dialog.grab().save(str(output / f"follow-up-dialog-{language}.png"))
    dialog.date.setDate(dialog.date.minimumDate())
    dialog.save()  # before the sample's own date: refused under the field
    app.processEvents()
    dialog.grab().save(str(output / f"follow-up-dialog-error-{language}.png"))
    dialog.date.setDate(QDate.currentDate())
    dialog.save()
    app.processEvents()
    follow_up = window.assessment_page.assessment_id
    service = window.service
    answers = service.assessments.answers(follow_up)
    said = {"en": "Confirmed at the follow-up: the new early-warning system covers the river districts.",
            "ar": "تأكّد في المتابعة: نظام الإنذار المبكر الجديد يغطي أحياء النهر."}[language]
    for position, (question_id, record) in enumerate(list(answers.items())[:40]):
        draft = record.answer
        if draft.status != "level" or draft.level is None:
            continue
        level = min(draft.level + 1, 5) if position % 3 else max(draft.level - 1, 1)
        service.assessments.save_answer(follow_up, question_id, AnswerDraft("level", level, justification=said))
    window.show_list()
    window.open_assessment(follow_up)
    page = window.assessment_page
    page.tabs.setCurrentWidget(page.change)
    app.processEvents()
    window.grab().save(str(output / f"change-carried-{language}.png"))
    window.show_list()
    window.open_assessment(sample)  # the sample against its baseline two years before
    page.tabs.setCurrentWidget(page.change)
    page.change.choose_round(service.rounds.series_of(sample)[0].assessment_id)
    app.processEvents()
    window.grab().save(str(output / f"change-{language}.png"))
    page.change.lens.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(output / f"change-dimensions-{language}.png"))
    for index, name in enumerate(("bars", "moved", "register"), start=1):
        page.change.details.setCurrentIndex(index)
        app.processEvents()
        window.grab().save(str(output / f"change-{name}-{language}.png"))
    page.change.details.setCurrentIndex(0)
    window.show_list()
    window.open_assessment(service.rounds.series_of(sample)[0].assessment_id)
    page.tabs.setCurrentWidget(page.change)
    app.processEvents()
    window.grab().save(str(output / f"change-none-{language}.png"))
    window.show_list()
    window.open_assessment(sample)  # the sample's profile: its figures and the quality of its data
    page.tabs.setCurrentWidget(page.profile)
    render_profile_pages(app, window, output, language)
    render_profile_by_framework(app, window, output, language)


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), only_rounds=sys.argv[2:3] == ["rounds"])
