"""Lists that are short enough to show whole show every row at their dialog's or page's size, in both languages."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication

from resilience_app.gui.main_window import MainWindow


def rows_hidden(view: QAbstractItemView, rows: int | None = None) -> list[int]:
    """The rows among the first `rows` (all when None) that are not wholly inside the view's visible area, as it opens."""
    model = view.model()
    count = model.rowCount() if rows is None else min(rows, model.rowCount())
    shown = view.viewport().rect()
    return [row for row in range(count) if not shown.contains(view.visualRect(model.index(row, 0)))]


def test_the_export_dialog_shows_every_section(window: MainWindow, qapp: QApplication) -> None:
    window.open_sample()
    window.show_list()
    window.export_action.trigger()
    dialog = window.active_dialog
    qapp.processEvents()
    sections = dialog.sections
    assert sections.count() >= 16
    hidden = rows_hidden(sections)
    assert not hidden, f"sections {[sections.item(row).text() for row in hidden]} need scrolling in the {dialog.width()}×{dialog.height()} dialog"
    dialog.reject()
