"""The report's own line breaking (``export.linebreak``, drawn by ``export.pdf.TextBlock``): every character
kept in order, no line wider than its width, the kinsoku rules (no line starts with ，。、；：？！）」』 and none ends
with （「『), Latin words whole where they fit; and in a real report, read back with poppler: every character of
long mixed Chinese / Latin notes in order, every line inside its cell, no line starting or ending wrongly."""

from __future__ import annotations

import random
import re
import subprocess
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from sqlalchemy import update

from export import fonts
from export.linebreak import NO_LINE_END, NO_LINE_START, WIDE_FROM, Line, break_text
from export.pdf import CONTENT_WIDTH, ITEM_COLUMNS, MARGIN, TextBlock, char_widths, make_styles
from export.reports import export_reports
from storage import inspections
from storage.db import open_database
from storage.models import ItemResponse
from tests.export_fixtures import build_inspection

SIZE = 9.0
CJK = "检查发现宿舍窗户未开消毒液浓度不足员工测温登记台账整改完成"
LATIN_WORDS = ["Room", "A101", "GN-01", "soap", "500mg/L", "checked", "photo_001.jpg", "OK", "Beijing", "x"]
CLOSING = "，。、；：？！）」』"
OPENING = "（「『"


def widths() -> dict[str, float]:
    return char_widths(fonts.report_fonts(), SIZE)


def width_of(text: str) -> float:
    table = widths()
    return sum(table[c] for c in text)


def texts_of(text: str, lines: list[Line]) -> list[str]:
    return [text[line.start : line.stop] for line in lines]


def token() -> st.SearchStrategy[str]:
    cjk = st.text(st.sampled_from(CJK), min_size=1, max_size=8)
    closed = st.tuples(st.sampled_from(CJK), st.sampled_from(CLOSING)).map("".join)
    opened = st.tuples(st.sampled_from(OPENING), st.sampled_from(CJK)).map("".join)
    latin = st.sampled_from(LATIN_WORDS).map(lambda word: f"{word} ")
    return st.one_of(cjk, closed, opened, latin, st.just("\n"))


def is_wide(char: str) -> bool:
    return ord(char) >= WIDE_FROM


def latin_word(text: str, index: int) -> str:
    """The run of Latin characters (no space, no wide character) around ``index``."""
    start, stop = index, index
    while start > 0 and not is_wide(text[start - 1]) and text[start - 1] not in " \n":
        start -= 1
    while stop < len(text) and not is_wide(text[stop]) and text[stop] not in " \n":
        stop += 1
    return text[start:stop]


@settings(max_examples=300, deadline=None)
@given(st.lists(token(), max_size=60).map("".join), st.floats(min_value=45, max_value=400))
def test_lines_keep_every_character_fit_and_obey_kinsoku(text: str, width: float) -> None:
    lines = break_text(text, widths().__getitem__, width)
    # Every character in order: between two lines only the spaces of a soft break, or a newline.
    position = 0
    for line in lines:
        assert text[position : line.start].replace("\n", "").strip(" ") == ""
        position = line.stop
    assert text[position:].strip(" ") == ""
    for line_text in texts_of(text, lines):
        assert width_of(line_text) <= width + 1e-6, line_text
        assert "\n" not in line_text
    for before, after in pairwise(lines):
        if "\n" in text[before.stop : after.start]:
            continue  # a hard break, where the text has its newline
        assert text[after.start] not in NO_LINE_START, texts_of(text, [before, after])
        assert text[before.stop - 1] not in NO_LINE_END, texts_of(text, [before, after])
        left, right = text[before.stop - 1], text[after.start]
        if not (is_wide(left) or is_wide(right) or text[before.stop] == " "):  # a word was broken: only one
            assert width_of(latin_word(text, before.stop)) > width, texts_of(text, [before, after])  # too long


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        ("一二三四，五六", 4, ["一二三", "四，五六"]),  # the comma does not start a line: 四 goes with it
        ("一二三（四五六", 4, ["一二三", "（四五六"]),  # the bracket does not end one
        ("一二三四五六七八", 4, ["一二三四", "五六七八"]),
        ("一二\n\n三", 4, ["一二", "", "三"]),
        ("一二三 Room A101", 4, ["一二三", "Room", "A101"]),  # Latin words whole
    ],
)
def test_kinsoku_and_words_by_example(text: str, chars: int, expected: list[str]) -> None:
    width = widths()["一"] * chars
    assert texts_of(text, break_text(text, widths().__getitem__, width)) == expected


