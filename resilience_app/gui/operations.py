"""Every mutating user action goes through `run_operation`: call a core service, route its
expected failures to a plain dialog, and announce what changed (a `Change`) so only the states
showing that part re-read it. Reads and exports go through `attempt`, which announces nothing."""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from resilience_app.core.errors import UserFacingError
from resilience_app.gui.errors import show_user_error

T = TypeVar("T")


class Change(Flag):
    """What a mutation changed, so each state re-reads only that."""

    ASSESSMENT_LIST = auto()  # an assessment was added, removed or renamed, or its details changed
    ANSWERS = auto()  # answers or evidence of the open assessment
    REGISTER = auto()  # shocks and stresses, links, ranks, actions, discovery areas
    WORKSHOP = auto()  # workshops, participants, exercises, what the room said
    EVERYTHING = ASSESSMENT_LIST | ANSWERS | REGISTER | WORKSHOP  # a restored backup


class ChangeBus(QObject):
    """Broadcasts what an operation changed.

    Signals:
        changed(Change): what was saved (already); listeners re-read only the parts they show.
    """

    changed = Signal(object)


def reporting(failed: SignalInstance, change: Callable[[], object]) -> Callable[[], None]:
    """`change` as a slot that sends a `UserFacingError` to `failed` (a view's signal) instead of raising."""

    def run() -> None:
        try:
            change()
        except UserFacingError as error:
            failed.emit(error)

    return run


def run_operation(parent: QWidget, action: Callable[[], T], *, bus: ChangeBus, changes: Change) -> T | None:
    """Run the mutation `action`; on a `UserFacingError` show it and return None, else announce `changes`."""
    try:
        result = action()
    except UserFacingError as error:
        show_user_error(parent, error)
        return None
    bus.changed.emit(changes)
    return result


def attempt(parent: QWidget, action: Callable[[], T]) -> T | None:
    """Run `action`, which changes no data (a read, an export); on a `UserFacingError` show it and return None."""
    try:
        return action()
    except UserFacingError as error:
        show_user_error(parent, error)
        return None
