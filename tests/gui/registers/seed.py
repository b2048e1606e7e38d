"""A roster for the registers' GUI tests, stored through the core's services as the window would."""

from __future__ import annotations

from storage.db import open_database
from storage.roster import add_employee, commit_roster
from tests.gui.helpers import seed_accounts

MANAGER, OFFICER, AUDITOR = "王经理", "张伟", "赵审计"
PASSWORDS = {MANAGER: "wang-manager-2020", OFFICER: "zhang-officer-2020", AUDITOR: "zhao-auditor-2020"}
VALID_ID = "11010519491231002X"
WRONG_CHECK_ID = "110105194912310021"


def seed_roster(db_url: str, extra: int = 0, signing_keys: bool = False) -> dict[str, int]:
    """Three accounts (manager, officer, auditor), a company, and 张三 (with ID and phone), 李四 (保安, outsourced),
    王五 (居家观察), then ``extra`` more people 员工0001 …; returns {name: roster number} of the first three."""
    seed_accounts(
        db_url,
        {
            MANAGER: ("manager", PASSWORDS[MANAGER]),
            OFFICER: ("officer", PASSWORDS[OFFICER]),
            AUDITOR: ("auditor", PASSWORDS[AUDITOR]),
        },
        signing_keys=signing_keys,
    )
    db = open_database(db_url)
    try:
        ids = {
            "张三": add_employee(
                db,
                OFFICER,
                {
                    "name": "张三",
                    "department": "生产部",
                    "post": "操作工",
                    "dormitory_room": "A101",
                    "id_number": VALID_ID,
                    "phone": "13812341234",
                },
            ),
            "李四": add_employee(
                db,
                OFFICER,
                {"name": "李四", "department": "后勤部", "category": "保安", "outsourcing_company": "京保安服务公司"},
            ),
            "王五": add_employee(db, OFFICER, {"name": "王五", "department": "生产部", "status": "居家观察"}),
        }
        if extra:
            rows = [(n + 1, {"name": f"员工{n:04d}", "department": "车间"}) for n in range(1, extra + 1)]
            commit_roster(db, OFFICER, rows)
        return ids
    finally:
        db.close()
