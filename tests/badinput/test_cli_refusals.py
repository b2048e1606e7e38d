"""The fugong command in-process: every refusal is one line and exit status 1, a bug is one sentence naming
the log file (its traceback goes there), and the database is unchanged."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli.main import main
from storage import auth, inspections, listing
from storage.db import open_database
from tests.storage import helpers

PASSWORD = "manager-secret"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(out),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            status = main(list(argv))
        except SystemExit as exit_:
            status = int(exit_.code or 0)
    return status, out.getvalue(), err.getvalue()


def one_line(status: int, stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert status == 1 and len(lines) == 1 and lines[0].startswith("fugong: "), (status, stderr)
    assert "Traceback" not in stderr
    return lines[0]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def completed(tmp_path: Path) -> tuple[str, Path, int]:
    path = tmp_path / "db.sqlite3"
    db = open_database(f"sqlite:///{path}")
    inspection_id = helpers.completed(db)
    auth.create_user(db, "setup", "王经理", "manager", PASSWORD)
    db.close()
    return f"sqlite:///{path}", path, inspection_id


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "1180591620717411303424", "--json", "x.json"], "an id must be from 1 to"),
        (["export", "-1", "--json", "x.json"], "an id must be"),
        (["export", "1e3", "--json", "x.json"], "whole number"),
        (["export", "٣", "--json", "x.json"], "whole number"),  # an Arabic-Indic digit: int() takes it
        (["list", "--limit", str(2**70)], "a limit must be from 1 to 100000"),
        (["list", "--limit", "0"], "a limit must be from 1"),
        (["verify-record", "9" * 5000], "whole number"),
        (["actions", str(2**63)], "an id must be from 1 to 9223372036854775807"),
        (["follow-up", "1", str(2**64), "--status", "done"], "an id must be"),
        (["audit", "log", "--inspection", "-5"], "an id must be"),
        (["follow-up", "1", "1", "--status", "done", "--on", "2099-01-01"], "is in the future"),
        (["follow-up", "1", "1", "--status", "done", "--on", "9" * 3000], "takes a date"),
        (["export-batch", "x.xlsx", "--site", str(2**80)], "an id must be"),
        (["no-such-command"], "invalid choice"),
    ],
)
def test_arguments_out_of_range_are_one_line(
    completed: tuple[str, Path, int], argv: list[str], words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, path, _ = completed
    monkeypatch.chdir(tmp_path)
    before = dump(path)
    status, _, err = run("--db", url, *argv)
    assert words in one_line(status, err)
    assert dump(path) == before


@pytest.mark.parametrize(
    ("name", "stdin", "words"),
    [
        ("  ", f"new-password\n{PASSWORD}\n", "account name is blank"),
        ("", f"new-password\n{PASSWORD}\n", "account name is blank"),
        ("张\x07三", f"new-password\n{PASSWORD}\n", "U+0007"),
        ("名" * 201, f"new-password\n{PASSWORD}\n", "at most 200"),
        ("新人", f"\n{PASSWORD}\n", "password is empty"),
        ("新人", f"   \n{PASSWORD}\n", "password is empty"),
        ("新人", "", "expected on standard input"),
    ],
)
def test_users_add_refuses_blank_names_and_passwords(
    completed: tuple[str, Path, int], name: str, stdin: str, words: str
) -> None:
    url, path, _ = completed
    before = dump(path)
    status, _, err = run("--db", url, "users", "add", name, "--role", "officer", "--by", "王经理", stdin=stdin)
    line = one_line(status, err)
    assert words in line and ("no account was created" in line or not stdin)
    assert dump(path) == before


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE item_responses SET measurements = '{not json' WHERE item_id = 'GN-01'",
        "UPDATE inspections SET date = 'not a date'",
        "UPDATE dormitory_rooms SET area_m2 = 'abc'",
        "UPDATE item_responses SET note = X'00ff' WHERE item_id = 'GN-01'",
        "UPDATE item_responses SET note = '签署后改过' WHERE item_id = 'GN-01'",
    ],
)
def test_verify_record_on_damaged_rows_fails_in_one_line(completed: tuple[str, Path, int], statement: str) -> None:
    url, path, inspection_id = completed
    connection = sqlite3.connect(path)  # raw SQL, as a tamperer would
    connection.execute(statement)
    connection.commit()
    connection.close()
    status, out, err = run("--db", url, "verify-record", str(inspection_id))
    assert status == 2 and not err.strip(), err
    assert any(line.startswith("FAIL") for line in out.splitlines()), out
    assert "Traceback" not in out


def test_a_bug_is_one_sentence_naming_the_log(
    completed: tuple[str, Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, path, _ = completed
    log = tmp_path / "logs" / "fugong.log"
    monkeypatch.setenv("FUGONG_LOG_FILE", str(log))

    def broken(*_: object, **__: object) -> None:
        raise KeyError("a bug nobody foresaw")

    monkeypatch.setattr(listing, "list_inspections", broken)
    before = dump(path)
    status, _, err = run("--db", url, "list")
    line = one_line(status, err)
    assert "unexpected error (KeyError)" in line and str(log) in line
    from storage.logfile import close_logging

    close_logging()
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug nobody foresaw" in logged
    assert PASSWORD not in logged
    assert dump(path) == before


def test_import_refusals_reach_the_user_in_one_line(completed: tuple[str, Path, int], tmp_path: Path) -> None:
    url, path, _ = completed
    document = json.loads((Path(__file__).parents[1] / "data" / "bad" / "import" / "date-zero.json").read_text("utf-8"))
    document["inspection"]["date"] = "2026-11-20"
    document["company"]["name"] = "另一家公司"  # same credit code as the stored company
    file = tmp_path / "other.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = dump(path)
    status, _, err = run("--db", url, "import", str(file), "--user", "王经理", stdin=PASSWORD + "\n")
    line = one_line(status, err)
    assert "belongs to 「北京示例制造有限公司」" in line and "另一家公司" in line and "nothing was imported" in line
    assert dump(path) == before
    bom = tmp_path / "bom.json"
    document["company"]["name"] = "北京示例制造有限公司"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(document, ensure_ascii=False).encode("utf-8"))
    status, out, err = run("--db", url, "import", str(bom), "--user", "王经理", stdin=PASSWORD + "\n")
    assert status == 0 and out.strip().isdigit(), err  # a BOM from a Windows editor is not an error


def test_a_manager_may_import_a_verified_action_with_a_note(completed: tuple[str, Path, int], tmp_path: Path) -> None:
    url, _, _ = completed
    document = json.loads((Path(__file__).parents[1] / "data" / "bad" / "import" / "date-zero.json").read_text("utf-8"))
    document["inspection"]["date"] = "2026-11-20"
    document["inspection"]["corrective_actions"][0].update(
        status="verified", verification_note="电话已接通并试拨", verified_on="2026-11-21"
    )
    file = tmp_path / "verified.json"
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, out, err = run("--db", url, "import", str(file), "--user", "王经理", stdin=PASSWORD + "\n")
    assert status == 0, err
    db = open_database(url)
    actions = inspections.load_inspection(db, int(out)).actions
    db.close()
    assert [(a.status, a.verification_note) for a in actions] == [("verified", "电话已接通并试拨")]
