"""Local accounts: argon2id passwords, back-off after failed logins, and role checks.

Roles: ``officer`` fills in inspections, ``manager`` also approves and signs as 单位主要负责人 and manages
accounts, ``auditor`` reads, verifies and exports everything and changes nothing. The first account created
becomes a manager. Once a database has accounts, every change must come from one whose role allows it; the
check is made in the service layer (:func:`storage.unit_of_work.unit_of_work`), not only by hiding buttons.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from checklist.messages import msg
from checklist.workflow import ACCOUNT_ADMIN_ROLES, Role
from storage import audit
from storage.db import Database
from storage.errors import AuthenticationError, InvalidInputError, LoginRefusal, NotFoundError
from storage.models import AuthorityGrant, User, utcnow
from storage.unit_of_work import check_permission, unit_of_work, users_exist

ROLES = tuple(Role)
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3  # failures allowed before the back-off starts
MAX_WAIT_SECONDS = 300

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

# What the back-off reads as "now" (naive UTC, as stored). A module-level name so that a test can replace it
# with a clock it moves itself instead of waiting in real time.
clock: Callable[[], dt.datetime] = utcnow


def password_hasher() -> PasswordHasher:
    """The login hash's argon2id hasher (signing keys are sealed at least as costly: ``export.keys``)."""
    return _hasher


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
        raise InvalidInputError(msg("account.name_missing"))
    if role not in ROLES:
        raise InvalidInputError(msg("account.role_unknown", role=role, roles=", ".join(ROLES)))
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError(msg("account.password_short", minimum=MIN_PASSWORD))
    password_hash = _hasher.hash(password)
    with unit_of_work(db, actor, allowed=None) as session:
        if users_exist(session):
            check_permission(session, actor, ACCOUNT_ADMIN_ROLES, "create accounts", db.principal)
        else:
            role = Role.MANAGER
        if session.scalar(select(User.id).where(User.name == name)) is not None:
            raise InvalidInputError(msg("account.exists", name=name))
        user = User(name=name, role=role, password_hash=password_hash)
        session.add(user)
        session.flush()
        return user.id, role


def authenticate(db: Database, name: str, password: str) -> User:
    """Check a password. Failures are counted and slow down further attempts; the password is never stored
    or logged, and an unknown name and a wrong password get the same answer."""
    refused = AuthenticationError("unknown account or wrong password", "账户名或密码不正确")
    with unit_of_work(db, name, allowed=None) as session:
        user = session.scalar(select(User).where(User.name == name.strip()))
        if user is None:
            raise refused
        now = clock()
        wait = wait_seconds(user.failed_logins, user.last_failed_at, now)
        if wait:
            raise AuthenticationError(
                f"too many failed attempts for {user.name}; try again in {wait} s",
                f"{user.name} 密码错误次数过多，请 {wait} 秒后再试",
                wait,
                LoginRefusal.BACK_OFF,
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
                    reason=LoginRefusal.DISABLED,
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
    with unit_of_work(db, user.name, allowed=None) as session:
        stored = session.get(User, user.id)
        assert stored is not None
        stored.password_hash = _hasher.hash(new_password)
        if new_key is not None:
            stored.pkcs12 = new_key
        if also is not None:
            also(session, user.id)


def set_active(
    db: Database, actor: str, name: str, active: bool, also: Callable[[Session, User], None] | None = None
) -> None:
    """A manager disables an account (someone left) or enables it again.

    A disabled account cannot log in, sign, or have changes made in its name; it is kept, with its
    certificate, so the audit trail and what it signed still name and verify it. Only an active manager
    may do it, never to their own account: so one manager who can log in always remains. ``also`` runs in
    the same transaction (the export layer revokes the account's certificates, or issues a new one).
    """
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
        if not active:
            for grant in session.scalars(select(AuthorityGrant).where(AuthorityGrant.user_id == user.id)):
                session.delete(grant)  # a pending grant of the authority key dies with the account's use
        if also is not None:
            session.flush()
            also(session, user)


def get_user(db: Database, name: str) -> User:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise NotFoundError(msg("account.unknown", name=name))
        return user