def test_a_word_longer_than_a_line_is_broken_where_it_must() -> None:
    digest = "6a51495e9aee7d18f7587614cc060358810522dd504988fd81c378d99a65bcd2"
    lines = texts_of(digest, break_text(digest, widths().__getitem__, 100.0))
    assert "".join(lines) == digest and len(lines) > 2
    assert all(width_of(line) <= 100.0 for line in lines)


def test_a_text_block_breaks_once_per_width_and_splits_between_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import export.pdf

    calls: list[float] = []

    def counted(text: str, char_width: object, width: float) -> list[Line]:
        calls.append(width)
        return break_text(text, char_width, width)  # type: ignore[arg-type]

    monkeypatch.setattr(export.pdf, "break_text", counted)
    st_ = make_styles(fonts.report_fonts())
    text = "检查发现的情况如下：洗手液不足，Room A101 窗户未开。" * 40
    block = st_.p(text)
    assert isinstance(block, TextBlock)
    for width in (300.0, 300.0, 300.0, 180.0, 180.0):
        _, height = block.wrap(width, 2000)
        assert height == len(block.lines(width)) * st_.body.leading
    assert calls == [300.0, 180.0]
    lines = texts_of(block.text, block.lines(300.0))
    head, tail = block.split(300.0, st_.body.leading * 5.5)
    assert isinstance(head, TextBlock) and isinstance(tail, TextBlock)
    assert texts_of(head.text, head.lines(300.0)) == lines[:5]
    assert texts_of(tail.text, tail.lines(300.0)) == lines[5:]
    assert calls == [300.0, 180.0, 300.0]  # broken again for the new width only; the parts keep their lines
    assert block.split(300.0, st_.body.leading * 1.5) == []  # one line alone is not left behind
    assert st_.p("短").split(300.0, 100.0) == []  # what fits is not split


class _Words(HTMLParser):
    """The words of ``pdftotext -bbox``: (page, xMin, yMin, xMax, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.words: list[tuple[int, float, float, float, str]] = []
        self._open: tuple[int, float, float, float] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "page":
            self.page += 1
        elif tag == "word":
            self._open = (self.page, float(values["xmin"] or 0), float(values["ymin"] or 0), float(values["xmax"] or 0))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.words.append((*self._open, data))
            self._open = None


def _note(rng: random.Random, length: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < length:
        parts.append(
            rng.choice(
                [
                    "".join(rng.choice(CJK) for _ in range(rng.randint(1, 9))),
                    rng.choice(CJK) + rng.choice(CLOSING),
                    rng.choice(OPENING) + rng.choice(CJK),
                    f" {rng.choice(LATIN_WORDS)} ",
                ]
            )
        )
    return "".join(parts)


def test_a_report_with_long_mixed_notes_prints_every_character_inside_its_cell(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    inspection_id = build_inspection(db, photos=0, complete=False)
    items = [r.item_id for r in inspections.load_inspection(db, inspection_id).responses][:12]
    rng = random.Random(12)
    notes = {item: _note(rng, rng.randint(300, 900)) for item in items}
    with db.engine.begin() as connection:
        for item, note in notes.items():
            connection.execute(
                update(ItemResponse)
                .where(ItemResponse.inspection_id == inspection_id, ItemResponse.item_id == item)
                .values(note=note)
            )
    pdf = tmp_path / "notes.pdf"
    export_reports(db, inspection_id, pdf=pdf)
    db.close()
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, check=True).stdout.decode()
    squeezed = re.sub(r"\s+", "", raw)
    for note in notes.values():
        assert "备注：" + re.sub(r"\s+", "", note) in squeezed  # every character, in order
    parser = _Words()
    parser.feed(subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode())
    left = MARGIN + ITEM_COLUMNS[0]
    right = MARGIN + CONTENT_WIDTH - ITEM_COLUMNS[2]
    padding = 6
    printed = ["备注：" + note for note in notes.values()]
    in_column = [w for w in parser.words if left <= w[1] < right and any(w[4] in note for note in printed)]
    assert len(in_column) > 500
    for page, x_min, _, x_max, text in in_column:
        assert left + padding - 0.05 <= x_min and x_max <= right - padding + 0.05, (page, text, x_min, x_max)
    rows: dict[tuple[int, float], list[tuple[float, str]]] = {}
    for page, x_min, y_min, _, text in in_column:
        rows.setdefault((page, round(y_min, 1)), []).append((x_min, text))
    starts = ends = 0
    for row in rows.values():
        line = "".join(text for _, text in sorted(row))
        starts += line[0] in CLOSING  # the brief's rules, spelled out here rather than imported
        ends += line[-1] in OPENING
    assert (starts, ends) == (0, 0)
    assert right - left > 100 * mm  # (the column measured is the wide one)
