"""The inspection report as a PDF: A4, printable in black and white, fonts embedded, data attached.

Layout, top to bottom: cover (company, authority, site, date, inspector, catalogs, record hash with its QR
code), summary per section, every item in catalog order (citation, result, measured values, rule findings,
note, photos, corrective actions), dormitory rooms, the corrective-action table and the signature block.
Every page has a header (company, report ID) and a footer (record hash, 第 N 页 / 共 M 页); a draft carries
a 草稿 / DRAFT watermark. The canonical JSON of the record is embedded, so the PDF alone carries its data.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from checklist.company import COMPANY_TIME
from checklist.evaluation import Counts, Result
from checklist.messages import CHINESE, is_english, msg
from checklist.rules import Verdict
from checklist.text import printable
from checklist.workflow import MEANING_ZH
from export.content import (
    SIGNATURE_MEANINGS_ZH,
    ActionLine,
    ItemLine,
    Photo,
    ReportContent,
    RoomLine,
    Signer,
    format_value,
    pass_rate_text,
    report_word,
)
from export.fonts import CJK_FONT, ReportFonts, report_fonts
from export.linebreak import Line, break_text
from export.pdfattach import Attachment, attach_files
from export.progress import SILENT, Progress
from export.thumbnails import Thumbnail, photo_size, thumbnails_in_background
from storage.errors import KnownError

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
ITEM_COLUMNS = (22 * mm, CONTENT_WIDTH - 52 * mm, 30 * mm)
PHOTOS_PER_ROW = 3
PHOTO_BOX = (40 * mm, 30 * mm)
GREY_LINE = colors.Color(0.55, 0.55, 0.55)
GREY_FILL = colors.Color(0.9, 0.9, 0.9)
WATERMARK_GREY = colors.Color(0.86, 0.86, 0.86)
GOOD_PRACTICE_LABEL = "建议做法（超出条文要求，不作判定依据）"
GOOD_PRACTICE_LABEL_EN = "Good practice (beyond what the clause requires; not a ground for the result)"
VERDICT_MARK = {Verdict.PASS: "✓", Verdict.FAIL: "✗", Verdict.WARNING: "!"}


# --- text ----------------------------------------------------------------------------------------------


class CharWidths(dict[str, float]):
    """The width of each character at one size in the report fonts, measured the first time it is asked for."""

    def __init__(self, fonts: ReportFonts, size: float) -> None:
        super().__init__()
        self.fonts, self.size = fonts, size

    def __missing__(self, char: str) -> float:
        width = self[char] = pdfmetrics.stringWidth(char, self.fonts.font_for(char), self.size)
        return width


_char_widths: dict[tuple[str, str, float], CharWidths] = {}


def char_widths(fonts: ReportFonts, size: float) -> CharWidths:
    """The width table of ``size`` (one per process: the fonts are registered once)."""
    key = (fonts.cjk, fonts.latin, size)
    table = _char_widths.get(key)
    if table is None:
        table = _char_widths[key] = CharWidths(fonts, size)
    return table


class TextBlock(Flowable):
    """Plain text in one style: broken into lines by :mod:`export.linebreak` (once per width: reportlab
    wraps a table cell again at every attempt to place, keep together or split its table) and drawn line by
    line in the embedded fonts. What a CJK paragraph of the same text printed, in a fraction of the time, with
    the kinsoku rules kept and no punctuation hanging past the cell. Splits between lines at a page break."""

    def __init__(
        self, fonts: ReportFonts, text: str, style: ParagraphStyle, broken: tuple[float, list[Line]] | None = None
    ) -> None:
        super().__init__()
        self.fonts, self.style = fonts, style
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        self._broken = broken
        self.width = self.height = 0.0

    def lines(self, width: float) -> list[Line]:
        if self._broken is None or self._broken[0] != width:
            widths = char_widths(self.fonts, self.style.fontSize)
            self._broken = (width, break_text(self.text, widths.__getitem__, width))
        return self._broken[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The lines that fit in ``availHeight`` and the rest; nothing when only one would (a paragraph's
        orphan rule), nor when all would (asked by a table whose sum of heights rounded the other way)."""
        lines = self.lines(availWidth)
        fit = int(availHeight / self.style.leading)
        if fit <= 1 or len(lines) <= fit:
            return []
        rest = lines[fit].start
        head = TextBlock(self.fonts, self.text[: lines[fit - 1].stop], self.style, (availWidth, lines[:fit]))
        moved = [Line(line.start - rest, line.stop - rest) for line in lines[fit:]]
        return [head, TextBlock(self.fonts, self.text[rest:], self.style, (availWidth, moved))]

    def draw(self) -> None:
        style, size = self.style, self.style.fontSize
        widths = char_widths(self.fonts, size)
        centered = style.alignment == TA_CENTER
        placed = []
        y = self.height - size
        for line in self.lines(self.width):
            words = self.text[line.start : line.stop]
            placed.append(((self.width - sum(map(widths.__getitem__, words))) / 2 if centered else 0.0, y, words))
            y -= style.leading
        self.canv.setFillColor(style.textColor)
        show_lines(self.canv, self.fonts, size, placed)


# Each character drawn is coded once per document as its font, its subset of that font and its code in the
# subset, packed into one number: font × LATIN_BIT + subset × 256 + code (a TrueType font is embedded as
# subsets of 256 glyphs; the Latin font's subsets are numbered above the CJK font's).
LATIN_BIT = 0x80000


class DocumentCodes(dict[int, int]):
    """The characters one document has drawn in the report fonts, each to its packed code (a table for
    ``str.translate``: a line is coded in one call, not character by character). A character not seen before
    is coded by reportlab's own ``splitString`` — alone, in the order the characters are first drawn, so the
    fonts' subsets come out exactly as drawing through reportlab's text object makes them."""

    def __init__(self, fonts: ReportFonts, doc: Any) -> None:
        super().__init__()
        self.fonts, self.doc = fonts, doc
        self.latin_font = cast(TTFont, pdfmetrics.getFont(fonts.latin))
        self.cjk_font = cast(TTFont, pdfmetrics.getFont(fonts.cjk))
        self.names: dict[int, str] = {}  # packed code >> 8 → the PDF name of that font subset
        self.lines: dict[str, dict[str, LineCode]] = {}  # size → text → its operators (see show_lines)
        self.remembered = 0
        self._pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> int:
        latin = self.fonts.font_for(chr(code)) == self.fonts.latin
        font = self.latin_font if latin else self.cjk_font
        ((subset, chars),) = font.splitString(chr(code), self.doc)
        packed = self[code] = (LATIN_BIT if latin else 0) + (subset << 8) + chars[0]
        if packed >> 8 not in self.names:
            self.names[packed >> 8] = ""  # named when first drawn, as reportlab names a font when first drawn
            self._pattern = None
        return packed

    def name(self, key: int) -> str:
        """The PDF name of the font subset ``key`` (a packed code >> 8)."""
        name = self.names[key]
        if not name:
            latin, subset = divmod(key, LATIN_BIT >> 8)
            font = self.latin_font if latin else self.cjk_font
            name = self.names[key] = font.getSubsetInternalName(subset, self.doc)
        return name

    def pieces(self) -> re.Pattern[str]:
        """A pattern matching the runs of one font subset in a coded line."""
        if self._pattern is None:
            self._pattern = re.compile(
                "|".join(f"[\\U{key << 8:08x}-\\U{(key << 8) + 255:08x}]+" for key in sorted(self.names))
            )
        return self._pattern


