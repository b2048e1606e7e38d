"""The application's log file: a rotating file in the user's data folder, so nothing vanishes silently.

What goes in: unexpected errors with their traceback, and refusals of bad input in one line. What never goes
in: passwords, keys, or personal data from a record. The sentences logged are the ones the user is shown, in
English, which can quote what was typed (an account's name, a file named after a person, a note's first
words): every line written is passed through :func:`redact`, which replaces Chinese text (names, notes,
addresses) and long numbers (phone, ID-card and bank numbers) with placeholders. Passwords are never put in
a message. ``tests/badinput/test_log_privacy.py`` runs the command-line flows with personal values and
greps the log for them.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from typing import Any

LOGGER_NAME = "fugong"
MAX_BYTES = 1_000_000
BACKUPS = 3
_handler: logging.Handler | None = None


# Runs of Chinese (and other CJK) characters, with the punctuation between them: names, notes, addresses.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]+")
# Six or more digits in a row (with an ID card's final X), a phone number grouped 3-4-4, a bank card grouped
# by fours: phone, ID-card, passport and bank numbers. (Dates, times and "2,000" stay readable.)
_NUMBER = re.compile(r"(?<!\d)(?:\+?\d{6,}[Xx]?|\d{3}[- ]\d{4}[- ]\d{4}|\d{4}(?: \d{4}){3,4})(?!\d)")


def redact(text: str) -> str:
    """``text`` without personal data: Chinese text becomes ``<zh>``, long numbers ``<number>``."""
    return _NUMBER.sub("<number>", _CJK.sub("<zh>", text))


class _RedactingFormatter(logging.Formatter):
    """Formats as usual, then redacts the message and the traceback (the time stays as it is)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = redact(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


class _RotatingLog(logging.handlers.RotatingFileHandler):
    """A log file that fails quietly: a full disk or a removed folder must not print a traceback either."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_path() -> Path:
    """``fugong.log`` in the user data folder (``$FUGONG_LOG_FILE`` overrides it)."""
    override = os.environ.get("FUGONG_LOG_FILE")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("fugong", appauthor=False) / "fugong.log"


def setup_logging() -> Path:
    """Attach the rotating file handler to the ``fugong`` logger (once); return the log file's path.

    A log that cannot be written (read-only home, full disk) never stops the application: records are then
    dropped and the path is still returned, so a message can name where the log would be.
    """
    global _handler
    path = log_path()
    logger = logging.getLogger(LOGGER_NAME)
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) == path.resolve():
        return path
    close_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _RotatingLog(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.NullHandler()  # still keeps the libraries' tracebacks off standard error
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # On the root logger: the libraries' warnings (pyHanko logs a traceback for every untrusted signer) go
    # to the file too, instead of Python's last-resort handler printing them on standard error.
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logger.setLevel(logging.INFO)
    _handler = handler
    return path


def close_logging() -> None:
    """Detach and close the file handler (tests point the log elsewhere between runs)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def logger(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)
