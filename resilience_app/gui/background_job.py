"""Long work off the GUI thread: a job runs a core service call on Qt's thread pool while the window stays
responsive, shows a busy bar with the job's name (and a Cancel where cancelling is safe), keeps the actions that
start it disabled so a second click cannot start it twice, and hands its result, its refusal or its cancellation
back on the GUI thread.

The work must not touch widgets: it calls core services only. Each service call opens its own unit of work (its own
SQLAlchemy Session, see core/storage/unit_of_work.py) and the file database's engine hands each thread its own
pooled SQLite connection, so nothing the GUI thread holds is shared with the job. What the job's result changes on
screen happens in `on_done`, back on the GUI thread.

Cancelling is offered only for work that writes a file through `core.file_export.writing_in_place` (the exports):
the job stops before the finished file is moved into place
(`core.cancellation`), so the file is discarded and an existing file of that name stays whole.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QWidget,
)

from resilience_app.core.cancellation import Cancelled, cancellable
from resilience_app.core.errors import UserFacingError
from resilience_app.core.i18n import _
from resilience_app.gui.errors import show_user_error

T = TypeVar("T")
_log = logging.getLogger("resilience_app.gui")
_running: dict[str, BackgroundJob[Any]] = {}  # by key: the jobs under way (kept alive until they end)


class JobIndicator(QWidget):
    """A busy bar: the job's name, a moving bar and, where cancelling is safe, a Cancel button."""

    def __init__(self, name: str, *, can_cancel: bool) -> None:
        super().__init__()
        self.setObjectName("job_indicator")
        self.label = QLabel(name)
        self.label.setObjectName("job_name")
        self.bar = QProgressBar()
        self.bar.setObjectName("job_progress")
        self.bar.setRange(0, 0)  # busy: the services report no steps
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(240)
        self.bar.setAccessibleName(name)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("job_cancel_button")
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cancel_button.setVisible(can_cancel)
        self.cancel_button.setAccessibleDescription(_("Stop and discard what was written so far"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)  # the name, the bar and the button together, at the start of the line

    def show_cancelling(self) -> None:
        self.label.setText(_("Cancelling…"))
        self.cancel_button.setEnabled(False)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so its slots run there (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    crashed = Signal(object)


class _Work(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._relay, self._cancel = work, relay, cancel

    def run(self) -> None:
        try:
            with cancellable(self._cancel.is_set):
                result = self._work()  # a cancel that comes after the file was moved into place is too late: it is saved
        except Cancelled:
            self._relay.cancelled.emit()
        except UserFacingError as error:
            self._relay.failed.emit(error)
        except BaseException as error:  # noqa: BLE001 - a bug: raised again on the GUI thread, where the crash handler reports it
            self._relay.crashed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class _Held:
    """An action or widget kept disabled while a job runs; what the window wants meanwhile is applied at the end."""

    def __init__(self, target: QAction | QWidget) -> None:
        self.target = target
        self.wanted = target.isEnabled()
        target.setEnabled(False)
        if isinstance(target, QAction):
            target.changed.connect(self._keep_disabled)

    def _keep_disabled(self) -> None:
        if self.target.isEnabled():  # the window enabled it (a new selection): remembered, not applied yet
            self.wanted = True
            self.target.setEnabled(False)

    def release(self) -> None:
        if isinstance(self.target, QAction):
            self.target.changed.disconnect(self._keep_disabled)
        self.target.setEnabled(self.wanted)


class BackgroundJob(QObject, Generic[T]):
    """One run of `work` on the thread pool. Start it with `start_job`.

    Signals:
        ended(): the job is over, whichever way, and its result handled (its actions enabled again, its busy bar gone).
    """

    ended = Signal()

    def __init__(self, owner: QWidget, key: str, name: str, work: Callable[[], T], *, on_done: Callable[[T], None],
                 on_failed: Callable[[UserFacingError], None] | None, on_cancelled: Callable[[], None] | None, can_cancel: bool,
                 holds: Sequence[QAction | QWidget], show_in: QStatusBar | QBoxLayout | None, cancel_with: QAbstractButton | None) -> None:
        super().__init__(owner)
        self.owner, self.key, self.name = owner, key, name
        self._on_done, self._on_failed, self._on_cancelled = on_done, on_failed, on_cancelled
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._relay.cancelled.connect(self._cancelled)
        self._relay.crashed.connect(self._crashed)
        self.indicator = JobIndicator(name, can_cancel=can_cancel and cancel_with is None)
        self._cancel_with = cancel_with
        self.indicator.cancel_button.clicked.connect(self.cancel)
        self._show_in = show_in if show_in is not None else _status_bar_of(owner)
        self._holds = [_Held(target) for target in holds]
        self._work = _Work(work, self._relay, self._cancel)
        self._over = False

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        _running[self.key] = self
        if isinstance(self._show_in, QStatusBar):
            self._show_in.addPermanentWidget(self.indicator)
        elif self._show_in is not None:
            self._show_in.addWidget(self.indicator)
        self.indicator.show()
        QThreadPool.globalInstance().start(self._work)

    def wait(self) -> None:
        """Return once the job has ended and its result is handled, the window processing its events meanwhile (as a
        dialog's `exec` does): for a caller that goes on with the job's result, such as opening the sample."""
        if self._over:
            return
        loop = QEventLoop()
        self.ended.connect(loop.quit)
        loop.exec()

    def cancel(self) -> None:
        """Stop at the next safe point; the result is discarded (the job ends when the worker has stopped)."""
        if not self._cancel.is_set():
            self._cancel.set()
            self.indicator.show_cancelling()
            if self._cancel_with is not None:
                self._cancel_with.setEnabled(False)

    # -- back on the GUI thread ----------------------------------------------------------------------

    def _end(self) -> None:
        self._over = True
        _running.pop(self.key, None)
        for held in self._holds:
            held.release()
        if self._cancel_with is not None:
            self._cancel_with.setEnabled(True)
        self.indicator.hide()
        self.indicator.setParent(None)
        self.indicator.deleteLater()

    def _finish(self) -> None:
        self.ended.emit()
        self.deleteLater()

    def _succeeded(self, result: T) -> None:
        self._end()
        try:
            self._on_done(result)
        finally:
            self._finish()

    def _failed(self, error: UserFacingError) -> None:
        self._end()
        try:
            if self._on_failed is not None:
                self._on_failed(error)
            else:
                show_user_error(self.owner, error)
        finally:
            self._finish()

    def _cancelled(self) -> None:
        self._end()
        try:
            if self._on_cancelled is not None:
                self._on_cancelled()
        finally:
            self._finish()

    def _crashed(self, error: BaseException) -> None:
        self._end()
        self._finish()
        raise error


def _status_bar_of(widget: QWidget) -> QStatusBar | None:
    """The main window's status bar, where a job started from it or from one of its pages shows its busy bar."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QMainWindow):
            return current.statusBar()
        current = current.parentWidget()
    return None


def start_job(owner: QWidget, name: str, work: Callable[[], T], *, on_done: Callable[[T], None], key: str | None = None,
              on_failed: Callable[[UserFacingError], None] | None = None, on_cancelled: Callable[[], None] | None = None,
              can_cancel: bool = False, holds: Sequence[QAction | QWidget] = (),
              show_in: QStatusBar | QBoxLayout | None = None, cancel_with: QAbstractButton | None = None) -> BackgroundJob[T] | None:
    """Run `work` (core service calls, no widgets) off the GUI thread; None if the same job (`key`, else `name`) is running.

    `on_done(result)` runs on the GUI thread; a `UserFacingError` goes to `on_failed` (by default the usual message on
    `owner`); `holds` (the job's actions and buttons) stay disabled until it ends; the busy bar goes into `show_in` (by
    default the main window's status bar). With `can_cancel`, a Cancel button beside the bar stops the job before its file is
    moved into place; a dialog that cancels the job from its own Cancel (its `reject`) names that button as `cancel_with` instead.
    """
    key = key or name
    if key in _running:
        return None
    job = BackgroundJob(owner, key, name, work, on_done=on_done, on_failed=on_failed, on_cancelled=on_cancelled, can_cancel=can_cancel,
                        holds=holds, show_in=show_in, cancel_with=cancel_with)
    job.start()
    return job


def running_job(key: str) -> BackgroundJob[Any] | None:
    """The job under way with this key, if any."""
    return _running.get(key)


def wait_for_jobs(milliseconds: int = -1) -> bool:
    """Wait for the jobs' workers to stop (at closing time, so none writes after the database is closed)."""
    return bool(QThreadPool.globalInstance().waitForDone(milliseconds))