_document_codes: weakref.WeakKeyDictionary[Any, DocumentCodes] = weakref.WeakKeyDictionary()


def document_codes(canvas: Canvas, fonts: ReportFonts) -> DocumentCodes:
    doc = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, not in the stubs
    codes = _document_codes.get(doc)
    if codes is None or codes.fonts is not fonts:
        codes = _document_codes[doc] = DocumentCodes(fonts, doc)
    return codes


# A line's operators are kept per document (a report repeats many lines: table cells, headers, labels), up
# to this many lines of at most LINE_MEMO_TEXT characters.
LINE_MEMO_SIZE = 200_000
LINE_MEMO_TEXT = 200


class LineCode(NamedTuple):
    """A line's operators after its origin: the first run's font subset and string, the others' font and
    string (each run is in another subset than the one before it), and the last run's subset."""

    first: int
    first_string: str
    rest: str
    last: int


def line_code(codes: DocumentCodes, text: str, size_text: str) -> LineCode:
    """The operators that draw ``text`` (not empty), as :func:`show_lines` writes them."""
    coded = text.translate(codes)
    low, high = ord(min(coded)) >> 8, ord(max(coded)) >> 8
    pieces = [coded] if low == high else codes.pieces().findall(coded)
    strings = [f"({escapePDF(piece.encode('utf-32-be', 'surrogatepass')[3::4])}) Tj" for piece in pieces]
    keys = [ord(piece[0]) >> 8 for piece in pieces]
    codes.name(keys[0])  # subsets are named in the order they are first drawn (the fonts' F1, F2 …)
    rest = " ".join(
        f"{codes.name(key)} {size_text} Tf {string}" for key, string in zip(keys[1:], strings[1:], strict=True)
    )
    return LineCode(keys[0], strings[0], rest, keys[-1])


def show_lines(canvas: Canvas, fonts: ReportFonts, size: float, lines: Iterable[tuple[float, float, str]]) -> None:
    """Draw ``lines`` (x, y of the baseline, text) in the current fill colour as one PDF text object: per line
    its origin, per run of one font subset the font and the string — the operators reportlab's text object
    writes. A line is coded with one ``str.translate`` (:class:`DocumentCodes`) and cut into runs of one
    subset with one regular expression, where reportlab's ``splitString`` loops over every character in
    Python (the largest report draws about two million); a line drawn before in the document is not coded
    again."""
    codes = document_codes(canvas, fonts)
    size_text = fp_str(size)
    memo = codes.lines.setdefault(size_text, {})
    code = ["BT"]
    current = -1
    for x, y, text in lines:
        code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        if not text:
            continue
        line = memo.get(text)
        if line is None:
            line = line_code(codes, text, size_text)
            if len(text) <= LINE_MEMO_TEXT and codes.remembered < LINE_MEMO_SIZE:
                memo[text] = line
                codes.remembered += 1
        if line.first != current:
            code.append(f"{codes.name(line.first)} {size_text} Tf")
        code.append(line.first_string)
        if line.rest:
            code.append(line.rest)
        current = line.last
    code.append("ET")
    canvas._code.append(" ".join(code))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Styles:
    """Text styles, all in the embedded CJK font (Latin runs are drawn in the Latin one)."""

    fonts: ReportFonts
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    item_title: ParagraphStyle
    section: ParagraphStyle
    centered: ParagraphStyle
    small_centered: ParagraphStyle
    result_fail: ParagraphStyle
    digest: ParagraphStyle
    language: str = CHINESE  # the report's: the colon after a label, the note on a cut text

    def p(self, text: str, style: ParagraphStyle | None = None) -> TextBlock:
        """A paragraph of plain text (never markup: user data is drawn as it is)."""
        return TextBlock(self.fonts, _fit(text, language=self.language), style or self.body)

    def cell(self, text: str, width: float, style: ParagraphStyle | None = None) -> Flowable:
        """A table cell of ``width`` (its column less the padding): one drawn line when the text fits on one,
        else a paragraph."""
        style = style or self.body
        cleaned = printable(text)
        if "\n" not in cleaned and "\r" not in cleaned and len(cleaned) <= 80:
            text_width = self.fonts.width(cleaned, style.fontSize)
            if text_width <= width:
                return OneLine(self.fonts, cleaned, style, text_width)
        return self.p(text, style)

    def labelled(self, label: str, text: str, style: ParagraphStyle | None = None) -> TextBlock:
        colon = ": " if is_english(self.language) else "："
        return TextBlock(self.fonts, f"{label}{colon}{_fit(text, language=self.language)}", style or self.body)


# A paragraph sits in a table cell, which cannot break across pages: text longer than this is cut (and says
# so) rather than making a cell taller than a page (reportlab's LayoutError). The record attached to the PDF
# keeps the full text.
PARAGRAPH_TEXT_LIMIT = 1_500
PARAGRAPH_LINE_LIMIT = 30
COVER_TEXT_LIMIT = 300  # the cover's facts share one page with the record hash and its QR code
COVER_LINE_LIMIT = 8


def _say(language: str, chinese: str, english: str) -> str:
    """A label in the report's language (``language`` of :class:`ReportContent`)."""
    return english if is_english(language) else chinese


def _fit(
    text: str, limit: int = PARAGRAPH_TEXT_LIMIT, max_lines: int = PARAGRAPH_LINE_LIMIT, language: str = CHINESE
) -> str:
    """``text`` printable (no control characters) and short enough for one table cell on one page."""
    cleaned = printable(text)
    lines = cleaned.split("\n")
    if len(cleaned) <= limit and len(lines) <= max_lines:
        return cleaned
    cut = "\n".join(lines[:max_lines])[:limit]
    if is_english(language):
        return cut + f"… ({len(cleaned):,} characters: the full text is in the attached record)"
    return cut + f"…（共 {len(cleaned):,} 字，全文见附带的记录 / full text in the attached record）"


