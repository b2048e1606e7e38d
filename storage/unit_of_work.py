"""One user action = one transaction, and the role check every change passes.

Both the account functions (:mod:`storage.auth`) and the data services (:mod:`storage.inspections`,
:mod:`storage.actions`, :mod:`storage.companies`, …) import this module; it imports neither.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from checklist.workflow import ROLE_ZH, WRITE_ROLES
from storage.db import Database, known_error
from storage.errors import ConcurrentEditError, KnownError, PermissionDeniedError
from storage.models import User


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


@contextmanager
def unit_of_work(
    db: Database, actor: str, reason: str = "", allowed: tuple[str, ...] | None = WRITE_ROLES
) -> Iterator[Session]:
    """One user action = one transaction; database failures become :class:`KnownError` in words.

    ``allowed`` are the roles that may make this change (checked once the database has accounts; an auditor
    can never change data); None for the account functions that make their own check."""
    session = db.session(actor, reason)
    try:
        with session.begin():
            if allowed is not None:
                check_permission(session, actor, allowed, "change data", db.principal)
            yield session
    except StaleDataError:
        raise ConcurrentEditError(
            "someone else saved this inspection in the meantime; your change was not saved — reload to see theirs",
            "他人刚刚保存了这次检查；您的这次修改未保存，请重新载入查看对方的内容",
        ) from None
    except KnownError:
        raise
    except SQLAlchemyError as error:
        raise known_error(error) from error
    finally:
        session.close()
