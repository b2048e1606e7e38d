"""Who is logged in, and how roles, sign-off meanings and login refusals read in the UI.

The rules themselves live in the core (:mod:`checklist.workflow`, which the service layer enforces): the
desktop asks them, so a button is hidden or disabled for the same reason the service would refuse the change.
The workflow module and :mod:`storage.errors` are light; storage proper is imported when first needed
(start-up stays lean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from checklist.workflow import Meaning, Role, can_manage_accounts, can_write, may_edit_company

if TYPE_CHECKING:
    from storage.db import Database

ROLE_ORDER = tuple(Role)
MEANING_ORDER = tuple(Meaning)


class Account(NamedTuple):  # not a dataclass: this is imported before the first window shows, dataclasses isn't
    """The logged-in user: the actor of every change made in this window."""

    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        """Whether the service layer lets this role change data (auditors change nothing)."""
        return can_write(self.role)

    @property
    def can_manage_accounts(self) -> bool:
        return can_manage_accounts(self.role)

    @property
    def can_edit_company(self) -> bool:
        """Whether this role may change the company profile and add sites (a manager)."""
        return may_edit_company(self.role)


def role_text(role: str) -> str:
    names: dict[str, str] = {
        Role.OFFICER: QCoreApplication.translate("Accounts", "安全员"),
        Role.MANAGER: QCoreApplication.translate("Accounts", "单位主要负责人"),
        Role.AUDITOR: QCoreApplication.translate("Accounts", "审计员"),
    }
    return names.get(role, role)


def meaning_text(meaning: str) -> str:
    names: dict[str, str] = {
        Meaning.INSPECTOR: QCoreApplication.translate("Accounts", "检查人"),
        Meaning.APPROVER: QCoreApplication.translate("Accounts", "单位主要负责人审核"),
    }
    return names.get(meaning, meaning)


def meaning_statement(meaning: str) -> str:
    """What the signer declares by signing with this meaning (shown in the sign dialog)."""
    statements: dict[str, str] = {
        Meaning.INSPECTOR: QCoreApplication.translate(
            "Accounts",
            "本人作为检查人签署，确认亲自完成了本次检查，记录的检查结果、测量值、照片和整改措施真实、完整。"
            "签署后记录即被锁定，不能再修改；如需更正，只能创建新版本。",
        ),
        Meaning.APPROVER: QCoreApplication.translate(
            "Accounts",
            "本人作为单位主要负责人签署，确认已审核本次检查记录和整改措施，同意其内容，并对整改的落实负责。",
        ),
    }
    return statements.get(meaning, "")


def refusal_text(error: BaseException) -> str:
    """A refused login or signature in words (the back-off as a number of seconds to wait)."""
    seconds = wait_seconds_of(error)
    if seconds:
        return QCoreApplication.translate("Accounts", "密码错误次数过多，请等 {seconds} 秒后再试。").format(
            seconds=seconds
        )
    from storage.errors import AuthenticationError, LoginRefusal  # once a login is refused, not at start-up

    if isinstance(error, AuthenticationError) and error.reason == LoginRefusal.CREDENTIALS:
        return QCoreApplication.translate("Accounts", "账户名或密码不正确。")
    from desktop.common.errors import error_text

    return error_text(error)


def wait_seconds_of(error: BaseException) -> int:
    """How many seconds a refused login says to wait (0 if it says nothing of the kind)."""
    from storage.errors import AuthenticationError

    return error.wait_seconds if isinstance(error, AuthenticationError) else 0


def log_in(db: Database, name: str, password: str) -> Account:
    """Check the password (``storage.auth.authenticate``); runs off the GUI thread (argon2 is slow on purpose).
    A manager promoted since their last login claims the pending grant of the authority key (never stops the
    login: a refused grant is logged)."""
    from export.grants import claim_quietly
    from storage.auth import authenticate

    user = authenticate(db, name, password)
    claim_quietly(db, user.name, password)
    return Account(user.name, user.role)


def has_accounts(db: Database) -> bool:
    from storage.unit_of_work import users_exist

    with db.session() as session:
        return users_exist(session)
