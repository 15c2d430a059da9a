"""What every feature works over: the data folder, one database, one content set, the backups and evidence.

The features (assessment, register, workshop, brief) take a `CoreContext`, never the composition root
(`services.ResilienceService`), so each depends only on what it uses and the layers stay one-way.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from functools import cached_property
from pathlib import Path

from sqlalchemy.orm import Session

from resilience_app.core import resources
from resilience_app.core.content import Content, ContentLoadResult, load_content
from resilience_app.core.content.model import Framework
from resilience_app.core.content.snapshot import CONTENT_SNAPSHOT_FILE_NAME, load_content_via_snapshot
from resilience_app.core.error_catalogue import user_error
from resilience_app.core.errors import ErrorCode, UserFacingError
from resilience_app.core.paths import AppPaths
from resilience_app.core.storage.backup_service import BackupService
from resilience_app.core.storage.database import Database
from resilience_app.core.storage.evidence_files import EvidenceFolder
from resilience_app.core.storage.unit_of_work import GoneMessages, unit_of_work


class ContentInvalidError(UserFacingError):
    """The content has errors: how many, and the first of them (`result` has them all)."""

    def __init__(self, result: ContentLoadResult) -> None:
        errors = result.errors
        counted = user_error(ErrorCode.CONTENT_INVALID, count=len(errors))
        super().__init__(counted.message + "\n" + (errors[0].format() if errors else ""), hint=counted.hint, code=counted.code)
        self.result = result


class CoreContext:
    """The shared parts, made once by the composition root and handed to every feature service."""

    def __init__(self, paths: AppPaths, *, database_url: str | None = None, content_paths: Sequence[Path] | None = None) -> None:
        self.paths = paths
        self.content_paths = list(content_paths) if content_paths else [resources.forms_dir()]
        self.database = Database(database_url or paths.default_database_url())
        self.evidence_files = EvidenceFolder(paths.evidence_dir)
        self.backups = BackupService(paths.backups_dir, self.database.file)

    def unit_of_work(self, gone: GoneMessages) -> AbstractContextManager[Session]:
        """The one way a use case opens the database (see `storage.unit_of_work`)."""
        return unit_of_work(self.database, gone)

    # -- content ------------------------------------------------------------

    def validate_content(self, paths: Sequence[Path] | None = None) -> ContentLoadResult:
        return load_content(paths or self.content_paths)

    @cached_property
    def content(self) -> Content:
        """The validated content; `ContentInvalidError` when any file has an error.

        Read from the snapshot in the cache folder when it matches the files byte for byte
        (parsing them all is most of a start-up), else parsed and, when valid, snapshotted.
        """
        result = load_content_via_snapshot(self.content_paths, self.paths.cache_dir / CONTENT_SNAPSHOT_FILE_NAME)
        if not result.ok:
            raise ContentInvalidError(result)
        return result.content

    def framework(self, framework_id: str | None = None) -> Framework:
        framework = self.content.framework(framework_id) if framework_id else self.content.default_framework
        if framework is None:
            raise user_error(ErrorCode.FRAMEWORK_MISSING, id=framework_id or "")
        return framework


