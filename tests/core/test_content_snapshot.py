"""The content snapshot: a start-up reads validated content from one file instead of parsing the YAML,
and every doubt about that file (stale, corrupt, foreign, unwritable) ends in parsing, never in a failure."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from resilience_app.core import resources
from resilience_app.core.content import load_content, loader, snapshot
from resilience_app.core.content.model import Content
from resilience_app.core.context import ContentInvalidError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from tests.core.test_content_loader import FRAMEWORK, INDICATORS, write

pytestmark = pytest.mark.parses_content  # about the first start: no snapshot copied in

BROKEN_FRAMEWORK = """\
schema: 1
kind: framework
id: crf
version: "1.0"
name: {en: Framework}
description: {en: About it, ar: عنه}
levels: {}
qualities: []
dimensions: []
"""


class ParseCounter:
    """Counts the YAML files the loader reads; `refuse()` makes any further read fail the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.refused = False
        real = loader.read_yaml

        def counting(path: Path) -> object:
            if self.refused:
                raise AssertionError(f"{path} was parsed although the snapshot should have been used")
            self.count += 1
            return real(path)

        monkeypatch.setattr(loader, "read_yaml", counting)

    def refuse(self) -> None:
        self.refused = True


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may edit."""
    return Path(shutil.copytree(resources.forms_dir(), tmp_path / "forms"))


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A small valid content set (a framework and one goal's indicators): quick to parse."""
    folder = tmp_path / "small"
    (folder / "crf").mkdir(parents=True)
    write(folder / "crf", "framework.yaml", FRAMEWORK)
    write(folder / "crf", "goal-1.yaml", INDICATORS)
    return folder


def content_of(paths: AppPaths, forms: Path) -> Content:
    """What a fresh service (a new start of the app) gets as its content."""
    service = ResilienceService(paths, content_paths=[forms])
    try:
        return service.content
    finally:
        service.close()


@pytest.fixture
def app_paths(app_paths: AppPaths) -> Iterator[AppPaths]:
    app_paths.ensure_writable()
    yield app_paths


def files_in(folder: Path) -> int:
    return len(loader.content_files([folder]))


def snapshot_file(paths: AppPaths) -> Path:
    return paths.cache_dir / snapshot.CONTENT_SNAPSHOT_FILE_NAME


def test_the_second_start_reads_the_snapshot_not_the_yaml(app_paths: AppPaths, parses: ParseCounter) -> None:
    service = ResilienceService.open(app_paths)
    try:
        parsed = service.content
    finally:
        service.close()
    assert parses.count == files_in(resources.forms_dir()) > 1
    assert snapshot_file(app_paths).is_file()

    parses.refuse()
    service = ResilienceService.open(app_paths)
    try:
        from_snapshot = service.content
        assert from_snapshot == parsed
        assert from_snapshot.default_framework is not None
        assert from_snapshot.default_framework.question_count == parsed.default_framework.question_count  # type: ignore[union-attr]
        question = next(from_snapshot.default_framework.questions())
        assert question.prompt.in_language("ar") and question.prompt.translations["en"]
        assert service.framework().question(question.id) == question
    finally:
        service.close()


def test_the_snapshot_holds_plain_values_not_the_yaml_readers(app_paths: AppPaths, forms: Path) -> None:
    content_of(app_paths, forms)
    key = snapshot.snapshot_key([forms])
    assert key is not None
    content = snapshot.read_snapshot(snapshot_file(app_paths), key)
    assert content is not None
    scales = [question.numeric for framework in content.frameworks for question in framework.questions() if question.numeric]
    assert scales
    assert all(type(threshold) in (int, float) for scale in scales for threshold in scale.thresholds)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_snapshot_is_owner_only(app_paths: AppPaths, small: Path) -> None:
    content_of(app_paths, small)
    assert stat.S_IMODE(snapshot_file(app_paths).stat().st_mode) == 0o600
    assert stat.S_IMODE(app_paths.cache_dir.stat().st_mode) == 0o700
    assert [path.name for path in app_paths.cache_dir.iterdir()] == [snapshot.CONTENT_SNAPSHOT_FILE_NAME]  # no temporary left


def test_editing_one_byte_of_one_file_makes_the_snapshot_stale(app_paths: AppPaths, forms: Path, parses: ParseCounter) -> None:
    before = content_of(app_paths, forms)
    goal = forms / "crf" / "goal-1.yaml"
    text = goal.read_bytes()
    question = next(before.frameworks[0].questions())
    english = question.prompt.translations["en"]
    opening = " ".join(english.split()[:4]).encode()  # on the prompt's first line in the file
    assert opening in text
    goal.write_bytes(text.replace(opening, opening[:1] + b"X" + opening[2:], 1))  # one byte changed, same size
    edited = english[:1] + "X" + english[2:]

    parses.count = 0
    after = content_of(app_paths, forms)
    assert parses.count == files_in(forms)
    assert after.frameworks[0].question(question.id).prompt.translations["en"] == edited  # type: ignore[union-attr]

    parses.refuse()  # and the edited set is what is snapshotted now
    assert content_of(app_paths, forms) == after


