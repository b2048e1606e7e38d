"""Text a user hands the service layer, checked by the core's policy (:mod:`checklist.text`) before it is
stored: a length limit per kind and no control characters (none at all in names). A refusal is an
:class:`~storage.errors.InvalidInputError` in both languages; nothing is stored."""

from __future__ import annotations

from checklist.limits import Counted, LimitError, check_count
from checklist.text import TextKind, TextPolicyError, check_text
from storage.errors import InvalidInputError


def _checked(value: object, kind: TextKind, field: str, required: bool) -> str:
    try:
        return check_text(value, kind, field, required=required)
    except TextPolicyError as error:
        raise InvalidInputError(str(error), error.message_zh) from None


def name(value: object, field: str, *, required: bool = True) -> str:
    """A one-line name (company, inspector, owner, room, site), without surrounding spaces."""
    return _checked(value, TextKind.NAME, field, required)


def short(value: object, field: str) -> str:
    """A short text (address, district, file name)."""
    return _checked(value, TextKind.SHORT, field, False).strip()


def note(value: object, field: str, *, required: bool = False) -> str:
    """A note, reason or corrective action (newlines allowed)."""
    return _checked(value, TextKind.NOTE, field, required)


def count(counted: Counted, number: int, where: str = "") -> None:
    """Refuse ``number`` things of kind ``counted`` if one inspection (or item) may not hold that many
    (:mod:`checklist.limits`)."""
    try:
        check_count(counted, number, where)
    except LimitError as error:
        raise InvalidInputError(str(error), error.message_zh) from None
