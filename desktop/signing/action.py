"""Signing an inspection and starting a correction of a signed one, from the main window.

Like :mod:`desktop.reports.export`: the window hands over the database, the logged-in account and the record;
the dialogs collect plain values and ``export.signing`` / ``storage.inspections`` do the work off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from checklist.workflow import signable_meanings
from desktop.accounts.account import Account
from desktop.signing.dialog import CorrectionDialog, SignDialog, SignRequest

if TYPE_CHECKING:
    from desktop.editor.inspection import Header
    from storage.db import Database


def record_title(header: Header) -> str:
    place = f"{header.company} / {header.site}" if header.site else header.company
    return QCoreApplication.translate("Signing", "记录 #{id}：{place}，{date}，检查人 {inspector}").format(
        id=header.id, place=place, date=header.date.isoformat(), inspector=header.inspector
    )


def open_sign_dialog(
    parent: QWidget,
    db: Database,
    account: Account,
    header: Header,
    signed: set[str],
    on_signed: Callable[[], None],
    signed_by_me: set[str] | None = None,
) -> SignDialog | None:
    """Open the sign dialog for the meanings this account may give now (None if there is none)."""
    meanings = signable_meanings(account.role, header.status, signed, signed_by_me or set())
    if not meanings:
        return None
    inspection_id, name = header.id, account.name

    def sign(request: SignRequest) -> object:
        from export.signing import sign as sign_inspection

        return sign_inspection(db, inspection_id, name, request.password, request.meaning, request.image_png)

    dialog = SignDialog(account, meanings, record_title(header), sign, parent)
    dialog.accepted.connect(on_signed)
    dialog.open()
    return dialog


def open_correction_dialog(
    parent: QWidget, db: Database, account: Account, header: Header, on_created: Callable[[int], None]
) -> CorrectionDialog:
    """Ask why the signed inspection needs a correction, then make the new draft version."""
    inspection_id, name = header.id, account.name

    def create(reason: str) -> int:
        from storage.inspections import new_version

        return new_version(db, name, inspection_id, reason)

    dialog = CorrectionDialog(record_title(header), create, parent)
    dialog.accepted.connect(lambda: on_created(int(dialog.result_value)))
    dialog.open()
    return dialog
