"""Files shipped in the ``resources`` package (font, icons, translations), found through importlib."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

CJK_FONT = "DroidSansFallbackFull.ttf"


def resource_path(*parts: str) -> Path:
    """The path of a file in the ``resources`` package (installed as package data)."""
    return Path(str(resources.files("resources").joinpath(*parts)))


def translations_folder() -> Path:
    return resource_path("translations")


def font_path() -> Path:
    return resource_path("fonts", CJK_FONT)


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons``; SVG keeps it sharp at any device-pixel ratio."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