def make_styles(fonts: ReportFonts, language: str = CHINESE) -> Styles:
    # English wraps between words (a Chinese run too long for its line is split where it must be)
    wrap = None if is_english(language) else "CJK"

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=fonts.cjk, fontSize=size, leading=size * 1.4, wordWrap=wrap, **extra)

    return Styles(
        fonts=fonts,
        body=style("body", 9),
        small=style("small", 7.5, textColor=colors.Color(0.25, 0.25, 0.25)),
        title=style("title", 18, alignment=TA_CENTER, spaceAfter=2 * mm),
        heading=style("heading", 13, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        subheading=style("subheading", 10.5, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        item_title=style("item_title", 10.5),
        section=style("section", 9, spaceBefore=1 * mm, keepWithNext=1),
        centered=style("centered", 9, alignment=TA_CENTER),
        small_centered=style("small_centered", 7.5, alignment=TA_CENTER),
        result_fail=style("result_fail", 9.5, alignment=TA_CENTER, textColor=colors.white),
        digest=style("digest", 8.5),
    )


def draw_text(
    canvas: Canvas, fonts: ReportFonts, x: float, y: float, text: str, size: float, align: str = "left"
) -> None:
    """Draw one line of mixed Chinese / Latin text straight on the canvas (headers, footers, watermark)."""
    width = fonts.width(text, size)
    show_lines(canvas, fonts, size, [(x - {"left": 0.0, "center": width / 2, "right": width}[align], y, text)])


class OneLine(Flowable):
    """A table cell of one short line of plain text, drawn straight on the canvas: what a paragraph would
    print, without parsing markup and breaking lines (a 2,000-room table has 20,000 such cells). Made by
    :meth:`Styles.cell` only for text that fits its column on one line."""

    def __init__(self, fonts: ReportFonts, text: str, style: ParagraphStyle, width: float) -> None:
        super().__init__()
        self.fonts, self.text, self.style, self.text_width = fonts, text, style, width
        self.width, self.height = width, style.leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = max(available_width, self.text_width)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.style.textColor)
        # the width measured when the cell was made (draw_text would measure it again: 20,000 cells)
        x = self.width / 2 - self.text_width / 2 if self.style.alignment == TA_CENTER else 0.0
        show_lines(self.canv, self.fonts, self.style.fontSize, [(x, self.height - self.style.fontSize, self.text)])


# --- page furniture ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries: header, footer, and for a draft the watermark."""

    fonts: ReportFonts
    company: str
    report_id: str
    footer_left: str
    draft: bool
    language: str = CHINESE

    def on_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """Drawn when a page begins, so the watermark lies under the content."""
        canvas.saveState()
        if self.draft:
            canvas.setFillColor(WATERMARK_GREY)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(45)
            draw_text(canvas, self.fonts, 0, -20, _say(self.language, "草稿 DRAFT", "DRAFT"), 80, "center")
            canvas.rotate(-45)
            canvas.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(GREY_LINE)
        canvas.setLineWidth(0.5)
        top = PAGE_HEIGHT - 10 * mm
        draw_text(canvas, self.fonts, MARGIN, top, self.company, 8.5)
        title = report_word("title", self.language)
        draw_text(canvas, self.fonts, PAGE_WIDTH - MARGIN, top, f"{title}  {self.report_id}", 8.5, "right")
        canvas.line(MARGIN, top - 2 * mm, PAGE_WIDTH - MARGIN, top - 2 * mm)
        canvas.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        draw_text(canvas, self.fonts, MARGIN, 9 * mm, self.footer_left, 7.5)
        canvas.restoreState()

    def page_count(self, canvas: Canvas, number: int, total: int) -> None:
        """Drawn when the document is saved, once the number of pages is known."""
        canvas.saveState()
        pages = _say(self.language, f"第 {number} 页 / 共 {total} 页", f"Page {number} of {total}")
        draw_text(canvas, self.fonts, PAGE_WIDTH - MARGIN, 9 * mm, pages, 8.5, "right")
        canvas.restoreState()


class ReportCanvas(Canvas):
    """Keeps every page until the end so the footer can say how many pages there are (共 M 页), and embeds
    the attachments just before saving. (Rendering twice would double the layout time.)"""

    def __init__(
        self, *args: Any, furniture: PageFurniture, attachments: Sequence[Attachment] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._attachments = attachments
        self._page_states: list[dict[str, Any]] = []
        self.signature_slots: dict[str, tuple[int, float, float, float, float]] = {}

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset, not in the stubs

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._furniture.page_count(self, number, total)
            super().showPage()
        attach_files(self, self._attachments)
        if self.signature_slots:  # in the document catalogue, not in the properties a reader sees
            from reportlab.pdfbase.pdfdoc import PDFString

            catalog = self._doc.Catalog  # type: ignore[attr-defined]  # reportlab's document, not in the stubs
            slots = PDFString(json.dumps(self.signature_slots, sort_keys=True))
            catalog.__Defaults__ = {**type(catalog).__Defaults__, SLOTS_KEY: slots}
        super().save()


# --- building blocks -----------------------------------------------------------------------------------


def _table(rows: list[list[Any]], widths: Sequence[float], style: list[tuple[Any, ...]], **kwargs: Any) -> Table:
    """A table whose own font is the embedded one: reportlab sets each cell's font even when the cell holds a
    paragraph, and its default is the unembedded Helvetica."""
    table = Table(rows, colWidths=list(widths), **kwargs)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), CJK_FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), *style]))
    return table


class QrCode(Flowable):
    """A QR code drawn as one filled path of horizontal runs. (reportlab's QrCodeWidget encodes twice and
    draws a shape per module: about 0.15 s of every report.)"""

    QUIET_ZONE = 2  # modules of white around the code

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        count: int = code.getModuleCount()  # type: ignore[no-untyped-call]  # untyped in the stubs
        self.modules = [
            [bool(code.isDark(row, column)) for column in range(count)]  # type: ignore[no-untyped-call]
            for row in range(count)
        ]
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        cell = self.width / (len(self.modules) + 2 * self.QUIET_ZONE)
        path = self.canv.beginPath()
        for number, row in enumerate(self.modules):
            y = self.height - (self.QUIET_ZONE + number + 1) * cell
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                # a hair taller than a module, so rows print as one surface without seams
                path.rect((self.QUIET_ZONE + start) * cell, y - cell * 0.02, (column - start) * cell, cell * 1.04)
        self.canv.drawPath(path, stroke=0, fill=1)


Pending = Future[Thumbnail | None]


class JpegNamedByItsBytes(ImageReader):
    """A thumbnail for ``drawImage``, which embeds a JPEG's bytes as they are but names each image (to store
    an image drawn twice once) by a digest of its decoded pixels: every thumbnail was decoded only to be named
    (about 3 ms each, a second for the 300 of the largest report). A JPEG is named here by a digest of its
    bytes (the same bytes are the same image); any other image is decoded as before."""

    def getRGBData(self) -> bytes:
        if self.jpeg_fh() is None:  # type: ignore[func-returns-value]  # the stubs say it always returns None
            data: bytes = super().getRGBData()  # type: ignore[no-untyped-call]
            return data
        self._dataA = None  # no alpha channel: a JPEG has none
        return self.fp.getvalue()  # type: ignore[no-any-return]


