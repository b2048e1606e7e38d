"""Where the database and the local settings live when nobody says.

The database: ``FUGONG_DB_URL``, else SQLite in the user data folder. The local settings that must not live in
the database (the pinned signing authority, ``export.trust``): ``FUGONG_CONFIG_DIR``, else the user config
folder. One owner for the default locations, so the GUI and the command line use the same ones. Folders made
here are private to the user (0700): the database holds everyone's sealed signing keys.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FOLDER = 0o700


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) readable by its owner only; tighten it if it already exists
    and is ours."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    try:
        if folder.stat().st_mode & 0o077:
            folder.chmod(PRIVATE_FOLDER)
    except PermissionError:  # someone else's folder (a shared location chosen on purpose): left as it is
        pass
    return folder


def default_db_url() -> str:
    """``FUGONG_DB_URL`` if set, else SQLite in the user data folder (created, 0700, if missing)."""
    from_env = os.environ.get("FUGONG_DB_URL")
    if from_env:
        return from_env
    from platformdirs import user_data_path

    folder = private_folder(user_data_path("fugong", appauthor=False))
    return f"sqlite:///{folder / 'fugong.sqlite3'}"


def config_folder() -> Path:
    """The local settings folder: ``FUGONG_CONFIG_DIR`` if set, else the user config folder (0700)."""
    from_env = os.environ.get("FUGONG_CONFIG_DIR")
    if from_env:
        return private_folder(Path(from_env))
    from platformdirs import user_config_path

    return private_folder(user_config_path("fugong", appauthor=False))
