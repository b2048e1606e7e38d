"""The one error every ``fugong`` subcommand raises for a problem the user can fix."""

from __future__ import annotations

from checklist.messages import Both, Message


class CommandError(Exception):
    """A problem the user can fix; printed as one line in the user's language, exit status 1.

    Raised with a catalogue message (:func:`checklist.messages.msg`), both texts (:class:`Both`, e.g. from a
    :class:`storage.errors.KnownError`), or a plain string (English only: being replaced by catalogue codes)."""

    def __init__(self, message: Message | Both | str) -> None:
        self.message = message
        super().__init__(message if isinstance(message, str) else message.en)

    def text(self, language: str) -> str:
        return self.message if isinstance(self.message, str) else self.message.render(language)


def known(error: Exception, then: str = "") -> CommandError:
    """A :class:`storage.errors.KnownError` (both languages) as the command's refusal; ``then``: a catalogue
    code that adds what happened to the data (``cli.nothing_changed``)."""
    from checklist.messages import msg

    reason = Both(str(error), str(getattr(error, "message_zh", "") or error))
    return CommandError(msg(then, reason=reason) if then else reason)
