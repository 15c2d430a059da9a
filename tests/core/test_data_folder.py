"""The data folder: only what is the app's own is made owner-only; racing starts and a full disk are told truly.

Tests run as root, who ignores permissions: they assert on modes and messages, never on access failures.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import OWN_FOLDER_MARKER, PRIVATE_FOLDER_NAME, AppPaths
from resilience_app.core.services import ResilienceService

pytestmark = pytest.mark.skipif(os.name != "posix", reason="owner-only modes are a POSIX matter")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def quiet_log() -> Iterator[None]:
    """The command line adds a log file handler; leave logging as other tests expect it."""
    yield
    logger = logging.getLogger("resilience_app")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


# -- item 9: a shared folder keeps its permissions ------------------------------------------


def test_a_shared_folder_keeps_its_permissions_and_the_data_go_in_a_private_folder_inside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet_log: None
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: everyone's
    colleague = shared / "colleague.txt"
    colleague.write_text("theirs", encoding="utf-8")
    colleague.chmod(0o644)

    assert main(["--data-dir", str(shared), "demo"]) == 0
    assert main(["--data-dir", str(shared), "list"]) == 0
    assert "Wadi Al-Zuhur (sample)" in capsys.readouterr().out  # the same place is found again
    assert _mode(shared) == 0o1777 and _mode(colleague) == 0o644
    private = shared / PRIVATE_FOLDER_NAME
    assert _mode(private) == 0o700 and (private / "resilience.sqlite3").exists()
    assert not (shared / "resilience.sqlite3").exists() and not (shared / "backups").exists()
    assert "open to others and not the app's own folder" in (private / "logs" / "resilience-app.log").read_text(encoding="utf-8")


def test_an_owner_only_folder_that_is_not_the_apps_is_used_as_it_is(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    paths = AppPaths.under(mine)
    assert paths.data_dir == mine  # private already: nothing to hide it from
    ResilienceService.open(paths).close()
    assert (mine / "resilience.sqlite3").exists() and not (mine / OWN_FOLDER_MARKER).exists()


@pytest.mark.parametrize("command", [["list"], ["content"], ["validate-content"], ["version"], ["backups"]])
def test_a_command_that_only_reads_changes_no_permissions(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str], quiet_log: None
) -> None:
    paths = AppPaths.under(tmp_path / "data")
    ResilienceService.open(paths).close()  # the app's own folder...
    ResilienceService.open(paths).close()  # (a start-up backup: its folder too)
    opened = [paths.data_dir, paths.config_dir, paths.log_dir, paths.backups_dir]
    for folder in opened:
        folder.chmod(0o755)  # ...opened to others by hand
    assert main(["--data-dir", str(tmp_path / "data"), *command]) == 0
    capsys.readouterr()
    assert [_mode(folder) for folder in opened] == [0o755] * 4


def test_a_folder_the_app_made_is_its_own_by_its_marker_and_is_tightened_by_a_command_that_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet_log: None
) -> None:
    folder = tmp_path / "new"
    assert main(["--data-dir", str(folder), "version"]) == 0  # made by the app, no database yet
    assert (folder / OWN_FOLDER_MARKER).exists() and _mode(folder) == 0o700
    folder.chmod(0o755)
    assert AppPaths.under(folder).data_dir == folder  # not taken for someone else's shared folder
    assert main(["--data-dir", str(folder), "demo"]) == 0
    capsys.readouterr()
    assert _mode(folder) == 0o700 and (folder / "resilience.sqlite3").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a folder another user's needs root")
def test_a_private_folder_someone_else_made_in_a_shared_folder_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    planted = shared / PRIVATE_FOLDER_NAME
    planted.mkdir(mode=0o777)
    (planted / OWN_FOLDER_MARKER).write_bytes(b"")
    os.chown(planted, 65534, 65534)  # another user's, made to catch the data
    with pytest.raises(UserFacingError) as caught:
        ResilienceService.open(AppPaths.under(shared))
    assert caught.value.code == "data-dir-not-private"
    assert not (planted / "resilience.sqlite3").exists() and _mode(shared) == 0o777


# -- item 14: racing starts, a full disk ----------------------------------------------------

_START = """
import sys
from pathlib import Path
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
paths = AppPaths.under(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
try:
    service = ResilienceService.open(paths)
except UserFacingError as error:
    print(error.code, flush=True)
else:
    print("open", flush=True)
    sys.stdin.read()
    service.close()
"""


@pytest.mark.parametrize("folder_exists", [False, True])
def test_eight_racing_starts_on_one_folder_open_one_and_tell_the_others_it_is_open(tmp_path: Path, folder_exists: bool) -> None:
    for round_number in range(3):  # before the fix, about two rounds in three told someone "cannot be written"
        folder = tmp_path / f"round-{round_number}"
        if folder_exists:
            ResilienceService.open(AppPaths.under(folder)).close()
        starts = [
            subprocess.Popen([sys.executable, "-c", _START, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            for _ in range(8)
        ]
        try:
            for start in starts:
                assert start.stdout is not None and start.stdout.readline().strip() == "ready"
            for start in starts:  # all at once, each past its imports
                assert start.stdin is not None
                start.stdin.write("go\n")
                start.stdin.flush()
            outcomes = sorted(start.stdout.readline().strip() for start in starts if start.stdout is not None)
        finally:
            for start in starts:
                if start.stdin is not None:
                    start.stdin.close()
                start.wait(timeout=60)
        assert outcomes == ["already-open"] * 7 + ["open"], round_number


def _probe_fails_with(monkeypatch: pytest.MonkeyPatch, code: int, *, at: str) -> None:
    """A test double at the OS boundary, ONLY for the write probe (`.write-test-*`): os.open (creating it)
    or os.write (writing its bytes) fails with `code`; every other file is opened and written for real."""
    real = getattr(os, at)

    def is_probe(path: str) -> bool:
        return os.path.basename(path).startswith(".write-test-")

    def failing_open(path: str, *args: object, **kwargs: object) -> int:
        if is_probe(os.fsdecode(path)):
            raise OSError(code, os.strerror(code), path)
        return int(real(path, *args, **kwargs))

    def failing_write(handle: int, data: bytes) -> int:
        if is_probe(os.readlink(f"/proc/self/fd/{handle}")):
            raise OSError(code, os.strerror(code))
        return int(real(handle, data))

    monkeypatch.setattr(os, at, failing_open if at == "open" else failing_write)


@pytest.mark.parametrize(
    ("code", "at", "said"),
    [(errno.ENOSPC, "write", "is full"), (errno.EDQUOT, "write", "is full"), (errno.EROFS, "open", "read-only media")],
)
def test_a_data_folder_on_a_full_disk_or_read_only_media_opens_to_read_and_export(
    app_paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, at: str, said: str
) -> None:
    service = ResilienceService.open(app_paths)
    record = service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
    service.close()
    _probe_fails_with(monkeypatch, code, at=at)
    problem = app_paths.ensure_writable()
    assert said in problem and str(app_paths.data_dir) in problem  # the reason, kept for the window to show once
    service = ResilienceService.open(app_paths)
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == ["Irbid"]
    other_disk = tmp_path / "usb"
    other_disk.mkdir()
    exported = service.export_brief(record.id, language="ar", path=other_disk / "brief.pdf")
    service.close()
    assert exported.path.read_bytes().startswith(b"%PDF")


def test_a_folder_that_cannot_be_entered_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _probe_fails_with(monkeypatch, errno.EACCES, at="open")  # what a non-root user meets in someone else's folder
    with pytest.raises(UserFacingError) as caught:
        AppPaths.under(tmp_path / "data").ensure_writable()
    assert caught.value.code == "data-dir-unwritable" and "cannot be written" in caught.value.message


def _mount_tiny_filesystem(folder: Path) -> Callable[[], None] | None:
    """A 1 MB tmpfs with few inodes at `folder`, and how to unmount it; None where mounting is not permitted."""
    folder.mkdir()
    if shutil.which("mount") is None:
        return None
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,nr_inodes=64,mode=0700", "tmpfs", str(folder)],
                             capture_output=True, timeout=30, check=False)
    if mounted.returncode != 0:
        return None
    return lambda: subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30, check=False) and None


def _fill(folder: Path, *, inodes: bool) -> None:
    if inodes:
        while True:
            try:
                (folder / f"n{uuid.uuid4().hex}").touch()
            except OSError as error:
                assert error.errno == errno.ENOSPC
                return
    handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(handle, b"\0" * 65536 if os.fstatvfs(handle).f_bavail else b"\0")
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)


def test_a_really_full_filesystem_is_told_and_not_refused(tmp_path: Path) -> None:
    """On a real tiny filesystem, filled: no blocks left, then no inodes either (as root, permissions play no part)."""
    disk = tmp_path / "disk"
    unmount = _mount_tiny_filesystem(disk)
    if unmount is None:
        pytest.skip("mounting a tmpfs is not permitted here; the injected failures above cover the same probe")
    try:
        paths = AppPaths.under(disk / "data")
        assert not paths.ensure_writable()
        _fill(disk, inodes=False)
        assert "is full" in (paths.ensure_writable() or "")  # before the fix: nothing said (an empty probe file fits)
        _fill(disk, inodes=True)
        assert "is full" in (paths.ensure_writable() or "")  # before the fix: refused, "cannot be written"
        with pytest.raises(UserFacingError) as caught:  # a folder that cannot be made there is still refused
            AppPaths.under(disk / "other").ensure_writable()
        assert caught.value.code == "data-dir-unwritable"
    finally:
        unmount()
