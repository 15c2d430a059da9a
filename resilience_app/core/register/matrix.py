"""The 5×5 priority matrix, defined once for the screen and the brief.

- Rows are likelihood, 5 (almost certain) at the top down to 1; columns are impact, 1 to 5
  in reading order (so from the right in Arabic). Both the Prioritisation tab and the
  brief's figure place a cell with `position_of`.
- An item's priority (likelihood × impact, 1–25) falls in one of four bands, from low to very
  high; the colour of each band is a setting of the style file (`matrix_bands` in
  `assets/brief-style.yaml`), read here so the screen and the paper paint a cell alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from resilience_app.core import resources

SIZE = 5
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class PriorityBand:
    id: str
    up_to: int  # the highest priority in the band


BANDS = (PriorityBand("low", 4), PriorityBand("moderate", 9), PriorityBand("high", 14), PriorityBand("very_high", SIZE * SIZE))


class MatrixStyleError(Exception):
    """The style file does not give every band a #rrggbb colour (a broken installation)."""


def band_of(priority: int) -> str:
    """The band of a priority from 1 to 25."""
    return next(band.id for band in BANDS if priority <= band.up_to)


def position_of(likelihood: int, impact: int) -> tuple[int, int]:
    """(row, column) of a rating: row 0 is likelihood 5, column 0 is impact 1."""
    return SIZE - likelihood, impact - 1


def rating_at(row: int, column: int) -> tuple[int, int]:
    """(likelihood, impact) of a cell, the inverse of `position_of`."""
    return SIZE - row, column + 1


def band_colours(style_file: Path | None = None) -> dict[str, str]:
    """Band id -> "#rrggbb", from the style file (the shipped one by default)."""
    return dict(_band_colours((style_file or resources.assets_dir() / "brief-style.yaml").resolve()))


def cell_colour(likelihood: int, impact: int, colours: dict[str, str]) -> str:
    return colours[band_of(likelihood * impact)]


def colours_from(given: object) -> dict[str, str]:
    """The style file's `matrix_bands` setting, checked: band id -> "#rrggbb" for every band."""
    if not isinstance(given, dict):
        raise MatrixStyleError("brief style: matrix_bands must map each priority band to a colour")
    colours = {}
    for band in BANDS:
        colour = str(given.get(band.id, ""))
        if not _COLOUR.match(colour):
            raise MatrixStyleError(f"brief style: matrix_bands.{band.id} must be a #rrggbb colour, not {colour or 'missing'}")
        colours[band.id] = colour
    return colours


@lru_cache(maxsize=4)
def _band_colours(path: Path) -> tuple[tuple[str, str], ...]:
    try:
        tree = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as error:
        raise MatrixStyleError(f"brief style: cannot read {path}: {error}") from error
    return tuple(colours_from(tree.get("matrix_bands") if isinstance(tree, dict) else None).items())
