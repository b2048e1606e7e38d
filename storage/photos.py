"""Photos attached as evidence: a downscaled copy for storage and a small thumbnail for reports.

The original's SHA-256 is kept by the caller; what is stored may be smaller. The thumbnail is made once,
when the photo is attached, so that a report with twenty photos does not decode twenty photos again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from PIL import Image, ImageOps, UnidentifiedImageError

from checklist.text import one_line
from storage.errors import InvalidInputError

MAX_PHOTO_SIDE = 2048  # larger photos are stored downscaled
MAX_ATTACHMENT_BYTES = 30_000_000  # a phone photo is 2–10 MB; a scanned PDF rarely more than 20 MB
MAX_PIXELS = 60_000_000  # 60 MP: above any phone camera; a "bomb" of 2.5 gigapixels is refused unread
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif"}
SNIFFED_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
}
THUMBNAIL_SIDE = 360  # px, longest side: ~230 dpi at the 40 mm a report prints
THUMBNAIL_QUALITY = 75
UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    ValueError,
    SyntaxError,  # raised by some of Pillow's header parsers on garbage
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,  # turned into an error by quiet_pillow()
)


@contextlib.contextmanager
def quiet_pillow() -> Iterator[None]:
    """Pillow's warnings about a damaged file are not for the terminal (the file is refused or skipped in
    words instead); its decompression-bomb warning becomes an error, so a bomb is never decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _refuse(filename: str, english: str, chinese: str) -> InvalidInputError:
    name = one_line(PurePath(filename).name, 80)
    return InvalidInputError(f"{name}: {english}; nothing was attached", f"{name}：{chinese}；未添加任何附件")


def _too_large(filename: str, size: int) -> InvalidInputError:
    return _refuse(
        filename,
        f"the file has {size / 1e6:.1f} MB; an attachment has at most {MAX_ATTACHMENT_BYTES // 1_000_000} MB",
        f"文件大小 {size / 1e6:.1f} MB，附件最大 {MAX_ATTACHMENT_BYTES // 1_000_000} MB",
    )


def read_attachment(path: Path) -> bytes:
    """The bytes of a file to attach, or :class:`InvalidInputError` in words: a file over the size limit is
    refused from its size, before anything is read (a 2 GB video is never loaded into memory), and at most one
    byte over the limit is ever read (a file that grows, or a device that reports no size)."""
    name = path.name
    try:
        if not path.is_file():
            raise _refuse(name, "this is not a file", "不是文件")
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise _too_large(name, size)
        with path.open("rb") as stream:
            data = stream.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise _refuse(name, f"the file cannot be read ({reason})", f"文件无法读取（{reason}）") from None
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _too_large(name, len(data))
    return data


@dataclass(frozen=True)
class PreparedAttachment:
    """An attachment checked and made ready to store: the (possibly downscaled) copy, its thumbnail, and the
    original's hash and size. Made off the GUI thread (decoding a photo takes a while); storing it is quick."""

    filename: str
    media_type: str
    original_sha256: str
    original_size: int
    data: bytes
    stored_sha256: str
    thumbnail: bytes | None
    thumbnail_width: int | None
    thumbnail_height: int | None


def prepare_attachment(filename: str, data: bytes) -> PreparedAttachment:
    """Check an attachment (:func:`check_attachment`), downscale a large photo and make its thumbnail."""
    media_type = check_attachment(filename, data)  # by content, with size and decoding limits
    stored, thumb = data, None
    if media_type.startswith("image/"):
        smaller = downscale(data)
        if smaller is not None:
            stored, media_type = smaller, "image/jpeg"
        thumb = make_thumbnail(stored)
    return PreparedAttachment(
        filename,
        media_type,
        hashlib.sha256(data).hexdigest(),
        len(data),
        stored,
        hashlib.sha256(stored).hexdigest(),
        thumb[0] if thumb else None,
        thumb[1] if thumb else None,
        thumb[2] if thumb else None,
    )


def check_attachment(filename: str, data: bytes) -> str:
    """The media type of an attachment, from its content (never from its name alone), or raise
    :class:`InvalidInputError` saying why it is refused: empty, too large, an image too large to decode
    safely (a decompression bomb), or content that is not what the name says (a text file named .jpg).

    A photo must be an image Pillow can open; a PDF must start like one; any other document is kept as
    ``application/octet-stream`` unless its name claims to be an image or a PDF.
    """
    if not data:
        raise _refuse(filename, "the file is empty", "文件为空")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _too_large(filename, len(data))
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(b"%PDF-"):
        if suffix in IMAGE_SUFFIXES:
            raise _refuse(filename, "the name says image but the file is a PDF", "文件名表示图片，但内容是 PDF")
        return "application/pdf"
    try:
        with quiet_pillow(), Image.open(io.BytesIO(data)) as image:  # reads the header only
            kind, (width, height) = image.format or "", image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(
            filename, "the image is too large to open safely (decompression bomb)", "图片尺寸过大，无法安全打开"
        ) from None
    except UNREADABLE:
        if suffix in IMAGE_SUFFIXES:
            raise _refuse(
                filename, "the name says image but the content is not an image", "文件名表示图片，但内容不是图片"
            ) from None
        if suffix == ".pdf":
            raise _refuse(
                filename, "the name says PDF but the content is not a PDF", "文件名表示 PDF，但内容不是 PDF"
            ) from None
        return "application/octet-stream"
    if width * height > MAX_PIXELS:
        raise _refuse(
            filename,
            f"the image has {width} × {height} pixels; at most {MAX_PIXELS // 1_000_000} megapixels are accepted",
            f"图片 {width} × {height} 像素，最多 {MAX_PIXELS // 1_000_000} 百万像素",
        )
    media_type = SNIFFED_TYPES.get(kind)
    if media_type is None:
        raise _refuse(filename, f"{kind or 'this'} images are not accepted; use JPEG or PNG", "请使用 JPEG 或 PNG 图片")
    return media_type


def _decodable(image: Image.Image) -> bool:
    """Decoding ``image`` stays within the pixel limit (checked before any pixel is decoded)."""
    width, height = image.size
    return width * height <= MAX_PIXELS


def downscale(data: bytes) -> bytes | None:
    """A JPEG copy no larger than MAX_PHOTO_SIDE, or None if ``data`` is not an image that needs it."""
    try:
        with quiet_pillow(), Image.open(io.BytesIO(data)) as image:
            if max(image.size) <= MAX_PHOTO_SIDE or not _decodable(image):
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
        with quiet_pillow(), Image.open(io.BytesIO(data)) as photo:
            if not _decodable(photo):
                return None
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
