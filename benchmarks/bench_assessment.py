"""Speed targets of the questionnaire, measured on this machine (not a timed test).

    make bench

- opening a fully answered assessment (reading it and building every screen of it): ≤ 200 ms;
- one autosave (a changed answer written to the database with its history): ≤ 20 ms at the 99th percentile.

Prints one line per measure and exits 1 when a target is missed.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from resilience_app.core.paths import AppPaths  # noqa: E402
from resilience_app.core.sample import create_sample  # noqa: E402
from resilience_app.core.services import ResilienceService  # noqa: E402
from resilience_app.core.storage.records import AnswerDraft  # noqa: E402
from resilience_app.gui.assessment_page import AssessmentPage  # noqa: E402

OPEN_TARGET_MS = 200.0
AUTOSAVE_P99_TARGET_MS = 20.0
EXPORT_TARGET_MS = 2000.0  # the whole sample brief, in either language


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], share: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[round(share * 100) - 1]


def main() -> int:
    app = QApplication.instance() or QApplication([])
    service = ResilienceService.open(AppPaths.under(Path(tempfile.mkdtemp(prefix="bench-"))))
    record = create_sample(service, "en")
    framework = service.framework(record.framework_id)
    page = AssessmentPage()
    page.resize(1280, 800)
    page.show()

    def open_assessment() -> None:
        page.close_session()
        page.show_assessment(service, service.get_assessment(record.id), framework)
        app.processEvents()

    open_assessment()  # warm-up: imports and first layout
    opening = timed(open_assessment, 20)
    question_ids = sorted(framework.question_ids)
    changes = iter(range(10_000))

    def autosave() -> None:
        step = next(changes)
        service.save_answer(
            record.id, question_ids[step % len(question_ids)], AnswerDraft(status="level", level=1 + step % 5, justification=f"Note {step}")
        )

    autosaving = timed(autosave, 500)
    folder = Path(tempfile.mkdtemp(prefix="bench-brief-"))
    exporting = {
        language: timed(lambda language=language: service.export_brief(record.id, language=language, path=folder / f"brief-{language}.pdf"), 3)
        for language in ("en", "ar")
    }
    results = [
        ("open a fully answered assessment, median", statistics.median(opening), OPEN_TARGET_MS),
        ("open a fully answered assessment, slowest", max(opening), OPEN_TARGET_MS),
        ("autosave one answer, 99th percentile", percentile(autosaving, 0.99), AUTOSAVE_P99_TARGET_MS),
        ("autosave one answer, median", statistics.median(autosaving), AUTOSAVE_P99_TARGET_MS),
        ("export the full sample brief in English, slowest", max(exporting["en"]), EXPORT_TARGET_MS),
        ("export the full sample brief in Arabic, slowest", max(exporting["ar"]), EXPORT_TARGET_MS),
    ]
    missed = False
    for name, measured, target in results:
        verdict = "ok" if measured <= target else "MISSED"
        missed |= measured > target
        print(f"{name:45} {measured:8.1f} ms   (target ≤ {target:.0f} ms)  {verdict}")
    page.close_session()
    service.close()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
