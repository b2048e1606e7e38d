"""The language the ``fugong`` command speaks: the user's, without importing Qt.

In order: ``FUGONG_LANG`` (``zh`` / ``en``), the language chosen in the window (视图 → 语言, which Qt keeps
in the settings file this module reads as text), then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, or
the system's on Windows). Chinese when any of these says Chinese, English otherwise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
            import configparser  # here, as winreg and plistlib above: the GUI's start-up does not need it

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
        import locale

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


class Words:
    """One command module's table of what it prints: code → (English, Chinese), filled in like
    :class:`checklist.messages.Message` (``WORDS("wrote", path=…)``) in the run's language."""

    def __init__(self, table: Mapping[str, tuple[str, str]]) -> None:
        self.table = dict(table)

    def __call__(self, code: str, /, **params: object) -> str:
        english, chinese = self.table[code]
        language = cli_language()
        values = {key: say(value) if isinstance(value, (Message, Both)) else value for key, value in params.items()}
        return (english if language == ENGLISH else chinese).format(**values)

    def both(self, code: str, /, **params: object) -> Both:
        """Both texts (for a :class:`desktop.cli.errors.CommandError`, which is said when it is printed)."""
        english, chinese = self.table[code]

        def fill(template: str, language: str) -> str:
            values = {
                key: value.render(language) if isinstance(value, (Message, Both)) else value
                for key, value in params.items()
            }
            return template.format(**values)

        return Both(fill(english, ENGLISH), fill(chinese, CHINESE))


# argparse's own words (usage, section titles, its refusals), in Chinese. argparse looks each up through
# gettext when it builds a parser or reports an error; argparse_words() hands it these while the command's
# parser is built and used.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示此帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：“%(value)s”（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：“%s”",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的值：“%(value)s”",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可以是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "ignored explicit argument %r": "忽略了多余的值“%s”",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令“%(parser_name)s”（可选：%(choices)s）",
    "unexpected option string: %s": "意外的选项：“%s”",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


@contextmanager
def argparse_words() -> Iterator[None]:
    """While the ``with`` block runs, argparse says its own words in the run's language."""
    import argparse

    module: Any = argparse
    saved = module._, module.ngettext
    chinese = cli_language() == CHINESE

    def translate(message: str) -> str:
        return ARGPARSE_ZH.get(message, message) if chinese and message else message

    def translate_plural(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    module._, module.ngettext = translate, translate_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved
