"""Timings inside this process, on a fresh sample assessment.

- opening the fully answered sample: reading it and building every screen of it (median and slowest of 20);
- one autosave: a changed answer written to the database with its history (500 of them);
- exporting the whole sample brief in English and in Arabic (slowest of 3: the first one loads ReportLab and the fonts),
  as a PDF and as a Word document.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from resilience_app.core.assessment.records import AnswerDraft
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService
from resilience_app.gui.assessment_page import AssessmentPage

OPEN_REPEATS, AUTOSAVE_REPEATS, EXPORT_REPEATS = 20, 500, 3


def timed_ms(action: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], share: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[round(share * 100) - 1]


def _quiet_offscreen(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's note at every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def measure() -> dict[str, float]:
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        service = ResilienceService.open(AppPaths.under(Path(folder) / "data"))
        page = AssessmentPage()
        try:
            record = create_sample(service, "en")
            framework = service.framework(record.framework_id)
            page.resize(1280, 800)
            page.show()

            def open_assessment() -> None:
                page.close_session()
                page.show_assessment(service, service.assessments.get_assessment(record.id), framework)
                app.processEvents()

            open_assessment()  # warm-up: imports and first layout
            opening = timed_ms(open_assessment, OPEN_REPEATS)
            question_ids = sorted(framework.question_ids)
            steps = iter(range(AUTOSAVE_REPEATS))

            def autosave() -> None:
                step = next(steps)
                draft = AnswerDraft(status="level", level=1 + step % 5, justification=f"Note {step}")
                service.assessments.save_answer(record.id, question_ids[step % len(question_ids)], draft)

            autosaving = timed_ms(autosave, AUTOSAVE_REPEATS)
            briefs = Path(folder) / "briefs"
            briefs.mkdir()
            exporting = {
                (document, language): timed_ms(
                    lambda document=document, language=language: service.export_brief(
                        record.id, language=language, document=document, path=briefs / f"{document}-{language}.pdf"),
                    EXPORT_REPEATS,
                )
                for document in ("brief", "pra")
                for language in ("en", "ar")
            }
            exporting_word = {
                (document, language): timed_ms(
                    lambda document=document, language=language: service.export_brief_docx(
                        record.id, language=language, document=document, path=briefs / f"{document}-{language}.docx"),
                    EXPORT_REPEATS,
                )
                for document in ("brief", "pra")
                for language in ("en", "ar")
            }
        finally:
            page.close_session()
            page.deleteLater()
            service.close()
    return {
        "open_full_assessment_ms": statistics.median(opening),
        "open_full_assessment_max_ms": max(opening),
        "autosave_p99_ms": percentile(autosaving, 0.99),
        "autosave_median_ms": statistics.median(autosaving),
        "export_pdf_en_s": max(exporting["brief", "en"]) / 1000,
        "export_pdf_ar_s": max(exporting["brief", "ar"]) / 1000,
        "export_pra_pdf_en_s": max(exporting["pra", "en"]) / 1000,
        "export_pra_pdf_ar_s": max(exporting["pra", "ar"]) / 1000,
        "export_docx_en_s": max(exporting_word["brief", "en"]) / 1000,
        "export_docx_ar_s": max(exporting_word["brief", "ar"]) / 1000,
        "export_pra_docx_en_s": max(exporting_word["pra", "en"]) / 1000,
        "export_pra_docx_ar_s": max(exporting_word["pra", "ar"]) / 1000,
    }
