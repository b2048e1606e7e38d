"""Drawing the report's text and photos fast without changing what is drawn.

``export.pdf.show_lines`` codes a line with one ``str.translate`` and remembers the lines it has drawn; it must
write exactly the operators reportlab's own per-character ``splitString`` gives (the same font subsets, the
same codes, the same font switches), whatever the text: Chinese across many subsets, Latin, PDF's special
characters, a no-break space, characters neither font has, lines drawn again. ``JpegNamedByItsBytes`` names a
JPEG thumbnail by its bytes instead of decoding it: two photos stay two images, the same photo twice is
stored once, and an image that is not a JPEG is still drawn."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from export.fonts import ReportFonts, report_fonts
from export.pdf import JpegNamedByItsBytes, show_lines

# Chinese from all over the unified ideographs (hundreds of distinct characters: several subsets of 256),
# Latin and symbols of the Latin font, PDF string specials, a no-break space, and characters neither font has.
CHINESE = [chr(code) for code in range(0x4E00, 0x9FA5, 7)]
OTHERS = [*"AZaz09 ()\\%—✓≥m²°“”，。（）", "\u00a0", "\U0001f600", "\ue000"]


def reportlab_lines(canvas: Canvas, fonts: ReportFonts, size: float, lines: Iterable[tuple[float, float, str]]) -> None:
    """What reportlab's own calls write for the same lines: a run per font, ``splitString`` per run."""
    doc: Any = canvas._doc  # type: ignore[attr-defined]
    code = ["BT"]
    current = ""
    for x, y, text in lines:
        code.append(f"1 0 0 1 {fp_str(x)} {fp_str(y)} Tm")
        for font_name, run in fonts.runs(text):
            font: Any = pdfmetrics.getFont(font_name)
            for subset, chars in font.splitString(run, doc):
                name = font.getSubsetInternalName(subset, doc)
                if name != current:
                    code.append(f"{name} {fp_str(size)} Tf")
                    current = name
                code.append(f"({escapePDF(chars)}) Tj")
    code.append("ET")
    canvas._code.append(" ".join(code))  # type: ignore[attr-defined]


texts = st.text(st.sampled_from(CHINESE + OTHERS), max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    pool=st.lists(texts, min_size=1, max_size=30),
    draws=st.lists(
        st.tuples(st.sampled_from([7.5, 9.0, 10.5]), st.lists(st.integers(0, 29), min_size=1, max_size=8)),
        min_size=1,
        max_size=40,
    ),
)
def test_show_lines_writes_what_reportlab_writes(pool: list[str], draws: list[tuple[float, list[int]]]) -> None:
    fonts = report_fonts()
    fast, slow = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    for size, picks in draws:
        lines = [(float(n), 700.0 - 12 * n, pool[n % len(pool)]) for n in picks]
        show_lines(fast, fonts, size, lines)
        reportlab_lines(slow, fonts, size, lines)
    assert fast._code == slow._code  # type: ignore[attr-defined]
    for name in (fonts.cjk, fonts.latin):
        font: Any = pdfmetrics.getFont(name)
        fast_state = font.state.get(fast._doc)  # type: ignore[attr-defined]
        slow_state = font.state.get(slow._doc)  # type: ignore[attr-defined]
        assert (fast_state and fast_state.subsets) == (slow_state and slow_state.subsets)


def test_a_long_mixed_line_is_drawn_and_read_back(tmp_path: Path) -> None:
    fonts = report_fonts()
    text = "".join(CHINESE[:600]) + " Room A101 (GN-01) 500mg/L ✓ " + "".join(CHINESE[600:900])
    pdf = tmp_path / "line.pdf"
    canvas = Canvas(str(pdf))
    show_lines(canvas, fonts, 9.0, [(10.0, 700.0 - 12 * n, text[n * 60 : (n + 1) * 60]) for n in range(16)])
    canvas.save()
    read = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "".join(read.split()) == "".join(text.split())


def image_bytes(colour: str, kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, kind)
    return buffer.getvalue()


def images_in(pdf: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, check=True).stdout.decode()
    return len({line.split()[10] for line in listing.splitlines()[2:]})  # distinct image objects


def test_thumbnails_named_by_their_bytes(tmp_path: Path) -> None:
    red, blue, png = image_bytes("red", "JPEG"), image_bytes("blue", "JPEG"), image_bytes("green", "PNG")
    pdf = tmp_path / "photos.pdf"
    canvas = Canvas(str(pdf))
    for n, data in enumerate([red, blue, red, png]):
        canvas.drawImage(JpegNamedByItsBytes(io.BytesIO(data)), 10 + 70 * n, 700, 64, 48)
    canvas.save()
    assert images_in(pdf) == 3  # red once, blue, the PNG
    page = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "72", "-png", str(pdf), str(page)], check=True)
    (rendered,) = tmp_path.glob("page*.png")
    with Image.open(rendered) as image:
        rgb = image.convert("RGB")
        top = rgb.height - 700 - 24  # the middle of each picture, from the top of the page
        colours = [cast(tuple[int, int, int], rgb.getpixel((10 + 70 * n + 32, top))) for n in range(4)]
    expected = [(255, 0, 0), (0, 0, 255), (255, 0, 0), (0, 128, 0)]
    for got, want in zip(colours, expected, strict=True):
        assert all(abs(g - w) < 40 for g, w in zip(got, want, strict=True)), (got, want)
