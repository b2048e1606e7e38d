"""The report fonts: embedded TrueType only, so a report prints the same everywhere and Chinese never shows as boxes.

Droid Sans Fallback carries the CJK glyphs but no Latin letters, digits or symbols at all; DejaVu Sans carries
those (and ✓ ≥ ≤ m² °C “ ”). Text is therefore split into runs by which font has each character
(:meth:`ReportFonts.runs`): nothing is left to reportlab's unembedded Helvetica, and nothing falls back to an
empty box. If a font cannot be loaded the export stops with :class:`ReportFontError` — a report with missing
glyphs is worse than none.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from storage.errors import KnownError

CJK_FONT = "FugongCJK"
LATIN_FONT = "FugongLatin"
FONT_FILES = {CJK_FONT: "DroidSansFallbackFull.ttf", LATIN_FONT: "DejaVuSans.ttf"}


class ReportFontError(KnownError):
    """A report font that is missing or unreadable; the message names the file and what to do (a
    :class:`KnownError`, so the CLI and the GUI show it in words rather than as a crash)."""


def font_folder() -> Traversable:
    """Where the shipped fonts are (package data, never the current directory)."""
    return resources.files("resources") / "fonts"


@dataclass(frozen=True)
class ReportFonts:
    """The two registered fonts and which characters each can draw."""

    cjk: str
    latin: str
    cjk_chars: frozenset[int]
    latin_chars: frozenset[int]

    def font_for(self, char: str) -> str:
        code = ord(char)
        if code in self.cjk_chars or code not in self.latin_chars:
            return self.cjk
        return self.latin

    def runs(self, text: str) -> Iterator[tuple[str, str]]:
        """Split ``text`` into (font name, text) runs, each drawable in one font."""
        position = 0
        for match in _latin_runs(self).finditer(text):
            if match.start() > position:
                yield self.cjk, text[position : match.start()]
            yield self.latin, match.group()
            position = match.end()
        if position < len(text):
            yield self.cjk, text[position:]

    def markup(self, text: str) -> str:
        """Paragraph markup for plain text, whose base font is the CJK one: Latin runs get a font tag."""
        parts = []
        for font, run in self.runs(text):
            escaped = escape(run).replace("\n", "<br/>")
            parts.append(escaped if font == self.cjk else f'<font face="{font}">{escaped}</font>')
        return "".join(parts)

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(run, font, size) for font, run in self.runs(text))


_latin_patterns: dict[tuple[frozenset[int], frozenset[int]], re.Pattern[str]] = {}


def _latin_runs(fonts: ReportFonts) -> re.Pattern[str]:
    """A pattern matching runs of the characters :meth:`ReportFonts.font_for` gives the Latin font (a report
    draws a million characters: one regular expression instead of a test per character)."""
    key = (fonts.cjk_chars, fonts.latin_chars)
    pattern = _latin_patterns.get(key)
    if pattern is None:
        codes = sorted(fonts.latin_chars - fonts.cjk_chars)
        ranges: list[list[int]] = []
        for code in codes:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
        members = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)
        pattern = _latin_patterns[key] = re.compile(f"[{members}]+" if members else "(?!)")
    return pattern


def _load_font(name: str, folder: Traversable) -> TTFont:
    entry = folder / FONT_FILES[name]
    try:
        data = entry.read_bytes()
    except OSError as exc:
        raise ReportFontError(
            f"the report font {FONT_FILES[name]} cannot be read from {entry} ({exc.strerror or exc}); "
            "no report was written — reinstall 复工自查 to restore its fonts"
        ) from None
    try:
        return TTFont(name, io.BytesIO(data))
    except Exception as exc:  # reportlab raises TTFError, struct.error, IndexError … on a damaged file
        raise ReportFontError(
            f"the report font {FONT_FILES[name]} at {entry} is damaged ({exc}); "
            "no report was written — reinstall 复工自查 to restore its fonts"
        ) from None


_registered: dict[str, ReportFonts] = {}
_registering = threading.Lock()


def _register(folder: Traversable) -> ReportFonts:
    cjk, latin = _load_font(CJK_FONT, folder), _load_font(LATIN_FONT, folder)
    pdfmetrics.registerFont(cjk)
    pdfmetrics.registerFont(latin)
    for font in (CJK_FONT, LATIN_FONT):  # one face: <b>/<i> must not look for a bold file that is not there
        pdfmetrics.registerFontFamily(font, normal=font, bold=font, italic=font, boldItalic=font)
    return ReportFonts(CJK_FONT, LATIN_FONT, frozenset(cjk.face.charToGlyph), frozenset(latin.face.charToGlyph))


def report_fonts() -> ReportFonts:
    """The report fonts, parsed and registered once per process (parsing the 4 MB CJK font takes ~0.3 s);
    raises :class:`ReportFontError` if they cannot be loaded. Thread-safe: exports run off the GUI thread."""
    folder = font_folder()
    with _registering:
        if str(folder) not in _registered:
            _registered[str(folder)] = _register(folder)
        return _registered[str(folder)]
