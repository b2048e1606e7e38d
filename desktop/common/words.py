"""How the core's states read in the UI, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checklist.workflow import InspectionStatus, SignOffStage


def status_text(status: str) -> str:
    names: dict[str, str] = {
        InspectionStatus.DRAFT: QCoreApplication.translate("Status", "草稿"),
        InspectionStatus.COMPLETED: QCoreApplication.translate("Status", "已完成"),
        InspectionStatus.SIGNED: QCoreApplication.translate("Status", "已签署"),
    }
    return names.get(status, status)


def sign_off_text(stage: str) -> str:
    """A record's sign-off stage (:class:`checklist.workflow.SignOffStage`) in the interface's language."""
    names: dict[str, str] = {
        SignOffStage.DRAFT: QCoreApplication.translate("Status", "草稿"),
        SignOffStage.AWAITING_INSPECTOR: QCoreApplication.translate("Status", "待检查人签署"),
        SignOffStage.AWAITING_APPROVAL: QCoreApplication.translate("Status", "待审核签署"),
        SignOffStage.APPROVED: QCoreApplication.translate("Status", "已审核"),
    }
    return names.get(stage, stage)
