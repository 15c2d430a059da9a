"""Every keyboard shortcut of the app, declared once: the menus and the workshop bind their actions from
here, and Help › Keyboard shortcuts lists this table, so the sheet cannot drift from what the keys do.

A `Shortcut` with an `action` name is bound by `bind` to the QAction of that object name; one without is a
key a screen reads itself (the answer keys, Page Up/Down in the questionnaire, the projector's keys) and
is listed here with the keys that screen takes (`answer_keys` for the answers).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from resilience_app.core.i18n import N_, _
from resilience_app.gui.answer_keys import DONT_KNOW_KEYS, NOT_APPLICABLE_KEYS

Key = str | QKeySequence.StandardKey

# The sections of the sheet, in its order.
ASSESSMENTS = N_("Assessments and the window")
QUESTIONNAIRE = N_("Answering the questionnaire")
REGISTER = N_("Shocks and stresses, priorities and links")
WORKSHOP = N_("Workshop tab (on the laptop)")
PROJECTOR = N_("Projector window")
HELP = N_("Help")
SECTIONS = (ASSESSMENTS, QUESTIONNAIRE, REGISTER, WORKSHOP, PROJECTOR, HELP)


@dataclass(frozen=True)
class Shortcut:
    section: str  # one of SECTIONS (N_: translated when shown)
    keys: tuple[Key, ...]  # the first is the one menus and tooltips show
    does: str  # N_: what the keys do
    action: str = ""  # the QAction's object name that `bind` gives these keys; "" for keys a screen reads itself


def _letters(keys: frozenset[str]) -> tuple[str, ...]:
    """The Latin key first, then what the same key types on an Arabic keyboard (N, ى)."""
    return tuple(sorted({key.upper() if key.isascii() else key for key in keys}, key=lambda key: (not key.isascii(), key)))


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(ASSESSMENTS, (QKeySequence.StandardKey.New,), N_("New assessment"), "new_action"),
    Shortcut(ASSESSMENTS, (QKeySequence.StandardKey.Open,), N_("Open the chosen assessment"), "open_action"),
    Shortcut(ASSESSMENTS, ("Return",), N_("Open the chosen assessment from the list (or double-click it)")),
    Shortcut(ASSESSMENTS, ("F2",), N_("Rename the chosen assessment"), "rename_action"),
    Shortcut(ASSESSMENTS, ("Ctrl+D",), N_("Duplicate the chosen assessment"), "duplicate_action"),
    Shortcut(ASSESSMENTS, (QKeySequence.StandardKey.Delete,), N_("Delete the chosen assessment (in the list; asks first)"), "delete_action"),
    Shortcut(ASSESSMENTS, ("Ctrl+E",), N_("Export the brief or the Preliminary Resilience Assessment"), "export_action"),
    Shortcut(ASSESSMENTS, ("Ctrl+Z",), N_("Undo the last change"), "undo_action"),
    Shortcut(ASSESSMENTS, ("Ctrl+Shift+Z", "Ctrl+Y"), N_("Redo"), "redo_action"),
    Shortcut(ASSESSMENTS, ("Ctrl+Q",), N_("Quit"), "quit_action"),  # Qt's standard Quit has no key on Windows
    Shortcut(QUESTIONNAIRE, ("1", "2", "3", "4", "5"), N_("Answer the question with that level (Arabic-Indic digits too)")),
    Shortcut(QUESTIONNAIRE, _letters(NOT_APPLICABLE_KEYS), N_("Not applicable")),
    Shortcut(QUESTIONNAIRE, _letters(DONT_KNOW_KEYS), N_("Don't know")),
    Shortcut(QUESTIONNAIRE, ("PgDown",), N_("Next question")),
    Shortcut(QUESTIONNAIRE, ("PgUp",), N_("Previous question")),
    Shortcut(QUESTIONNAIRE, ("Return", "Space"), N_("Open the goal of the chosen card (overview)")),
    Shortcut(REGISTER, ("Del",), N_("Remove the chosen shock or stress (asks first)")),
    Shortcut(REGISTER, ("Ctrl+Up", "Ctrl+Down"), N_("Move the chosen priority up or down")),
    Shortcut(REGISTER, ("Space", "Return"), N_("Link or unlink the chosen cell (links between shocks and stresses and goals)")),
    Shortcut(WORKSHOP, ("F5",), N_("Show or hide the projector"), "workshop_projector_action"),
    Shortcut(WORKSHOP, ("F6",), N_("Next slide"), "workshop_next_action"),
    Shortcut(WORKSHOP, ("Shift+F6",), N_("Previous slide"), "workshop_previous_action"),
    Shortcut(WORKSHOP, ("F7",), N_("Start or pause the timer of the exercise on screen"), "workshop_timer_action"),
    Shortcut(WORKSHOP, ("F8",), N_("Reset the timer"), "workshop_reset_action"),
    Shortcut(WORKSHOP, ("F9",), N_("Blank the projector, or show it again"), "workshop_blank_action"),
    Shortcut(PROJECTOR, ("PgDown", "Down"), N_("Next slide (or the arrow pointing the way the text reads)")),
    Shortcut(PROJECTOR, ("PgUp", "Up"), N_("Previous slide")),
    Shortcut(PROJECTOR, ("Space",), N_("Start or pause the timer")),
    Shortcut(PROJECTOR, ("R",), N_("Reset the timer")),
    Shortcut(PROJECTOR, ("B",), N_("Blank the screen, or show it again")),
    Shortcut(PROJECTOR, ("+", "-"), N_("Bigger or smaller text")),
    Shortcut(PROJECTOR, ("F11", "F"), N_("Full screen on or off")),
    Shortcut(PROJECTOR, ("Esc",), N_("Leave full screen, then close the projector")),
    Shortcut(HELP, (QKeySequence.StandardKey.HelpContents,), N_("How an assessment runs"), "guide_action"),
    Shortcut(HELP, ("Ctrl+F1",), N_("Keyboard shortcuts (this list)"), "shortcuts_action"),  # a function key: the same on an Arabic keyboard
)


BOUND = {entry.action: entry for entry in SHORTCUTS if entry.action}


def shortcut_for(action: str) -> Shortcut:
    return BOUND[action]


def sequences(entry: Shortcut) -> list[QKeySequence]:
    """The key sequences of an entry (a standard key gives this platform's first binding of it)."""
    return [QKeySequence(key) for key in entry.keys]


def bind(action: QAction) -> QAction:
    """Give `action` the keys SHORTCUTS declares for its object name."""
    action.setShortcuts(sequences(shortcut_for(action.objectName())))
    return action


def key_text(sequence: QKeySequence) -> str:
    """The keys as printed on the keyboard ("Ctrl+N", "PgDown", "Up"), in every language: an Arabic laptop's
    keys are labelled in Latin letters too, and Qt's Arabic names of some keys only (الأعلى for Up) would mix."""
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def keys_text(entry: Shortcut) -> str:
    return _(" or ").join(key_text(sequence) for sequence in sequences(entry))


def with_shortcut(text: str, action: QAction) -> str:
    """A tooltip: the action's text without its mnemonic and dots, and its first shortcut ("Open (Ctrl+O)")."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")
    shortcut = action.shortcut()
    return f"{plain} ({key_text(shortcut)})" if not shortcut.isEmpty() else plain
