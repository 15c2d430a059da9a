"""The brief's style file (`assets/brief-style.yaml`), read into typed settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from resilience_app.core import resources
from resilience_app.core.brief.pdf.fonts import FontPair, load_font
from resilience_app.core.brief.pdf.text import TextEngine
from resilience_app.core.register.matrix import MatrixStyleError, band_of, colours_from

PAGE_SIZES = {"A4": A4, "letter": letter}


class StyleFileError(Exception):
    """The style file is missing a setting or holds a wrong one (a broken installation)."""


@dataclass(frozen=True)
class BriefStyle:
    page_size: tuple[float, float]
    margins: dict[str, float]  # points: top, bottom, inner, outer
    sizes: dict[str, float]
    leading: dict[str, float]
    spacing: dict[str, float]
    colours: dict[str, Color]
    matrix_bands: dict[str, Color]  # priority band id -> colour (`core.register.matrix`)
    engine: TextEngine

    def colour(self, name: str) -> Color:
        return self.colours[name]

    def line_height(self, size: float, rtl: bool) -> float:
        return size * self.leading["arabic" if rtl else "latin"]

    def cell_colour(self, likelihood: int, impact: int) -> Color:
        """The colour of a cell of the priority matrix, the one the screen paints it."""
        return self.matrix_bands[band_of(likelihood * impact)]


def _get(tree: Any, *keys: str) -> Any:
    node = tree
    for depth, key in enumerate(keys):
        if not isinstance(node, dict) or key not in node:
            raise StyleFileError(f"brief style: missing setting {'.'.join(keys[: depth + 1])}")
        node = node[key]
    return node


def _numbers(tree: Any, key: str) -> dict[str, float]:
    values = _get(tree, key)
    try:
        return {name: float(value) for name, value in values.items()}
    except (AttributeError, TypeError, ValueError) as error:
        raise StyleFileError(f"brief style: {key} must map names to numbers ({error})") from error


def load_style(path: Path | None = None) -> BriefStyle:
    """Read the style file (the shipped one by default) and load its fonts."""
    path = path or resources.assets_dir() / "brief-style.yaml"
    return _load_style(path.resolve())


@lru_cache(maxsize=4)
def _load_style(path: Path) -> BriefStyle:
    try:
        tree = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as error:
        raise StyleFileError(f"brief style: cannot read {path}: {error}") from error
    size_name = str(_get(tree, "page", "size"))
    if size_name not in PAGE_SIZES:
        raise StyleFileError(f"brief style: page.size must be one of {', '.join(PAGE_SIZES)}, not {size_name}")
    margins = {name: value * mm for name, value in _numbers(_get(tree, "page"), "margins_mm").items()}
    folder = path.parent / str(_get(tree, "fonts", "folder"))

    def pair(weight: str) -> FontPair:
        return FontPair(
            latin=load_font(folder / str(_get(tree, "fonts", "latin", weight))),
            arabic=load_font(folder / str(_get(tree, "fonts", "arabic", weight)), scale=float(_get(tree, "fonts", "arabic_scale"))),
        )

    try:
        colours = {name: HexColor(str(value)) for name, value in _get(tree, "colours").items()}
        bands = {band: HexColor(colour) for band, colour in colours_from(_get(tree, "matrix_bands")).items()}  # the tree read above
    except (AttributeError, KeyError, TypeError, ValueError, MatrixStyleError) as error:
        raise StyleFileError(f"brief style: a colour is not #rrggbb ({error})") from error
    return BriefStyle(
        page_size=PAGE_SIZES[size_name],
        margins=margins,
        sizes=_numbers(tree, "sizes"),
        leading=_numbers(tree, "leading"),
        spacing=_numbers(tree, "spacing"),
        colours=colours,
        matrix_bands=bands,
        engine=TextEngine(regular=pair("regular"), bold=pair("bold")),
    )
