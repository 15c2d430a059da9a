"""Every tick box and choice in the dialogs shows its whole text at the dialog's own size, in both languages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QLabel, QRadioButton

from resilience_app.gui.main_window import MainWindow


def _cut_choices(dialog: QDialog) -> list[str]:
    problems = []
    for button in dialog.findChildren(QAbstractButton):
        if not isinstance(button, QCheckBox | QRadioButton) or not button.isVisibleTo(dialog) or not button.text():
            continue
        where = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        if not dialog.rect().contains(where):
            problems.append(f"{button.text()[:40]!r} reaches outside the {dialog.width()}×{dialog.height()} dialog: {where}")
        label = getattr(button, "label", None)
        if isinstance(label, QLabel):  # the words wrap: they need their lines' height
            if label.heightForWidth(label.width()) > label.height():
                problems.append(f"{button.text()[:40]!r} needs {label.heightForWidth(label.width())}px of height, has {label.height()}")
        elif button.sizeHint().width() > button.width():
            problems.append(f"{button.text()[:40]!r} needs {button.sizeHint().width()}px, has {button.width()}")
    return problems


def _check(qapp: QApplication, name: str, open_dialog: Callable[[], QDialog | None]) -> list[str]:
    dialog = open_dialog()
    assert dialog is not None, name
    qapp.processEvents()
    problems = [f"{name}: {problem}" for problem in _cut_choices(dialog)]
    dialog.reject()
    return problems


def test_every_choice_in_the_dialogs_shows_its_whole_text(window: MainWindow, qapp: QApplication) -> None:
    def active() -> QDialog | None:
        return window.active_dialog

    problems = _check(qapp, "new assessment", lambda: (window.new_action.trigger(), active())[1])
    window.open_sample()
    page = window.assessment_page
    workshop = page.workshop
    problems += _check(qapp, "workshop", lambda: (workshop.buttons["edit"].click(), workshop.active_dialog)[1])
    problems += _check(qapp, "own item", page.shocks_stresses.register_view.add_own_item)
    window.show_list()
    sample = next(summary.id for summary in window.service.assessments.list_assessments() if summary.record.is_sample)
    window.select_assessment(sample)
    problems += _check(qapp, "export the brief", lambda: (window.export_action.trigger(), active())[1])
    problems += _check(qapp, "export to Excel", lambda: (window.export_workbook_action.trigger(), active())[1])
    assert not problems, "\n".join(problems)
