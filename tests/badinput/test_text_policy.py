"""The text policy (checklist/text.py): limits per kind of field and the characters each may hold."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checklist.text import LIMITS, TextKind, TextPolicyError, check_name, check_note, check_text, one_line, printable


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "is blank"),
        (" \u3000\t", "U+0009"),
        ("   ", "is blank"),
        ("张\x00三", "U+0000"),
        ("张\x1b三", "U+001B"),
        ("张\n三", "U+000A"),
        ("张\u2028三", "U+2028"),
        ("张\ud800三", "U+D800"),
        ("名" * 201, "at most 200"),
        (None, "must be text"),
        (5, "must be text"),
    ],
)
def test_names_refused(value: object, words: str) -> None:
    with pytest.raises(TextPolicyError) as refused:
        check_name(value, "inspector")
    assert words in str(refused.value) and str(refused.value).startswith("inspector")
    assert refused.value.message_zh.startswith("检查人") and refused.value.message_zh != str(refused.value)


def test_names_and_notes_accepted() -> None:
    assert check_name("  张三  ", "inspector") == "张三"
    assert check_name("=cmd|' /C calc'!A0", "room") == "=cmd|' /C calc'!A0"  # text, kept as typed
    assert check_note("第一行\n\t第二行\r\n", "note") == "第一行\n\t第二行\r\n"
    assert check_note("", "note") == ""
    assert check_text("路" * LIMITS[TextKind.SHORT], TextKind.SHORT, "address")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ufffe"])
def test_notes_refuse_control_characters(char: str) -> None:
    with pytest.raises(TextPolicyError, match="control character"):
        check_note(f"备注{char}", "note")


@given(st.text(max_size=200))
def test_printable_is_always_valid_xml_text(value: str) -> None:
    cleaned = printable(value, 100)
    assert len(cleaned) <= 100
    assert all(c in "\n\t\r" or not (ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff") for c in cleaned)
    check_note(cleaned[: LIMITS[TextKind.NOTE]], "note")  # what the exporters print always passes as a note


def test_printable_replaces_exactly_what_the_character_categories_say() -> None:
    """printable() is one regular expression; it replaces the same characters as the rule it stands for
    (controls other than newline, tab and carriage return, surrogates, U+FFFE, U+FFFF), over every code point."""
    import unicodedata

    from checklist.text import NOTE_CONTROLS

    every = "".join(map(chr, range(0x110000)))
    expected = "".join(
        "\ufffd"
        if (unicodedata.category(c) in ("Cc", "Cs") and c not in NOTE_CONTROLS) or c in ("\ufffe", "\uffff")
        else c
        for c in every
    )
    assert printable(every) == expected
    assert printable("ab\x07cdef", 4) == "ab\ufffd…" and printable("abcd", 4) == "abcd"


@given(st.text(max_size=60))
@example("ends in its own …")  # found by the suite: a value ending in an ellipsis is not a cut one
def test_one_line_is_one_visible_line_that_names_the_value(value: str) -> None:
    shown = one_line(value, 40)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in shown)
    cut = len(value) > 40
    assert shown.endswith("…") or not cut
    # undo the escapes and the reader has the value the file holds (its first 40 characters, then the "…")
    kept = shown[:-1] if cut else shown
    assert json.loads('"' + kept.replace('"', '\\"') + '"') == value[:40]


def test_one_line_leaves_ordinary_ids_alone() -> None:
    assert one_line("GN-01") == "GN-01" and one_line("体温 上午") == "体温 上午"
    assert one_line("a\nb\u200f") == "a\\nb\\u200f"
