"""The Word brief is written as safely as the PDF: a full disk changes nothing, sensitive content stays out unless included.

The refusals the two formats share (unwritable or own file, unknown sections) are tested for both in test_export_bad_input.py.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.brief.sections import SECTION_TITLES
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import _, using_language
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService
from tests.brief.docx_reader import every_paragraph, open_docx


def _new(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Testville", city_name_ar="مدينة الاختبار")).id


def _text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in every_paragraph(open_docx(path)))


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ResilienceService, int]]:
    service = ResilienceService.open(AppPaths.under(tmp_path_factory.mktemp("word-sensitive")))
    yield service, create_sample(service, "en").id
    service.close()


def test_a_full_disk_keeps_the_previous_word_brief_whole(service: ResilienceService, exports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assessment_id = _new(service)
    target = exports / "brief.docx"
    service.export_brief_docx(assessment_id, language="en", path=target, sections=["purpose"])
    before = target.read_bytes()

    def disk_full(document: object, path: Path, **settings: object) -> None:
        Path(path).write_bytes(b"PK half a document")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("resilience_app.core.brief.docx.export.render_docx", disk_full)
    with pytest.raises(UserFacingError) as caught:
        service.export_brief_docx(assessment_id, language="en", path=target)
    assert caught.value.code is ErrorCode.EXPORT_FAILED and "No space left on device" in caught.value.message
    assert target.read_bytes() == before
    assert [path.name for path in exports.iterdir()] == ["brief.docx"]


def test_only_the_chosen_sections_are_in_the_word_brief(service: ResilienceService, exports: Path) -> None:
    path = service.export_brief_docx(_new(service), language="en", path=exports / "two.docx", sections=["next_steps", "purpose"]).path
    titles = [paragraph.text for paragraph in open_docx(path).paragraphs if paragraph.style is not None and paragraph.style.name == "Heading 1"]
    assert titles == ["Purpose of the workshop", "Next steps"]


def test_sensitive_content_stays_out_of_the_word_brief_unless_included(sample: tuple[ResilienceService, int], exports: Path) -> None:
    service, assessment_id = sample
    item = next(record for record in service.register.items(assessment_id) if record.item.hazard_id == "violent-extremism")
    name = service.register.item_name(item, "en")
    withheld = _text(service.export_brief_docx(assessment_id, language="en", path=exports / "withheld.docx").path)
    included = _text(service.export_brief_docx(assessment_id, language="en", path=exports / "included.docx", include_sensitive=True).path)
    assert name not in withheld and "Left out of this brief because they are marked sensitive" in withheld
    assert name in included and "Includes content marked sensitive" in included


def test_export_docx_on_the_command_line_writes_the_brief_and_refuses_plainly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    main(["--data-dir", str(tmp_path), "demo"])
    sample_id = capsys.readouterr().out.strip().splitlines()[-1]
    target = tmp_path / "brief-ar.docx"
    code = main(["--data-dir", str(tmp_path), "export-docx", sample_id, "--lang", "ar", "--out", str(target), "--sections", "purpose,agenda"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert str(target) in out and "Word" in out
    titles = [paragraph.text for paragraph in open_docx(target).paragraphs if paragraph.style is not None and paragraph.style.name == "Heading 1"]
    with using_language("ar"):
        assert titles == [_(SECTION_TITLES["purpose"]), _(SECTION_TITLES["agenda"])]
    code = main(["--data-dir", str(tmp_path), "export-docx", "999", "--lang", "en", "--out", str(tmp_path / "x.docx")])
    assert code == 2 and "999" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()
