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


DATABASE_URL = "database/url"  # an SQLite file or a PostgreSQL server, never with its password
DEFAULT_CATALOGS = "inspection/default_catalogs"
BUILT_IN_CATALOGS = ("GN", "BJHQ")


def saved_database_url() -> str:
    """The database chosen in the settings dialog ("" if none: then ``FUGONG_DB_URL`` or the user data folder)."""
    value = QSettings().value(DATABASE_URL, "")
    return value.strip() if isinstance(value, str) else ""


def save_database_url(url: str) -> None:
    """Save the database to use next time. A password in ``url`` is refused: it never goes into this file."""
    from sqlalchemy.engine import make_url

    if make_url(url).password is not None:
        raise ValueError("a database password is never saved in the settings file")
    settings = QSettings()
    settings.setValue(DATABASE_URL, url)
    settings.sync()


def default_catalogs() -> tuple[str, ...]:
    """The catalogs checked in a new inspection (the settings dialog's choice, else GN and BJHQ)."""
    value = QSettings().value(DEFAULT_CATALOGS, "")
    chosen = tuple(part for part in value.split(",") if part) if isinstance(value, str) else ()
    return chosen or BUILT_IN_CATALOGS


def save_default_catalogs(catalog_ids: tuple[str, ...]) -> None:
    settings = QSettings()
    settings.setValue(DEFAULT_CATALOGS, ",".join(catalog_ids))
    settings.sync()
