"""What the desktop app keeps in QSettings (never user data: that lives in the database).

Tests point QSettings at a temporary folder (``QSettings.setPath``) before anything here runs.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LAST_USER = "account/last_name"  # to fill in the login dialog; never a password
GEOMETRY = "main_window/geometry"
STATE = "main_window/state"
SPLITTER = "inspection/splitter"


def last_user_name() -> str:
    """The account that logged in last on this computer."""
    value = QSettings().value(LAST_USER, "")
    return value.strip() if isinstance(value, str) else ""


def set_last_user_name(name: str) -> None:
    settings = QSettings()
    settings.setValue(LAST_USER, name.strip())
    settings.sync()


def load_bytes(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    settings = QSettings()
    settings.setValue(key, value)
    settings.sync()
