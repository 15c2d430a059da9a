"""The wheel carries everything the app needs at run time: content, assets, compiled catalogues."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_content_assets_translations_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    [wheel] = tmp_path.glob("resilience_app-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "resilience_app/_data/forms/crf/framework.yaml",
        "resilience_app/_data/forms/hazards.yaml",
        "resilience_app/_data/forms/workshop/stakeholders.yaml",
        "resilience_app/core/sample_workshop.yaml",
        "resilience_app/core/storage/migrations/versions/0005_workshops.py",
        "resilience_app/_data/assets/icons/app.svg",
        "resilience_app/_data/assets/help/guide.en.md",
        "resilience_app/_data/assets/help/guide.ar.md",
        "resilience_app/_data/translations/ar/LC_MESSAGES/messages.mo",
        "resilience_app/_data/translations/en/LC_MESSAGES/messages.mo",
        "resilience_app/core/storage/migrations/env.py",
        "resilience_app/core/storage/migrations/versions/0001_assessments.py",
    }
    assert expected - names == set()
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "resilience-app = resilience_app.cli:main" in entry_points
