"""Who is logged in, and how roles, sign-off meanings and login refusals read in the UI.

The rules themselves live in the service layer (:mod:`storage.auth`, :mod:`export.signing`): this module only
asks them, so a button is hidden or disabled for the same reason the service would refuse the change. Storage
and export are imported when first needed (start-up stays lean).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from storage.db import Database

ROLE_ORDER = ("officer", "manager", "auditor")
MEANING_ORDER = ("inspector", "approver")


class Account(NamedTuple):  # not a dataclass: this is imported before the first window shows, dataclasses isn't
    """The logged-in user: the actor of every change made in this window."""

    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        """Whether the service layer lets this role change data (auditors change nothing)."""
        from storage.auth import WRITE_ROLES

        return self.role in WRITE_ROLES

    @property
    def can_manage_accounts(self) -> bool:
        from storage.auth import ACCOUNT_ADMIN_ROLES

        return self.role in ACCOUNT_ADMIN_ROLES


def role_text(role: str) -> str:
    names = {
        "officer": QCoreApplication.translate("Accounts", "安全员"),
        "manager": QCoreApplication.translate("Accounts", "单位主要负责人"),
        "auditor": QCoreApplication.translate("Accounts", "审计员"),
    }
    return names.get(role, role)


def meaning_text(meaning: str) -> str:
    names = {
        "inspector": QCoreApplication.translate("Accounts", "检查人"),
        "approver": QCoreApplication.translate("Accounts", "单位主要负责人审核"),
    }
    return names.get(meaning, meaning)


def meaning_statement(meaning: str) -> str:
    """What the signer declares by signing with this meaning (shown in the sign dialog)."""
    statements = {
        "inspector": QCoreApplication.translate(
            "Accounts",
            "本人作为检查人签署，确认亲自完成了本次检查，记录的检查结果、测量值、照片和整改措施真实、完整。"
            "签署后记录即被锁定，不能再修改；如需更正，只能创建新版本。",
        ),
        "approver": QCoreApplication.translate(
            "Accounts",
            "本人作为单位主要负责人签署，确认已审核本次检查记录和整改措施，同意其内容，并对整改的落实负责。",
        ),
    }
    return statements.get(meaning, "")


def signable_meanings(role: str, status: str, signed: Collection[str], signed_by_me: Collection[str] = ()) -> list[str]:
    """The sign-off meanings this role may give now, in order: the same checks :func:`export.signing.sign`
    makes (the role allowed for the meaning; 检查人 on a completed record, the review after the 检查人 and
    by someone else)."""
    from export.signing import signable_meanings as allowed_now

    return allowed_now(role, status, signed, signed_by_me)


def follow_up_choices(role: str, current: str) -> list[str]:
    """The follow-ups (整改跟进) this role may record now on a corrective action of a completed or signed
    inspection whose current status is ``current``: the checks :func:`storage.service.follow_up_action` makes
    (已整改 by whoever may change data, 已验证 by the roles allowed to verify and only after 已整改). A verified
    action is closed: nothing more is offered."""
    from storage.service import FOLLOW_UP_ROLES

    if current == "verified":
        return []
    return [
        status
        for status, roles in FOLLOW_UP_ROLES.items()
        if role in roles and not (status == "verified" and current == "open")
    ]


def draft_action_choices(role: str, current: str) -> list[str]:
    """The statuses this role may give a corrective action of a draft (other than ``current``): 待整改 and
    已整改 for whoever may change data, 已验证 as for a follow-up (a verifying role, after 已整改)."""
    from storage.auth import WRITE_ROLES
    from storage.service import ACTION_STATUSES, FOLLOW_UP_ROLES

    if role not in WRITE_ROLES:
        return []
    return [
        status
        for status in ACTION_STATUSES
        if status != current and (status != "verified" or (role in FOLLOW_UP_ROLES["verified"] and current != "open"))
    ]


def refusal_text(error: BaseException) -> str:
    """A refused login or signature in words (the back-off as a number of seconds to wait)."""
    message = str(error)
    seconds = wait_seconds_of(error)
    if seconds:
        return QCoreApplication.translate("Accounts", "密码错误次数过多，请等 {seconds} 秒后再试。").format(
            seconds=seconds
        )
    if "unknown account or wrong password" in message:
        return QCoreApplication.translate("Accounts", "账户名或密码不正确。")
    from desktop.common.errors import error_text

    return error_text(error)


def wait_seconds_of(error: BaseException) -> int:
    """How many seconds a refused login says to wait (0 if it says nothing of the kind)."""
    return int(getattr(error, "wait_seconds", 0))


def log_in(db: Database, name: str, password: str) -> Account:
    """Check the password (``storage.auth.authenticate``); runs off the GUI thread (argon2 is slow on purpose)."""
    from storage.auth import authenticate

    user = authenticate(db, name, password)
    return Account(user.name, user.role)


def has_accounts(db: Database) -> bool:
    from storage.auth import users_exist

    with db.session() as session:
        return users_exist(session)
