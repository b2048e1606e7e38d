"""Files shipped in the ``resources`` package (font, icons, translations)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

import resources

CJK_FONT = "DroidSansFallbackFull.ttf"


def resource_path(*parts: str) -> Path:
    """The path of a file in the ``resources`` package (installed as package data, always as plain files:
    Qt opens them by name). Not through ``importlib.resources``, whose import alone costs start-up time."""
    return Path(resources.__file__).parent.joinpath(*parts)


def translations_folder() -> Path:
    return resource_path("translations")


def font_path() -> Path:
    return resource_path("fonts", CJK_FONT)


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons``; SVG keeps it sharp at any device-pixel ratio."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
