"""Where an export proposes to save (a folder that exists), and a cancelled export leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from resilience_app.core.cancellation import Cancelled, cancellable
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.file_export import proposed_export_folder, writing_in_place


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with no Documents in it (and no user-dirs file naming one)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


def test_the_documents_folder_is_created_when_missing(home: Path) -> None:
    assert not (home / "Documents").exists()
    assert proposed_export_folder() == home / "Documents"
    assert (home / "Documents").is_dir()


def test_the_last_folder_is_proposed_while_it_exists(home: Path, tmp_path: Path) -> None:
    last = tmp_path / "reports"
    last.mkdir()
    assert proposed_export_folder(str(last)) == last
    last.rmdir()
    assert proposed_export_folder(str(last)) == home / "Documents"  # gone: the documents folder again


@pytest.mark.parametrize("last", ["~nosuchuser/exports", "x" * 300, "/tmp/\x00nul"])
def test_a_last_folder_that_cannot_even_be_looked_at_gives_way_to_the_documents_folder(home: Path, last: str) -> None:
    """A hand-edited setting (an unknown ~user, a name too long for the system): the export still opens."""
    proposed = proposed_export_folder(last)
    assert proposed.is_dir() and proposed.name == "Documents"


def test_home_when_the_documents_folder_cannot_be_made(home: Path) -> None:
    (home / "Documents").write_text("a file where the folder would be", encoding="utf-8")
    assert proposed_export_folder("") == home


def _unwritable(target: Path, reason: str) -> UserFacingError:
    return UserFacingError(f"{target}: {reason}", code=ErrorCode.EXPORT_FAILED)


def test_a_cancelled_export_discards_its_file_and_leaves_the_existing_one_whole(tmp_path: Path) -> None:
    data_dir, folder = tmp_path / "data", tmp_path / "out"
    data_dir.mkdir()
    folder.mkdir()
    target = folder / "brief.pdf"
    target.write_bytes(b"the brief sent last week")
    with cancellable(lambda: True), pytest.raises(Cancelled):  # noqa: PT012 - the cancel comes at the end of the block
        with writing_in_place(data_dir, target, prefix=".brief-", suffix=".pdf.part", unwritable=_unwritable) as temporary:
            temporary.write_bytes(b"%PDF the new one")
    assert target.read_bytes() == b"the brief sent last week"
    assert [path.name for path in folder.iterdir()] == ["brief.pdf"]  # no part file left


def test_without_a_cancel_the_file_is_moved_into_place(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    target = tmp_path / "brief.pdf"
    with cancellable(lambda: False), writing_in_place(data_dir, target, prefix=".brief-", suffix=".pdf.part", unwritable=_unwritable) as temporary:
        temporary.write_bytes(b"%PDF the new one")
    assert target.read_bytes() == b"%PDF the new one"
