"""Local accounts: argon2id passwords, back-off after failed logins, and role checks.

Roles: ``officer`` fills in inspections, ``manager`` also approves and signs as 单位主要负责人 and manages
accounts, ``auditor`` reads, verifies and exports everything and changes nothing. The first account created
becomes a manager. Once a database has accounts, every change must come from one whose role allows it; the
check is made in the service layer (:func:`storage.service.unit_of_work`), not only by hiding buttons.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.db import Database, InvalidInputError, KnownError, NotFoundError
from storage.models import User, utcnow

ROLES = ("officer", "manager", "auditor")
ROLE_ZH = {"officer": "安全员", "manager": "单位主要负责人", "auditor": "审计员"}
WRITE_ROLES = ("officer", "manager")
ACCOUNT_ADMIN_ROLES = ("manager",)  # who may create accounts
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3  # failures allowed before the back-off starts
MAX_WAIT_SECONDS = 300

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def password_hasher() -> PasswordHasher:
    """The login hash's argon2id hasher (signing keys are sealed at least as costly: ``export.keys``)."""
    return _hasher


class PermissionDeniedError(KnownError):
    pass


class AuthenticationError(KnownError):
    """A refused login. ``wait_seconds`` > 0 when the back-off refused it before checking the password."""

    def __init__(self, message: str, message_zh: str = "", wait_seconds: int = 0) -> None:
        super().__init__(message, message_zh)
        self.wait_seconds = wait_seconds


def users_exist(session: Session) -> bool:
    return bool(session.scalar(select(func.count(User.id))))


def check_permission(
    session: Session, actor: str, allowed: tuple[str, ...], what: str, principal: str | None = None
) -> None:
    """Refuse the change unless ``actor`` is an account whose role is in ``allowed`` (once accounts exist),
    and, when someone logged in through this database handle (``principal``), unless it is that account."""
    if not users_exist(session):
        return
    if principal is not None and actor != principal:
        raise PermissionDeniedError(
            f"logged in as {principal}, a change cannot be made as {actor!r}; nothing was changed",
            f"当前登录的是 {principal}，不能以“{actor}”的名义修改；没有修改任何数据",
        )
    found = session.execute(select(User.role, User.active).where(User.name == actor)).first()
    if found is None:
        raise PermissionDeniedError(
            f"{actor!r} is not an account of this database; nothing was changed",
            f"“{actor}”不是本数据库的账户；没有修改任何数据",
        )
    role, active = found
    if not active:
        raise PermissionDeniedError(
            f"the account {actor} is disabled; nothing was changed",
            f"账户“{actor}”已停用；没有修改任何数据",
        )
    if role not in allowed:
        raise PermissionDeniedError(
            f"{actor} is {role}: not allowed to {what}; nothing was changed",
            f"{actor}（{ROLE_ZH.get(role, role)}）无权进行此操作；没有修改任何数据",
        )


