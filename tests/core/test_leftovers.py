"""What a killed run leaves behind is gone at the next start, and nothing else is touched.

The sample and the brief are killed for real (SIGKILL) while they are being made. A kill
inside an evidence copy or a restore cannot be timed, so those tests lay down the exact
files such a kill leaves (the names `EvidenceFolder.store` and `restore_copy` use).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resilience_app.core.assessment.records import AssessmentDetails, EvidenceDraft
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import SAMPLE_CITY, create_sample
from resilience_app.core.services import ResilienceService
from resilience_app.core.temporary_files import RECORDS_DIR_NAME, discard_temporary_file, new_temporary_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and the kills' files are tested on POSIX")
_ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _start(data_dir: Path, *command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "resilience_app", "--data-dir", str(data_dir), *command],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV,
    )


def _kill_when(process: subprocess.Popen[bytes], ready: object, *, timeout: float = 120) -> None:
    """SIGKILL `process` as soon as `ready()` is true (polled), failing if it ends first."""
    deadline = time.monotonic() + timeout
    while not ready():  # type: ignore[operator]
        assert process.poll() is None, "the run ended before it could be killed half-way"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def _answers_saved(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.05) as connection:
            return int(connection.execute("select count(*) from answers").fetchone()[0])
    except sqlite3.Error:  # not made yet, or busy for a moment
        return 0


def test_a_demo_killed_half_way_is_never_listed_as_the_sample_and_is_gone_at_the_next_start(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "data")
    ResilienceService.open(paths).close()  # the folder and its database exist before the demo
    _kill_when(_start(paths.data_dir, "demo"), lambda: _answers_saved(paths.database_file) >= 20)
    with sqlite3.connect(paths.database_file) as connection:  # what the killed run left, as stored
        left = connection.execute("select city_name_en, city_name_ar, is_sample from assessments").fetchall()
    assert len(left) == 1 and left[0][2]
    assert left[0][0] != f"{SAMPLE_CITY['en']} (sample)" and "being made" in left[0][0]  # not under the sample's name
    assert _answers_saved(paths.database_file) < 150

    service = ResilienceService.open(paths)  # the next start
    assert service.assessments.list_assessments() == []
    with sqlite3.connect(paths.database_file) as connection:
        assert connection.execute("select count(*) from answers").fetchone() == (0,)  # its answers went with it
    record = create_sample(service, "en")  # and a sample made now is whole, under the sample's name, with its baseline round
    summaries = service.assessments.list_assessments()
    assert len(summaries) == 2 and all(s.record.city_name("en") == "Wadi Al-Zuhur (sample)" and s.progress == 1.0 for s in summaries)
    assert record.city_name("en") == "Wadi Al-Zuhur (sample)"
    service.close()


def test_a_sample_that_fails_half_way_is_removed_at_once(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    service = ResilienceService.open(app_paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Madaba"))
    import resilience_app.core.sample as sample

    def failing_register(*_args: object, **_kwargs: object) -> list[int]:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(sample, "add_sample_register", failing_register)
    with pytest.raises(RuntimeError):
        create_sample(service, "ar")
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Madaba"]
    service.close()


def test_an_export_killed_half_way_leaves_no_temporary_file_after_the_next_start(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "data")
    service = ResilienceService.open(paths)
    record = create_sample(service, "en")
    service.close()
    out = tmp_path / "exports"
    out.mkdir()
    mine = out / ".brief-mine.pdf.part"  # the user's own file of the same pattern: never the app's to delete
    mine.write_bytes(b"mine")
    export = _start(paths.data_dir, "export-pdf", str(record.id), "--lang", "ar", "--out", str(out / "brief.pdf"))
    _kill_when(export, lambda: len(list(out.glob(".brief-*.pdf.part"))) == 2)
    [left] = [path for path in out.glob(".brief-*.pdf.part") if path != mine]
    assert not (out / "brief.pdf").exists()

    ResilienceService.open(paths).close()  # the next start
    assert not left.exists()
    assert mine.read_bytes() == b"mine"
    assert list(out.iterdir()) == [mine]
    assert list((paths.data_dir / RECORDS_DIR_NAME).iterdir()) == []


def test_a_whole_export_leaves_no_temporary_file_and_no_record(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Karak"))
    out = tmp_path / "exports"
    out.mkdir()
    service.export_brief(record.id, language="en", path=out / "brief.pdf")
    service.close()
    assert [path.name for path in out.iterdir()] == ["brief.pdf"]
    assert list((app_paths.data_dir / RECORDS_DIR_NAME).iterdir()) == []


_KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from resilience_app.core.temporary_files import new_temporary_file
data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
replaced = new_temporary_file(data_dir, out, prefix=".brief-", suffix=".pdf.part")
half = new_temporary_file(data_dir, out, prefix=".brief-", suffix=".pdf.part")
half.write_bytes(b"half a brief")
print(replaced, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_recorded_temporary_file_replaced_by_another_file_is_not_deleted(app_paths: AppPaths, tmp_path: Path) -> None:
    app_paths.ensure_writable()
    out = tmp_path / "exports"
    out.mkdir()
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_WRITING, str(app_paths.data_dir), str(out)], capture_output=True, text=True, timeout=60, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    replaced = Path(killed.stdout.strip())
    [half] = [path for path in out.iterdir() if path != replaced]
    # After the kill, someone else makes a file of that very name. Made beside it and moved over it, so it is another
    # file (another inode): unlinked first, the file system may give the new file the old one's inode, and then it is
    # the same file by every test the app can make (this failed about one run in five).
    newcomer = out / "someone-else.tmp"
    newcomer.write_bytes(b"someone else's file, made there since")
    os.replace(newcomer, replaced)
    ResilienceService.open(app_paths).close()
    assert replaced.read_bytes() == b"someone else's file, made there since"
    assert not half.exists()
    assert list((app_paths.data_dir / RECORDS_DIR_NAME).iterdir()) == []


def test_partial_evidence_copies_and_a_restoring_copy_are_removed_at_the_next_start(app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Tafilah"))
    question = next(iter(service.framework().questions())).id
    source = tmp_path / "report.txt"
    source.write_text("evidence", encoding="utf-8")
    service.assessments.add_evidence(record.id, question, EvidenceDraft("Report", source_file=source))
    service.close()
    folder = app_paths.evidence_dir / f"assessment-{record.id}"
    [kept] = list(folder.iterdir())
    partial = folder / ".0123456789abcdef0123456789abcdef.partial"  # a kill inside `EvidenceFolder.store`
    partial.write_bytes(b"half a file" * 1000)
    outside = tmp_path / "not-the-apps.txt"
    outside.write_text("stays", encoding="utf-8")
    link = folder / ".fedcba9876543210fedcba9876543210.partial"
    link.symlink_to(outside)  # a link is never followed: the file it points to stays
    restoring = app_paths.database_file.with_name(app_paths.database_file.name + ".restoring")  # a kill inside `restore_copy`
    restoring.write_bytes(b"\0" * 1_000_000)

    service = ResilienceService.open(app_paths)
    assert not partial.exists() and not restoring.exists()
    assert outside.read_text(encoding="utf-8") == "stays"
    assert kept.read_text(encoding="utf-8") == "evidence"
    assert [entry.title for entry in service.assessments.evidence(record.id)[question]] == ["Report"]
    service.close()


def test_a_second_opening_in_the_same_process_leaves_its_own_work_alone(app_paths: AppPaths, tmp_path: Path) -> None:
    first = ResilienceService.open(app_paths)  # e.g. the window, exporting a brief in a worker...
    temporary = new_temporary_file(app_paths.data_dir, tmp_path, prefix=".brief-", suffix=".pdf.part")
    second = ResilienceService.open(app_paths)  # ...while a command it runs opens the folder too
    assert temporary.exists()
    second.close()
    discard_temporary_file(app_paths.data_dir, temporary)
    first.close()
    assert not temporary.exists()


def test_a_record_killed_while_it_was_being_written_is_removed_at_the_next_start(tmp_path: Path) -> None:
    """A run killed between writing a temporary file's record and putting the record in place leaves the record's
    staging copy; the next start removes it with the other leftovers."""
    paths = AppPaths.under(tmp_path / "data")
    ResilienceService.open(paths).close()
    records = paths.data_dir / RECORDS_DIR_NAME
    records.mkdir(exist_ok=True)
    staging = records / ".0123456789abcdef0123456789abcdef.json.1a2b3c4d"
    staging.write_text('{"path": "/somewhere/.brief-1.pdf.part"', encoding="utf-8")  # cut short by the kill
    ResilienceService.open(paths).close()
    assert list(records.iterdir()) == []
