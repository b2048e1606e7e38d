"""A small roster built through the real services, for the ledger's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import insert

from storage import auth, roster
from storage.db import Database
from storage.ledger_models import Employee
from tests.keys import create_account

DAY = dt.date(2026, 11, 30)
MORNING_TIME = dt.datetime(2026, 11, 30, 9, 0)
EVENING_TIME = dt.datetime(2026, 11, 30, 19, 0)
VALID_ID = "11010519491231002X"
PASSWORD = "correct horse 1"


def accounts(db: Database) -> None:
    """A manager ``boss``, an officer ``officer`` and an auditor ``auditor`` (the first account is the manager)."""
    auth.create_user(db, "boss", "boss", "manager", PASSWORD)
    auth.create_user(db, "boss", "officer", "officer", PASSWORD)
    auth.create_user(db, "boss", "auditor", "auditor", PASSWORD)


def keepers(db: Database, password: str) -> None:
    """王经理 (manager) and 张安全 (officer, who keeps the ledger), both with signing keys and ``password``; nobody
    stays logged in on ``db`` (making the accounts logs 王经理 in), so each call below acts as its own actor."""
    create_account(db, "setup", "王经理", "manager", password)
    create_account(db, "王经理", "张安全", "officer", password, actor_password=password)
    db.principal = None


def bare_employees(db: Database, ids: Iterable[int], **columns: object) -> None:
    """Employees 员工1, 员工2 … (by ``ids``), created 2026-11-01, written straight into the table: for the tests of
    what the database itself keeps, below the services."""
    with db.engine.begin() as connection:
        connection.execute(
            insert(Employee),
            [{"id": i, "name": f"员工{i}", **columns, "created_at": dt.datetime(2026, 11, 1)} for i in ids],
        )


def people(db: Database, actor: str = "officer") -> dict[str, int]:
    """张三 (dormitory, 保洁, with ID and phone), 李四 (dormitory), 王五 (dormitory), 赵六 (office), 孙七 (left)."""
    rows = {
        "张三": {
            "name": "张三",
            "category": "保洁",
            "dormitory_room": "A101",
            "id_number": VALID_ID,
            "phone": "13812341234",
        },
        "李四": {"name": "李四", "category": "保安", "dormitory_room": "A101", "outsourcing_company": "京保安服务公司"},
        "王五": {"name": "王五", "dormitory_room": "A102", "department": "生产部"},
        "赵六": {"name": "赵六", "department": "财务部"},
        "孙七": {"name": "孙七", "status": "离岗"},
    }
    return {name: roster.add_employee(db, actor, values) for name, values in rows.items()}
