"""Small JPEG thumbnails of evidence photos for the PDF.

A stored photo is up to 2048 px; printed 4 cm wide it needs about 320 px. Embedding the stored photo would
make the PDF tens of megabytes and slow to write, so each is decoded at reduced size (JPEG draft mode decodes
at 1/2, 1/4 or 1/8 scale directly, far faster than a full decode and resize) and re-encoded small. Pillow
releases the GIL while decoding, so a thread pool uses both cores.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

THUMBNAIL_SIDE = 360  # px, longest side: ~230 dpi at the 40 mm the report prints
THUMBNAIL_QUALITY = 75


@dataclass(frozen=True, slots=True)
class Thumbnail:
    """A small JPEG and its pixel size (for the aspect ratio of the printed box)."""

    data: bytes
    width: int
    height: int


def thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> Thumbnail | None:
    """A JPEG of at most ``side`` px, or None if ``data`` is not a readable image (its name is still listed)."""
    try:
        with Image.open(io.BytesIO(data)) as photo:
            photo.draft("RGB", (side, side))
            small = ImageOps.exif_transpose(photo)  # a phone photo stored sideways prints upright
            small.thumbnail((side, side), Image.Resampling.BILINEAR)
            if small.mode != "RGB":
                small = small.convert("RGB")
            buffer = io.BytesIO()
            small.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY)
            return Thumbnail(buffer.getvalue(), small.width, small.height)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def thumbnails(
    photos: Sequence[bytes], done: Callable[[int, int], None] | None = None, workers: int = 2
) -> list[Thumbnail | None]:
    """Thumbnails of ``photos`` in their order; ``done(count, total)`` is called as each finishes (from this
    thread, so it may raise to cancel: the remaining work is then dropped)."""
    results: list[Thumbnail | None] = [None] * len(photos)
    if not photos:
        return results
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="thumbnail") as pool:
        futures = [pool.submit(thumbnail, data) for data in photos]
        try:
            for index, future in enumerate(futures):
                results[index] = future.result()
                if done is not None:
                    done(index + 1, len(photos))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return results
