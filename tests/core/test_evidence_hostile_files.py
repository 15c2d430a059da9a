"""Evidence files an attacker (or an unlucky user) chooses: links, pipes, devices, files that
grow while copied, /proc files that claim to be empty, and names that hide their extension."""

from __future__ import annotations

import os
import threading
import typing
from pathlib import Path

import pytest

from resilience_app.core.errors import InvalidInputError
from resilience_app.core.evidence_rules import MAX_FILE_BYTES, opens_in_a_viewer, shown_file_name
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.records import AssessmentDetails, EvidenceDraft

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, pipes and devices as POSIX makes them")


@pytest.fixture
def service(app_paths: AppPaths):  # type: ignore[no-untyped-def]
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id


def _refused(service: ResilienceService, assessment_id: int, source: Path) -> str:
    question = next(service.framework().questions()).id
    with pytest.raises(InvalidInputError) as caught:
        service.add_evidence(assessment_id, question, EvidenceDraft("Report", source_file=source))
    assert service.evidence(assessment_id) == {}
    folder = service.paths.evidence_dir / f"assessment-{assessment_id}"
    assert not folder.exists() or list(folder.iterdir()) == [], "nothing, not even a partial copy, is left"
    return caught.value.field_errors["source_file"]


@posix_only
def test_a_link_is_refused_and_what_it_points_to_is_not_copied(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:password-hash")
    link = tmp_path / "report.pdf"
    link.symlink_to(secret)
    assert "link" in _refused(service, assessment_id, link)


@posix_only
def test_a_link_swapped_in_after_the_check_is_still_refused(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    """The copy opens without following links, so a file replaced by a link after the form was checked is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:password-hash")
    source = tmp_path / "report.pdf"
    source.symlink_to(secret)
    from resilience_app.core.storage.evidence_files import FileRefused

    with pytest.raises(FileRefused) as caught:
        service.evidence_files.store(assessment_id, source, max_bytes=MAX_FILE_BYTES)
    assert caught.value.reason == "link"


@posix_only
def test_a_named_pipe_is_refused_at_once_with_the_right_message(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    pipe = tmp_path / "data.csv"
    os.mkfifo(pipe)
    outcome: list[str] = []
    worker = threading.Thread(target=lambda: outcome.append(_refused(service, assessment_id, pipe)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "attaching a named pipe hung"
    assert "not an ordinary file" in outcome[0]


@posix_only
def test_a_device_is_refused_with_the_right_message(service: ResilienceService, assessment_id: int) -> None:
    assert "not an ordinary file" in _refused(service, assessment_id, Path("/dev/zero"))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs a /proc file system")
def test_a_proc_file_that_claims_to_be_empty_is_refused(service: ResilienceService, assessment_id: int) -> None:
    assert os.stat("/proc/self/status").st_size == 0
    assert "changed while it was being copied" in _refused(service, assessment_id, Path("/proc/self/status"))


def test_a_file_growing_while_copied_is_refused_without_filling_the_disk(
    service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked once before copying; the copy stops as soon as the file is longer than that."""
    growing = tmp_path / "log.txt"
    growing.write_bytes(b"x" * 1000)
    real_fdopen = os.fdopen

    class GrowsWhileRead:
        """The opened file, with another program appending 5 MB as soon as the copy starts reading."""

        def __init__(self, handle: typing.BinaryIO) -> None:
            self.handle = handle

        def __getattr__(self, name: str) -> object:
            return getattr(self.handle, name)

        def __enter__(self) -> GrowsWhileRead:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, size: int = -1) -> bytes:
            with growing.open("ab") as writer:
                writer.write(b"y" * (5 * 1024 * 1024))
            return self.handle.read(size)

    def fdopen_that_grows(descriptor: int, mode: str = "rb") -> GrowsWhileRead:
        return GrowsWhileRead(real_fdopen(descriptor, mode))

    monkeypatch.setattr("resilience_app.core.storage.evidence_files.os.fdopen", fdopen_that_grows)
    assert "changed while it was being copied" in _refused(service, assessment_id, growing)


def test_the_size_kept_is_the_size_copied(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-" + b"0" * 4091)
    question = next(service.framework().questions()).id
    added = service.add_evidence(assessment_id, question, EvidenceDraft("Plan", source_file=source))
    assert added.file_size == 4096


def test_a_name_hiding_its_extension_is_shown_as_it_is_on_disk() -> None:
    tricky = "report\u202efdp.exe"
    shown = shown_file_name(tricky)
    assert shown == "report[U+202E]fdp.exe"
    assert "\u202e" not in shown
    assert shown_file_name("خطة\u200cالمياه.pdf") == "خطة\u200cالمياه.pdf", "letter joiners are not formatting tricks"


def test_programs_and_scripts_are_never_opened_documents_are(tmp_path: Path) -> None:
    for program in ("x.exe", "x.bat", "x.cmd", "x.ps1", "x.vbs", "x.js", "x.sh", "x.lnk", "x.desktop", "x.jar", "x.msi", "x.scr", "x.html", "x"):
        assert not opens_in_a_viewer(tmp_path / program), program
    for document in ("x.pdf", "x.DOCX", "x.xlsx", "x.csv", "x.png", "x.jpg", "x.odt"):
        assert opens_in_a_viewer(tmp_path / document), document
