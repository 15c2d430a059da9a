"""A damaged settings file is never a reason not to start: it is set aside and the defaults are used."""

from __future__ import annotations

from pathlib import Path

import pytest

from resilience_app.cli import main
from resilience_app.core.settings import Settings

DAMAGED = {
    "a number too large for a float": '{"schema": 1e400, "values": {}}',
    "infinity": '{"schema": Infinity, "values": {}}',
    "nesting too deep": '{"schema": 1, "values": {"language": ' + "[" * 200_000 + "]" * 200_000 + "}}",
    "not an object": "[1, 2]",
    "not JSON": "{language: ar",
}


@pytest.mark.parametrize("text", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_settings_file_is_set_aside_and_the_app_starts(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    settings_file = tmp_path / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(text, encoding="utf-8")
    assert Settings(settings_file).get("brief_document") == "brief"  # the default
    assert not settings_file.exists() and settings_file.with_suffix(".bad").read_text(encoding="utf-8") == text
    settings_file.write_text(text, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    assert "Traceback" not in capsys.readouterr().err
