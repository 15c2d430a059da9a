"""Peak resident memory of the GUI with the sample open, measured in a process of its own.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py   # prints {"peak_rss_mb": ...}

The child builds the main window on an empty data folder, opens the sample (Help > sample: it is
created and every screen of it built), processes events and reports its peak RSS in MiB.

On Linux a process's ru_maxrss keeps the peak of the process it was forked from (the high-water
mark survives exec), so run.py measures this first, while it is still small; the child refuses
to report when it starts with an inherited peak above INHERITED_LIMIT_MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT_S = 300
INHERITED_LIMIT_MB = 64.0


def peak_rss_mb() -> float:
    import resource  # POSIX only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def report() -> None:
    inherited = peak_rss_mb()  # before any import: a bare Python is about 10 MiB
    if inherited > INHERITED_LIMIT_MB:
        raise SystemExit(f"bench: this process started with the peak RSS of its parent ({inherited:.0f} MiB); measure from a smaller parent")
    from PySide6.QtWidgets import QApplication

    from resilience_app.core import i18n
    from resilience_app.core.paths import AppPaths
    from resilience_app.gui.app import create_main_window

    i18n.set_language("en")
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        window = create_main_window(app, AppPaths.under(Path(folder)))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.open_sample()
        for _ in range(5):
            app.processEvents()
        if window.assessment_page.assessment_id is None:
            raise SystemExit("bench: the sample did not open")
        print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
        window.close()
        window.service.close()


def measure() -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run([sys.executable, __file__], env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"bench: {Path(__file__).name} exited with {completed.returncode}:\n{completed.stdout}{completed.stderr}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    report()
