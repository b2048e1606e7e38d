"""How 复工自查 reads a number someone typed — one rule for the whole product.

The rule engine, the exchange JSON, Excel imports and every GUI field read numbers through
:func:`parse_number`:

* digits with an optional leading minus sign and an optional decimal **point**: ``37.5``, ``-5``, ``1000``;
* a comma followed by exactly three digits is a **thousands separator**, in properly grouped numbers only:
  ``1,000`` = 1000, ``12,345.5`` = 12345.5;
* any other comma (``37,5``, ``1,00``, ``1,0000``) is refused, with a message saying why and what to type —
  a decimal comma cannot be told from a mistyped thousands separator, so it is never guessed;
* full-width digits, point, comma and minus (``１，０００``, ``３７．５``) typed with a Chinese input method
  read as their ASCII forms; spaces around the number are ignored; nothing else (units, exponents, spaces
  inside) is accepted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class NumberFormatError(ValueError):
    """Text that is not a number by the product's rule; the messages say why and what to type."""

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = message_zh


@dataclass(frozen=True)
class Range:
    """The plausible range of a measurement, both ends included."""

    low: float
    high: float
    unit_en: str = ""
    unit_zh: str = ""

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def describe_en(self) -> str:
        unit = f" {self.unit_en}" if self.unit_en else ""
        return f"{format_number(self.low)}–{format_number(self.high)}{unit}"

    def describe_zh(self) -> str:
        unit = f" {self.unit_zh}" if self.unit_zh else ""
        return f"{format_number(self.low)}–{format_number(self.high)}{unit}"


def parse_number(text: str) -> float:
    """Read ``text`` by the product's one rule (see the module docstring) or raise :class:`NumberFormatError`."""
    shown = text.strip()
    normalised = shown.translate(_FULL_WIDTH)
    if not normalised:
        raise NumberFormatError("no number was entered", "未填写数字")
    if _PLAIN.match(normalised):
        return _finite(float(normalised), shown)
    if _GROUPED.match(normalised):
        return _finite(float(normalised.replace(",", "")), shown)
    if "," in normalised:
        suggestion = _decimal_suggestion(normalised)
        hint_en = f"; for a decimal type a point, e.g. {suggestion}" if suggestion else "; type a point for decimals"
        hint_zh = f"；小数请用小数点，例如 {suggestion}" if suggestion else "；小数请用小数点"
        raise NumberFormatError(
            f"{shown!r}: a comma is read only as a thousands separator followed by three digits (1,000){hint_en}",
            f"“{shown}”：逗号只作千位分隔符，其后须为三位数字（如 1,000）{hint_zh}",
        )
    raise NumberFormatError(
        f"{shown!r} is not a number; type digits with a decimal point, e.g. 37.5 or 1000",
        f"“{shown}”不是数字；请填写数字，小数用小数点，例如 37.5 或 1000",
    )


def parse_count(text: str) -> int:
    """A whole number ≥ 0 (people, checks, days) read by the same rule; "-5" and "2.5" are refused."""
    number = parse_number(text)
    if number < 0 or number != int(number):
        shown = text.strip()
        raise NumberFormatError(
            f"{shown!r} is not a whole number ≥ 0; type a count such as 6",
            f"“{shown}”不是大于等于 0 的整数；请填写人数或次数，例如 6",
        )
    return int(number)


def _decimal_suggestion(normalised: str) -> str:
    """``37,5`` → ``37.5`` where the text reads as a number with one decimal comma, else ""."""
    if normalised.count(",") == 1 and "." not in normalised:
        candidate = normalised.replace(",", ".")
        if _PLAIN.match(candidate):
            return candidate
    return ""


def _finite(value: float, shown: str) -> float:
    if not math.isfinite(value):
        raise NumberFormatError(f"{shown!r} is not a finite number", f"“{shown}”不是有限的数值")
    return value


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def format_number(value: float, limit: float | None = None) -> str:
    """A number for display: two decimals at most, no trailing zeros — but never rounded onto or across
    ``limit``. Verdicts compare exact values, so the figure beside one must agree with it: 50.00005 % against
    a 50 % limit shows as "50.0001" (the shortest figure still above it), 499.999 mg/L against 500 as
    "499.999"."""
    for decimals in range(2, 16):
        text = f"{value:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text == "-0":
            text = "0"
        if limit is None or _sign(float(text) - limit) == _sign(value - limit):
            return text
    return repr(value)
