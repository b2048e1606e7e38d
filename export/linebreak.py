"""Breaking report text into lines of a given width, in one pass: what reportlab's CJK paragraphs did
character by character (about 15 µs a character, most of the largest report's layout), here with a width
table per font and bisection over the running widths, so a line costs a few look-ups, not one per character.

Chinese breaks between any two characters, except by the kinsoku rules (禁则): no line starts with closing
punctuation (，。、；：？！）」』 …) and none ends with opening punctuation (（「『 …). A run of Latin letters and
digits (a file name, GN-01, a credit code) breaks only at a space, unless it is longer than a line. A line
never comes out wider than the width it was broken for: punctuation does not hang in the margin.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import NamedTuple

# Closing punctuation (and ASCII's) may not start a line; opening punctuation may not end one.
NO_LINE_START = frozenset("，。、；：？！）」』】》〉〕］｝”’…‥·．％℃°,.;:?!)]}%")
NO_LINE_END = frozenset("（「『【《〈〔［｛“‘([{")
WIDE_FROM = 0x2E80  # CJK radicals onwards: ideographs, CJK punctuation, kana, full-width forms
FUZZ = 1e-6  # points: widths are sums of floats


class Line(NamedTuple):
    """One line: ``text[start:stop]`` of the text that was broken (spaces at a soft break left out)."""

    start: int
    stop: int


def _breakable(text: str, index: int) -> bool:
    """May a line break before ``text[index]`` (0 < index < len(text))?"""
    before, after = text[index - 1], text[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return before == " " or ord(before) >= WIDE_FROM or ord(after) >= WIDE_FROM


def _kinsoku_only(text: str, index: int) -> bool:
    """The last resort inside a word longer than a line: any break the kinsoku rules allow."""
    return text[index] not in NO_LINE_START and text[index - 1] not in NO_LINE_END


def _end_of_words(text: str, start: int, stop: int) -> int:
    """``stop`` moved back over the spaces before it (not past ``start``)."""
    while stop > start and text[stop - 1] == " ":
        stop -= 1
    return stop


def break_paragraph(text: str, widths: Sequence[float], width: float, offset: int = 0) -> list[Line]:
    """Lines of ``text`` (one paragraph, no newline) whose characters have ``widths``, each at most ``width``
    wide; positions are counted from ``offset``. A character wider than ``width`` gets a line of its own."""
    count = len(text)
    if count == 0:
        return [Line(offset, offset)]
    running = list(accumulate(widths, initial=0.0))
    lines: list[Line] = []
    start = 0
    while start < count:
        stop = bisect_right(running, running[start] + width + FUZZ) - 1  # text[start:stop] fits
        if stop >= count:
            lines.append(Line(offset + start, offset + count))
            break
        while stop < count and text[stop] == " ":  # spaces at a break hang, undrawn
            stop += 1
        if stop >= count:
            lines.append(Line(offset + start, offset + _end_of_words(text, start, count)))
            break
        cut = stop
        while cut > start and not _breakable(text, cut):
            cut -= 1
        if cut == start:  # one word longer than the line
            cut = stop
            while cut > start and not _kinsoku_only(text, cut):
                cut -= 1
            if cut == start:  # nothing allowed anywhere (a run of ，，，): break where the width says
                cut = max(stop, start + 1)
        lines.append(Line(offset + start, offset + _end_of_words(text, start, cut)))
        start = cut
        while start < count and text[start] == " ":
            start += 1
    return lines


def break_text(text: str, char_width: Callable[[str], float], width: float) -> list[Line]:
    """Lines of ``text`` at most ``width`` wide; a newline always ends a line (an empty one gives an empty
    line). ``char_width`` gives a character's width (a cached table's ``__getitem__``)."""
    lines: list[Line] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines += break_paragraph(paragraph, list(map(char_width, paragraph)), width, offset)
        offset += len(paragraph) + 1
    return lines
