"""The errors the core raises for the user to read, in English and Chinese.

Kept apart from :mod:`storage.db` (no SQLAlchemy here) so the desktop can recognise them with ``isinstance``
before the database is open, without slowing start-up. A :class:`KnownError` is something to tell the user in
words (locked, full, corrupt, read-only, refused …); anything else is a bug, shown with its traceback.
"""

from __future__ import annotations

from enum import StrEnum

from checklist.messages import Message, is_english


class KnownError(Exception):
    """A storage problem to tell the user in words (locked, full, corrupt, read-only, too new …).

    Raised with a :class:`checklist.messages.Message` (a catalogue code and its parameters), or with the two
    literal texts (``message`` in English, ``message_zh`` in Chinese). ``str(error)`` is English (logs, the
    command line in English); :meth:`text` says it in a given language."""

    def __init__(self, message: str | Message, message_zh: str = "") -> None:
        if isinstance(message, Message):
            self.message: Message | None = message
            english, message_zh = message.en, message.zh
        else:
            self.message = None
            english = message
        super().__init__(english)
        self.message_zh = message_zh or english

    def text(self, language: str) -> str:
        """The message in ``language`` (``en`` …, else Chinese)."""
        return str(self) if is_english(language) else self.message_zh


class DatabaseTooNewError(KnownError):
    pass


class ForeignDatabaseError(KnownError):
    """A database that is not one of 复工自查's (left untouched)."""


class ConcurrentEditError(KnownError):
    pass


class RecordLockedError(KnownError):
    pass


class NotFoundError(KnownError):
    pass


class InvalidInputError(KnownError):
    pass


class PermissionDeniedError(KnownError):
    pass


class AlteredRecordError(KnownError):
    """Stored JSON that the application never writes (``storage.stored_json``): the row was altered outside the
    application. ``columns`` names what was found: (table, row id, column) each."""

    def __init__(self, message: str | Message, columns: list[tuple[str, int, str]]) -> None:
        super().__init__(message)
        self.columns = columns


class LoginRefusal(StrEnum):
    """Why a login (or the password check before signing) was refused."""

    CREDENTIALS = "credentials"  # an unknown account or a wrong password: the same answer for both
    BACK_OFF = "back-off"  # too many failures: wait before trying again
    DISABLED = "disabled"  # the right password for a disabled account


class AuthenticationError(KnownError):
    """A refused login. ``reason`` says why; ``wait_seconds`` > 0 when the back-off refused it before checking
    the password."""

    def __init__(
        self,
        message: str | Message,
        message_zh: str = "",
        wait_seconds: int = 0,
        reason: LoginRefusal = LoginRefusal.CREDENTIALS,
    ) -> None:
        super().__init__(message, message_zh)
        self.wait_seconds = wait_seconds
        self.reason = reason