class PhotoThumbnail(Flowable):
    """A photo whose thumbnail is still being made in the background: its size is known from the file header,
    so the page can be laid out now; drawing waits for the thumbnail."""

    def __init__(self, pending: Pending, width: float, height: float) -> None:
        super().__init__()
        self.pending, self.width, self.height = pending, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        thumb = self.pending.result()
        if thumb is None:  # the header was readable, the image data is not: leave a marked empty frame
            self.canv.setStrokeColor(GREY_LINE)
            self.canv.rect(0, 0, self.width, self.height)
            self.canv.line(0, 0, self.width, self.height)
            return
        self.canv.drawImage(JpegNamedByItsBytes(io.BytesIO(thumb.data)), 0, 0, self.width, self.height)


def _hash_notice(content: ReportContent) -> str:
    if content.english:
        if content.is_draft:
            return (
                "DRAFT: this is the hash of the draft as it is now; the inspection is not completed or signed yet "
                "and may still change."
            )
        if content.is_signed:
            return (
                "Signed: this hash identifies the signed inspection record; any change to the record changes it. "
                "To check it, the company selects this record in 复工自查's audit window and clicks the button "
                "that verifies the record: the program computes the hash again and compares it with this one. "
                "This English copy carries no digital signature; the signed report is the Chinese one, for the "
                "same record hash."
            )
        return "Completed, not yet signed: this hash identifies the inspection record as it was completed."
    if content.is_draft:
        return "草稿 DRAFT：此为当前草稿内容的哈希，检查尚未完成和签署，内容仍可能改变。"
    if content.is_signed:
        return (
            "已签署：此哈希标识所签署的检查记录，记录的任何改动都会改变它。核对方法：请企业在复工自查的“审计”窗口"
            "选中此记录，点击“验证记录”，程序会重新计算哈希并与此处比对；报告上的数字签名可用 PDF 阅读器查看。"
        )
    return "已完成，尚未签署：此哈希标识完成时的检查记录。"


def _authority_rows(content: ReportContent, st: Styles) -> list[list[Flowable]]:
    """The signing authority's fingerprint, to compare with the trust file (``fugong trust export``)."""
    if not content.signing_authority_sha256:
        return []
    return [
        [
            st.p(
                content.words(
                    "签名机构证书指纹（SHA-256，与信任文件核对）",
                    "Fingerprint of the signing authority's certificate (SHA-256, to compare with the trust file)",
                ),
                st.small,
            )
        ],
        [st.p(content.signing_authority_sha256, st.digest)],
    ]


def report_number(content: ReportContent) -> str:
    """The report number explained: the list's #id is the record, the -v part the saved version printed."""
    if content.english:
        said = (
            f"{content.report_id} ({content.status_zh}) = inspection record #{content.inspection_id}, "
            f"version {content.version}"
        )
        return (
            f"{said}: the number of the signed Chinese original, kept by this translation"
            if content.translation
            else said
        )
    said = f"{content.report_id}（{content.status_zh}）＝ 检查记录 #{content.inspection_id} 第 {content.version} 版"
    return f"{said}：译本沿用所译中文正本的编号" if content.translation else said


def cover(content: ReportContent, st: Styles, local_zone: dt.tzinfo | None = None) -> list[Flowable]:
    if content.english:
        catalogs = "\n".join(
            f"{c.id} {c.version} {c.title}{' (' + c.number + ')' if c.number else ''}" for c in content.catalogs
        )
        authority = f"{content.authority.name_en} ({content.authority.basis})"
    else:
        catalogs = "\n".join(
            f"{c.id} {c.version}《{c.title}》{'（' + c.number + '）' if c.number else ''}" for c in content.catalogs
        )
        authority = f"{content.authority.name_zh}（{content.authority.basis}）"
    w = content.words
    facts = [
        (w("单位名称", "Company"), content.company_name),
        (w("统一社会信用代码", "Unified social credit code"), content.credit_code),
        (w("地址", "Address"), content.address or "—"),
        (w("所在区", "District"), content.district or "—"),
        (w("单位类型", "Type of company"), content.company_type_zh),
        (w("监管部门", "Inspecting authority"), authority),
        (w("检查场所", "Site inspected"), content.site or "—"),
        (w("检查日期", "Date of inspection"), content.date.isoformat()),
        (w("检查人", "Inspector"), content.inspector),
        (w("检查依据", "Basis"), catalogs),
        (w("报告编号", "Report number"), report_number(content)),
    ]
    if content.supersedes is not None:
        facts.append((w("更正", "Correction"), content.supersedes.sentence_zh))
    if content.translation:
        facts.insert(0, (w("译本", "Translation"), content.translation))
    fact_table = _table(
        [
            # English takes about twice the characters of Chinese for the same words
            [
                st.p(label, st.small),
                st.p(_fit(value, COVER_TEXT_LIMIT * (2 if content.english else 1), COVER_LINE_LIMIT, content.language)),
            ]
            for label, value in facts
        ],
        ((34 if content.english else 28) * mm, CONTENT_WIDTH - (76 if content.english else 70) * mm),
        [("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY_LINE), ("TOPPADDING", (0, 0), (-1, -1), 2)],
    )
    qr = _table(
        [[QrCode(content.record_hash, 34 * mm)], [st.p(w("记录哈希二维码", "QR code of the record hash"), st.small)]],
        (38 * mm,),
        [("ALIGN", (0, 0), (-1, -1), "CENTER")],
    )
    hash_block = _table(
        [
            [st.p(w("记录哈希（SHA-256）", "Record hash (SHA-256)"), st.small)],
            [st.p(content.record_hash, st.digest)],
            [st.p(_hash_notice(content), st.small)],
            *_authority_rows(content, st),
        ],
        (CONTENT_WIDTH,),
        [("BOX", (0, 0), (-1, -1), 0.75, colors.black), ("BACKGROUND", (0, 0), (-1, -1), GREY_FILL)],
    )
    generated = _local_time_in(content.language, content.generated_at_utc, local_zone)
    return [
        *logo_flowables(content.logo_png),
        st.p(content.word("title"), st.title),
        st.p(f"{content.report_id} · {content.status_zh} · {w('生成于', 'made')} {generated}", st.centered),
        Spacer(1, 5 * mm),
        _table([[fact_table, qr]], (CONTENT_WIDTH - 40 * mm, 40 * mm), []),
        Spacer(1, 3 * mm),
        hash_block,
    ]


LOGO_BOX = (50 * mm, 18 * mm)  # the most a logo takes above the cover's title


def logo_flowables(png: bytes | None) -> list[Flowable]:
    """The company's logo, centred above the title and scaled to fit LOGO_BOX; nothing without one. The
    inspection report's cover and the daily health summary both print it through this one function."""
    if not png:
        return []
    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    picture = Image(io.BytesIO(png), width=width * scale, height=height * scale)
    picture.hAlign = "CENTER"
    return [picture, Spacer(1, 2 * mm)]


def _count_cells(st: Styles, label: str, counts: Counts) -> list[TextBlock]:
    numbers = (counts.passed, counts.failed, counts.na, counts.unchecked)
    return [
        st.p(label),
        *(st.p(str(n), st.centered) for n in numbers),
        st.p(pass_rate_text(counts), st.centered),
    ]


def summary(content: ReportContent, st: Styles) -> list[Flowable]:
    w = content.words
    labels = (
        w("检查依据 / 章节", "Basis / section"),
        content.word("result.pass"),
        content.word("result.fail"),
        content.word("result.na"),
        w("未检查", "Unchecked"),
        w("合格率", "Pass rate"),
    )
    header = [st.p(text, st.centered) for text in labels]
    rows: list[list[Any]] = [header]
    group_rows: list[int] = []
    for catalog in content.catalogs:
        group_rows.append(len(rows))
        title = f"{catalog.id} {catalog.title}" if content.english else f"{catalog.id}《{catalog.title}》"
        rows.append([st.p(title), "", "", "", "", ""])
        rows += [_count_cells(st, s.title, s.counts) for s in content.sections if s.catalog_id == catalog.id]
    rows.append(_count_cells(st, w("合计", "Total"), content.overall))
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.25, GREY_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), GREY_FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
    ]
    style += [("SPAN", (0, r), (-1, r)) for r in group_rows]
    unchecked = (24 if content.english else 17) * mm  # "Unchecked" on one line
    widths = (CONTENT_WIDTH - 78 * mm - unchecked, 17 * mm, 17 * mm, 17 * mm, unchecked, 27 * mm)
    table = _table(rows, widths, style, repeatRows=1)
    severe = (
        w("；", "; ").join(f"{i.item_id} {i.title}" for i in content.severe_failures)
        if content.severe_failures
        else content.word("none")
    )
    count = len(content.severe_failures)
    return [
        st.p(w("检查结果汇总", "Summary of results"), st.heading),
        table,
        Spacer(1, 2 * mm),
        st.labelled(
            w("合格率（合格 ÷ 已判定适用项）", "Pass rate (passed ÷ items judged applicable)"),
            pass_rate_text(content.overall),
        ),
        st.labelled(w(f"严重不合格项（{count}）", f"Critical items failed ({count})"), severe),
    ]


