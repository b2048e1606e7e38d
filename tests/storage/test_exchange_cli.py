"""The exchange format and the headless storage commands, the way a script would use them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storage import companies, inspections, listing
from storage.db import open_database
from storage.errors import InvalidInputError
from storage.exchange import export_document, import_file
from tests.cli import fugong
from tests.samples import MINIMAL_EXCHANGE as MINIMAL
from tests.storage import helpers


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_stores_and_derives(db_url: str, tmp_path: Path) -> None:
    db = open_database(db_url)
    inspection_id = import_file(db, "importer", write(tmp_path, MINIMAL))
    inspection = inspections.load_inspection(db, inspection_id)
    responses = {r.item_id: r for r in inspection.responses}
    assert responses["GN-01"].final == "pass" and responses["GN-01"].note == "上下午各一次"
    assert responses["BJHQ-3"].final == "fail" and responses["GN-07"].final == "pass"
    assert inspection.site is not None and inspection.site.name == "宿舍楼"
    assert [a.action for a in inspection.actions] == ["设立报告电话"]
    db.close()


def test_export_then_import_round_trips(db_url: str, tmp_path: Path) -> None:
    db = open_database(db_url)
    inspection_id = helpers.signed(db)
    document = export_document(db, inspection_id)
    assert document["record_hash"] == inspections.load_inspection(db, inspection_id).record_hash
    assert document["summary"]["failed"] == 2 and document["record_hash_is_draft"] is False
    path = tmp_path / "out.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    copy_id = import_file(db, "importer", path)
    copy = export_document(db, copy_id)
    assert copy["inspection"]["responses"] == document["inspection"]["responses"]
    assert copy["inspection"]["dormitory_rooms"] == document["inspection"]["dormitory_rooms"]
    db.close()


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(data))
    node = copy
    steps = [int(p) if p.isdigit() else p for p in path.replace("]", "").replace("[", ".").split(".")]
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value
    return copy


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("format", "fugong.inspection/2", "format:"),
        ("company.credit_code", "91110000600037341X", "company.credit_code: 统一社会信用代码校验位"),
        ("inspection.date", "2026-02-30", "inspection.date:"),
        ("inspection.dormitory_rooms[0].area_m2", -18, "inspection.dormitory_rooms[0].area_m2:"),
        ("inspection.dormitory_rooms[0].occupants", 0, "inspection.dormitory_rooms[0].occupants:"),
        ("inspection.dormitory_rooms[0].location", "roof", "inspection.dormitory_rooms[0].location:"),
        (
            "inspection.responses[0].measurements.checks_per_day",
            1.5,
            "inspection.responses[0].measurements.checks_per_day: 1.5 is not a whole number",
        ),
        ("inspection.responses[1].item", "GN-99", "inspection.responses[1].item: “GN-99” is not an item"),
        ("inspection.responses[1].result", "maybe", "inspection.responses[1].result:"),
        ("inspection.catalogs[1]", "XX", "inspection.catalogs[1]: unknown catalog"),
        ("inspection.corrective_actions[0].status", "ignored", "inspection.corrective_actions[0].status:"),
        ("inspection.surprise", 1, "inspection.surprise: Extra inputs"),
    ],
)
def test_bad_file_is_rejected_with_json_path_and_stores_nothing(
    sqlite_url: str, tmp_path: Path, path: str, value: Any, message: str
) -> None:
    db = open_database(sqlite_url)
    with pytest.raises(InvalidInputError) as caught:
        import_file(db, "importer", write(tmp_path, _set(MINIMAL, path, value)))
    assert str(caught.value).startswith(message), str(caught.value)
    assert listing.count_inspections(db) == 0 and companies.list_companies(db) == []
    db.close()


def _manager(url: str, *others: tuple[str, str]) -> None:
    """The database's first account (王经理, a manager) and ``others`` (name, role), password "secret-pass"."""
    from storage import auth

    db = open_database(url)
    auth.create_user(db, "setup", "王经理", "manager", "secret-pass")
    for name, role in others:
        auth.create_user(db, "王经理", name, role, "secret-pass")
    db.close()


def test_cli_import_export_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    _manager(url)
    done = fugong("--db", url, "import", str(write(tmp_path, MINIMAL)), "--user", "王经理", stdin="secret-pass\n")
    assert done.returncode == 0, done.stderr
    inspection_id = done.stdout.strip()
    assert inspection_id == "1"
    out = tmp_path / "out.json"
    done = fugong("--db", url, "export", inspection_id, "--json", str(out))
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "fugong.inspection/1" and document["record_hash_is_draft"] is True
    assert fugong("--db", url, "audit", "verify").stdout.startswith("OK:")
    done = fugong("--db", url, "verify-record", inspection_id)
    assert done.returncode == 2 and "draft" in done.stdout


