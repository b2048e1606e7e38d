"""The log stored: plans, entries, the gap view, the sign-off (same signing as the daily summary) that seals a
day, corrections as new entries, an attacker's raw-SQL change of a sealed day found, and GN-04 / GN-06 / GN-10
taking their evidence from the log."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from export.site_reports import log_day_record, sign_log_day, verify_log_day, write_log_day
from storage import audit, inspections, site_log
from storage.db import Database, open_database
from storage.errors import AuthenticationError, InvalidInputError, PermissionDeniedError, RecordLockedError
from storage.models import AuditEntry
from tests.keys import create_account
from tests.storage import helpers

PASSWORD = "log-signing-secret"
DAY = dt.date(2020, 3, 2)
OFFICER = "张安全"


def entry(place: str, time: str, method: str = "含氯消毒液", **values: object) -> dict[str, object]:
    row: dict[str, object] = {"place": place, "at": f"2020-03-02 {time}", "method": method, "done_by": "保洁 刘姐"}
    if method == "含氯消毒液":
        row.update({"chlorine_mg_per_l": 500, "contact_minutes": 30})
    row.update(values)
    return row


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int]]]:
    folder = tmp_path_factory.mktemp("log")
    db = open_database(f"sqlite:///{folder / 'log.sqlite3'}")
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    create_account(db, "王经理", OFFICER, "officer", PASSWORD, actor_password=PASSWORD)
    from storage import auth

    auth.create_user(db, "王经理", "审计", "auditor", PASSWORD)
    auth.create_user(db, "王经理", "officer", "officer", PASSWORD)  # the inspections' test helpers act as it
    db.principal = None
    site_log.set_plan(db, OFFICER, {"place": "电梯按钮", "kind": "消毒", "times_per_day": 4})
    site_log.set_plan(db, OFFICER, {"place": "车间", "kind": "通风", "times_per_day": 2})
    ids = {
        "lift1": site_log.add_entry(db, OFFICER, entry("电梯按钮", "08:00")),
        "lift2": site_log.add_entry(db, OFFICER, entry("电梯按钮", "12:00", chlorine_mg_per_l=250)),
        "lift3": site_log.add_entry(db, OFFICER, entry("电梯按钮", "16:00", mask_bins_cleared=True)),
        "air": site_log.add_entry(db, OFFICER, entry("车间", "09:00", "开窗自然通风", duration_minutes=30)),
    }
    yield db, ids
    db.close()


def test_plans_replace_and_an_auditor_cannot_change_the_log(logged: tuple[Database, dict[str, int]]) -> None:
    db, _ = logged
    plan = site_log.set_plan(db, OFFICER, {"place": "门把手", "kind": "消毒", "times_per_day": 2})
    assert site_log.set_plan(db, OFFICER, {"place": "门把手", "kind": "消毒", "times_per_day": 3}) == plan
    assert [(p.place, p.times_per_day) for p in site_log.list_plans(db) if p.place == "门把手"] == [("门把手", 3)]
    site_log.remove_plan(db, OFFICER, plan)
    assert "门把手" not in {p.place for p in site_log.list_plans(db)}
    with pytest.raises(PermissionDeniedError):
        site_log.add_entry(db, "审计", entry("电梯按钮", "18:00"))
    with pytest.raises(InvalidInputError) as refused:
        site_log.add_entry(db, OFFICER, entry("电梯按钮", "18:00", contact_minutes=""))
    assert "未保存任何数据" in refused.value.message_zh


def test_the_gap_view_and_the_reference_verdicts(logged: tuple[Database, dict[str, int]]) -> None:
    db, ids = logged
    found = site_log.gaps(db, DAY, DAY + dt.timedelta(days=1))
    assert [(g.day, g.place, g.planned, g.done) for g in found] == [
        (DAY, "电梯按钮", 4, 3),
        (DAY, "车间", 2, 1),
        (DAY + dt.timedelta(days=1), "电梯按钮", 4, 0),
        (DAY + dt.timedelta(days=1), "车间", 2, 0),
    ]
    shown = {e.id: e.reference_ok for e in site_log.entries_of_day(db, DAY)}
    assert shown[ids["lift1"]] is True and shown[ids["lift2"]] is False and shown[ids["air"]] is None
    with pytest.raises(InvalidInputError):
        site_log.gaps(db, DAY, DAY - dt.timedelta(days=1))


def test_the_audit_trail_does_not_name_who_cleaned(logged: tuple[Database, dict[str, int]]) -> None:
    db, _ = logged
    with db.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "site_log_entries")).all()
        assert rows and all("刘姐" not in audit.canonical_json(r.new) for r in rows)


def test_gn04_gn06_gn10_take_their_evidence_from_the_log(logged: tuple[Database, dict[str, int]]) -> None:
    db, _ = logged
    inspection_id, version = helpers.draft(db, ("GN",))
    version, gn06 = site_log.apply_evidence(db, "officer", inspection_id, version, "GN-06", DAY)
    response = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-06"]
    # the newest chlorine entry (16:00, 500 mg/L, 30 min) goes to the rule engine's reference method
    assert response.measurements == {"chlorine_mg_per_l": 500.0, "contact_minutes": 30.0, "vehicle_surfaces": False}
    assert response.note.startswith(
        "【通风消毒记录】2020-02-25 至 2020-03-02 消毒记录 3 条；最近：03-02 16:00 电梯按钮"
    )
    # the plan counts every day of the week; the newest gaps are named first
    assert "未按计划 7 处：2020-03-02 电梯按钮 消毒 3/4 次（缺 1 次）；2020-03-01 电梯按钮 消毒 0/4 次" in response.note
    assert gn06.gaps == 7
    version, _ = site_log.apply_evidence(db, "officer", inspection_id, version, "GN-06", DAY)
    response = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-06"]
    assert response.note.count("【通风消毒记录】") == 1
    version, gn04 = site_log.apply_evidence(db, "officer", inspection_id, version, "GN-04", DAY)
    assert "通风记录 1 条" in gn04.text_zh and "2020-03-02 车间 通风 1/2 次" in gn04.text_zh
    _, gn10 = site_log.apply_evidence(db, "officer", inspection_id, version, "GN-10", DAY)
    assert "口罩回收箱及垃圾清运记录 1 条" in gn10.text_zh


def test_only_the_person_in_charge_signs(logged: tuple[Database, dict[str, int]]) -> None:
    db, _ = logged
    with pytest.raises(AuthenticationError):
        sign_log_day(db, DAY, OFFICER, "wrong password!")
    with pytest.raises(PermissionDeniedError):
        sign_log_day(db, DAY, "审计", PASSWORD)


def test_a_signed_day_is_sealed_corrected_by_a_new_entry_and_an_attackers_change_is_found(
    logged: tuple[Database, dict[str, int]], tmp_path: Path
) -> None:
    db, ids = logged
    done = sign_log_day(db, DAY, OFFICER, PASSWORD, "北京示例制造有限公司")
    checks = verify_log_day(db, DAY)
    assert [c.ok for c in checks] == [True] * 4, [c.what_en for c in checks]
    with pytest.raises(RecordLockedError) as locked:
        site_log.add_entry(db, OFFICER, entry("电梯按钮", "20:00"))
    assert "更正记录" in locked.value.message_zh
    with pytest.raises(RecordLockedError):
        sign_log_day(db, DAY, OFFICER, PASSWORD)
    # a correction: a new entry on a later day naming the one it corrects; the signed day stays as signed
    fixed = site_log.add_entry(
        db,
        OFFICER,
        {**entry("电梯按钮", "08:00"), "at": "2020-03-03 08:00", "note": "12:00 一次浓度记错，实为 500 mg/L"},
        corrects=ids["lift2"],
    )
    assert [e.corrects for e in site_log.entries_of_day(db, DAY + dt.timedelta(days=1)) if e.id == fixed] == [
        ids["lift2"]
    ]
    assert [c.ok for c in verify_log_day(db, DAY)] == [True] * 4
    with pytest.raises(InvalidInputError):  # a "correction" dated before what it corrects
        site_log.add_entry(db, OFFICER, {**entry("电梯按钮", "07:00"), "at": "2020-03-01 07:00"}, corrects=ids["lift2"])
    pdf = tmp_path / "signed.pdf"
    write_log_day(db, DAY, pdf)
    assert pdf.read_bytes() == done.pdf
    if shutil.which("pdfsig"):
        said = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
        assert "Signature is Valid." in said
    # an attacker with the database file raises the weak strength of 12:00 to look compliant
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE site_log_entries SET chlorine_mg_per_l = 500 WHERE chlorine_mg_per_l = 250"))
    changed = verify_log_day(db, DAY)
    assert not changed[1].ok and "changed after signing" in changed[1].what_en and changed[0].ok
    # and one who also rewrites the stored record to match is caught by its hash and signature
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM site_log_entries WHERE id = :id"), {"id": ids["air"]})
    record = log_day_record(db, DAY)
    with db.session() as session:
        from storage.site_log_models import SiteDaySignOff

        signoff = session.scalar(select(SiteDaySignOff).where(SiteDaySignOff.day == DAY))
        assert signoff is not None
        signoff.record = record
        session.commit()
    forged = verify_log_day(db, DAY)
    assert not forged[0].ok and forged[1].ok and not forged[2].ok


def test_a_raw_sql_change_of_a_sealed_day_is_found_on_both_backends(db_url: str) -> None:
    """The attacker's test once more on a fresh database of each backend: delete one entry of a signed day."""
    db = open_database(db_url)
    try:
        create_account(db, "setup", "王经理", "manager", PASSWORD)
        db.principal = None
        kept = site_log.add_entry(db, "王经理", entry("电梯按钮", "08:00"))
        site_log.add_entry(db, "王经理", entry("车间", "09:00", "开窗自然通风", duration_minutes=30))
        sign_log_day(db, DAY, "王经理", PASSWORD)
        assert all(c.ok for c in verify_log_day(db, DAY))
        with db.engine.begin() as connection:
            connection.execute(text("DELETE FROM site_log_entries WHERE id <> :id"), {"id": kept})
        changed = verify_log_day(db, DAY)
        assert not changed[1].ok and "签署时 2 条，现为 1 条" in changed[1].what_zh
    finally:
        db.close()
