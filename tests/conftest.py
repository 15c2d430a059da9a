"""Shared fixtures. Qt runs headless; every test gets its own data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from resilience_app.core import context, formatting, i18n, resources
from resilience_app.core.content import ContentLoadResult
from resilience_app.core.content.snapshot import CONTENT_SNAPSHOT_FILE_NAME, load_content_via_snapshot
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage import database as storage_database
from resilience_app.core.storage.database import Database, stored_revision

_seeding = {"on": True}
_snapshot: dict[str, Path] = {}  # "made": the session's validated content snapshot


def seed_content_cache(paths: AppPaths) -> None:
    """Put the session's content snapshot in the cache of `paths`, for a child process to start from.

    A test that starts the app in another process gets no help from the patch below; seeded, the
    child reads the content as a second start does (its key check still decides whether it is used).
    """
    paths.cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = paths.cache_dir / CONTENT_SNAPSHOT_FILE_NAME
    if not target.exists():
        _copy_private(_snapshot["made"], target)


def _copy_private(source: Path, target: Path) -> None:
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # owner-only, as the app writes it
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(source.read_bytes())


@pytest.fixture(scope="session", autouse=True)
def _content_parsed_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Parse the shipped content once per test session, not once per data folder.

    The validated snapshot made by the first service is copied into each new data folder's cache
    before the app looks there, so every later start reads it as a second start does (the
    snapshot's own key check still decides whether it is used). Tests about the first start
    itself are marked `parses_content` and see an empty cache, as a new user does.
    """
    made = AppPaths.under(tmp_path_factory.mktemp("content-once")).cache_dir / CONTENT_SNAPSHOT_FILE_NAME
    load_content_via_snapshot([resources.forms_dir()], made)
    _snapshot["made"] = made

    def seeded(paths: Sequence[Path], snapshot_file: Path) -> ContentLoadResult:
        if _seeding["on"] and made.is_file() and snapshot_file.parent.parent.is_dir() and not snapshot_file.exists():
            snapshot_file.parent.mkdir(exist_ok=True, mode=0o700)  # as the app makes it; the data folder is the app's
            _copy_private(made, snapshot_file)
        return load_content_via_snapshot(paths, snapshot_file)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(context, "load_content_via_snapshot", seeded)
        yield


@pytest.fixture(scope="session", autouse=True)
def _migrated_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Run the migrations once per test session; each new SQLite database starts as a copy of that one.

    The copy is made only where the app would migrate a new, empty file (no revision stored yet), so
    every check before it (vanished, damaged, foreign, newer databases) runs as for a user. Tests about
    migrating a new database itself are marked `parses_content` and migrate as a new user's first start does.
    """
    template = tmp_path_factory.mktemp("migrated-once") / "template.sqlite3"
    made = Database(f"sqlite:///{template}")
    made.migrate()
    made.dispose()
    migrate = Database.migrate

    def from_template(self: Database) -> None:
        if _seeding["on"] and self.file is not None and self.file.is_file():
            with self.engine.connect() as connection:
                fresh = stored_revision(connection) is None and not connection.exec_driver_sql("SELECT 1 FROM sqlite_master").first()
            if fresh:
                self.engine.dispose()  # no pooled connection may hold the file it is about to become
                self.file.write_bytes(template.read_bytes())
                return
        migrate(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage_database.Database, "migrate", from_template)
        yield


@pytest.fixture(autouse=True)
def _first_start_when_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    _seeding["on"] = request.node.get_closest_marker("parses_content") is None
    yield
    _seeding["on"] = True


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English with default digit settings, whatever the last one did."""
    i18n.set_language("en")
    formatting.use_arabic_indic_digits, formatting.arabic_months = True, "levant"
    yield
    i18n.set_language("en")
    formatting.use_arabic_indic_digits, formatting.arabic_months = True, "levant"


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "data")


@pytest.fixture
def service(app_paths: AppPaths) -> Iterator[ResilienceService]:
    """A service on the test's own data folder, for the tests that go through it."""
    service = ResilienceService.open(app_paths)
    yield service
    service.close()


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest) -> str:
    """Run a test once in English and once in Arabic."""
    i18n.set_language(request.param)
    return str(request.param)