def test_cli_verify_record_and_audit_on_a_tampered_database(tmp_path: Path) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    inspection_id = helpers.completed(db)
    db.close()
    done = fugong("--db", url, "verify-record", str(inspection_id))
    assert done.returncode == 0 and "FAIL" not in done.stdout and done.stdout.count("OK") >= 5, done.stdout
    connection = sqlite3.connect(tmp_path / "cli.sqlite3")
    connection.execute("UPDATE dormitory_rooms SET occupants = 4")
    connection.execute("UPDATE audit_log SET reason = 'x' WHERE seq = 7")
    connection.commit()
    connection.close()
    done = fugong("--db", url, "verify-record", str(inspection_id))
    assert done.returncode == 2 and "FAIL the stored content hashes" in done.stdout
    done = fugong("--db", url, "audit", "verify")
    assert done.returncode == 2 and "entry 7" in done.stderr


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in (("import", str(bad)), ("verify-record", "42"), ("restore", str(bad)), ("export", "1")):
        done = fugong("--db", url, *args)
        assert done.returncode == 1, args
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("fugong: "), done.stderr


def test_cli_reads_the_database_url_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUGONG_DB_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert fugong("list").returncode == 0
    assert (tmp_path / "env.sqlite3").exists()


def test_cli_default_database_is_in_the_user_data_folder(tmp_path: Path) -> None:
    import os

    assert fugong("list").returncode == 0
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert (data_home / "fugong" / "fugong.sqlite3").exists()


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    _manager(url, ("张三", "officer"))
    fugong("--db", url, "import", str(write(tmp_path, MINIMAL)), "--user", "张三", stdin="secret-pass\n")
    done = fugong("--db", url, "backup", str(tmp_path / "b.sqlite3"))
    assert done.returncode == 0 and "1 inspections" in done.stdout
    done = fugong("--db", url, "restore", str(tmp_path / "b.sqlite3"))
    assert done.returncode == 1 and "--user NAME" in done.stderr
    done = fugong("--db", url, "restore", str(tmp_path / "b.sqlite3"), "--user", "张三", stdin="secret-pass\n")
    assert done.returncode == 1 and "张三 is officer: not allowed to restore the database" in done.stderr
    done = fugong("--db", url, "restore", str(tmp_path / "b.sqlite3"), "--user", "王经理", stdin="wrong-pass\n")
    assert done.returncode == 1 and "wrong password" in done.stderr
    assert not list(tmp_path.glob("cli.before-restore-*"))
    done = fugong("--db", url, "restore", str(tmp_path / "b.sqlite3"), "--user", "王经理", stdin="secret-pass\n")
    assert done.returncode == 0 and "by 王经理; the previous database is kept" in done.stdout
    log = fugong("--db", url, "audit", "log").stdout.splitlines()
    assert "王经理" in log[-1] and "restore" in log[-1] and "b.sqlite3" in log[-1], log[-1]
    assert fugong("--db", url, "audit", "verify").returncode == 0


def test_cli_batch_export_for_auditors(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    helpers.answered(db)
    db.close()
    done = fugong("--db", url, "export-batch", str(tmp_path / "all.xlsx"), "--from", "2026-11-01")
    assert done.returncode == 0, done.stderr
    assert "(1 inspections)" in done.stdout
    workbook = load_workbook(tmp_path / "all.xlsx", read_only=True)
    assert len(workbook.sheetnames) == 2
    workbook.close()
    done = fugong("--db", url, "export-batch", str(tmp_path / "x.xlsx"), "--from", "2026-13-01")
    assert done.returncode == 1 and "YYYY-MM-DD" in done.stderr


def test_listing_by_ids(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    first, _ = helpers.draft(db)
    second = inspections.create_inspection(db, "officer", 1, helpers.dt.date(2026, 11, 21), "李四", ["GN"])
    assert [r.id for r in listing.list_inspections(db, listing.InspectionFilter(ids=(second,)))] == [second]
    assert listing.count_inspections(db, listing.InspectionFilter(ids=())) == 0
    assert first != second
    db.close()


def test_cli_follow_up_of_a_completed_inspection(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    inspection_id = helpers.completed(db)
    action_id = inspections.load_inspection(db, inspection_id).actions[0].id
    db.close()
    _manager(url, ("张三", "officer"))
    done = fugong(
        "--db",
        url,
        "follow-up",
        str(inspection_id),
        str(action_id),
        "--status",
        "done",
        "--note",
        "已整改",
        "--on",
        "2026-11-28",
        "--user",
        "张三",
        stdin="secret-pass\n",
    )
    assert done.returncode == 0, done.stderr
    listing = fugong("--db", url, "actions", str(inspection_id)).stdout
    assert f"{action_id:>5} GN-01     done" in listing and "2026-11-28 done      张三: 已整改" in listing
    done = fugong("--db", url, "follow-up", str(inspection_id), str(action_id), "--status", "done", "--on", "soon")
    assert done.returncode == 1 and "YYYY-MM-DD" in done.stderr
    assert fugong("--db", url, "verify-record", str(inspection_id)).returncode == 0
