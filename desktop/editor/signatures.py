"""The sign-offs of one inspection as plain rows, and the table model that lists them (summary page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.accounts.account import meaning_text, role_text
from desktop.common.table_model import RowTableModel

if TYPE_CHECKING:
    from storage.db import Database

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SignatureRow:
    signer: str
    role: str
    meaning: str
    signed_at: dt.datetime  # UTC, naive as stored
    record_hash: str
    drawn: bool  # a handwritten signature image was given


def load_signatures(db: Database, inspection_id: int) -> list[SignatureRow]:
    """The inspection's signatures in signing order (read-only query)."""
    from export.signing import signatures_of

    return [
        SignatureRow(s.signer_name, s.role, s.meaning, s.signed_at, s.record_hash, s.image_png is not None)
        for s in signatures_of(db, inspection_id)
    ]


def utc_text(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S") + " UTC"


def local_text(moment: dt.datetime) -> str:
    """The stored UTC time in the company's time zone (as the report prints it, whatever this computer's zone
    is), with its offset."""
    from checklist.company import COMPANY_TIME

    local = moment.replace(tzinfo=dt.UTC).astimezone(COMPANY_TIME)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M:%S") + f" (UTC{offset[:3]}:{offset[3:]})"


class SignatureColumn(IntEnum):
    SIGNER = 0
    ROLE = 1
    MEANING = 2
    UTC = 3
    LOCAL = 4
    HASH = 5


class SignaturesModel(RowTableModel):
    """Who signed, in which role and meaning, when (UTC and local time), over which record hash."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("签名人"),
            self.tr("角色"),
            self.tr("签署含义"),
            self.tr("签署时间（UTC）"),
            self.tr("本地时间"),
            self.tr("记录哈希"),
        ]

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = SignatureColumn(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                SignatureColumn.SIGNER: row.signer,
                SignatureColumn.ROLE: role_text(row.role),
                SignatureColumn.MEANING: meaning_text(row.meaning),
                SignatureColumn.UTC: utc_text(row.signed_at),
                SignatureColumn.LOCAL: local_text(row.signed_at),
                SignatureColumn.HASH: row.record_hash,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == SignatureColumn.HASH:
            return row.record_hash
        return None
