"""What text a record accepts: a length limit per kind of field and a character policy.

Applied wherever text enters (exchange import, and the service layer's inputs), so that what is stored can
always be printed in the PDF, written to the workbook and signed: a control character (BEL, ESC, NUL …) is
illegal in the XML inside an .xlsx file, a 20 MB name is no name, and a blank inspector signs nothing.

- **Names** (company, inspector, owner, room, site, account): one line, no control characters, not blank.
- **Notes** (notes, reasons, actions, addresses): newline and tab allowed, no other control character.

The exporters also clean text defensively with :func:`printable` (a record stored before this policy, or
changed by raw SQL, still exports).
"""

from __future__ import annotations

import json
import re
import unicodedata
from enum import Enum

from checklist.messages import field_name_zh


class TextKind(Enum):
    NAME = "name"  # company, inspector, owner, account, room, site
    SHORT = "short"  # district, address, credit code, item ids
    NOTE = "note"  # notes, override reasons, corrective actions, verification notes


LIMITS: dict[TextKind, int] = {TextKind.NAME: 200, TextKind.SHORT: 500, TextKind.NOTE: 5_000}
KIND_ZH = {TextKind.NAME: "名称", TextKind.SHORT: "文本", TextKind.NOTE: "说明"}
# Allowed in notes besides printable characters. (Carriage return is legal XML and comes with Windows text.)
NOTE_CONTROLS = frozenset("\n\t\r")
# Unicode categories never allowed: controls (Cc), surrogates (Cs), unassigned/private-use non-characters are
# tolerated, but line and paragraph separators break a name onto several lines.
_NEVER = frozenset({"Cs"})
_NOT_IN_NAMES = frozenset({"Cc", "Cs", "Zl", "Zp"})


class TextPolicyError(ValueError):
    """Text refused by the policy; ``message_zh`` says it in Chinese."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


def _describe(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "") else "")


def _first_forbidden(value: str, kind: TextKind) -> str | None:
    for char in value:
        category = unicodedata.category(char)
        if category in _NEVER or char in ("\ufffe", "\uffff"):
            return char
        if kind is TextKind.NAME:
            if category in _NOT_IN_NAMES:
                return char
        elif category == "Cc" and char not in NOTE_CONTROLS:
            return char
    return None


def check_text(value: object, kind: TextKind, field: str, *, required: bool = False) -> str:
    """``value`` if it is text the policy allows (names come back without surrounding spaces), else raise
    :class:`TextPolicyError` naming ``field`` and what is wrong."""
    field_zh = field_name_zh(field)
    if not isinstance(value, str):
        raise TextPolicyError(f"{field} must be text, not {type(value).__name__}", f"{field_zh}必须是文本")
    limit = LIMITS[kind]
    if len(value) > limit:
        raise TextPolicyError(
            f"{field} is {len(value):,} characters long; at most {limit:,} are allowed",
            f"{field_zh}长 {len(value):,} 个字符，最多允许 {limit:,} 个",
        )
    bad = _first_forbidden(value, kind)
    if bad is not None:
        where = "a name" if kind is TextKind.NAME else "this text"
        raise TextPolicyError(
            f"{field} contains the control character {_describe(bad)}, which {where} may not hold",
            f"{field_zh}含有不允许的控制字符 U+{ord(bad):04X}",
        )
    if kind is TextKind.NAME:
        value = value.strip()
    if required and not value.strip():
        raise TextPolicyError(f"{field} is blank", f"{field_zh}为空")
    return value


def check_name(value: object, field: str) -> str:
    """A required one-line name (company, inspector, owner, account, room, site)."""
    return check_text(value, TextKind.NAME, field, required=True)


def check_note(value: object, field: str) -> str:
    """An optional note, reason or action text (newlines allowed)."""
    return check_text(value, TextKind.NOTE, field)


# What printable() replaces: controls (Cc) other than NOTE_CONTROLS, surrogates (Cs) and the two non-characters
# — the same set as the categories, as one pattern (a report prints millions of characters through here).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(value: str, limit: int | None = None) -> str:
    """``value`` with every character that XML (and so an .xlsx file or a PDF's text) cannot hold replaced by
    U+FFFD, and cut to ``limit`` characters with an ellipsis: for exporters, which must never crash on what
    was stored before the policy or changed behind the application's back."""
    if limit is not None and len(value) > limit:
        return _UNPRINTABLE.sub("\ufffd", value[: max(limit - 1, 0)]) + "…"
    return _UNPRINTABLE.sub("\ufffd", value)


# Characters that would break a one-line message: controls, format characters, surrogates, line separators.
_NOT_ON_ONE_LINE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def one_line(value: str, limit: int = 40) -> str:
    """An id, key or value read from an untrusted file, fit to stand in a one-sentence message: cut to ``limit``
    characters with an ellipsis, and any character that would break the line or hide itself (newline, NUL, a
    right-to-left mark, U+2028 …) written as its escape (``\\n``, ``\\u200f``) so the reader sees it is there,
    and a backslash doubled so that an escape shown is never one the file spelled out.
    """
    cut = value[:limit]
    shown = "".join(
        json.dumps(char)[1:-1] if char == "\\" or unicodedata.category(char) in _NOT_ON_ONE_LINE else char
        for char in cut
    )
    return shown + ("…" if len(value) > limit else "")
