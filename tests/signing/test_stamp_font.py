"""The signature stamp's font: cut down to the stamp's characters before pyHanko embeds it (export.pades).

Read back the way an outsider would: poppler's pdftotext and pdffonts, and the embedded font program itself
compared glyph by glyph with the shipped font."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.pdfgen import canvas

from export import pades
from export.crypto import Identity, font_path, load_pkcs12
from export.fonts import ReportFontError
from tests import keys

# 堃 and 喆 are outside GB2312 (the 6,763 common characters) but in the stamp font; 𠮷 is in no shipped font.
RARE_NAME = "李堃喆"
BOX = (60, 600, 320, 700)


def _identity(name: str) -> Identity:
    """A premade key with the self-signed certificate of its PKCS#12 (as an outside CA's file carries one)."""
    return Identity(*load_pkcs12(keys.premade_pkcs12(name, "officer", "stamp-test"), "stamp-test"))


def _one_page() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 760, "report")
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page signed with a stamp naming someone with rare characters, then countersigned."""
    stamp = f"检查人：{RARE_NAME}（安全员）\n时间：%(ts)s\n记录哈希：0123456789abcdef"
    pdf = pades.sign_pdf(_one_page(), _identity(RARE_NAME), "First", BOX, 0, stamp, "检查人", meaning="inspector")
    second = "单位主要负责人审核\n姓名：王经理\n记录哈希：fedcba9876543210"
    pdf = pades.sign_pdf(pdf, _identity("王经理"), "Second", (60, 450, 320, 550), 0, second, "审核", opaque=True)
    path = tmp_path_factory.mktemp("stamp") / "signed.pdf"
    path.write_bytes(pdf)
    return path


def _embedded_fonts(pdf: bytes) -> list[TTFont]:
    """Every TrueType program the PDF embeds (here: the stamps' fonts), found by walking from its root."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    found: list[TTFont] = []
    seen: set[int] = set()
    todo: list[object] = [reader.root]
    while todo:
        obj = todo.pop()
        if isinstance(obj, generic.IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, generic.DictionaryObject):
            if obj.get("/Type") == "/FontDescriptor" and "/FontFile2" in obj:
                found.append(TTFont(io.BytesIO(obj["/FontFile2"].data)))
            todo.extend(value for key, value in obj.items() if key != "/Parent")
        elif isinstance(obj, generic.ArrayObject):
            todo.extend(obj)
    return found


def test_every_character_of_a_rare_name_is_drawn_and_extractable(signed: Path) -> None:
    text = subprocess.run(["pdftotext", str(signed), "-"], capture_output=True, text=True, check=True).stdout
    # pyHanko leaves a character it could only draw as the .notdef box out of the ToUnicode map: extractable
    # text is drawn text. The signing time was filled into the %(ts)s field.
    assert f"检查人：{RARE_NAME}（安全员）" in text.replace(" ", "")
    assert f"时间：{dt.datetime.now().year}" in text.replace(" ", "")
    assert "王经理" in text


def test_the_embedded_glyphs_are_the_shipped_fonts_outlines(signed: Path) -> None:
    shipped = TTFont(font_path())
    shipped_cmap = shipped.getBestCmap()
    fonts = _embedded_fonts(signed.read_bytes())
    assert len(fonts) == 2  # one per stamp
    first = fonts[0] if ord(RARE_NAME[1]) in fonts[0].getBestCmap() else fonts[1]
    cmap = first.getBestCmap()
    for character in RARE_NAME + "检查人安全员0a":
        ours = first["glyf"][cmap[ord(character)]]
        theirs = shipped["glyf"][shipped_cmap[ord(character)]]
        assert ours.numberOfContours != 0, character  # an outline or a composite of outlines, never empty
        assert ours.getCoordinates(first["glyf"]) == theirs.getCoordinates(shipped["glyf"]), character
        assert first["hmtx"][cmap[ord(character)]][0] == shipped["hmtx"][shipped_cmap[ord(character)]][0]
    # Cut to the stamp: a few dozen glyphs with outlines, not the 49,531 of the shipped font.
    drawn = [name for name in first.getGlyphOrder() if first["glyf"][name].numberOfContours]
    assert len(drawn) < 200


def test_pdffonts_lists_the_stamp_fonts_as_embedded_subsets(signed: Path) -> None:
    lines = subprocess.run(["pdffonts", str(signed)], capture_output=True, text=True, check=True).stdout.splitlines()
    stamps = [line for line in lines[2:] if "WenQuanYi" in line]
    assert len(stamps) == 2, lines
    for line in stamps:
        emb, sub = line.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), line


def test_the_subset_font_is_made_once_per_set_of_characters() -> None:
    pades.stamp_font.cache_clear()
    first = pades.stamp_font(frozenset("检查人张三"))
    assert pades.stamp_font(frozenset("张三检查人")) is first
    assert pades.stamp_font.cache_info().hits == 1
    font = TTFont(io.BytesIO(first))
    assert {ord(c) for c in "检查人张三"} <= set(font.getBestCmap())


def test_a_character_no_shipped_font_has_still_signs() -> None:
    """𠮷 (U+20BB7) is in no shipped font: the stamp shows the font's box for it, and the signature is made."""
    signer = _identity("吉")
    pdf = pades.sign_pdf(_one_page(), signer, "Sig", BOX, 0, "检查人：吉𠮷", "检查人", meaning="inspector")
    (check,) = pades.check_pdf_signatures(pdf, [signer.certificate])
    assert check.ok, check.reason


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_a_damaged_stamp_font_is_refused_in_words(damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    font = tmp_path / "stamp.ttf"
    if damage == "garbage":
        font.write_bytes(b"not a font" * 1000)
    monkeypatch.setattr(pades, "font_path", lambda: str(font))
    pades._stamp_face.cache_clear()
    pades.stamp_font.cache_clear()
    try:
        with pytest.raises(ReportFontError) as refused:
            pades.sign_pdf(_one_page(), _identity("张三"), "Sig", BOX, 0, "检查人：张三", "检查人")
    finally:
        pades._stamp_face.cache_clear()
        pades.stamp_font.cache_clear()
    assert "nothing was signed" in str(refused.value) and str(font) in str(refused.value)
    assert "未作任何签署" in refused.value.message_zh


def test_a_percent_sign_in_a_name_is_printed_and_the_time_still_filled_in(tmp_path: Path) -> None:
    """pyHanko fills the stamp in with ``%``: a name such as 张%三 or 100%合格 once stopped the signature."""
    signer = _identity("张%三")
    stamp = "检查人：张%三 100%合格 %s %d %%\n时间：%(ts)s"
    pdf = pades.sign_pdf(_one_page(), signer, "Sig", BOX, 0, stamp, "检查人", meaning="inspector")
    (check,) = pades.check_pdf_signatures(pdf, [signer.certificate])
    assert check.ok, check.reason
    (tmp_path / "signed.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "signed.pdf"), "-"], capture_output=True, text=True).stdout
    assert "检查人：张%三100%合格%s%d%%" in text.replace(" ", "")
    assert f"时间：{dt.datetime.now().year}" in text.replace(" ", "")
