"""Small JPEG thumbnails of evidence photos for the PDF, made in the background while the report is laid out.

A stored photo is up to 2048 px; printed 4 cm wide it needs about 320 px. Embedding the stored photo would
make the PDF tens of megabytes and slow to write, so each is decoded at reduced size (JPEG draft mode decodes
at 1/2, 1/4 or 1/8 scale directly, far faster than a full decode and resize) and re-encoded small. Even so,
decoding is most of a report's cost (~12 ms a photo, bound by the JPEG's entropy decoding), so it runs in a
thread pool (Pillow releases the GIL while decoding) while the main thread lays out the pages: layout needs
only each photo's size, which the file header gives at once (:func:`photo_size`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image

from storage.photos import THUMBNAIL_SIDE, UNREADABLE, make_thumbnail, quiet_pillow

EXIF_ORIENTATION = 0x0112
SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that swap width and height


@dataclass(frozen=True, slots=True)
class Thumbnail:
    """A small JPEG and its pixel size."""

    data: bytes
    width: int
    height: int


def photo_size(data: bytes) -> tuple[int, int] | None:
    """The upright pixel size of a photo from its header alone (no decoding), or None if it is not a readable
    image (its name is then listed instead)."""
    try:
        with quiet_pillow(), Image.open(io.BytesIO(data)) as photo:
            width, height = photo.size
            sideways = photo.getexif().get(EXIF_ORIENTATION) in SIDEWAYS
    except UNREADABLE:
        return None
    return (height, width) if sideways else (width, height)


def thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> Thumbnail | None:
    """A JPEG of at most ``side`` px, upright, or None if ``data`` cannot be decoded."""
    made = make_thumbnail(data, side)
    return Thumbnail(*made) if made else None


@contextmanager
def thumbnails_in_background(photos: Sequence[bytes], workers: int = 2) -> Iterator[list[Future[Thumbnail | None]]]:
    """Start making the thumbnails of ``photos`` (in their order, so the first pages' photos come first);
    leaving the block waits for the running ones and drops the rest (e.g. when the export is cancelled)."""
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="thumbnail")
    try:
        yield [pool.submit(thumbnail, data) for data in photos]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
