"""How content items are named on screen and in the brief."""

from __future__ import annotations

from resilience_app.core.content.model import Goal, Indicator
from resilience_app.core.formatting import format_number, localise_digits
from resilience_app.core.i18n import _, current_language


def goal_label(goal: Goal) -> str:
    """'3. Ensures public health services', in the current language and its digits."""
    return _("{number}. {name}").format(number=format_number(goal.number), name=goal.name.in_language(current_language()))


def indicator_label(indicator: Indicator) -> str:
    """'1.1 Safe and affordable housing', in the current language and its digits."""
    return _("{number} {name}").format(number=localise_digits(indicator.number), name=indicator.name.in_language(current_language()))


def goal_in_sentence(goal: Goal) -> str:
    """'Goal 3, Ensures public health services' for a sentence: '3. Ensures…' inside a sentence reads as its end."""
    return _("Goal {number}, {name}").format(number=format_number(goal.number), name=goal.name.in_language(current_language()))
