"""The Qt binding the app runs on does not crash it: a guard against a known-bad release."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

MANY_EMPTY_RESULTS = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem
    app = QApplication([])
    tree = QTreeWidget()
    item = QTreeWidgetItem(["goal"])
    tree.addTopLevelItem(item)
    for _ in range(200_000):  # the navigator asks this on every refresh
        item.parent()
        tree.currentItem()
    print("finished", flush=True)
    """
)


def test_methods_returning_no_object_do_not_crash_the_app() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", MANY_EMPTY_RESULTS], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "finished"
