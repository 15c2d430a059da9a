"""Exports that go wrong get a clear message and leave no file behind; odd content still exports."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails
from resilience_app.core.brief.pdf import render
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.i18n import _
from resilience_app.core.services import ResilienceService
from tests.brief.pdf_reader import needs_poppler, page_count, page_text, plain


def _new(service: ResilienceService, **names: str) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en=names.get("en", "Testville"), city_name_ar=names.get("ar", ""))).id


def _export(service: ResilienceService, kind: str) -> Callable[..., object]:
    """The service's export of the brief in one format: the PDF or the Word document (the same checks before either)."""
    return service.export_brief_docx if kind == "docx" else service.export_brief


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def service(app_paths):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


@needs_poppler
def test_an_assessment_with_nothing_answered_exports_and_says_so(service: ResilienceService, tmp_path: Path) -> None:
    result = service.export_brief(_new(service), language="en", path=tmp_path / "empty.pdf")
    text = plain(page_text(result.path))
    assert "No question has a level yet" in text
    assert "The register is empty" in text
    assert page_count(result.path) == result.pages >= 6


@needs_poppler
def test_a_very_long_justification_flows_over_pages(service: ResilienceService, tmp_path: Path) -> None:
    assessment_id = _new(service)
    question_id = next(service.framework().questions()).id
    long_text = " ".join(["Evidence from the district survey was reviewed line by line."] * 320)  # 20,000 characters
    service.assessments.save_answer(assessment_id, question_id, AnswerDraft(status="level", level=3, justification=long_text, confidence="low"))
    short = service.export_brief(assessment_id, language="en", path=tmp_path / "short.pdf", sections=["city_profile"]).pages
    result = service.export_brief(assessment_id, language="ar", path=tmp_path / "long.pdf", sections=["appendix"])
    text = plain(page_text(result.path))
    assert result.pages > short
    assert text.count("Evidence") >= 20  # the first 1,500 characters (a word, unlike a phrase, never breaks across lines)
    # The note ends the English text's (left-to-right) paragraph, so a line may break inside it.
    assert all(word in text for word in plain("(اختُصر: النص الكامل في التقييم)").split())


