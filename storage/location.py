"""Where the database lives when nobody says: ``FUGONG_DB_URL``, else SQLite in the user data folder.

One owner for the default location, so the GUI and the command line open the same database.
"""

from __future__ import annotations

import os


def default_db_url() -> str:
    """``FUGONG_DB_URL`` if set, else SQLite in the user data folder (created if missing)."""
    from_env = os.environ.get("FUGONG_DB_URL")
    if from_env:
        return from_env
    from platformdirs import user_data_path

    folder = user_data_path("fugong", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'fugong.sqlite3'}"
