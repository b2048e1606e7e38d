"""How the core's states read in the UI, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_text(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("Status", "草稿"),
        "completed": QCoreApplication.translate("Status", "已完成"),
        "signed": QCoreApplication.translate("Status", "已签署"),
    }
    return names.get(status, status)
