"""What the signed day records share (the daily health summary, the ventilation and disinfection log): the A4
sheet they are printed on, with its signature box, and the unlocking of the person in charge's key.

A day record is signed like an inspection: the password again, a CMS signature over the canonical record and
a PAdES signature in the PDF, whose stamp fills the box :class:`DaySheet` leaves for it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from checklist.workflow import ROLE_ZH, SIGNING_ROLES, Meaning
from export.crypto import Identity, SigningError, certificate_sha256, cms_sign_detached, unlock_identity
from export.fonts import report_fonts

if TYPE_CHECKING:
    from storage.db import Database
    from storage.models import User

SignatureBox = tuple[int, tuple[int, int, int, int]]  # page index, rectangle in points


@dataclass(frozen=True)
class DaySigner:
    name: str
    role: str
    signed_at: dt.datetime


class _SignatureSlot(Flowable):
    """The box the signature stamp goes into; remembers where it was drawn (page index, rectangle)."""

    def __init__(self, width: float, height: float, text: str, fonts: Any) -> None:
        super().__init__()
        self.width, self.height, self.text, self.fonts = width, height, text, fonts
        self.where: SignatureBox | None = None

    def draw(self) -> None:
        self.canv.setStrokeColorRGB(0.5, 0.5, 0.5)
        self.canv.rect(0, 0, self.width, self.height)
        x = 6.0
        for font, run in self.fonts.runs(self.text):
            self.canv.setFont(font, 9)
            self.canv.drawString(x, self.height - 14, run)
            x += self.fonts.width(run, 9)
        x, y = self.canv.absolutePosition(0, 0)
        self.where = (
            self.canv.getPageNumber() - 1,
            (round(x), round(y), round(x + self.width), round(y + self.height)),
        )


class DaySheet:
    """An A4 day record: its paragraph styles, ``p`` and ``table`` to write it, and :meth:`render`, which adds
    the signature box and a footer on every page."""

    def __init__(self) -> None:
        self.fonts = report_fonts()
        self.body = ParagraphStyle("body", fontName=self.fonts.cjk, fontSize=9.5, leading=13)
        self.title = ParagraphStyle("title", parent=self.body, fontSize=15, leading=20, spaceAfter=4)
        self.heading = ParagraphStyle("heading", parent=self.body, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10, textColor=colors.grey)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(self.fonts.markup(text), style or self.body)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
        """A grid with a grey header row repeated on every page; ``widths`` in millimetres."""
        data = [[self.p(h) for h in header]] + [[self.p(c) for c in row] for row in rows]
        grid = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return grid

    def _line(self, canvas: Any, x: float, y: float, text: str, right: bool = False) -> None:
        if right:
            x -= self.fonts.width(text, 8)
        for font, run in self.fonts.runs(text):  # digits and Latin in the Latin font, as the paragraphs do
            canvas.setFont(font, 8)
            canvas.drawString(x, y, run)
            x += self.fonts.width(run, 8)

    def render(self, story: list[Any], signer: DaySigner | None, title: str, footer: str) -> tuple[bytes, SignatureBox]:
        """The PDF of ``story`` followed by the signature box (naming ``signer``, or （待签署）), and where the
        box was drawn; ``footer`` goes at the bottom left of every page with the page number at the right."""
        if signer is not None:
            signed = f"负责人签署：{signer.name}（{ROLE_ZH.get(signer.role, signer.role)}）"
        else:
            signed = "负责人签署：（待签署）"
        slot = _SignatureSlot(90 * mm, 28 * mm, signed, self.fonts)
        out = io.BytesIO()

        def furniture(canvas: Any, document: Any) -> None:
            self._line(canvas, A4[0] - 15 * mm, 10 * mm, f"第 {document.page} 页", right=True)
            self._line(canvas, 15 * mm, 10 * mm, footer)

        document = SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=18 * mm,
            title=title,
            author="复工自查",
        )
        document.build([*story, slot], onFirstPage=furniture, onLaterPages=furniture)
        assert slot.where is not None
        return out.getvalue(), slot.where


def unlock_day_signer(db: Database, user_name: str, password: str, what: str, what_zh: str) -> tuple[User, Identity]:
    """The account signing off a day record (``what``: "a daily summary", "the log") and its unlocked key: the
    password again; an officer or a manager; a signing key. Raises in words; nothing is signed then."""
    from storage import auth
    from storage.errors import PermissionDeniedError

    user = auth.authenticate(db, user_name, password)
    if user.role not in SIGNING_ROLES[Meaning.INSPECTOR]:
        raise PermissionDeniedError(
            f"{user.name} is {user.role}: only an officer or a manager signs off {what}; nothing was signed",
            f"{user.name}（{ROLE_ZH.get(user.role, user.role)}）不能签署{what_zh}；没有签署任何内容",
        )
    if not user.pkcs12:
        raise SigningError(
            f"{user.name} has no signing key; nothing was signed", f"{user.name} 没有签名密钥；没有签署任何内容"
        )
    return user, unlock_identity(user.pkcs12, user.certificate_pem, password)


def sign_day_pdf(
    pdf: bytes,
    where: SignatureBox,
    field: str,
    identity: Identity,
    user: User,
    what_zh: str,
    hashed_zh: str,
    digest: str,
) -> bytes:
    """The day record's PDF with the person in charge's PAdES signature in the box :class:`DaySheet` left
    (``where``), its stamp naming them, the time and the record's hash (``what_zh``: 每日汇总, 通风消毒记录;
    ``hashed_zh``: what the hash is of, 汇总 or 记录)."""
    from export.pades import sign_pdf

    page, box = where
    role = ROLE_ZH.get(user.role, user.role)
    stamp = f"{what_zh}负责人签署：{user.name}（{role}）\n时间：%(ts)s\n{hashed_zh}哈希：{digest[:32]}\n{digest[32:]}"
    return sign_pdf(pdf, identity, field, box, page, stamp, reason=f"{what_zh}负责人签署", meaning="inspector")


def sign_off_fields(
    signer: DaySigner, user: User, identity: Identity, digest: str, canonical: bytes, signed_pdf: bytes
) -> dict[str, Any]:
    """What a day's sign-off row stores of its signing, for every kind of day record alike: the record's hash
    and a CMS signature over its canonical bytes, who signed, when and with which certificate, the signed PDF."""
    return {
        "record_hash": digest,
        "user_id": user.id,
        "signer_name": user.name,
        "signed_at": signer.signed_at,
        "certificate_sha256": certificate_sha256(identity.certificate),
        "record_signature": cms_sign_detached(canonical, identity, "inspector"),
        "pdf": signed_pdf,
    }
