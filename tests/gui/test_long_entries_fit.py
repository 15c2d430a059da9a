"""Long entries show whole without sideways scrolling, in both languages: ticked lists wrap their entries,
form dialogs keep their fields wider than their labels, tables share their width, the exercise tree gets its titles' width."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFormLayout, QListWidget

from resilience_app.gui.checklist import Checklist
from resilience_app.gui.main_window import MainWindow


def _sideways(view: QListWidget) -> list[str]:
    if view.horizontalScrollBar().maximum() > 0:
        return [f"{view.objectName()} scrolls sideways ({view.horizontalScrollBar().maximum()}px)"]
    return []


def test_ticked_lists_and_form_dialogs_show_long_entries(window: MainWindow, qapp: QApplication) -> None:
    window.resize(1280, 800)
    window.open_sample()
    page = window.assessment_page
    problems = []
    for dialog in (page.actions_view.edit_action(page.actions_view.current_action_id() or page.actions_view.state.actions[0].id),
                   page.shocks_stresses.register_view.add_from_catalogue()):
        qapp.processEvents()
        problems += [problem for checklist in dialog.findChildren(Checklist) for problem in _sideways(checklist)]
        form = dialog.layout()
        if isinstance(form, QFormLayout):
            labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
            fields = [form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in range(form.rowCount())]
            label_width = max(item.geometry().width() for item in labels if item is not None)
            narrow = [item.widget().objectName() for label, item in zip(labels, fields, strict=True)
                      if label is not None and item is not None and item.geometry().width() < label_width]
            if narrow:
                problems.append(f"{dialog.objectName()}: fields {narrow} narrower than the {label_width}px labels")
        dialog.reject()
    assert not problems, "\n".join(problems)


def test_the_workshop_lists_show_their_entries_whole(window: MainWindow, qapp: QApplication) -> None:
    window.resize(1280, 800)
    window.open_sample()
    page = window.assessment_page
    workshop = page.workshop
    page.tabs.setCurrentWidget(workshop)
    workshop.tabs.setCurrentWidget(workshop.participants)
    qapp.processEvents()
    table = workshop.participants.table
    problems = []
    if table.horizontalHeader().length() > table.viewport().width():
        problems.append(f"the participants are {table.horizontalHeader().length()}px wide in a {table.viewport().width()}px view")
    workshop.tabs.setCurrentWidget(workshop.exercises)
    qapp.processEvents()
    tree = workshop.exercises.tree
    if tree.sizeHintForColumn(0) > tree.viewport().width():
        problems.append(f"the exercise titles need {tree.sizeHintForColumn(0)}px, the tree has {tree.viewport().width()}")
    assert not problems, "\n".join(problems)
