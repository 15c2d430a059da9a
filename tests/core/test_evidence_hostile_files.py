"""Evidence files an attacker (or an unlucky user) chooses: links, pipes, devices, files that
grow while copied, /proc files that claim to be empty, and names that hide their extension."""

from __future__ import annotations

import os
import threading
import typing
from pathlib import Path

import pytest

from resilience_app.core.assessment.evidence_rules import MAX_FILE_BYTES, opens_in_a_viewer
from resilience_app.core.assessment.records import AssessmentDetails, EvidenceDraft
from resilience_app.core.errors import InvalidInputError
from resilience_app.core.services import ResilienceService
from resilience_app.core.text_rules import shown_file_name

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, pipes and devices as POSIX makes them")


@pytest.fixture
def assessment_id(service: ResilienceService) -> int:
    return service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa")).id


def _refused(service: ResilienceService, assessment_id: int, source: Path) -> str:
    question = next(service.framework().questions()).id
    with pytest.raises(InvalidInputError) as caught:
        service.assessments.add_evidence(assessment_id, question, EvidenceDraft("Report", source_file=source))
    assert service.assessments.evidence(assessment_id) == {}
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


class _ChangedWhileRead:
    """The opened file, with another program changing it as soon as the copy starts reading."""

    def __init__(self, handle: typing.BinaryIO, change: typing.Callable[[], None]) -> None:
        self.handle, self.change = handle, change

    def __getattr__(self, name: str) -> object:
        return getattr(self.handle, name)

    def __enter__(self) -> _ChangedWhileRead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def read(self, size: int = -1) -> bytes:
        self.change()
        self.change = lambda: None
        return self.handle.read(size)


def _changed_while_copied(monkeypatch: pytest.MonkeyPatch, change: typing.Callable[[], None]) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        "resilience_app.core.storage.evidence_files.os.fdopen", lambda descriptor, mode="rb": _ChangedWhileRead(real_fdopen(descriptor, mode), change)
    )


def test_a_file_growing_while_copied_is_refused_without_filling_the_disk(
    service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked once before copying; the copy stops as soon as the file is longer than that."""
    growing = tmp_path / "log.txt"
    growing.write_bytes(b"x" * 1000)

    def append() -> None:
        with growing.open("ab") as writer:
            writer.write(b"y" * (5 * 1024 * 1024))

    _changed_while_copied(monkeypatch, append)
    assert "changed while it was being copied" in _refused(service, assessment_id, growing)


def test_a_file_cut_short_while_copied_is_refused_not_kept_half(
    service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "big.pdf"
    report.write_bytes(b"A" * (3 * 1024 * 1024))
    _changed_while_copied(monkeypatch, lambda: os.truncate(report, 1024 * 1024 + 10))
    assert "changed while it was being copied" in _refused(service, assessment_id, report)


def test_a_file_saved_over_while_copied_is_refused_not_kept_mixed(
    service: ResilienceService, assessment_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saving in place while the copy runs: same size, new content."""
    plan = tmp_path / "plan.docx"
    plan.write_bytes(b"O" * (3 * 1024 * 1024))

    def save_over() -> None:
        with plan.open("r+b") as writer:
            writer.write(b"N" * (3 * 1024 * 1024))
        stamp = os.stat(plan).st_mtime_ns + 2_000_000_000  # a later modification time, as a save gives
        os.utime(plan, ns=(stamp, stamp))

    _changed_while_copied(monkeypatch, save_over)
    assert "changed while it was being copied" in _refused(service, assessment_id, plan)


@posix_only
def test_a_name_that_is_not_valid_text_or_holds_a_nul_is_refused_plainly(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    foreign = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/rep\xffort.pdf"))  # from a zip made on another system
    foreign.write_bytes(b"%PDF-")
    assert "not valid text" in _refused(service, assessment_id, foreign)
    assert "not valid text" in _refused(service, assessment_id, Path(f"{tmp_path}/a\x00b.pdf"))


def test_the_size_kept_is_the_size_copied(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-" + b"0" * 4091)
    question = next(service.framework().questions()).id
    added = service.assessments.add_evidence(assessment_id, question, EvidenceDraft("Plan", source_file=source))
    assert added.file_size == 4096


def test_a_name_hiding_its_extension_is_shown_as_it_is_on_disk() -> None:
    tricky = "report\u202efdp.exe"
    shown = shown_file_name(tricky)
    assert shown == "report[U+202E]fdp.exe"
    assert "\u202e" not in shown
    assert shown_file_name("خطة\u200cالمياه 2025.pdf") == "خطة\u200cالمياه 2025.pdf", "letter joiners and plain spaces are not tricks"
    assert shown_file_name("budget.pdf\n\n.exe") == "budget.pdf[U+000A][U+000A].exe"
    assert shown_file_name("report.pdf\u3164\u3164.exe") == "report.pdf[U+3164][U+3164].exe"
    assert shown_file_name("a\u2800\u3000\u2028b") == "a[U+2800][U+3000][U+2028]b"


def test_an_extension_followed_by_a_line_break_is_not_kept(service: ResilienceService, assessment_id: int, tmp_path: Path) -> None:
    source = tmp_path / "x.pdf\n"
    source.write_bytes(b"%PDF-")
    question = next(service.framework().questions()).id
    added = service.assessments.add_evidence(assessment_id, question, EvidenceDraft("Report", source_file=source))
    kept = service.assessments.evidence_file(added)
    assert kept is not None and "\n" not in kept.name and kept.suffix == ""


def test_programs_and_scripts_are_never_opened_documents_are(tmp_path: Path) -> None:
    programs = ("x.exe", "x.bat", "x.cmd", "x.ps1", "x.vbs", "x.js", "x.sh", "x.lnk", "x.desktop", "x.jar", "x.msi", "x.scr", "x.html", "x.hta", "x.url", "x")
    with_macros_or_contents = ("x.doc", "x.xls", "x.ppt", "x.docm", "x.xlsm", "x.rtf", "x.xml", "x.zip", "x.7z", "x.rar")
    for program in programs + with_macros_or_contents:
        assert not opens_in_a_viewer(tmp_path / program), program
    for document in ("x.pdf", "x.DOCX", "x.xlsx", "x.csv", "x.png", "x.jpg", "x.odt"):
        assert opens_in_a_viewer(tmp_path / document), document