def _action_text(action: ActionLine) -> str:
    if is_english(action.language):
        due = f", due {action.due.isoformat()}" if action.due else ""
        return f"{action.action} (owner {action.owner}{due}, {action.status_zh})"
    due = f"，期限 {action.due.isoformat()}" if action.due else ""
    return f"{action.action}（责任人 {action.owner}{due}，{action.status_zh}）"


def _photo_cell(photo: Photo, pending: Pending, st: Styles, language: str = CHINESE) -> list[Flowable]:
    size = photo.thumbnail_size or photo_size(photo.data)
    if size is None:
        return [
            st.p(_say(language, "（无法显示的图片）", "(picture that cannot be shown) ") + photo.filename, st.small)
        ]
    box_w, box_h = PHOTO_BOX
    scale = min(box_w / size[0], box_h / size[1])
    return [PhotoThumbnail(pending, size[0] * scale, size[1] * scale), st.p(photo.filename, st.small)]


def _photo_rows(item: ItemLine, thumbs: Sequence[Pending], st: Styles) -> list[Table]:
    cells = [_photo_cell(photo, pending, st, item.language) for photo, pending in zip(item.photos, thumbs, strict=True)]
    rows = []
    for start in range(0, len(cells), PHOTOS_PER_ROW):
        row: list[Any] = cells[start : start + PHOTOS_PER_ROW]
        row += [""] * (PHOTOS_PER_ROW - len(row))
        rows.append(
            _table([row], [ITEM_COLUMNS[1] / PHOTOS_PER_ROW] * PHOTOS_PER_ROW, [("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
    return rows


def _finding_lines(item: ItemLine, st: Styles) -> list[Flowable]:
    """The item's rule findings. Of the per-room ones (a line per room and rule) a long list is cut to the
    rooms that fail, then counted: every room has its row and its problems in the dormitory table."""
    per_room = [f for f in item.findings if f.per_room]
    shown = list(item.findings)
    if len(per_room) > ROOM_FINDINGS_IN_ITEM:
        failing = [f for f in per_room if f.verdict is not Verdict.PASS]
        listed = failing[:ROOM_FINDINGS_IN_ITEM]
        shown = [f for f in item.findings if not f.per_room] + listed
    lines: list[Flowable] = [st.p(f"{VERDICT_MARK[f.verdict]} {f.message_zh}") for f in shown]
    if len(per_room) > ROOM_FINDINGS_IN_ITEM:
        failed = sum(f.verdict is Verdict.FAIL for f in per_room)
        warned = sum(f.verdict is Verdict.WARNING for f in per_room)
        passed = len(per_room) - failed - warned
        lines.append(
            st.p(
                _say(
                    item.language,
                    f"宿舍逐间判定 {len(per_room):,} 项：不符合 {failed:,}，提示 {warned:,}，符合 {passed:,}；"
                    f"此处列出前 {len(listed):,} 项不符合或提示，逐间结果见“集体宿舍”表。",
                    f"{len(per_room):,} room-by-room verdicts: {failed:,} do not meet, {warned:,} warnings, "
                    f"{passed:,} meet; the first {len(listed):,} that do not meet or warn are listed here, every "
                    "room in the dormitories table.",
                ),
                st.small,
            )
        )
    return lines


def item_block(item: ItemLine, thumbs: Sequence[Pending], st: Styles) -> Table:
    """One item as a three-column table (ID | what was found | result). Each line is its own row, so a long
    item splits across pages between lines instead of overflowing the page."""
    language = item.language
    lines: list[Flowable] = [
        st.p(item.title, st.item_title),
        st.labelled(_say(language, "依据", "Basis"), item.citation, st.small),
    ]
    if item.good_practice:
        good_practice = _say(language, GOOD_PRACTICE_LABEL, GOOD_PRACTICE_LABEL_EN)
        lines.append(st.labelled(good_practice, item.good_practice, st.small))
    lines += [st.labelled(_say(language, "测量", "Measured"), m) for m in item.measurements]
    lines += _finding_lines(item, st)
    if item.overridden:
        lines.append(st.labelled(_say(language, "人工改判理由", "Reason for overriding"), item.override_reason))
    if item.note:
        lines.append(st.labelled(_say(language, "备注", "Note"), item.note))
    other_evidence = [name for name in item.evidence_names if name not in {p.filename for p in item.photos}]
    if other_evidence:
        lines.append(
            st.labelled(_say(language, "证据文件", "Evidence files"), _say(language, "、", ", ").join(other_evidence))
        )
    lines += [st.labelled(_say(language, "整改", "Corrective action"), _action_text(a)) for a in item.actions]
    lines += _photo_rows(item, thumbs, st)
    rows: list[list[Any]] = [["", line, ""] for line in lines]
    # One line per cell in the first rows, so the title row is as tall as the title.
    rows[0][0], rows[1][0] = st.p(item.item_id), st.p(item.severity_zh, st.small)
    rows[0][2] = st.p(item.result_zh, st.result_fail if item.result is Result.FAIL else st.centered)
    if item.overridden:
        rows[1][2] = st.p(_say(language, "（人工改判）", "(overridden)"), st.small_centered)
    style: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("LINEAFTER", (0, 0), (0, -1), 0.25, GREY_LINE),
        ("LINEBEFORE", (2, 0), (2, -1), 0.25, GREY_LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (2, 0), (2, 0), "MIDDLE"),
    ]
    if item.result is Result.FAIL:
        style.append(("BACKGROUND", (2, 0), (2, 0), colors.black))
    return _table(rows, ITEM_COLUMNS, style, splitInRow=1)


def items_part(content: ReportContent, thumbs: Mapping[str, Sequence[Pending]], st: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    part_heading: list[Flowable] = [st.p(content.words("逐项检查结果", "Results item by item"), st.heading)]
    if content.english:
        catalog_titles = {c.id: f"{c.id} {c.version} {c.title}" for c in content.catalogs}
    else:
        catalog_titles = {c.id: f"{c.id} {c.version}《{c.title}》" for c in content.catalogs}
    current = ("", "")
    for item in content.items:
        headings, part_heading = part_heading, []
        if item.catalog_id != current[0]:
            headings.append(st.p(catalog_titles[item.catalog_id], st.subheading))
        if (item.catalog_id, item.section_title) != current:
            headings.append(st.p(item.section_title, st.section))
            current = (item.catalog_id, item.section_title)
        # An item stays on one page when it fits on one (a longer one splits between its lines), and the
        # headings above it go where it goes.
        story += [KeepTogether([*headings, item_block(item, thumbs.get(item.item_id, []), st)]), Spacer(1, 2 * mm)]
    return story


CELL_PADDING = 12  # a table cell's default left and right padding together (points)
# Long tables are laid out as one table per chunk of rows, each with the header: reportlab measures every
# remaining row again whenever it splits a table at a page break, so one table of 2,000 rooms took minutes
# (quadratic); chunks of about a page keep the layout linear in the number of rows.
ROWS_PER_TABLE = 40
ROOM_FINDINGS_IN_ITEM = 12  # per-room findings listed in an item; more are counted there and listed per room
# Text in a row of the room and action tables is cut to this many characters (the item blocks print an action
# up to PARAGRAPH_TEXT_LIMIT, the attached record and the workbook in full): the largest allowed inspection,
# every text at its policy's length, still makes a report of a few hundred pages in seconds.
TABLE_NAME_LIMIT = 24
TABLE_TEXT_LIMIT = 300
CUT_NOTICE = "表中较长的文字只印前 {limit} 字（以“…”结尾），全文见逐项检查结果和附带的记录。"
CUT_NOTICE_EN = (
    "Longer texts in the table are printed up to {limit} characters (ending in “…”); the results item by item "
    "and the attached record have them in full."
)


def _chunks(rows: Sequence[list[Any]], size: int = ROWS_PER_TABLE) -> Iterator[Sequence[list[Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _chunked_table(
    header: list[Any], rows: Sequence[list[Any]], widths: Sequence[float], style: list[tuple[Any, ...]]
) -> list[Flowable]:
    """``rows`` under ``header`` as one table per chunk of rows, each repeating the header when it breaks."""
    return [_table([header, *chunk], widths, style, repeatRows=1, splitInRow=1) for chunk in _chunks(rows)] or [
        _table([header], widths, style)
    ]


def _room_row(room: RoomLine, content: ReportContent, st: Styles, widths: Sequence[float]) -> list[Flowable]:
    cells = [
        printable(room.name, TABLE_NAME_LIMIT),
        format_value(room.area_m2, content.language),
        str(room.occupants),
        f"{room.area_per_person:.2f}",
        room.location_zh,
        *(content.word(f"room.{v.value}") if (v := room.verdicts.get(r.id)) else "—" for r in content.room_rules),
    ]
    return [st.cell(text, width - CELL_PADDING, st.centered) for text, width in zip(cells, widths, strict=True)]


def rooms_part(content: ReportContent, st: Styles) -> list[Flowable]:
    if not content.rooms:
        return []
    w = content.words
    header = [
        w("房间", "Room"),
        w("面积 m²", "Area m²"),
        w("人数", "People"),
        w("人均 m²", "m² per person"),
        w("位置", "Location"),
        *(f"{r.title_zh}\n{r.citation}" for r in content.room_rules),
    ]
    fixed = tuple(n * mm for n in ((18, 14, 15, 17, 31) if content.english else (22, 18, 14, 18, 20)))
    rule_width = (CONTENT_WIDTH - sum(fixed)) / max(len(content.room_rules), 1)
    widths = (*fixed, *[rule_width] * len(content.room_rules))
    rows = [_room_row(room, content, st, widths) for room in content.rooms]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.25, GREY_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), GREY_FILL),
    ]
    problems = [st.p(f"✗ {message}", st.small) for room in content.rooms for message in room.messages]
    cut = any(len(room.name) > TABLE_NAME_LIMIT for room in content.rooms)
    return [
        st.p(w("集体宿舍", "Dormitories"), st.heading),
        *_chunked_table([st.p(text, st.centered) for text in header], rows, widths, style),
        *([st.p(w(CUT_NOTICE, CUT_NOTICE_EN).format(limit=TABLE_NAME_LIMIT), st.small)] if cut else []),
        *problems,
    ]


def actions_part(content: ReportContent, st: Styles) -> list[Flowable]:
    w = content.words
    story: list[Flowable] = [st.p(w("整改措施", "Corrective actions"), st.heading)]
    if not content.actions:
        return [*story, st.p(content.word("none"))]
    header = [
        w("项目", "Item"),
        w("整改措施", "Corrective action"),
        w("责任人", "Owner"),
        w("完成期限", "Due"),
        w("状态", "Status"),
        w("验证", "Verified"),
    ]
    widths = (32 * mm, CONTENT_WIDTH - 128 * mm, 18 * mm, 26 * mm, 16 * mm, 36 * mm)
    rows: list[list[Any]] = []
    for a in content.actions:
        verified = " ".join(x for x in (a.verified_on.isoformat() if a.verified_on else "", a.verification_note) if x)
        rows.append(
            [
                st.p(f"{a.item_id}\n{a.item_title}", st.small),
                st.p(printable(a.action, TABLE_TEXT_LIMIT)),
                st.cell(printable(a.owner, TABLE_NAME_LIMIT), widths[2] - CELL_PADDING),
                st.cell(a.due.isoformat() if a.due else "—", widths[3] - CELL_PADDING),
                st.cell(a.status_zh, widths[4] - CELL_PADDING),
                st.p(printable(verified, TABLE_TEXT_LIMIT) or "—", st.small),
            ]
        )
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.25, GREY_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), GREY_FILL),
    ]
    cut = any(len(a.action) > TABLE_TEXT_LIMIT or len(a.verification_note) > TABLE_TEXT_LIMIT for a in content.actions)
    notice = [st.p(w(CUT_NOTICE, CUT_NOTICE_EN).format(limit=TABLE_TEXT_LIMIT), st.small)] if cut else []
    return [*story, *_chunked_table([st.p(text, st.centered) for text in header], rows, widths, style), *notice]


def _times(signer: Signer, local_zone: dt.tzinfo | None) -> str:
    return signing_times(signer.utc, local_zone)


def signing_times(utc: dt.datetime, local_zone: dt.tzinfo | None = None) -> str:
    """A signing time in UTC and in local time, as the signature boxes print it."""
    local = utc.astimezone(local_zone or COMPANY_TIME)
    offset = local.strftime("%z")
    return f"当地时间 {local:%Y-%m-%d %H:%M:%S}（UTC{offset[:3]}:{offset[3:]}）\n即 {utc:%Y-%m-%d %H:%M:%S} UTC"


def local_time(moment: dt.datetime, local_zone: dt.tzinfo | None = None) -> str:
    """A time as an inspector reads it: local, with UTC in brackets (naive values are UTC)."""
    utc = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    local = utc.astimezone(local_zone or COMPANY_TIME)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M}（UTC{offset[:3]}:{offset[3:]}；UTC {utc:%Y-%m-%d %H:%M}）"


