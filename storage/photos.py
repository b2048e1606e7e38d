"""Photos attached as evidence: a downscaled copy for storage and a small thumbnail for reports.

The original's SHA-256 is kept by the caller; what is stored may be smaller. The thumbnail is made once,
when the photo is attached, so that a report with twenty photos does not decode twenty photos again.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_SIDE = 2048  # larger photos are stored downscaled
THUMBNAIL_SIDE = 360  # px, longest side: ~230 dpi at the 40 mm a report prints
THUMBNAIL_QUALITY = 75
UNREADABLE = (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError)


def downscale(data: bytes) -> bytes | None:
    """A JPEG copy no larger than MAX_PHOTO_SIDE, or None if ``data`` is not an image that needs it."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if max(image.size) <= MAX_PHOTO_SIDE:
                return None
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
            out = io.BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=85)
            return out.getvalue()
    except UNREADABLE:
        return None


def make_thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> tuple[bytes, int, int] | None:
    """An upright JPEG of at most ``side`` px with its size, or None if ``data`` cannot be decoded."""
    try:
        with Image.open(io.BytesIO(data)) as photo:
            # Decode in one C call, without the GIL (the default 64 KB blocks each wait for the GIL).
            photo.decodermaxblock = max(len(data), 65536)
            photo.draft("RGB", (side, side))  # JPEG: decode at 1/2, 1/4 or 1/8 scale directly
            small = ImageOps.exif_transpose(photo)
            small.thumbnail((side, side), Image.Resampling.BILINEAR)
            if small.mode != "RGB":
                small = small.convert("RGB")
            buffer = io.BytesIO()
            small.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY)
            return buffer.getvalue(), small.width, small.height
    except UNREADABLE:
        return None