def wait_seconds(failures: int, last_failed_at: dt.datetime | None, now: dt.datetime) -> int:
    """How long the account must wait before the next attempt: doubling from 1 s after the free attempts."""
    if failures < FREE_ATTEMPTS or last_failed_at is None:
        return 0
    delay = min(1 << (failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS)
    remaining = delay - (now - last_failed_at).total_seconds()
    return max(0, math.ceil(remaining))


def create_user(db: Database, actor: str, name: str, role: str, password: str) -> tuple[int, str]:
    """Create an account; return (id, role actually given — the first account is always a manager)."""
    name = name.strip()
    if not name:
        raise InvalidInputError("the account needs a name")
    if role not in ROLES:
        raise InvalidInputError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError(f"the password needs at least {MIN_PASSWORD} characters")
    password_hash = _hasher.hash(password)
    from storage.service import unit_of_work

    with unit_of_work(db, actor, allowed=None) as session:
        if users_exist(session):
            check_permission(session, actor, ACCOUNT_ADMIN_ROLES, "create accounts", db.principal)
        else:
            role = "manager"
        if session.scalar(select(User.id).where(User.name == name)) is not None:
            raise InvalidInputError(f"an account named {name!r} already exists")
        user = User(name=name, role=role, password_hash=password_hash)
        session.add(user)
        session.flush()
        return user.id, role


def authenticate(db: Database, name: str, password: str) -> User:
    """Check a password. Failures are counted and slow down further attempts; the password is never stored
    or logged, and an unknown name and a wrong password get the same answer."""
    from storage.service import unit_of_work

    refused = AuthenticationError("unknown account or wrong password", "账户名或密码不正确")
    with unit_of_work(db, name, allowed=None) as session:
        user = session.scalar(select(User).where(User.name == name.strip()))
        if user is None:
            raise refused
        now = utcnow()
        wait = wait_seconds(user.failed_logins, user.last_failed_at, now)
        if wait:
            raise AuthenticationError(
                f"too many failed attempts for {user.name}; try again in {wait} s",
                f"{user.name} 密码错误次数过多，请 {wait} 秒后再试",
                wait,
            )
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            user.last_failed_at = now
            session.flush()
            audit.record_event(session, "login-fail", "users", user.id, None, {"failed_logins": user.failed_logins})
            failed = True
        else:
            failed = False
            if not user.active:  # said only to whoever knows the password
                raise AuthenticationError(
                    f"the account {user.name} is disabled; ask the manager (单位主要负责人)",
                    f"账户“{user.name}”已停用，请联系单位主要负责人",
                )
            db.principal = user.name
            if user.failed_logins:
                user.failed_logins = 0
                user.last_failed_at = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            session.flush()
            session.expunge(user)
    if failed:
        raise refused
    return user


def change_password(
    db: Database,
    name: str,
    old_password: str,
    new_password: str,
    rewrap: Callable[[bytes], bytes] | None = None,
    also: Callable[[Session, int], None] | None = None,
) -> None:
    """Change an account's password; only with the current one (a wrong one counts as a failed login).

    ``rewrap`` re-encrypts the account's signing key (PKCS#12, encrypted with the password) for the new
    password; the export layer passes it, so the key never stays locked by a password nobody knows (``also``
    re-seals whatever else the password locks, such as a manager's copy of the signing authority key). The
    hash and the key change in one transaction, or neither does. The audit trail records that the account
    changed, never the password.
    """
    if len(new_password) < MIN_PASSWORD:
        raise InvalidInputError(
            f"the new password needs at least {MIN_PASSWORD} characters; nothing was changed",
            f"新密码至少需要 {MIN_PASSWORD} 个字符；没有修改任何数据",
        )
    if new_password == old_password:
        raise InvalidInputError(
            "the new password is the same as the current one; nothing was changed",
            "新密码与当前密码相同；没有修改任何数据",
        )
    user = authenticate(db, name, old_password)
    new_key = rewrap(user.pkcs12) if user.pkcs12 and rewrap is not None else None
    if user.pkcs12 and new_key is None:
        raise InvalidInputError(
            f"{user.name} has a signing key, which must be re-encrypted with the password; nothing was changed",
            f"{user.name} 有签名密钥，修改密码时必须同时重新加密密钥；没有修改任何数据",
        )
    from storage.service import unit_of_work

    with unit_of_work(db, user.name, allowed=None) as session:
        stored = session.get(User, user.id)
        assert stored is not None
        stored.password_hash = _hasher.hash(new_password)
        if new_key is not None:
            stored.pkcs12 = new_key
        if also is not None:
            also(session, user.id)


def set_active(db: Database, actor: str, name: str, active: bool) -> None:
    """A manager disables an account (someone left) or enables it again.

    A disabled account cannot log in, sign, or have changes made in its name; it is kept, with its
    certificate, so the audit trail and what it signed still name and verify it. Only an active manager
    may do it, never to their own account: so one manager who can log in always remains.
    """
    from storage.service import unit_of_work

    what = "enable accounts" if active else "disable accounts"
    with unit_of_work(db, actor, allowed=None) as session:
        check_permission(session, actor, ACCOUNT_ADMIN_ROLES, what, db.principal)
        user = session.scalar(select(User).where(User.name == name.strip()))
        if user is None:
            raise NotFoundError(f"no account {name!r}; nothing was changed", f"没有账户“{name}”；没有修改任何数据")
        if user.active == active:
            return
        if not active and user.name == actor:
            raise InvalidInputError(
                "you cannot disable your own account; nothing was changed", "不能停用自己的账户；没有修改任何数据"
            )
        user.active = active


def get_user(db: Database, name: str) -> User:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise NotFoundError(f"no account {name!r}")
        return user
