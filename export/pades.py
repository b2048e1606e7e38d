"""PAdES signatures on report PDFs with pyHanko: visible fields in Chinese, incremental countersigning."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import string
from dataclasses import dataclass
from typing import Any

import uharfbuzz as hb
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from export.crypto import Identity, commitment_attributes, font_path, meaning_of, pyhanko_signer
from export.fonts import ReportFontError

Box = tuple[int, int, int, int]


# Always in the stamp's font: the stamp text is a template whose %(ts)s pyHanko fills in with the signing
# time (digits, Latin letters of a time zone name); printable ASCII covers every time format.
_ALWAYS = frozenset(string.printable)
# pyHanko fills in the template with ``%``: a ``%`` in a name (names are free text) would stop the signature
# with "unsupported format character". Every ``%`` but the one of the %(ts)s field is a percent sign.
_PERCENT_NOT_A_FIELD = re.compile(r"%(?!\(ts\)s)")


@dataclass(frozen=True)
class _StampFont(GlyphAccumulatorFactory):
    """The stamp's font, cut down to the characters of ``text`` (and printable ASCII) before pyHanko sees it.

    pyHanko parses the font it is given and subsets it with fontTools, keeping every glyph slot: for the
    4 MB CJK font that took about 2 s of CPU per signature (decoding 49,531 glyphs, their metrics and names).
    HarfBuzz's subsetter cuts the font to the stamp's characters in about a millisecond (their glyphs,
    metrics, kerning and hinting, the same outlines), so pyHanko parses and subsets a font of a few dozen
    glyphs. Every character the full font has still renders; one it lacks draws the ``.notdef`` box, as
    before. (pyHanko's own factory also opens the font file and never closes it.)
    """

    text: str = ""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(stamp_font(frozenset(self.text) | _ALWAYS)),
            font_size=self.font_size,
            ot_script_tag=self.ot_script_tag,
            writing_direction=self.writing_direction,
            obj_stream=obj_stream,
        )


@functools.cache
def _stamp_face() -> hb.Face:
    """The full stamp font, read once per process (HarfBuzz parses its tables lazily: this is cheap)."""
    try:
        with open(font_path(), "rb") as handle:
            return hb.Face(handle.read())
    except OSError as exc:
        raise _damaged_font(str(exc.strerror or exc)) from None


@functools.lru_cache(maxsize=32)
def stamp_font(characters: frozenset[str]) -> bytes:
    """The stamp font (TrueType) holding only ``characters``: their glyphs, metrics, kerning and hinting.
    Its ``.notdef`` keeps its outline, so a character the font lacks shows as a box, not as nothing."""
    wanted = hb.SubsetInput()
    wanted.unicode_set.update(ord(character) for character in characters)
    wanted.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    try:
        subset = hb.subset(_stamp_face(), wanted)
    except RuntimeError:  # HarfBuzz could not subset the file it read: the shipped font is damaged
        subset = None
    if subset is None:
        raise _damaged_font("it cannot be read as a font")
    return bytes(subset.blob.data)


def _damaged_font(why: str) -> ReportFontError:
    return ReportFontError(
        f"the signature stamp's font {font_path()} is unusable ({why}); nothing was signed — reinstall 复工自查",
        f"签名印章字体 {font_path()} 无法使用（{why}）；未作任何签署——请重新安装复工自查",
    )


def sign_pdf(
    pdf: bytes,
    identity: Identity,
    field_name: str,
    box: Box,
    page: int,
    stamp_text: str,
    reason: str,
    location: str = "",
    drawn_png: bytes | None = None,
    meaning: str | None = None,
    opaque: bool = False,
) -> bytes:
    """Add a visible PAdES signature in a new field as an incremental update; earlier signatures stay valid.
    A drawn handwritten signature, if given, is the stamp's faint background. ``opaque``: the stamp is a
    white card (covering what the page prints in the box) with the drawn signature at its lower right."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(field_name, on_page=page, box=box))
    background = None
    opacity = 0.35
    if opaque:
        from pyhanko.pdf_utils.images import PdfImage

        background, opacity = PdfImage(_card(box, drawn_png)), 1.0
    elif drawn_png:
        from PIL import Image
        from pyhanko.pdf_utils.images import PdfImage

        with Image.open(io.BytesIO(drawn_png)) as drawn:
            background = PdfImage(drawn.convert("RGBA"))
    style = TextStampStyle(
        stamp_text=_PERCENT_NOT_A_FIELD.sub("%%", stamp_text),
        text_box_style=TextBoxStyle(
            font=_StampFont(font_path(), ot_script_tag="hani", writing_direction="ltr", text=stamp_text), font_size=8
        ),
        border_width=1,
        inner_content_layout=_top_left() if opaque else None,
        background=background,
        background_opacity=opacity,
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        cades_signed_attr_spec=commitment_attributes(meaning),
    )
    out = io.BytesIO()
    signers.PdfSigner(metadata, signer=pyhanko_signer(identity), stamp_style=style).sign_pdf(writer, output=out)
    return out.getvalue()


def _top_left() -> Any:
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule

    return SimpleBoxLayoutRule(
        x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MAX, margins=Margins(6, 6, 6, 6)
    )


def _card(box: Box, drawn_png: bytes | None) -> Any:
    """A white image of the box's shape with the drawn signature in its lower right part."""
    from PIL import Image

    scale = 4
    width, height = (box[2] - box[0]) * scale, (box[3] - box[1]) * scale
    card = Image.new("RGB", (width, height), "white")
    if drawn_png:
        with Image.open(io.BytesIO(drawn_png)) as drawn:
            signature = drawn.convert("RGBA")
            signature.thumbnail((int(width * 0.6), int(height * 0.38)))
            card.paste(
                signature, (width - signature.width - 4 * scale, height - signature.height - 4 * scale), signature
            )
    return card


@dataclass(frozen=True)
class PdfSignatureCheck:
    field: str
    meaning: str | None  # the commitment the signature states (``export.crypto.COMMITMENTS``)
    signer: str
    certificate: x509.Certificate
    certificate_sha256: str
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    coverage: str
    modifications: str
    reason: str
    signing_time: dt.datetime | None = None  # the time the signature claims (a signed attribute)

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted


_ALLOWED_CHANGES = ("NONE", "LTA_UPDATES", "FORM_FILLING")


def check_pdf_signatures(pdf: bytes, anchors: list[x509.Certificate]) -> list[PdfSignatureCheck]:
    """Validate every signature of the PDF with pyHanko, trusting only ``anchors``; in signing order. A change
    after a signature beyond filling in the next signature field makes that signature fail."""
    import hashlib

    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in anchors]
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    checks: list[PdfSignatureCheck] = []
    for embedded in reader.embedded_signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        status = validate_pdf_signature(embedded, context)
        cert = embedded.signer_cert
        certificate = x509.load_der_x509_certificate(cert.dump())
        fingerprint = hashlib.sha256(cert.dump()).hexdigest()
        modifications = status.modification_level.name if status.modification_level is not None else "UNKNOWN"
        coverage = status.coverage.name if status.coverage else ""
        problems = []
        if not status.intact:
            problems.append("the signed bytes were changed")
        if not status.valid:
            problems.append("the signature does not verify")
        if not status.trusted:
            problems.append("the signer's certificate does not chain to the trust anchor")
        if status.docmdp_ok is False or modifications not in _ALLOWED_CHANGES:
            problems.append(f"the document was modified after signing beyond form filling ({modifications})")
        checks.append(
            PdfSignatureCheck(
                field=embedded.field_name,
                meaning=meaning_of(embedded.signer_info),
                signer=cert.subject.human_friendly,
                certificate=certificate,
                certificate_sha256=fingerprint,
                intact=bool(status.intact),
                valid=bool(status.valid) and status.docmdp_ok is not False and modifications in _ALLOWED_CHANGES,
                trusted=bool(status.trusted),
                covers_whole_file=coverage == "ENTIRE_FILE",
                coverage=coverage,
                modifications=modifications,
                reason="; ".join(problems) or "signature valid",
                signing_time=status.signer_reported_dt,
            )
        )
    return checks
