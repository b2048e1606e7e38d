"""The company logo printed on reports: checked by content, decoded within limits, re-encoded, a manager's
change, audited; and drawn on the PDF's cover and the workbook's overview."""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select

from export.reports import export_reports
from storage import logo
from storage.auth import create_user
from storage.db import Database, open_database
from storage.errors import InvalidInputError, PermissionDeniedError
from storage.models import AuditEntry, Company
from tests.storage import helpers


def _picture(size: tuple[int, int], kind: str = "PNG", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, kind, **save)
    return out.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG header that claims ``width`` × ``height`` pixels, with one tiny compressed row behind it."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")
    )


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()


def test_a_picture_is_scaled_and_re_encoded_as_png_without_its_metadata() -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: the kind of metadata a photo of a logo carries
    big = _picture((2400, 1200), "JPEG", exif=exif.tobytes())
    kept = logo.prepare_logo("标志.jpg", big)
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "PNG" and max(image.size) == logo.LOGO_SIDE and image.size == (600, 300)
        assert not image.getexif()
    small = logo.prepare_logo("small.png", _picture((120, 40)))
    with Image.open(io.BytesIO(small)) as image:
        assert image.size == (120, 40)  # never enlarged


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("标志.png", b"this is a text file named .png", "须为 PNG 或 JPEG 图片"),
        ("logo.gif", b"", "须为 PNG 或 JPEG 图片"),
        ("truncated.png", _picture((300, 300))[:200], "须为 PNG 或 JPEG 图片"),
        ("bomb.png", _png_claiming(60_000, 60_000), "百万像素"),
        ("huge.png", _png_claiming(8_000, 8_000), "8000 × 8000 像素"),
        ("big.png", b"\x89PNG" + b"\0" * logo.MAX_LOGO_BYTES, "最大 5 MB"),
    ],
    ids=["text", "gif", "truncated", "bomb", "huge", "oversized"],
)
def test_what_is_not_a_usable_picture_is_refused_in_one_sentence(name: str, data: bytes, words: str) -> None:
    if name == "logo.gif":
        data = _picture((50, 50), "GIF")
    with pytest.raises(InvalidInputError) as refused:
        logo.prepare_logo(name, data)
    assert words in refused.value.message_zh and "标志未改动" in refused.value.message_zh
    assert "left as it was" in str(refused.value) and "\n" not in str(refused.value)


def test_only_a_manager_sets_the_logo_and_the_change_is_audited(db: Database) -> None:
    company_id, _ = helpers.company(db)
    create_user(db, "setup", "王经理", "manager", "wang-manager-2020")
    create_user(db, "王经理", "张三", "officer", "zhang-officer-2020")
    png = logo.prepare_logo("logo.png", _picture((300, 100)))
    with pytest.raises(PermissionDeniedError):
        logo.set_company_logo(db, "张三", company_id, png)
    assert logo.company_logo(db, company_id) is None
    with pytest.raises(InvalidInputError):  # the service checks what it is handed, whoever calls it
        logo.set_company_logo(db, "王经理", company_id, b"<svg onload=alert(1)>")
    logo.set_company_logo(db, "王经理", company_id, png)
    stored = logo.company_logo(db, company_id)
    assert stored is not None and Image.open(io.BytesIO(stored)).size == (300, 100)
    logo.set_company_logo(db, "王经理", company_id, None)
    assert logo.company_logo(db, company_id) is None
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "companies").order_by(AuditEntry.seq)
        ).all()
    changes = [(e.actor, (e.old or {}).get("logo_png"), (e.new or {}).get("logo_png")) for e in entries[-2:]]
    digest = hashlib.sha256(stored).hexdigest()
    assert changes[0][0] == "王经理" and changes[0][1] is None and digest in str(changes[0][2])
    assert changes[1][0] == "王经理" and digest in str(changes[1][1]) and changes[1][2] is None


def _images_in(pdf: Path) -> list[str]:
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line for line in listed.splitlines()[2:] if line.split()[2:3] == ["image"]]  # not soft masks


def test_the_logo_is_drawn_on_the_cover_and_the_overview(db: Database, tmp_path: Path) -> None:
    inspection_id, _ = helpers.answered(db)
    without = export_reports(db, inspection_id, pdf=tmp_path / "without.pdf")[0]
    with db.session() as session:
        company = session.scalars(select(Company)).one()
        company.logo_png = logo.prepare_logo("logo.png", _picture((400, 120)))
        session.commit()
    pdf, xlsx = export_reports(db, inspection_id, pdf=tmp_path / "with.pdf", xlsx=tmp_path / "with.xlsx")
    added = [line for line in _images_in(pdf) if line.split()[0] == "1"]  # images on page 1, the cover
    before = [line for line in _images_in(without) if line.split()[0] == "1"]
    assert len(added) == len(before) + 1
    assert any(" 400 " in f" {line} " and " 120 " in f" {line} " for line in added)
    overview = load_workbook(xlsx)["概要"]
    assert len(overview._images) == 1  # openpyxl keeps a sheet's pictures there


def test_listing_companies_does_not_read_the_logo(db: Database) -> None:
    """The logo (up to a few hundred kB) is read only when asked for, not with every list of companies
    (start-up lists them); a change still audits the picture it replaced."""
    from sqlalchemy import inspect

    from storage.companies import list_companies

    company_id, _ = helpers.company(db)
    create_user(db, "setup", "王经理", "manager", "wang-manager-2020")
    logo.set_company_logo(db, "王经理", company_id, logo.prepare_logo("logo.png", _picture((300, 100))))
    (listed,) = list_companies(db)
    assert "logo_png" in inspect(listed).unloaded
    assert logo.company_logo(db, company_id) is not None
