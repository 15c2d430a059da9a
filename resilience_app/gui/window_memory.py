"""What the app remembers of its window between runs: the panes' sizes and where the user was.

Both are kept in the settings file (`splitter_sizes`, `last_place`). A splitter is known by the nearest
named widget above it and its place among that widget's splitters ("questionnaire/0"), so views need
not name each splitter they make.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget

from resilience_app.core.settings import Settings
from resilience_app.gui.panes import Splitter


def _named_ancestor(widget: QWidget, root: QWidget) -> QWidget:
    parent = widget.parentWidget()
    while parent is not None and parent is not root and not parent.objectName():
        parent = parent.parentWidget()
    return parent if parent is not None else root


def named_splitters(root: QWidget) -> Iterator[tuple[str, Splitter]]:
    """Each splitter under `root` with the key its sizes are kept under."""
    for splitter in root.findChildren(Splitter):
        if splitter.objectName():
            yield splitter.objectName(), splitter
            continue
        owner = _named_ancestor(splitter, root)
        position = [candidate for candidate in owner.findChildren(Splitter) if _named_ancestor(candidate, root) is owner].index(splitter)
        yield f"{owner.objectName()}/{position}", splitter


def remember_splitters(root: QWidget, settings: Settings) -> None:
    """Keep the sizes of the splitters under `root` that have been on screen (the others keep what they had)."""
    saved = dict(settings.get("splitter_sizes"))
    for key, splitter in named_splitters(root):
        if splitter.was_shown and sum(splitter.sizes()) > 0:
            saved[key] = splitter.sizes()
    if saved != settings.get("splitter_sizes"):
        settings.set("splitter_sizes", saved)


def restore_splitters(root: QWidget, settings: Settings) -> None:
    """Give the splitters under `root` the sizes kept for them, when they are next shown."""
    saved = settings.get("splitter_sizes")
    for key, splitter in named_splitters(root):
        sizes = saved.get(key)
        if _plausible(sizes, splitter.count()):
            splitter.restore_sizes(sizes)


# Wider than any screen: a size past it was not written by the app (a hand-edited or damaged settings file), and Qt's
# 32-bit sizes would overflow on it.
MAX_PANE_SIZE = 100_000


def _plausible(sizes: object, count: int) -> bool:
    """Sizes the app could have kept for a splitter of `count` panes: whole numbers of pixels, not all zero."""
    return (
        isinstance(sizes, list) and len(sizes) == count
        and all(isinstance(size, int) and not isinstance(size, bool) and 0 <= size <= MAX_PANE_SIZE for size in sizes)
        and sum(sizes) > 0
    )
