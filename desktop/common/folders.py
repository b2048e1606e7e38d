"""Where file dialogs start: the folder the reports last went to (a folder that exists), so that 导出报告 and
验证文件 open where the officer keeps the reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

EXPORT_FOLDER = "export/folder"  # QSettings: the folder the last report went to


def proposed_folder() -> Path:
    """Where the folder dialog starts: the folder of the last export if it still exists, else the documents
    folder if it exists, else the home folder (a folder that does not exist is never proposed)."""
    last = QSettings().value(EXPORT_FOLDER, "")
    candidates = [last if isinstance(last, str) else ""]
    candidates.append(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()


def remember_folder(folder: Path) -> None:
    settings = QSettings()
    settings.setValue(EXPORT_FOLDER, str(folder))
    settings.sync()
