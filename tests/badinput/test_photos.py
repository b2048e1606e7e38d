"""Attachments are judged by their content: bombs, impostors and oversized files are refused in words."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from storage import photos
from storage.errors import InvalidInputError


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A valid PNG header claiming 2.5 gigapixels, with a tiny (compressed) first row: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * (width + 1)))
        + chunk(b"IEND", b"")
    )


def test_a_real_photo_is_sniffed() -> None:
    assert photos.check_attachment("现场.jpg", _jpeg()) == "image/jpeg"
    assert photos.check_attachment("no-suffix", _png(20, 10)) == "image/png"
    assert photos.check_attachment("report.pdf", b"%PDF-1.7\n...") == "application/pdf"
    assert photos.check_attachment("minutes.docx", b"PK\x03\x04 whatever") == "application/octet-stream"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (0, 90, 0)).save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "english", "chinese"),
    [
        ("empty.jpg", b"", "empty", "为空"),
        ("notes.jpg", "这是文本，不是照片\n".encode() * 10, "not an image", "不是图片"),
        ("fake.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "not an image", "不是图片"),
        ("fake.pdf", b"just text", "not a PDF", "不是 PDF"),
        ("photo.jpg", b"%PDF-1.4 pretending", "is a PDF", "内容是 PDF"),
        ("bomb.png", png_bomb(), "decompression bomb", "无法安全打开"),
        ("big.png", png_bomb(10_000, 7_000), "megapixels", "百万像素"),
        ("huge.jpg", b"\xff\xd8" + b"\0" * (photos.MAX_ATTACHMENT_BYTES + 1), "at most", "附件最大"),
    ],
)
def test_bad_attachments_are_refused_in_both_languages(name: str, data: bytes, english: str, chinese: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        photos.check_attachment(name, data)
    assert english in str(refused.value) and "nothing was attached" in str(refused.value)
    assert chinese in refused.value.message_zh and "未添加任何附件" in refused.value.message_zh
    assert "\n" not in str(refused.value)


def test_bombs_are_never_decoded() -> None:
    bomb = png_bomb()
    assert photos.make_thumbnail(bomb) is None
    assert photos.downscale(bomb) is None
    big = png_bomb(10_000, 7_000)  # 70 MP: under Pillow's own limit, over ours
    assert photos.make_thumbnail(big) is None and photos.downscale(big) is None