def test_a_city_name_in_a_script_the_fonts_lack_exports_with_a_warning(service: ResilienceService, tmp_path: Path) -> None:
    result = service.export_brief(_new(service, en="東京"), language="en", path=tmp_path / "tokyo.pdf", sections=["city_profile"])
    assert result.path.is_file()
    assert set(result.missing_characters) == {"東", "京"}
    assert "京 東" in result.warning()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_an_unwritable_path_or_the_apps_own_file_is_refused_plainly_and_changes_nothing(service: ResilienceService, exports: Path, kind: str) -> None:
    tmp_path = exports
    export = _export(service, kind)
    assessment_id = _new(service)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for target in (tmp_path / "missing" / f"brief.{kind}", blocker / f"brief.{kind}", tmp_path):
        with pytest.raises(UserFacingError) as caught:
            export(assessment_id, language="en", path=target)
        assert caught.value.code is ErrorCode.EXPORT_FAILED and "could not be saved" in caught.value.message
    database = service.database.file
    assert database is not None
    before = database.read_bytes()
    with pytest.raises(UserFacingError, match="one of the app's own files"):
        export(assessment_id, language="ar", path=database)
    assert database.read_bytes() == before
    data_dir = service.paths.data_dir
    (data_dir / "writing").mkdir(exist_ok=True)  # as while another export is being written
    for own in (data_dir / ".resilience-app-folder", data_dir / "writing" / f"keep.{kind}"):  # the folder's marker, the records folder
        with pytest.raises(UserFacingError, match="one of the app's own files"):
            export(assessment_id, language="en", path=own)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]
    assert not list(database.parent.glob(".brief-*"))


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pipe_a_device_or_a_link_is_never_replaced_by_the_export(service: ResilienceService, exports: Path, kind: str) -> None:
    """Not even as root: `--out /dev/null` once replaced the system's /dev/null with a PDF."""
    export = _export(service, kind)
    assessment_id = _new(service)
    pipe, link, elsewhere = exports / f"pipe.{kind}", exports / f"link.{kind}", exports / "elsewhere.txt"
    os.mkfifo(pipe)
    elsewhere.write_text("kept")
    link.symlink_to(elsewhere)
    for target, reason in ((pipe, "not an ordinary file"), (Path(os.devnull), "not an ordinary file"), (link, "a link to another file")):
        with pytest.raises(UserFacingError, match=reason):
            export(assessment_id, language="en", path=target)
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and link.is_symlink() and elsewhere.read_text() == "kept"
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_full_disk_keeps_the_previous_brief_whole(service: ResilienceService, exports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = exports
    assessment_id = _new(service)
    target = tmp_path / "brief.pdf"
    service.export_brief(assessment_id, language="en", path=target, sections=["purpose"])
    before = target.read_bytes()

    def disk_full(document, path, style=None, *, day=None):  # type: ignore[no-untyped-def]
        Path(path).write_bytes(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("resilience_app.core.brief.export.render_pdf", disk_full)
    with pytest.raises(UserFacingError) as caught:
        service.export_brief(assessment_id, language="en", path=target)
    assert "No space left on device" in caught.value.message
    assert target.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["brief.pdf"]
    assert render.render_pdf is not disk_full


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_unknown_sections_and_languages_are_refused(service: ResilienceService, exports: Path, kind: str) -> None:
    tmp_path = exports
    export = _export(service, kind)
    assessment_id = _new(service)
    with pytest.raises(UserFacingError, match="Unknown section: preface"):
        export(assessment_id, language="en", path=tmp_path / f"x.{kind}", sections=["purpose", "preface"])
    with pytest.raises(UserFacingError, match="Unknown section: workshop"):  # the PRA's, not the brief's
        export(assessment_id, language="en", path=tmp_path / f"x.{kind}", sections=["purpose", "workshop"])
    with pytest.raises(UserFacingError, match="Unknown section: purpose"):  # the brief's, not the PRA's
        export(assessment_id, language="en", path=tmp_path / f"x.{kind}", document="pra", sections=["purpose", "workshop"])
    with pytest.raises(UserFacingError, match="Unknown document: report"):
        export(assessment_id, language="en", path=tmp_path / f"x.{kind}", document="report")
    with pytest.raises(UserFacingError, match="at least one section"):
        export(assessment_id, language="en", path=tmp_path / f"x.{kind}", sections=[])
    with pytest.raises(UserFacingError, match="English"):
        export(assessment_id, language="fr", path=tmp_path / f"x.{kind}")
    assert not list(tmp_path.iterdir())


@needs_poppler
def test_only_the_chosen_sections_are_in_the_brief(service: ResilienceService, tmp_path: Path) -> None:
    result = service.export_brief(_new(service), language="en", path=tmp_path / "two.pdf", sections=["next_steps", "purpose"])
    text = plain(page_text(result.path))
    assert "Purpose of the workshop" in text and "Next steps" in text
    assert text.index("Purpose of the workshop") < text.index("Next steps")
    for absent in ("Resilience profile", "Priority shocks and stresses", "Appendix"):
        assert absent not in text


@pytest.mark.parametrize("name", ["n" * 300 + ".pdf", "a\x00.pdf"])
def test_a_file_name_the_system_refuses_gets_a_plain_message(service, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Karak"))
    out = tmp_path / "exports"
    out.mkdir()
    with pytest.raises(UserFacingError) as refused:
        service.export_brief(record.id, language="en", path=out / name)
    assert refused.value.code == ErrorCode.EXPORT_FAILED and _("the system cannot use this file name (too long, or holding a character it refuses)") in str(refused.value)
    assert list(out.iterdir()) == []
