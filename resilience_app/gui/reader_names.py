"""What a screen reader says for a control with no visible text of its own (a table, a list, a chart).

`name_for_reader` keeps the untranslated name and description on the widget and sets them in the current
language; `retranslate_reader_names` says them again in the new language after a switch (MainWindow.retranslate).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resilience_app.core.i18n import _

_NAME, _DESCRIPTION = "reader_name_msgid", "reader_description_msgid"


def name_for_reader(widget: QWidget, name: str, description: str = "") -> None:
    """`name` and `description` are marked with N_() by the caller and translated here, now and at each switch."""
    widget.setProperty(_NAME, name)
    widget.setProperty(_DESCRIPTION, description)
    _say(widget)


def retranslate_reader_names(root: QWidget) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property(_NAME):
            _say(widget)


def _say(widget: QWidget) -> None:
    widget.setAccessibleName(_(str(widget.property(_NAME))))
    description = str(widget.property(_DESCRIPTION) or "")
    if description:
        widget.setAccessibleDescription(_(description))