def test_renaming_a_file_or_a_new_app_version_makes_the_snapshot_stale(
    app_paths: AppPaths, forms: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = snapshot.snapshot_key([forms])
    (forms / "glossary.yaml").rename(forms / "glossary-terms.yaml")
    renamed = snapshot.snapshot_key([forms])
    assert None not in (key, renamed) and renamed != key
    monkeypatch.setattr(snapshot, "__version__", "99.0")
    assert snapshot.snapshot_key([forms]) not in (key, renamed)


def test_the_key_covers_the_code_of_every_module_that_builds_content(forms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to the loader, any of its readers or the YAML reader makes old snapshots stale."""
    builders = {
        Path(str(module.__file__))
        for name, module in list(sys.modules.items())
        if name.startswith("resilience_app.core.content.") and getattr(module, "__file__", None)
    }
    assert {"loader.py", "yaml_source.py", "model.py", "fields.py", "stakeholders.py"} <= {path.name for path in builders}
    assert builders <= set(snapshot.builder_sources())
    key = snapshot.snapshot_key([forms])
    edited = snapshot.builder_sources()[-1]
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: real_read_bytes(path) + (b"#" if path == edited else b""))
    assert snapshot.snapshot_key([forms]) not in (key, None)


def test_the_key_does_not_depend_on_where_the_content_is_installed(tmp_path: Path, forms: Path) -> None:
    elsewhere = Path(shutil.copytree(forms, tmp_path / "moved" / "forms"))
    assert snapshot.snapshot_key([forms]) == snapshot.snapshot_key([elsewhere]) is not None


def _foreign_object() -> bytes:
    return pickle.dumps(os.getcwd)  # a callable from another module: must never be built


@pytest.mark.parametrize(
    "damage",
    ["truncated", "garbage", "empty", "stale-key", "foreign-class", "not-content", "missing-field"],
)
def test_a_damaged_snapshot_is_ignored_and_rewritten(app_paths: AppPaths, small: Path, parses: ParseCounter, damage: str) -> None:
    parsed = content_of(app_paths, small)
    file = snapshot_file(app_paths)
    good = file.read_bytes()
    key = snapshot.snapshot_key([small])
    assert key is not None
    header = good[: good.index(key.encode()) + len(key) + 1]
    damaged = {
        "truncated": good[: len(good) // 2],
        "garbage": os.urandom(4096),
        "empty": b"",
        "stale-key": header.replace(key.encode(), b"0" * len(key)) + good[len(header):],
        "foreign-class": header + _foreign_object(),
        "not-content": header + pickle.dumps(["not", "content"]),
        "missing-field": header + pickle.dumps(Content.__new__(Content)),
    }[damage]
    file.write_bytes(damaged)

    parses.count = 0
    assert content_of(app_paths, small) == parsed
    assert parses.count == files_in(small)  # parsed again
    assert file.read_bytes() == good  # and rewritten
    parses.refuse()
    assert content_of(app_paths, small) == parsed


def test_an_unwritable_cache_folder_still_gives_the_content(app_paths: AppPaths, small: Path, parses: ParseCounter) -> None:
    app_paths.cache_dir.write_bytes(b"a file where the cache folder should be")  # works even as root
    first = content_of(app_paths, small)
    second = content_of(app_paths, small)
    assert first == second == load_content([small]).content
    assert parses.count == 3 * files_in(small)  # every start parses: nothing could be cached
    assert app_paths.cache_dir.read_bytes().startswith(b"a file")


def test_a_full_disk_while_writing_leaves_no_half_file(app_paths: AppPaths, small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshot.os, "replace", full_disk)
    assert content_of(app_paths, small) == load_content([small]).content
    assert list(app_paths.cache_dir.iterdir()) == []


def test_a_missing_content_file_is_reported_not_fingerprinted(app_paths: AppPaths, small: Path) -> None:
    missing = small / "no-such-file.yaml"
    assert snapshot.snapshot_key([small, missing]) is None
    with pytest.raises(ContentInvalidError) as caught:
        ResilienceService(app_paths, content_paths=[small, missing]).content  # noqa: B018
    assert [problem.code for problem in caught.value.result.errors] == ["file-unreadable"]
    assert not snapshot_file(app_paths).exists()


def test_content_with_errors_is_never_snapshotted_and_its_errors_are_reported_each_time(
    app_paths: AppPaths, small: Path
) -> None:
    (small / "crf" / "framework.yaml").write_text(BROKEN_FRAMEWORK, encoding="utf-8")
    for _start in range(2):
        with pytest.raises(ContentInvalidError) as caught:
            content_of(app_paths, small)
        first = caught.value.result.errors[0]
        assert first.file == small / "crf" / "framework.yaml" and first.line is not None
        assert f"framework.yaml:{first.line}" in caught.value.message
        assert not snapshot_file(app_paths).exists()


def test_a_snapshot_from_a_valid_set_is_not_used_once_the_set_has_errors(app_paths: AppPaths, small: Path) -> None:
    content_of(app_paths, small)
    assert snapshot_file(app_paths).exists()
    (small / "crf" / "framework.yaml").write_text(BROKEN_FRAMEWORK, encoding="utf-8")
    with pytest.raises(ContentInvalidError):
        content_of(app_paths, small)


def test_validate_content_always_parses(app_paths: AppPaths, parses: ParseCounter, capsys: pytest.CaptureFixture[str]) -> None:
    from resilience_app.cli import main

    content_of(app_paths, resources.forms_dir())
    assert snapshot_file(app_paths).exists()
    parses.count = 0
    assert main(["--data-dir", str(app_paths.data_dir), "--lang", "en", "validate-content"]) == 0
    assert parses.count == files_in(resources.forms_dir())
    assert "0 errors" in capsys.readouterr().out
