"""Where the shipped data lives: content (`forms/`), `assets/` and compiled `translations/`.

In an installed wheel the data sits in the package under `_data/` (the build maps
it there). In a source checkout (an editable install) it sits at the repository
root, next to the package. Either way it is found from the package's own location,
never from the current directory.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_dir() -> Path:
    return Path(str(files("resilience_app")))


def data_root() -> Path:
    packaged = _package_dir() / "_data"
    if packaged.is_dir():
        return packaged
    return _package_dir().parent


def forms_dir() -> Path:
    return data_root() / "forms"


def assets_dir() -> Path:
    return data_root() / "assets"


def translations_dir() -> Path:
    return data_root() / "translations"


def migrations_dir() -> Path:
    return _package_dir() / "core" / "storage" / "migrations"
