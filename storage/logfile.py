"""The application's log file: a rotating file in the user's data folder, so nothing vanishes silently.

What goes in: unexpected errors with their traceback, and refusals of bad input in one line. What never goes
in: passwords, keys, or the content of a record (names, notes); the messages logged here are the same
sentences the user is shown, which name files and fields, not their values' secrets.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOGGER_NAME = "fugong"
MAX_BYTES = 1_000_000
BACKUPS = 3
_handler: logging.Handler | None = None


def log_path() -> Path:
    """``fugong.log`` in the user data folder (``$FUGONG_LOG_FILE`` overrides it)."""
    override = os.environ.get("FUGONG_LOG_FILE")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("fugong", appauthor=False) / "fugong.log"


def setup_logging() -> Path:
    """Attach the rotating file handler to the ``fugong`` logger (once); return the log file's path.

    A log that cannot be written (read-only home, full disk) never stops the application: the handler is
    then left out and the path is still returned, so a message can name where the log would be.
    """
    global _handler
    path = log_path()
    logger = logging.getLogger(LOGGER_NAME)
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) == path.resolve():
        return path
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    _handler = handler
    return path


def close_logging() -> None:
    """Detach and close the file handler (tests point the log elsewhere between runs)."""
    global _handler
    if _handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_handler)
        _handler.close()
        _handler = None


def logger(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)
