"""The register, interconnections, 5×5 view, actions and discovery areas, driven as a CRO would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.formatting import format_number
from resilience_app.core.i18n import translate_in
from resilience_app.core.register.labels import LIKELIHOOD_NAMES, TREND_RATING_NAMES, scale_label
from resilience_app.core.register.records import ActionDraft, RegisterItemDraft
from resilience_app.gui.assessment_page import AssessmentPage
from resilience_app.gui.checklist import ID_ROLE
from resilience_app.gui.main_window import MainWindow
from resilience_app.gui.priority_view import RiskMatrix

from .questionnaire_helpers import open_new_assessment
from .typing_helpers import type_text


def _register_tab(page: AssessmentPage):  # type: ignore[no-untyped-def]
    assert page.shocks_stresses is not None and page.register is not None
    page.tabs.setCurrentWidget(page.shocks_stresses)
    return page.shocks_stresses


def _add_from_catalogue(page: AssessmentPage, qtbot: QtBot, *hazard_ids: str) -> None:
    view = _register_tab(page).register_view
    dialog = view.add_from_catalogue()
    for hazard_id in hazard_ids:
        dialog.entries.toggle(hazard_id)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()


def test_adding_and_rating_items_saves_them(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "water-scarcity", "power-cuts")
    view = page.shocks_stresses.register_view  # type: ignore[union-attr]
    assert view.item_list.count() == 2
    form = view.form
    view.select_item(page.register.items[1].id)  # type: ignore[union-attr]
    form.likelihood.setCurrentIndex(4)
    form.impact.setCurrentIndex(5)
    form.trend.setCurrentIndex(0)  # rising
    form.scenario_severe.setFocus()
    type_text(qtbot, form.scenario_severe, "Four days without power in a heatwave")
    qtbot.waitUntil(lambda: window.service.register.items(page.assessment_id)[1].item.scenario_severe != "")  # type: ignore[arg-type]
    stored = window.service.register.items(page.assessment_id)[1].item  # type: ignore[arg-type]
    assert (stored.likelihood, stored.impact, stored.trend) == (4, 5, "rising")
    assert stored.scenario_severe == "Four days without power in a heatwave"
    assert "×" in view.item_list.item(1).text()


def test_the_citys_own_item_needs_a_name_and_cannot_be_a_duplicate(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "power-cuts")
    view = page.shocks_stresses.register_view  # type: ignore[union-attr]
    dialog = view.add_own_item()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible() and dialog.name_en.error_label.isVisible()
    catalogue_name = window.service.register.catalogue["power-cuts"].name.in_language(language)
    dialog.name_ar.editor.setText(catalogue_name)  # type: ignore[attr-defined]
    ok.click()
    assert dialog.isVisible() and dialog.name_en.error_label.text()
    assert len(window.service.register.items(page.assessment_id)) == 1  # type: ignore[arg-type]
    dialog.name_ar.editor.setText("حريق السوق القديم")  # type: ignore[attr-defined]
    ok.click()
    assert not dialog.isVisible()
    assert view.current_item_id() == page.register.items[-1].id  # type: ignore[union-attr]
    assert page.register.name(page.register.items[-1]) == "حريق السوق القديم"  # type: ignore[union-attr]


def test_removing_an_item_asks_first(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "heatwave")
    view = page.shocks_stresses.register_view  # type: ignore[union-attr]
    view.item_list.setCurrentRow(0)
    box = view.confirm_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    assert len(page.register.items) == 1  # type: ignore[union-attr]
    view.confirm_remove().button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert page.register.items == [] and view.item_list.count() == 0  # type: ignore[union-attr]


def test_the_interconnections_matrix_works_from_the_keyboard(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "power-cuts", "water-scarcity", "heatwave")
    tab = _register_tab(page)
    tab.tabs.setCurrentWidget(tab.links_view)
    table = tab.links_view.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # the diagonal: an item cannot aggravate itself
    assert tab.links_view.cell_text.error_label.isVisible()
    assert window.service.register.links(page.assessment_id) == []  # type: ignore[arg-type]
    qtbot.keyClick(table, Qt.Key.Key_Right if language == "en" else Qt.Key.Key_Left)  # the next column, mirrored in Arabic
    assert (table.currentRow(), table.currentColumn()) == (0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    items = page.register.items  # type: ignore[union-attr]
    links = window.service.register.links(page.assessment_id)  # type: ignore[arg-type]
    assert [(link.source_id, link.target_id) for link in links] == [(items[0].id, items[1].id)]
    assert table.item(0, 1).text() == "●"
    assert page.register.name(items[0]) in tab.links_view.most_connected.text()  # type: ignore[union-attr]
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert window.service.register.links(page.assessment_id) == []  # type: ignore[arg-type]


def _rated_register(window: MainWindow, page: AssessmentPage) -> list[int]:
    register, assessment_id = window.service.register, page.assessment_id
    ids = [
        register.add_item(assessment_id, RegisterItemDraft(hazard_id=hazard, likelihood=likelihood, impact=impact)).id  # type: ignore[arg-type]
        for hazard, likelihood, impact in (("heatwave", 5, 4), ("power-cuts", 4, 4), ("earthquake", 1, 5))
    ]
    page.register.reload()  # type: ignore[union-attr]
    return ids


def test_the_five_by_five_matrix_places_items_and_is_walked_by_keyboard(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    heat, power, quake = _rated_register(window, page)
    tab = _register_tab(page)
    tab.tabs.setCurrentWidget(tab.priority_view)
    view = tab.priority_view
    row, column = RiskMatrix.cell_of(5, 4)
    assert view.matrix.item(row, column).text() in ("1", "١")
    view.matrix.setFocus()
    view.matrix.setCurrentCell(*RiskMatrix.cell_of(5, 4))
    qtbot.keyClick(view.matrix, Qt.Key.Key_Down)  # likelihood 4, impact 4: power cuts
    assert view.current_item_id() == power
    assert page.register.name(power) in view.cell_text.text()  # type: ignore[union-attr]


def test_reordering_keeps_the_reason(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    heat, power, quake = _rated_register(window, page)
    tab = _register_tab(page)
    tab.tabs.setCurrentWidget(tab.priority_view)
    view = tab.priority_view
    view.select_item(quake)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    dialog = view.active_dialog
    assert dialog is not None and dialog.rank_box.value() == 2
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    save.click()  # no reason yet: refused inline
    assert dialog.isVisible() and dialog.reason.error_label.isVisible()
    assert window.service.register.ranking(page.assessment_id).ranked[2].item.item_id == quake  # type: ignore[arg-type]
    dialog.reason.editor.setText("One strong event would hit the old town")  # type: ignore[attr-defined]
    save.click()
    ranked = window.service.register.ranking(page.assessment_id).ranked  # type: ignore[arg-type]
    assert [entry.item.item_id for entry in ranked] == [heat, quake, power]
    assert ranked[1].override is not None and ranked[1].override.reason == "One strong event would hit the old town"
    assert view.current_item_id() == quake
    assert view.table.item(1, 8).text() == "One strong event would hit the old town"
    view.clear_button.click()
    assert [entry.item.item_id for entry in window.service.register.ranking(page.assessment_id).ranked] == [heat, power, quake]  # type: ignore[arg-type]


def test_an_action_is_added_and_the_thin_goals_shown(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    assert page.actions_view is not None
    page.tabs.setCurrentWidget(page.actions_view)
    dialog = page.actions_view.edit_action(None)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert dialog.isVisible() and dialog.fields["title"].error_label.isVisible()
    assert window.service.register.actions(page.assessment_id) == []  # type: ignore[arg-type]
    dialog.editor("title").setText("Cool roofs for schools")
    dialog.editor("goals").toggle("goal-3")
    dialog.editor("qualities").toggle("robust")
    save.click()
    assert not dialog.isVisible()
    stored = window.service.register.actions(page.assessment_id)[0].action  # type: ignore[arg-type]
    assert (stored.title, stored.goals, stored.qualities) == ("Cool roofs for schools", ("goal-3",), ("robust",))
    coverage = page.actions_view.coverage
    goal_three = next(coverage.item(row) for row in range(coverage.count()) if coverage.item(row).data(ID_ROLE) == "goal-3")
    assert goal_three.foreground().color() == Qt.GlobalColor.darkRed  # one action: still thin


def test_a_proposed_discovery_area_is_accepted_and_areas_merged(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    goal = window.service.framework().goal("goal-3")
    assert goal is not None
    for indicator in goal.indicators:
        for question in indicator.questions:
            window.service.assessments.save_answer(page.assessment_id, question.id, AnswerDraft(status="level", level=1))  # type: ignore[arg-type]
    _rated_register(window, page)
    assert page.discovery is not None
    page.tabs.setCurrentWidget(page.discovery)
    view = page.discovery
    view.propose_button.click()
    assert view.area_list.count() >= 1
    area = page.register.areas[0]  # type: ignore[union-attr]
    assert area.area.goals[0] == "goal-3"
    assert str(goal.name) in view.detail.text()
    view.buttons["accept"].click()
    assert window.service.register.areas(page.assessment_id)[0].area.status == "accepted"  # type: ignore[arg-type]
    own = view.edit_area(None)
    own.editor("title").setText("Heat and health")
    own.editor("goals").toggle("goal-1")
    own.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not own.isVisible()
    view.area_list.selectAll()
    assert view.buttons["merge"].isEnabled()
    view.buttons["merge"].click()
    areas = window.service.register.areas(page.assessment_id)  # type: ignore[arg-type]
    assert len(areas) == 1 and set(areas[0].area.goals) >= {"goal-3", "goal-1"} and areas[0].area.status == "accepted"


def test_the_sample_shows_its_register_ranking_and_accepted_areas(window: MainWindow, qtbot: QtBot, language: str) -> None:
    window.open_sample()
    page = window.assessment_page
    assert page.register is not None
    assert len(page.register.items) >= 15 and len(page.register.actions) >= 12
    assert sum(entry.override is not None for entry in page.register.ranking.ranked) == 2
    assert [area.area.status for area in page.register.areas].count("accepted") >= 3
    tab = _register_tab(page)
    assert tab.priority_view.table.rowCount() == len(page.register.ranking.ranked)


def test_marking_an_item_sensitive_is_saved_and_shown_when_it_is_chosen_again(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "violent-extremism")
    view = page.shocks_stresses.register_view  # type: ignore[union-attr]
    item_id = page.register.items[0].id  # type: ignore[union-attr]
    view.select_item(item_id)
    assert not view.form.sensitive.isChecked()
    view.form.sensitive.click()
    assert window.service.register.items(page.assessment_id)[0].item.sensitive  # type: ignore[arg-type]
    assert view.item_list.item(0).text().endswith("حسّاس" if language == "ar" else "sensitive")  # marked in the list too
    view.select_item(item_id)
    assert view.form.sensitive.isChecked()


def test_the_notes_of_an_assessment_can_be_marked_sensitive(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    window.edit_details(page.assessment_id)  # type: ignore[arg-type]
    dialog = window.active_dialog
    dialog.notes.setPlainText("The council is split on the budget.")  # type: ignore[union-attr]
    dialog.notes_sensitive.setChecked(True)  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[union-attr]
    details = window.service.assessments.get_assessment(page.assessment_id).details  # type: ignore[arg-type]
    assert details.notes_sensitive and details.notes == "The council is split on the budget."


def test_a_change_re_reads_only_what_it_changed(window: MainWindow, qtbot: QtBot, language: str) -> None:
    """An action saved is one write and one read of the actions: not the whole register, nor the workshop."""
    page = open_new_assessment(window)
    _add_from_catalogue(page, qtbot, "water-scarcity", "power-cuts")
    state = page.register
    assert state is not None
    first, second = (item.id for item in state.items)
    transactions: list[object] = []

    def count(connection: object) -> None:
        transactions.append(connection)

    engine = window.service.database.engine
    event.listen(engine, "begin", count)
    try:
        state.add_action(ActionDraft(title="Retention ponds", goals=("goal-1",)))
        assert len(transactions) == 2 and [action.action.title for action in state.actions] == ["Retention ponds"]
        transactions.clear()
        state.set_link(first, second, True)
        assert len(transactions) == 2 and state.has_link(first, second)
        transactions.clear()
        state.reload()  # everything: one read of the register, one of the room's ratings, and the workshops follow its items
        assert len(transactions) == 3
    finally:
        event.remove(engine, "begin", count)


def test_the_samples_texts_follow_a_switch_of_language_on_every_tab(window: MainWindow, qtbot: QtBot, language: str) -> None:
    """The sample made in one language, the window switched to the other: the discovery areas the app proposed,
    the answers' justifications, the officer and the workshop's tables read in the new language at once."""
    other = "en" if language == "ar" else "ar"
    window.open_sample()
    page = window.assessment_page
    window.language.apply(other)
    assert page.discovery is not None and page.session is not None and page.workshop is not None
    titles = [page.discovery.area_list.item(row).text() for row in range(page.discovery.area_list.count())]
    justifications = [record.answer.justification for record in page.session.answers.values()]
    tables = [group.name for group in page.workshop.state.snapshot.groups]  # type: ignore[union-attr]
    for text in (*titles, *justifications[:20], *tables, page.session.record.details.cro_name, page.subtitle.text()):
        assert _has_arabic(text) == (other == "ar"), text


def _has_arabic(text: str) -> bool:
    return any("\u0621" <= character <= "\u064a" for character in text)


def test_the_catalogue_says_which_entries_are_not_pressures(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    dialog = _register_tab(page).register_view.add_from_catalogue()

    def describe(hazard_id: str) -> str:
        row = next(row for row in range(dialog.entries.count()) if dialog.entries.item(row).data(ID_ROLE) == hazard_id)
        dialog.entries.setCurrentRow(row)
        return dialog.description.text()

    informal, earthquake, climate = describe("informal-settlements"), describe("earthquake"), describe("climate-change")
    finances = describe("weak-municipal-finances")  # one mirrored goal: a singular, not "goals 6"
    if language == "ar":
        assert "ليس ضغطًا" in informal and "الهدفين ١ و١٢" in informal and "محرّك" in climate
        assert "أسئلة الهدف ٦" in finances and "هذا الهدف" in finances
    else:
        assert "Not a pressure" in informal and "goals 1 and 12" in informal and "A driver" in climate
        assert "goal 6 already" in finances and "on that goal" in finances
    assert "\n\n" not in earthquake  # a pressure: its description alone
    dialog.reject()


def test_the_form_rates_a_stress_on_trend_and_severity_and_switches_when_the_kind_changes(window: MainWindow, qtbot: QtBot, language: str) -> None:
    page = open_new_assessment(window)
    register, assessment_id = window.service.register, page.assessment_id
    own = register.add_item(assessment_id, RegisterItemDraft(kind="shock", name_en="Market fire", name_ar="حريق السوق", likelihood=3, impact=4))  # type: ignore[arg-type]
    page.register.reload()  # type: ignore[union-attr]
    view = _register_tab(page).register_view
    view.select_item(own.id)
    form = view.form

    def shown() -> tuple[str, str, str, bool]:
        return (form._labels["likelihood"].text(), form._labels["impact"].text(), form.likelihood.itemText(5), form.fields["trend"].isHidden())

    def t(text: str) -> str:
        return str(translate_in(language, text))

    assert shown() == (t("Likelihood"), t("Impact"), scale_label(LIKELIHOOD_NAMES, 5), False)
    form.kind.setCurrentIndex(1)  # a stress
    assert shown() == (t("Trend"), t("Severity"), scale_label(TREND_RATING_NAMES, 5), True)
    assert [form.likelihood.itemText(level) for level in range(1, 6)] == [scale_label(TREND_RATING_NAMES, level) for level in range(1, 6)]
    stored = register.items(assessment_id)[0].item  # type: ignore[arg-type]
    assert (stored.kind, stored.likelihood, stored.impact, stored.trend) == ("stress", 3, 4, "stable")  # trend 3: stable
    form.likelihood.setCurrentIndex(5)  # worsening fast
    stored = register.items(assessment_id)[0].item  # type: ignore[arg-type]
    assert (stored.likelihood, stored.trend) == (5, "rising")
    assert page.register.name(own.id) in view.item_list.item(0).text()  # type: ignore[union-attr]
    assert format_number(5) in view.item_list.item(0).text()
    form.kind.setCurrentIndex(0)  # back to a shock: asked its likelihood, impact and trend again, the trend as the rating left it
    assert shown() == (t("Likelihood"), t("Impact"), scale_label(LIKELIHOOD_NAMES, 5), False)
    assert form.trend.currentText() == t("Rising") and register.items(assessment_id)[0].item.trend == "rising"  # type: ignore[arg-type]
    view.select_item(own.id)
    water = register.add_item(assessment_id, RegisterItemDraft(hazard_id="water-scarcity", likelihood=4, impact=5))  # type: ignore[arg-type]
    page.register.reload()  # type: ignore[union-attr]
    view.select_item(water.id)  # a catalogue stress: its kind is not asked, its ratings are named as a stress's
    assert shown()[:2] == (t("Trend"), t("Severity")) and form.fields["trend"].isHidden()
    assert form.likelihood.currentText() == scale_label(TREND_RATING_NAMES, 4)
