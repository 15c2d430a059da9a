"""The performance targets, measured on this machine on a fresh sample (not a timed test).

    make bench        # QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py

Prints one row per figure (value, target, met), writes them with the date, the machine and the
app version to bench/results.json, and exits 1 when a target is missed. Figures without a
target are context for reading the others. bench/HISTORY.md keeps one row per release.

A target the app does not meet yet is listed in KNOWN_MISSES with why, and with a ceiling: the
run says so beside the figure and fails only when the figure passes that ceiling (a regression).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"

# name: target (the figure must be at most this), or None for context only
TARGETS: dict[str, float | None] = {
    "startup_ratio_vs_bare_qt": 2.0,
    "startup_app_s": None,
    "startup_bare_qt_s": None,
    "open_full_assessment_ms": 200.0,
    "open_full_assessment_max_ms": None,
    "autosave_p99_ms": 20.0,
    "autosave_median_ms": None,
    "export_pdf_en_s": 2.0,
    "export_pdf_ar_s": 2.0,
    "export_pra_pdf_en_s": 2.0,  # the Preliminary Resilience Assessment, as long again as the brief: the same target
    "export_pra_pdf_ar_s": 2.0,
    "export_docx_en_s": 2.0,
    "export_docx_ar_s": 2.0,
    "export_pra_docx_en_s": 2.0,
    "export_pra_docx_ar_s": 2.0,
    "peak_rss_mb": 300.0,
}


# name: (ceiling that counts as a regression, why the target is missed); see bench/HISTORY.md
KNOWN_MISSES: dict[str, tuple[float, str]] = {
    "startup_ratio_vs_bare_qt": (
        10.0,
        "the window appears after the database is opened and checked, which needs SQLAlchemy: importing "
        "it and opening the SQLite file alone is 3.6x a bare Qt window; reaching 2x means showing the "
        "window before the database is open (bench/HISTORY.md)",
    ),
}


def verdict(name: str, value: float) -> str:
    target = TARGETS.get(name)
    if target is None:
        return "-"
    if value <= target:
        return "yes"
    if name in KNOWN_MISSES and value <= KNOWN_MISSES[name][0]:
        return "NO (known)"
    return "NO"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, object]:
    import PySide6
    from PySide6.QtCore import qVersion

    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
    }


def table(figures: dict[str, float]) -> list[str]:
    rows = [f"{'figure':30} {'value':>10} {'target':>10}  met", "-" * 58]
    for name, value in figures.items():
        target = TARGETS.get(name)
        rows.append(f"{name:30} {value:10.2f} {'' if target is None else f'≤ {target:g}':>10}  {verdict(name, value)}")
    return rows


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import memory
    import startup

    from resilience_app import __version__

    figures: dict[str, float] = {}
    print("measuring memory...", file=sys.stderr, flush=True)
    figures.update(memory.measure())  # first, while this process is small (see memory.py)
    print("measuring start-up...", file=sys.stderr, flush=True)
    figures.update(startup.measure())
    print("measuring the assessment screens, autosave, the brief and the PRA...", file=sys.stderr, flush=True)
    import measures  # Qt and the app, in this process

    figures.update(measures.measure())
    figures = {name: round(figures[name], 3) for name in TARGETS if name in figures}
    missed = [name for name, value in figures.items() if verdict(name, value).startswith("NO")]
    regressions = [name for name in missed if verdict(name, figures[name]) == "NO"]
    results = {
        **figures,
        "targets": {name: target for name, target in TARGETS.items() if target is not None},
        "missed": missed,
        "known_misses": {name: {"ceiling": KNOWN_MISSES[name][0], "why": KNOWN_MISSES[name][1]} for name in missed if name in KNOWN_MISSES},
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "app_version": __version__,
        "machine": machine(),
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("\n".join(table(figures)))
    for name in missed:
        if name in KNOWN_MISSES:
            ceiling, why = KNOWN_MISSES[name]
            print(f"\n{name} misses its target, known: {why}. It fails this run above {ceiling:g}.")
    print(f"\nwritten to {RESULTS}; missed: {', '.join(missed) or 'none'}; regressions: {', '.join(regressions) or 'none'}")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
