"""How the core's states read in the UI, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checklist.workflow import InspectionStatus


def status_text(status: str) -> str:
    names: dict[str, str] = {
        InspectionStatus.DRAFT: QCoreApplication.translate("Status", "草稿"),
        InspectionStatus.COMPLETED: QCoreApplication.translate("Status", "已完成"),
        InspectionStatus.SIGNED: QCoreApplication.translate("Status", "已签署"),
    }
    return names.get(status, status)
