"""Who may do what, cell by cell: every service-layer operation under every role and a disabled account.

The expected answer of each cell comes from the rules in :mod:`checklist.workflow` (``WRITE_ROLES``,
``ACCOUNT_ADMIN_ROLES``, ``SIGNING_ROLES``, ``FOLLOW_UP_ROLES``), not from a table written here: if the service
and the rules disagree, a cell fails. An allowed operation succeeds and writes (the audit chain grows); a
refused one raises :class:`PermissionDeniedError` — or, where the operation asks for the account's password
(signing, and the login before reading), :class:`AuthenticationError` for the disabled account — and
writes nothing: every table keeps its rows and the audit chain its head. Each cell runs on a fresh copy of
one prepared SQLite database.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from checklist.evaluation import Answer, Result
from checklist.workflow import (
    ACCOUNT_ADMIN_ROLES,
    COMPANY_ADMIN_ROLES,
    FOLLOW_UP_ROLES,
    SIGNING_ROLES,
    WRITE_ROLES,
    ActionStatus,
    Meaning,
    Role,
)
from export.reports import export_reports
from export.signing import sign
from storage import actions, auth, companies, inspections, listing
from storage.backup import backup
from storage.companies import CompanyInput
from storage.db import Database, open_database
from storage.errors import AuthenticationError, LoginRefusal, PermissionDeniedError
from storage.exchange import export_document, import_file
from storage.verification import verify_record
from tests.badinput.figures import record_figure
from tests.keys import create_account
from tests.storage import helpers

PASSWORD = "matrix-密码-2026"
# account name → (role, active)
ACCOUNTS = {
    "王经理": (Role.MANAGER, True),
    "张三": (Role.OFFICER, True),
    "审计员": (Role.AUDITOR, True),
    "离职员": (Role.OFFICER, False),
}
ALL_ROLES = tuple(Role)


@dataclass(frozen=True)
class Prepared:
    """The prepared database and the records each operation works on."""

    path: Path
    draft: int  # answered, with an attachment and corrective actions
    completed: int  # completed, not signed, with an open corrective action
    done: int  # completed, one corrective action recorded done by 张三
    signed: int  # signed by 张三 as the inspector
    source: Path  # an exchange file to import
    spare_site: int  # a site no inspection names yet (one mistyped in 企业信息, to rename)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prepared]:
    yield _prepare(tmp_path_factory.mktemp("matrix"))


def _prepare(folder: Path) -> Prepared:
    path = folder / "prepared.sqlite3"
    db = open_database(f"sqlite:///{path}")
    draft, version = helpers.answered(db)
    spare_site = companies.add_site(db, "officer", 1, "三号厂房")
    inspections.add_evidence(db, "officer", draft, version, "GN-05", "photo.png", _png())
    source = folder / "inspection.json"
    source.write_text(json.dumps(export_document(db, draft), ensure_ascii=False), encoding="utf-8")
    records = []
    for _ in range(3):
        record = import_file(db, "officer", source)
        inspections.complete(db, "officer", record, inspections.load_inspection(db, record).version)
        records.append(record)
    completed, done, signed = records
    create_account(db, "setup", "王经理", Role.MANAGER, PASSWORD)
    for name, (role, _) in ACCOUNTS.items():
        if name != "王经理":
            create_account(db, "王经理", name, role, PASSWORD, actor_password=PASSWORD)
    auth.set_active(db, "王经理", "离职员", False)
    db.close()
    db = open_database(f"sqlite:///{path}")  # no one logged in on this handle: each cell acts as its account
    action = inspections.load_inspection(db, done).actions[0].id
    actions.follow_up_action(db, "张三", done, action, ActionStatus.DONE, "已更换", dt.date(2026, 11, 25))
    sign(db, signed, "张三", PASSWORD, Meaning.INSPECTOR)
    db.close()
    return Prepared(path, draft, completed, done, signed, source, spare_site)


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


Operation = Callable[[Database, str, Prepared, Path], object]


def _version(db: Database, inspection_id: int) -> int:
    return inspections.load_inspection(db, inspection_id).version


def _first_action(db: Database, inspection_id: int) -> int:
    return inspections.load_inspection(db, inspection_id).actions[0].id


def _logged_in(read: Callable[[Database, Prepared, Path], object]) -> Operation:
    """A read: the account logs in with its password, then reads (what every reading window and command does)."""

    def operation(db: Database, actor: str, p: Prepared, folder: Path) -> object:
        auth.authenticate(db, actor, PASSWORD)
        return read(db, p, folder)

    return operation


# name → (roles the rules allow, whether it asks for the password, the operation)
OPERATIONS: dict[str, tuple[tuple[str, ...], bool, Operation]] = {
    "companies.save_company": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: companies.save_company(
            db, actor, CompanyInput("另一家公司", "91110108MA01A2B3CF", "industrial")
        ),
    ),
    # the company's first site comes with set-up; another is the profile's, a manager's
    "companies.add_site": (
        COMPANY_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: companies.add_site(db, actor, 1, "二号厂房"),
    ),
    "companies.rename_site": (
        COMPANY_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: companies.rename_site(db, actor, p.spare_site, "三号厂区"),
    ),
    "companies.remove_site": (
        COMPANY_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: companies.remove_site(db, actor, p.spare_site),
    ),
    "inspections.create_inspection": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.create_inspection(db, actor, 1, dt.date(2026, 11, 21), "张三", ["GN"]),
    ),
    "inspections.save_answer": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.save_answer(
            db, actor, p.draft, _version(db, p.draft), "GN-02", Answer(Result.FAIL, note="无报告电话")
        ),
    ),
    "inspections.set_rooms": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.set_rooms(db, actor, p.draft, _version(db, p.draft), [helpers.A101] * 2),
    ),
    "inspections.add_evidence": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.add_evidence(
            db, actor, p.draft, _version(db, p.draft), "GN-06", "b.png", _png()
        ),
    ),
    "inspections.remove_evidence": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.remove_evidence(
            db, actor, p.draft, _version(db, p.draft), inspections.load_inspection(db, p.draft).evidence[0].id
        ),
    ),
    "inspections.complete": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.complete(db, actor, p.draft, _version(db, p.draft)),
    ),
    "inspections.reopen": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.reopen(db, actor, p.completed, "补充"),
    ),
    "inspections.new_version": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: inspections.new_version(db, actor, p.signed, "更正"),
    ),
    "actions.add_action": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: actions.add_action(
            db, actor, p.draft, _version(db, p.draft), "GN-02", "设立报告电话", "李四", None
        ),
    ),
    "actions.update_action (done)": (
        WRITE_ROLES,
        False,
        lambda db, actor, p, f: actions.update_action(
            db, actor, p.draft, _version(db, p.draft), _first_action(db, p.draft), ActionStatus.DONE
        ),
    ),
    "actions.follow_up_action (done)": (
        FOLLOW_UP_ROLES[ActionStatus.DONE],
        False,
        lambda db, actor, p, f: actions.follow_up_action(
            db, actor, p.completed, _first_action(db, p.completed), ActionStatus.DONE, "", dt.date(2026, 11, 26)
        ),
    ),
    "actions.follow_up_action (verified)": (
        FOLLOW_UP_ROLES[ActionStatus.VERIFIED],
        False,
        lambda db, actor, p, f: actions.follow_up_action(
            db, actor, p.done, _first_action(db, p.done), ActionStatus.VERIFIED, "已核实", dt.date(2026, 11, 27)
        ),
    ),
    "exchange.import_file": (WRITE_ROLES, False, lambda db, actor, p, f: import_file(db, actor, p.source)),
    "auth.create_user": (
        ACCOUNT_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: auth.create_user(db, actor, "新员工", Role.OFFICER, PASSWORD),
    ),
    "auth.set_active (disable)": (
        ACCOUNT_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: auth.set_active(db, actor, "审计员" if actor != "审计员" else "张三", False),
    ),
    "auth.set_active (enable)": (
        ACCOUNT_ADMIN_ROLES,
        False,
        lambda db, actor, p, f: auth.set_active(db, actor, "离职员", True),
    ),
    "signing.sign (inspector)": (
        SIGNING_ROLES[Meaning.INSPECTOR],
        True,
        lambda db, actor, p, f: sign(db, p.completed, actor, PASSWORD, Meaning.INSPECTOR),
    ),
    "signing.sign (approver)": (
        SIGNING_ROLES[Meaning.APPROVER],
        True,
        lambda db, actor, p, f: sign(db, p.signed, actor, PASSWORD, Meaning.APPROVER),
    ),
    "read: listing.list_inspections": (
        ALL_ROLES,
        True,
        _logged_in(lambda db, p, f: listing.list_inspections(db)),
    ),
    "read: export_reports": (
        ALL_ROLES,
        True,
        _logged_in(lambda db, p, f: export_reports(db, p.signed, pdf=f / "r.pdf", xlsx=f / "r.xlsx")),
    ),
    "read: verify_record": (ALL_ROLES, True, _logged_in(lambda db, p, f: verify_record(db, p.signed))),
    "read: backup": (ALL_ROLES, True, _logged_in(lambda db, p, f: backup(db, f / "backup.sqlite3"))),
}
WRITES = {name for name in OPERATIONS if not name.startswith("read:")}


def _snapshot(db: Database) -> dict[str, int]:
    """Rows per table and the audit chain's head: what a refused operation must leave as it was."""
    with db.engine.connect() as connection:
        tables = [row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        counts = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one() for table in tables}
        counts["audit head"] = connection.execute(text("SELECT seq FROM audit_head")).scalar_one()
        counts["versions"] = connection.execute(text("SELECT coalesce(sum(version), 0) FROM inspections")).scalar_one()
        counts["active"] = connection.execute(text("SELECT count(*) FROM users WHERE active")).scalar_one()
    return counts


