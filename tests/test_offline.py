"""Offline, always: the sample, the window and the brief's exports (PDF and Word) run with every socket refused."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resilience_app.core.i18n import SUPPORTED_LANGUAGES
from resilience_app.core.paths import AppPaths
from resilience_app.core.sample import create_sample
from resilience_app.core.services import ResilienceService


class NetworkUsed(AssertionError):
    pass


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkUsed("the app tried to use the network")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way Python reaches the network raises (and is recorded, in case a caller swallows the error)."""
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            _refuse()
        return refused

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(name))
    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == []


def test_sample_window_and_both_briefs_need_no_network(no_network: list[str], app_paths: AppPaths, qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from resilience_app.gui.app import create_main_window

    window = create_main_window(qapp, app_paths)
    qtbot.addWidget(window)
    window.show()
    window.open_sample()
    assert window.assessment_page.workshop is not None
    window.assessment_page.tabs.setCurrentWidget(window.assessment_page.workshop)
    window.assessment_page.workshop.toggle_projector()
    record_id = window.assessment_page.session.assessment_id
    for language in SUPPORTED_LANGUAGES:
        result = window.service.export_brief(record_id, language=language, path=tmp_path / f"brief-{language}.pdf")
        assert result.pages > 1
    window.assessment_page.close_session()
    window.service.close()


def test_the_core_alone_needs_no_network(no_network: list[str], app_paths: AppPaths, tmp_path: Path) -> None:
    service = ResilienceService.open(app_paths)
    record = create_sample(service, "ar")
    assert service.export_brief(record.id, language="ar", path=tmp_path / "brief.pdf").pages > 1
    assert service.export_brief_docx(record.id, language="ar", path=tmp_path / "brief.docx").path.stat().st_size > 10_000
    service.close()
