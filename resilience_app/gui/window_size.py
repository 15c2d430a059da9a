"""How big the main window opens on a first start: decided from the screen's free area alone (no Qt here).

Below `MAXIMISE_BELOW` px wide (a 1366×768 laptop, a 1280×800 one) every pixel is needed: the window opens
maximised. On a wider screen it opens at a comfortable size, centred, never larger than most of the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

MAXIMISE_BELOW = 1440  # px of available width
COMFORTABLE = (1360, 860)  # px: the tables and the questionnaire's two panes side by side
SCREEN_SHARE = 0.9  # the most of a wide screen the window takes when not maximised


@dataclass(frozen=True)
class Placement:
    """Where the window opens: maximised, or at (x, y) with this size."""

    maximised: bool
    x: int
    y: int
    width: int
    height: int


def first_placement(available_x: int, available_y: int, available_width: int, available_height: int) -> Placement:
    """The window's placement on a screen whose free area (without panels and docks) is the rectangle given."""
    if available_width < MAXIMISE_BELOW:
        return Placement(True, available_x, available_y, available_width, available_height)
    width = min(COMFORTABLE[0], int(available_width * SCREEN_SHARE))
    height = min(COMFORTABLE[1], int(available_height * SCREEN_SHARE))
    x = available_x + (available_width - width) // 2
    y = available_y + (available_height - height) // 2
    return Placement(False, x, y, width, height)
