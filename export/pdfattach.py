"""Files embedded in a PDF, so the report alone carries the record it prints (``pdfdetach -list`` shows them).

PDF 1.7 §7.11.4: an embedded file is a stream of type /EmbeddedFile, referenced from a file specification,
which is listed in the /EmbeddedFiles name tree under the catalog's /Names. reportlab has no public call for
this, but its catalog object has a /Names slot and its ``pdfdoc`` objects (dictionary, stream, array, string)
serialise everything needed; the attachment is hung on the catalog just before the document is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFStreamFilterZCompress,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    media_type: str
    description: str
    modified: dt.datetime


def _media_type_name(media_type: str) -> str:
    """A PDF name for a media type: ``application/json`` → ``/application#2Fjson`` (reportlab's ``PDFName``
    leaves the slash as it is, which would end the name there)."""
    return "/" + "".join(ch if ch.isalnum() or ch in "-.+_" else f"#{ord(ch):02X}" for ch in media_type)


def _pdf_date(stamp: dt.datetime) -> str:
    utc = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
    return utc.strftime("D:%Y%m%d%H%M%SZ")


def _file_spec(attachment: Attachment) -> PDFDictionary:
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": _media_type_name(attachment.media_type),
                "Params": PDFDictionary(
                    {"Size": len(attachment.data), "ModDate": PDFString(_pdf_date(attachment.modified))}
                ),
            }
        ),
        content=attachment.data,
        filters=[PDFStreamFilterZCompress()],
    )
    return PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(attachment.filename),
            "UF": PDFString(attachment.filename),
            "EF": PDFDictionary({"F": stream, "UF": stream}),
            "Desc": PDFString(attachment.description),
            "AFRelationship": PDFName("Data"),
        }
    )


def attach_files(canvas: Canvas, attachments: Sequence[Attachment]) -> None:
    """Embed ``attachments`` in the document of ``canvas``; call once, before ``canvas.save()``."""
    if not attachments:
        return
    document = canvas._doc  # type: ignore[attr-defined]  # reportlab's document model, not in the stubs
    names: list[object] = []
    for attachment in sorted(attachments, key=lambda a: a.filename):  # a name tree's keys are sorted
        names += [PDFString(attachment.filename), document.Reference(_file_spec(attachment))]
    document.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