CELLS = [(operation, account) for operation in OPERATIONS for account in ACCOUNTS]
RESULTS: dict[str, int] = {"cells": 0, "allowed and done": 0, "refused, nothing written": 0}


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    if RESULTS["cells"]:
        record_figure("access matrix", "SQLite", {"operations": len(OPERATIONS), "accounts": len(ACCOUNTS), **RESULTS})


@pytest.mark.parametrize(("operation", "account"), CELLS, ids=[f"{o} as {a}" for o, a in CELLS])
def test_access_cell(operation: str, account: str, prepared: Prepared, tmp_path: Path) -> None:
    roles, asks_password, run = OPERATIONS[operation]
    role, active = ACCOUNTS[account]
    allowed = active and role in roles
    copy = tmp_path / "cell.sqlite3"
    shutil.copyfile(prepared.path, copy)
    db = open_database(f"sqlite:///{copy}")
    try:
        before = _snapshot(db)
        if allowed:
            run(db, account, prepared, tmp_path)
            after = _snapshot(db)
            if operation in WRITES:
                assert after["audit head"] > before["audit head"], f"{operation} as {account} wrote nothing"
            RESULTS["allowed and done"] += 1
        else:
            expected: type[Exception] = AuthenticationError if asks_password and not active else PermissionDeniedError
            with pytest.raises(expected) as refused:
                run(db, account, prepared, tmp_path)
            if isinstance(refused.value, AuthenticationError):
                assert refused.value.reason is LoginRefusal.DISABLED
            assert refused.value.message_zh and "\n" not in str(refused.value)
            assert _snapshot(db) == before, f"{operation} as {account} was refused but wrote"
            RESULTS["refused, nothing written"] += 1
        RESULTS["cells"] += 1
    finally:
        db.close()
