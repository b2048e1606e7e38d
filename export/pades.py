"""PAdES signatures on report PDFs with pyHanko: visible fields in Chinese, incremental countersigning."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import Any

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

Box = tuple[int, int, int, int]


class _StampFont(GlyphAccumulatorFactory):
    """pyHanko's factory opens the font file and never closes it; hand it the bytes instead."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(_font_bytes()),
            font_size=self.font_size,
            ot_script_tag=self.ot_script_tag,
            writing_direction=self.writing_direction,
            obj_stream=obj_stream,
        )


@functools.cache
def _font_bytes() -> bytes:
    with open(font_path(), "rb") as handle:
        return handle.read()


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
        stamp_text=stamp_text,
        text_box_style=TextBoxStyle(
            font=_StampFont(font_path(), ot_script_tag="hani", writing_direction="ltr"), font_size=8
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
            )
        )
    return checks
