"""What the desktop app keeps in QSettings (never user data: that lives in the database).

Tests point QSettings at a temporary folder (``QSettings.setPath``) before anything here runs.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

OFFICER = "officer/name"
GEOMETRY = "main_window/geometry"
STATE = "main_window/state"
SPLITTER = "inspection/splitter"


def officer_name() -> str:
    value = QSettings().value(OFFICER, "")
    return value.strip() if isinstance(value, str) else ""


def set_officer_name(name: str) -> None:
    settings = QSettings()
    settings.setValue(OFFICER, name.strip())
    settings.sync()


def load_bytes(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    settings = QSettings()
    settings.setValue(key, value)
    settings.sync()
