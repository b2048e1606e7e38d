"""Languages: Chinese first, English complete.

UI strings are Chinese in the source (``self.tr("…")``) and translated to English by
``resources/translations/fugong_en.qm``. Checklist content is bilingual in the catalog itself
(``title_zh`` / ``title_en`` …); :func:`pick` chooses the field for the current language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.common.assets import translations_folder

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = {CHINESE: "中文", ENGLISH: "English"}
SETTING = "ui/language"

_installed: list[QTranslator] = []
_current = CHINESE


def saved_language() -> str:
    """The language chosen in the View menu, Chinese unless English was chosen."""
    value = QSettings().value(SETTING, CHINESE)
    return value if value in LANGUAGES else CHINESE


def save_language(language: str) -> None:
    QSettings().setValue(SETTING, language)


def current_language() -> str:
    return _current


def install_language(language: str) -> None:
    """Replace the installed translators; widgets get a LanguageChange event."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language if language in LANGUAGES else CHINESE
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if _current == ENGLISH:
        ours = QTranslator(app)
        if ours.load("fugong_en", str(translations_folder())):
            _installed.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_translations):  # the standard buttons: 确定, 取消 …
            _installed.append(qt)
        qt_extra = QTranslator(app)  # what qtbase_zh_CN leaves in English (the file dialog's 查找范围, 文件类型)
        if qt_extra.load("qt_extra_zh_CN", str(translations_folder())):
            _installed.append(qt_extra)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for translator in _installed:
        app.installTranslator(translator)


def pick(source: Any, field: str) -> str:
    """``source.<field>_zh`` or ``source.<field>_en`` for the current language."""
    suffix = "en" if _current == ENGLISH else "zh"
    return str(getattr(source, f"{field}_{suffix}"))


def english() -> bool:
    return _current == ENGLISH