def _local_time_in(language: str, moment: dt.datetime, local_zone: dt.tzinfo | None = None) -> str:
    """:func:`local_time` with English brackets in an English report."""
    text = local_time(moment, local_zone)
    return text.replace("（", " (").replace("；", "; ").replace("）", ")") if is_english(language) else text


def _signature_image(png: bytes | None, st: Styles) -> Flowable:
    if not png:
        return st.p("（无手写签名图像）", st.small)
    image = Image(io.BytesIO(png))
    scale = min(60 * mm / image.imageWidth, 20 * mm / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


# The label column holds 姓名（正楷） on one line: lines are broken without punctuation hanging in the padding.
SIGNATURE_LABEL_WIDTH = 24 * mm


def _signature_box(rows: list[list[Any]], width: float) -> Table:
    return _table(
        rows,
        (SIGNATURE_LABEL_WIDTH, width - SIGNATURE_LABEL_WIDTH),
        [("BOX", (0, 0), (-1, -1), 0.75, colors.black), ("LINEBELOW", (0, 0), (-1, -2), 0.25, GREY_LINE)],
    )


def _signer_rows(signer: Signer, st: Styles, local_zone: dt.tzinfo | None) -> list[list[Any]]:
    return [
        [st.p("签署含义"), st.p(signer.meaning_zh)],
        [st.p("姓名"), st.p(signer.name)],
        [st.p("职务"), st.p(signer.role)],
        [st.p("签署时间"), st.p(_times(signer, local_zone), st.small)],
        [st.p("签名"), _signature_image(signer.image_png, st)],
    ]


def _blank_rows(meaning: str, st: Styles, language: str = CHINESE) -> list[list[Any]]:
    """Lines to sign by hand on the printout (``meaning``: its Chinese name, as SIGNATURE_KEYS knows it)."""
    if is_english(language):
        english = report_word(f"meaning.{SIGNATURE_KEYS[meaning]}", language)
        return [
            [st.p("Signs as"), st.p(english)],
            [st.p("Name (block letters)"), ""],
            [st.p("Position"), ""],
            [st.p("Signature"), Spacer(1, 16 * mm)],
            [st.p("Date and time"), ""],
        ]
    return [
        [st.p("签署含义"), st.p(meaning)],
        [st.p("姓名（正楷）"), ""],
        [st.p("职务"), ""],
        [st.p("签名"), Spacer(1, 16 * mm)],
        [st.p("日期、时间"), ""],
    ]


# The digital signature of each meaning is stamped by pyHanko into the slot reserved here; the slots' pages
# and rectangles are written into the PDF's document catalogue (``/FugongSignatureSlots``, JSON; not in the
# properties an inspector reads) so that :func:`signature_box` finds them again. Reports made before kept them
# in the Keywords property, after ``SLOTS_KEYWORD``.
SLOTS_KEY = "FugongSignatureSlots"
SLOTS_KEYWORD = "fugong-signature-slots "
SIGNATURE_KEYS = {zh: meaning for meaning, zh in MEANING_ZH.items()}
SLOT_HEIGHT = 24 * mm
# A box still to be signed when the report is made (the 审核 at the 检查人's signature) is one tall slot: the
# later signature's visible stamp fills it with the signer's name, role, times and drawn signature, on an
# opaque card that covers the "（待签署）" printed here (an incremental update may add a signature's
# appearance, never change the page the first signer signed).
PENDING_SLOT_HEIGHT = 56 * mm


class SignatureSlot(Flowable):
    """Empty space for a visible PDF signature; tells the canvas where on which page it was drawn."""

    def __init__(self, key: str, width: float, height: float = SLOT_HEIGHT, pending: str = "") -> None:
        super().__init__()
        self.key, self.width, self.height, self.pending = key, width, height, pending

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return min(self.width, available_width), self.height

    def draw(self) -> None:
        slots = getattr(self.canv, "signature_slots", None)
        if slots is not None:
            x0, y0 = self.canv.absolutePosition(0, 0)
            x1, y1 = self.canv.absolutePosition(self.width, self.height)
            slots[self.key] = (self.canv.getPageNumber() - 1, x0, y0, x1, y1)
        if self.pending:
            from export.fonts import CJK_FONT

            self.canv.setFont(CJK_FONT, 8)
            self.canv.setFillColor(colors.grey)
            self.canv.drawString(8, self.height / 2, self.pending)


def _digital_rows(
    meaning: str, signer: Signer | None, st: Styles, local_zone: dt.tzinfo | None, width: float
) -> list[list[Any]]:
    """A box of a report to be signed digitally: what is known now, and the slot for the stamp."""
    slot_width = width - SIGNATURE_LABEL_WIDTH - 8
    if signer is None:
        pending = SignatureSlot(
            SIGNATURE_KEYS[meaning], slot_width, PENDING_SLOT_HEIGHT, "姓名、职务、时间：（待签署）"
        )
        return [[st.p("签署含义"), st.p(meaning)], [st.p("签署人及数字签名"), pending]]
    rows: list[list[Any]] = _signer_rows(signer, st, local_zone)
    rows.append([st.p("数字签名"), SignatureSlot(SIGNATURE_KEYS[meaning], slot_width)])
    return rows


def signatures_part(content: ReportContent, st: Styles, local_zone: dt.tzinfo | None) -> list[Flowable]:
    """The signature boxes, two side by side, kept on one page with their heading. A report made at signing
    time (it has signers) reserves a slot in each box for the visible digital signature."""
    heading = content.words("签署", "Signatures")
    if content.translation:  # a translation is not signed, digitally or by hand: the original is
        said = content.words(
            "本译本不签署，也不应手写签名：签署的是中文正本。",
            "This translation is not signed, and is not to be signed "
            "by hand: the signatures are on the Chinese original.",
        )
        return [KeepTogether([st.p(heading, st.heading), st.p(said), st.p(content.translation, st.small)])]
    width = (CONTENT_WIDTH - 6 * mm) / 2
    if content.signers:
        by_meaning = {s.meaning_zh: s for s in content.signers}
        boxes = [
            _signature_box(_digital_rows(m, by_meaning.get(m), st, local_zone, width), width)
            for m in SIGNATURE_MEANINGS_ZH
        ]
    else:
        boxes = [_signature_box(_blank_rows(m, st, content.language), width) for m in SIGNATURE_MEANINGS_ZH]
    pairs: list[list[Any]] = [boxes[i : i + 2] for i in range(0, len(boxes), 2)]
    if len(pairs[-1]) == 1:
        pairs[-1].append("")
    grid = _table(
        pairs,
        (width + 6 * mm, width),
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )
    intro = content.words(
        f"签署人确认本报告与记录哈希 {content.record_hash} 所标识的检查记录一致。",
        f"The signers confirm that this report agrees with the inspection record identified by the record hash "
        f"{content.record_hash}.",
    )
    return [KeepTogether([st.p(heading, st.heading), st.p(intro, st.small), Spacer(1, 2 * mm), grid])]


def signature_box(pdf: bytes, meaning: str) -> tuple[int, tuple[int, int, int, int]]:
    """The page index and rectangle of the slot reserved for the ``meaning`` signature ('inspector' or
    'approver') in a report PDF written by :func:`write_pdf` with signers."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    stored = reader.root.get("/" + SLOTS_KEY)
    keywords = str(reader.trailer_view["/Info"].get("/Keywords", "")) if "/Info" in reader.trailer_view else ""
    if stored is not None:
        slots = json.loads(str(stored))
    elif keywords.startswith(SLOTS_KEYWORD):  # a report made before the slots moved to the catalogue
        slots = json.loads(keywords.removeprefix(SLOTS_KEYWORD))
    else:
        raise KnownError(msg("report.no_signature_places"))
    if meaning not in slots:
        raise KnownError(msg("report.no_signature_place", meaning=msg(f"meaning.{meaning}")))
    page, x0, y0, x1, y2 = slots[meaning]
    return page, (round(x0), round(y0), round(x1), round(y2))


# --- the document --------------------------------------------------------------------------------------


@contextmanager
def photo_thumbnails(content: ReportContent) -> Iterator[dict[str, list[Pending]]]:
    """The thumbnails of every photo, by item, being made in the background while the block runs."""
    photos = [(item.item_id, photo) for item in content.items for photo in item.photos]
    missing = [photo.data for _, photo in photos if photo.thumbnail is None]  # attached before thumbnails were
    with thumbnails_in_background(missing) as made:
        queue = iter(made)
        by_item: dict[str, list[Pending]] = {}
        for item_id, photo in photos:
            by_item.setdefault(item_id, []).append(_stored(photo) if photo.thumbnail is not None else next(queue))
        yield by_item


def _stored(photo: Photo) -> Pending:
    """The thumbnail made when the photo was attached, as an already finished future."""
    future: Pending = Future()
    width, height = photo.thumbnail_size or (0, 0)
    future.set_result(Thumbnail(photo.thumbnail or b"", width, height) if photo.thumbnail_size else None)
    return future


def _json_attachment(content: ReportContent) -> Attachment:
    data = (json.dumps(content.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return Attachment(
        f"{content.report_id}.json",
        data,
        "application/json",
        "检查记录（fugong.inspection/1 JSON）/ inspection record",
        content.generated_at_utc,
    )


def build_story(
    content: ReportContent, st: Styles, thumbs: Mapping[str, Sequence[Pending]], local_zone: dt.tzinfo | None
) -> list[Flowable]:
    return [
        *cover(content, st, local_zone),
        *summary(content, st),
        *items_part(content, thumbs, st),
        *rooms_part(content, st),
        *actions_part(content, st),
        *signatures_part(content, st, local_zone),
    ]


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's document properties (shown by viewers under File › Properties)."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    creator: str = "复工自查 Fugong Self-Check"


def render(
    story: list[Flowable],
    target: Path | io.BytesIO,
    furniture: PageFurniture,
    info: DocumentInfo,
    attachments: Sequence[Attachment] = (),
    on_flowable: Callable[[int, int], None] | None = None,
) -> None:
    """Lay out ``story`` on A4 pages with ``furniture`` and write the PDF. Shared with the benchmark's floor."""
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=info.creator,
        initialFontName=furniture.fonts.cjk,  # else every page starts with an unembedded Helvetica
    )
    frame = Frame(MARGIN, 18 * mm, CONTENT_WIDTH, PAGE_HEIGHT - 36 * mm, id="body", leftPadding=0, rightPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=furniture.on_page)])
    if on_flowable is not None:
        total, done = len(story), 0

        def progress(kind: str, value: int) -> None:
            nonlocal done
            if kind == "PROGRESS":  # the count can fall back when a table is split: report only the high mark
                done = max(done, value)
                on_flowable(done, total)

        doc.setProgressCallBack(progress)
    doc.build(story, canvasmaker=partial(ReportCanvas, furniture=furniture, attachments=attachments))


