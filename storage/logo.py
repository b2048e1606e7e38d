"""The company logo printed on reports.

A picture chosen by a manager is checked by its content (never its name), decoded within a pixel limit (a
"bomb" is refused before a pixel is decoded), scaled to at most :data:`LOGO_SIDE` pixels and re-encoded as
PNG: what is kept is small, carries no metadata of the original file (camera, GPS), and is one format for
the PDF and the workbook alike. Changing it is a manager's (:func:`checklist.workflow.may_edit_company`),
audited with the new picture's SHA-256.
"""

from __future__ import annotations

import io
from pathlib import PurePath

from PIL import Image

from checklist.messages import msg
from checklist.text import one_line
from checklist.workflow import COMPANY_ADMIN_ROLES
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError
from storage.models import Company
from storage.photos import UNREADABLE, quiet_pillow
from storage.unit_of_work import unit_of_work

LOGO_SIDE = 600  # px, longest side: 300 dpi at the 50 mm a report prints at most
MAX_LOGO_BYTES = 5_000_000
MAX_LOGO_PIXELS = 25_000_000
ACCEPTED_FORMATS = {"PNG", "JPEG"}


def prepare_logo(filename: str, data: bytes) -> bytes:
    """The PNG to keep for the picture ``data`` (named ``filename``), or :class:`InvalidInputError` saying why
    it is refused and that the logo is unchanged."""
    name = one_line(PurePath(filename).name, 80) or "?"
    if len(data) > MAX_LOGO_BYTES:
        size = f"{len(data) / 1e6:.1f}"
        raise InvalidInputError(msg("company.logo_too_large", name=name, size=size, limit=MAX_LOGO_BYTES // 1_000_000))
    try:
        with quiet_pillow(), Image.open(io.BytesIO(data)) as image:  # the header only, so far
            if image.format not in ACCEPTED_FORMATS:
                raise InvalidInputError(msg("company.logo_not_image", name=name))
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise InvalidInputError(
                    msg(
                        "company.logo_too_many_pixels",
                        name=name,
                        width=width,
                        height=height,
                        limit=MAX_LOGO_PIXELS // 1_000_000,
                    )
                )
            image.load()
            picture = image.convert("RGBA")
    except InvalidInputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = MAX_LOGO_PIXELS // 1_000_000
        raise InvalidInputError(msg("company.logo_bomb", name=name, limit=limit)) from None
    except UNREADABLE:
        raise InvalidInputError(msg("company.logo_not_image", name=name)) from None
    picture.thumbnail((LOGO_SIDE, LOGO_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def set_company_logo(db: Database, actor: str, company_id: int, png: bytes | None) -> None:
    """Keep ``png`` (made by :func:`prepare_logo`) as the logo of company ``company_id``, or remove it
    (``None``). Only a manager; the audit trail records the change (the picture by its SHA-256)."""
    if png is not None:
        png = prepare_logo("logo.png", png)  # whatever the caller hands in is checked again here
    with unit_of_work(db, actor, allowed=COMPANY_ADMIN_ROLES) as session:
        company = session.get(Company, company_id)
        if company is None:
            raise NotFoundError(msg("inspection.no_company", id=company_id))
        if company.logo_png == png:  # also loads the deferred old picture, so the audit names what was replaced
            return
        company.logo_png = png
        session.add(company)


def company_logo(db: Database, company_id: int) -> bytes | None:
    with db.session() as session:
        company = session.get(Company, company_id)
        return None if company is None else company.logo_png
