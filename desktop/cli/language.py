"""The language the ``fugong`` command speaks: the user's, without importing Qt.

In order: ``FUGONG_LANG`` (``zh`` / ``en``), the language chosen in the window (视图 → 语言, which Qt keeps
in the settings file this module reads as text), then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, or
the system's on Windows). Chinese when any of these says Chinese, English otherwise.
"""

from __future__ import annotations

import configparser
import locale
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from checklist.messages import CHINESE, ENGLISH, Both, Message

_language: list[str] = []  # set once per run by use_language()


def _gui_setting(environ: Mapping[str, str]) -> str | None:
    """The window's language choice (``ui/language``), read from QSettings' own storage; None if not chosen."""
    value: object = None
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\fugong\fugong\ui") as key:
                value = winreg.QueryValueEx(key, "language")[0]
        except OSError:
            return None
    else:
        if sys.platform == "darwin":
            import plistlib

            plist = Path.home() / "Library" / "Preferences" / "local.fugong.fugong.plist"
            try:
                value = plistlib.loads(plist.read_bytes()).get("ui.language")
            except (OSError, ValueError, plistlib.InvalidFileException):
                return None
        else:
            config = Path(environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "fugong" / "fugong.conf"
            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read(config, encoding="utf-8")
            except (OSError, configparser.Error, UnicodeDecodeError):
                return None
            value = parser.get("ui", "language", fallback=None)
    if not isinstance(value, str) or not value:
        return None
    return ENGLISH if value.lower().startswith("en") else CHINESE


def _locale(environ: Mapping[str, str]) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return environ[name]
    if sys.platform == "win32":
        return locale.getlocale()[0] or ""
    return ""


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` or ``en`` for this run (see the module's docstring for the order)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("FUGONG_LANG", "").strip().lower()
    if chosen:
        return ENGLISH if chosen.startswith("en") else CHINESE
    setting = _gui_setting(environ)
    if setting is not None:
        return setting
    spoken = _locale(environ).lower()
    return CHINESE if spoken.startswith("zh") or spoken.startswith("chinese") else ENGLISH


def use_language(language: str) -> None:
    _language[:] = [language]


def cli_language() -> str:
    """The language of this run (detected on first use)."""
    if not _language:
        use_language(detect_language())
    return _language[0]


def say(message: Message | Both | str) -> str:
    """A message in the run's language (a plain string is printed as it is: data, a path)."""
    return message if isinstance(message, str) else message.render(cli_language())
