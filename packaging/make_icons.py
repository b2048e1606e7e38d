"""Render the application icon for desktops: ``python packaging/make_icons.py``.

From ``resources/icons/fugong.svg`` it writes ``resources/icons/fugong-N.png`` (16 … 256 px, the sizes of
the freedesktop icon theme) and ``resources/icons/fugong.ico`` (Windows: the programs' icon, every size in
one file, made with Pillow). Qt draws the SVG, so the PNGs are what the window itself shows. The outputs are
committed; run this again after changing the SVG.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "fugong.svg"))
    if not renderer.isValid():
        print("fugong.svg could not be read", file=sys.stderr)
        return 1
    images = []
    for size in SIZES:
        png = render(renderer, size)
        (ICONS / f"fugong-{size}.png").write_bytes(png)
        images.append(Image.open(io.BytesIO(png)))
    largest = images[-1]
    largest.save(ICONS / "fugong.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"wrote {len(SIZES)} PNGs and fugong.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