def write_pdf(
    content: ReportContent, path: Path, progress: Progress = SILENT, local_zone: dt.tzinfo | None = None
) -> None:
    """Write the report of ``content`` to ``path`` (the caller renames it into place when complete).

    Raises:
        ReportFontError: the embedded fonts cannot be loaded (nothing is printed in a substitute font).
        ExportCancelled: ``progress`` saw the user cancel.
    """
    progress(0.0, "加载字体")
    st = replace(make_styles(report_fonts(), content.language), language=content.language)
    w = content.words
    hash_label = (
        w("记录哈希 ", "Record hash ")
        + f"{content.record_hash[:16]}…"
        + (w("（草稿）", " (draft)") if content.is_draft else "")
    )
    furniture = PageFurniture(
        st.fonts, content.company_name, content.report_id, hash_label, content.is_draft, content.language
    )
    info = DocumentInfo(
        f"{content.word('title')} {content.report_id}",
        author=content.inspector,
        subject=f"{content.company_name} {content.date.isoformat()}",
        keywords=("复工复产", "自查", f"记录哈希 record-hash:{content.record_hash}"),
    )
    layout = progress.part(0.05, 1.0)
    with photo_thumbnails(content) as thumbs:
        progress(0.05, "排版")
        render(
            build_story(content, st, thumbs, local_zone),
            path,
            furniture,
            info,
            attachments=[_json_attachment(content)],
            on_flowable=lambda done, total: layout(done / total, f"排版 {done}/{total}"),
        )
    progress(1.0, "PDF 已完成")
