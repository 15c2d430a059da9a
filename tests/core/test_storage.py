"""Storage: migrations match the models, SQLite is set up safely, failures are explained."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from resilience_app.core.assessment.records import AssessmentDetails
from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.database import HEAD_REVISION, Database, alembic_config, stored_revision
from resilience_app.core.storage.models import Base


def test_every_migration_on_an_empty_database_gives_the_models(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    database.migrate()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def test_the_start_up_knows_the_newest_migration_and_reads_the_stored_one_as_alembic_does(tmp_path: Path) -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    database = Database(f"sqlite:///{tmp_path / 'revisions.sqlite3'}")
    with database.engine.connect() as connection:
        assert stored_revision(connection) is None  # a new file: everything is to be created
    database.migrate()
    with database.engine.connect() as connection:
        assert stored_revision(connection) == MigrationContext.configure(connection).get_current_revision() == HEAD_REVISION
    database.dispose()


def test_sqlite_runs_with_foreign_keys_and_wal(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    with service.database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    service.close()


def test_start_up_backs_up_an_existing_database(app_paths: AppPaths) -> None:
    first = ResilienceService.open(app_paths)
    first.assessments.create_assessment(AssessmentDetails(city_name_en="Amman"))
    first.close()
    second = ResilienceService.open(app_paths)
    second.close()
    backups = list(app_paths.backups_dir.glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("select city_name_en from assessments").fetchall() == [("Amman",)]


def test_a_corrupt_database_is_explained_and_left_untouched(app_paths: AppPaths) -> None:
    app_paths.ensure_writable()
    garbage = b"this is not a database" * 200
    app_paths.database_file.write_bytes(garbage)
    with pytest.raises(UserFacingError) as caught:
        ResilienceService.open(app_paths)
    assert caught.value.code == "database-corrupt"
    assert "backup" in caught.value.hint
    assert app_paths.database_file.read_bytes() == garbage


def test_a_locked_database_is_explained(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    blocker = sqlite3.connect(app_paths.database_file, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserFacingError) as caught:
            service.assessments.create_assessment(AssessmentDetails(city_name_en="Irbid"))
        assert caught.value.code == "database-locked"
    finally:
        blocker.rollback()
        blocker.close()
    assert [summary.record.city_name("en") for summary in service.assessments.list_assessments()] == []
    service.close()


def test_a_bad_database_url_is_explained() -> None:
    with pytest.raises(UserFacingError) as caught:
        Database("nonsense://nowhere")
    assert caught.value.code == "bad-database-url"


def test_any_sqlalchemy_url_works(tmp_path: Path, app_paths: AppPaths) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    service = ResilienceService.open(app_paths, database_url=url)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Zarqa"))
    service.close()
    assert (tmp_path / "elsewhere.sqlite3").exists()
    assert not app_paths.database_file.exists()


def test_opening_an_up_to_date_database_does_not_load_alembic(app_paths: AppPaths) -> None:
    ResilienceService.open(app_paths).close()  # created and migrated
    script = (
        "import sys; from pathlib import Path; from resilience_app.core.paths import AppPaths; "
        "from resilience_app.core.services import ResilienceService; "
        f"ResilienceService.open(AppPaths.under(Path({str(app_paths.data_dir)!r}))).close(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "False"


def test_a_database_on_read_only_media_is_read_and_a_change_refused_plainly(app_paths: AppPaths) -> None:
    service = ResilienceService.open(app_paths)
    service.assessments.create_assessment(AssessmentDetails(city_name_en="Petra"))
    service.close()
    before = app_paths.database_file.read_bytes()
    read_only = ResilienceService.open(app_paths, database_url=f"sqlite:///file:{app_paths.database_file}?mode=ro&uri=true")
    assert [summary.record.city_name("en") for summary in read_only.assessments.list_assessments()] == ["Petra"]
    with pytest.raises(UserFacingError) as caught:
        read_only.assessments.create_assessment(AssessmentDetails(city_name_en="Wadi Musa"))
    assert caught.value.code == "database-read-only" and "read-only" in caught.value.message
    read_only.close()
    assert app_paths.database_file.read_bytes() == before


def test_a_data_folder_on_read_only_media_is_explained_before_anything_is_written(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only_media(self: Path, *_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    # The folder cannot be made there (one that exists on such media opens to read: tests/core/test_data_folder.py).
    monkeypatch.setattr(Path, "mkdir", read_only_media)
    with pytest.raises(UserFacingError) as caught:
        ResilienceService.open(app_paths)
    assert caught.value.code == "data-dir-unwritable" and "free space" in (caught.value.hint or "")
    assert not app_paths.database_file.exists()
