"""Killing the app right after an answer loses nothing: every change is already on disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.conftest import seed_content_cache

ANSWER_THEN_WAIT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from resilience_app.core.paths import AppPaths
    from resilience_app.core.assessment.records import AssessmentDetails
    from resilience_app.gui.app import create_main_window
    from tests.gui.questionnaire_helpers import open_new_assessment, press
    from tests.gui.typing_helpers import type_text

    app = QApplication([])
    window = create_main_window(app, AppPaths.under(Path(sys.argv[1])))
    window.show()
    page = open_new_assessment(window, "Zarqa")
    first = next(page.session.framework.questions()).id
    page.open_question(first)
    press(page.questionnaire.navigator, "4")
    view = page.questionnaire.question_view
    view.justification.setFocus()
    for char in "Civil defence drill":
        press(view.justification, char)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:  # let the typing pause pass, as a user would
        app.processEvents()
        time.sleep(0.05)
    print("ANSWERED", first, flush=True)
    time.sleep(120)  # killed long before this
    """
)


def test_killing_the_app_right_after_an_answer_loses_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    seed_content_cache(AppPaths.under(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-c", ANSWER_THEN_WAIT, str(tmp_path)], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ANSWERED"), process.stderr.read() if process.stderr else line
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    question_id = line.split()[1]
    service = ResilienceService.open(AppPaths.under(tmp_path))  # checks the file and migrates as at a normal start
    try:
        [summary] = service.assessments.list_assessments()
        answer = service.assessments.answers(summary.id)[question_id].answer
        assert answer.level == 4 and answer.justification == "Civil defence drill"
    finally:
        service.close()
