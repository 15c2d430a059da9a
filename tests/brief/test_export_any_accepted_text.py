"""Any text the app accepts exports, in bounded time, in both languages (issue 16, items 5 and 6).

Each export runs in a child process with a time limit: the failure this guards against
was a layout loop that never ended, which must fail the test, not hang the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.brief.pdf_reader import needs_poppler, page_text, plain

TIME_LIMIT_SECONDS = 120  # a whole export takes a few seconds; the loop it guards against never ended

_EXPORT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from resilience_app.core.paths import AppPaths
    from resilience_app.core.services import ResilienceService
    from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails

    folder, language, city, justification = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    service = ResilienceService.open(AppPaths.under(folder / "data"))
    assessment = service.assessments.create_assessment(AssessmentDetails(city_name_en=city, city_name_ar=city))
    question_id = next(service.framework().questions()).id
    service.assessments.save_answer(assessment.id, question_id, AnswerDraft(status="level", level=2, justification=justification, confidence="low"))
    result = service.export_brief(assessment.id, language=language, path=folder / "brief.pdf")
    print(result.pages)
    service.close()
    """
)


def _export(tmp_path: Path, language: str, *, city: str = "Testville", justification: str = "") -> Path:
    run = subprocess.run(
        [sys.executable, "-c", _EXPORT, str(tmp_path), language, city, justification],
        capture_output=True, text=True, timeout=TIME_LIMIT_SECONDS,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.strip()) >= 1
    return tmp_path / "brief.pdf"


LIST_LIKE = {
    "150 short lines": "\n".join(f"{2001 + number % 20}: {number % 100}%" for number in range(150)),
    "130 blank lines": "Survey" + "\n" * 130 + "end",
    "one long word": "x" * 1400,
    "short lines and blanks": "\n\n".join(f"- item {number}" for number in range(120)),
}


@needs_poppler
@pytest.mark.parametrize("shape", sorted(LIST_LIKE))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_list_like_justification_exports_in_bounded_time(tmp_path: Path, language: str, shape: str) -> None:
    brief = _export(tmp_path, language, justification=LIST_LIKE[shape])
    assert "Testville" in plain(page_text(brief)) or language == "ar"


ODD_CHARACTERS = {  # each beside Arabic letters too: the bidi step is where they failed
    "new emoji": "مدينة \U0001fae8 city",
    "noncharacters": "مدينة \ufffe\uffff\U0010ffff\ufdd0 name",
    "private use and joiners": "مدينة \ue000 \u200d\u200c name",
    "a typed bidi override": "تقرير report\u202efdp.exe and \u2067nested",
    "a combining mark first": "\u0301مدينة City",
}


@pytest.mark.parametrize("case", sorted(ODD_CHARACTERS))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_odd_characters_in_the_city_name_and_an_answer_export(tmp_path: Path, language: str, case: str) -> None:
    text = ODD_CHARACTERS[case]
    _export(tmp_path, language, city=text, justification=text)
