"""Eight clients on one PostgreSQL database: no lost update, no duplicate, every refusal said in words.

Eight OS processes (forked from the test process with everything imported, as in ``test_kills.py``), each
with its own database connection and its own authenticated account — four officers and four managers of one
company — edit, complete, reopen, sign and approve the company's newest inspections for
``FUGONG_CONCURRENCY_SECONDS`` (default 60) seconds, importing a new one when few drafts are left. Each client
writes, after every operation, what it believes it committed (or the refusal it got) to its own journal.

At the end: every committed change is in the database and in the audit trail (each note saved is there, the
last one saved of an item is what the item holds, every completion, reopening, import and signature has its
entry); no version of an inspection was handed to two saves, no signature or report number is there twice,
the audit trail's sequence numbers run without a gap or a repeat; every refusal is one line in English and
one in Chinese, a known error, never a driver's message; ``fugong audit verify`` and ``fugong verify-record``
of every completed or signed inspection pass. The figures go to the "reliability: figures" block.

The focused tests at the end replay, deterministically and on both backends, two races in signing found while
writing the run (a 60 s run met the first once, and refused it, after the fix): a record reopened, changed and
completed again while the inspector's signature was being made, and two managers approving the same record at
once.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from checklist.evaluation import Answer, Result
from export import signing
from storage import auth, inspections
from storage.audit import verify_chain
from storage.db import Database, open_database
from storage.errors import KnownError, RecordLockedError
from storage.exchange import export_document, import_file
from tests.badinput.figures import record_figure
from tests.cli import fugong
from tests.keys import create_account
from tests.storage import helpers

SECONDS = float(os.environ.get("FUGONG_CONCURRENCY_SECONDS", "60"))
PASSWORD = "并发-test-密码-1"
ACCOUNTS = (
    ("张三", "officer"),
    ("李四", "officer"),
    ("赵六", "officer"),
    ("孙七", "officer"),
    ("王经理", "manager"),
    ("周经理", "manager"),
    ("吴经理", "manager"),
    ("郑经理", "manager"),
)
NEWEST = 3  # the clients work on the three newest records of a state: they meet often
RAW_WORDS = ("psycopg", "duplicate key", "violates", "deadlock", "could not serialize", "[SQL", "DETAIL", "Traceback")


# --- one client ----------------------------------------------------------------------------------------------


def _newest(db: Database, query: str) -> list[int]:
    with db.engine.connect() as connection:
        return [row[0] for row in connection.execute(text(query + f" ORDER BY i.id DESC LIMIT {NEWEST}"))]


DRAFTS = "SELECT i.id FROM inspections i WHERE i.status = 'draft'"
COMPLETED = "SELECT i.id FROM inspections i WHERE i.status = 'completed'"
TO_APPROVE = (
    "SELECT i.id FROM inspections i WHERE i.status = 'signed' AND NOT EXISTS "
    "(SELECT 1 FROM signatures s WHERE s.inspection_id = i.id AND s.meaning = 'approver')"
)


class _Client:
    """What one client does; each method returns what it committed, or None when there was nothing to do."""

    def __init__(self, db: Database, name: str, role: str, source: Path, rng: random.Random) -> None:
        self.db, self.name, self.role, self.source, self.rng = db, name, role, source, rng
        self.count = 0

    def token(self) -> str:
        self.count += 1
        return f"{self.name} 第{self.count}次"

    def pick(self, query: str) -> int | None:
        ids = _newest(self.db, query)
        return self.rng.choice(ids) if ids else None

    def import_one(self) -> dict[str, Any]:
        return {"op": "import", "inspection": import_file(self.db, self.name, self.source)}

    def edit(self) -> dict[str, Any] | None:
        inspection_id = self.pick(DRAFTS)
        if inspection_id is None:
            return None
        inspection = inspections.load_inspection(self.db, inspection_id)
        response = self.rng.choice(sorted(inspection.responses, key=lambda r: r.item_id))
        note = self.token()
        answer = Answer(
            Result(response.result) if response.result else None,
            dict(response.measurements or {}),
            response.override_reason or "",
            note,
        )
        version = inspections.save_answer(
            self.db, self.name, inspection_id, inspection.version, response.item_id, answer
        )
        return {"op": "edit", "inspection": inspection_id, "item": response.item_id, "note": note, "version": version}

    def complete(self) -> dict[str, Any] | None:
        inspection_id = self.pick(DRAFTS)
        if inspection_id is None:
            return None
        version = inspections.load_inspection(self.db, inspection_id).version
        digest = inspections.complete(self.db, self.name, inspection_id, version)
        return {"op": "complete", "inspection": inspection_id, "hash": digest}

    def reopen(self) -> dict[str, Any] | None:
        inspection_id = self.pick(COMPLETED)
        if inspection_id is None:
            return None
        reason = self.token()
        version = inspections.reopen(self.db, self.name, inspection_id, f"重新检查：{reason}")
        return {"op": "reopen", "inspection": inspection_id, "version": version, "reason": reason}

    def sign(self) -> dict[str, Any] | None:
        approve = self.role == "manager" and self.rng.random() < 0.5
        inspection_id = self.pick(TO_APPROVE if approve else COMPLETED)
        if inspection_id is None:
            return None
        meaning = "approver" if approve else "inspector"
        done = signing.sign(self.db, inspection_id, self.name, PASSWORD, meaning)
        return {"op": "sign", "inspection": inspection_id, "meaning": meaning, "hash": done.record_hash}

    def next_operation(self) -> tuple[str, Callable[[], dict[str, Any] | None]]:
        if len(_newest(self.db, DRAFTS)) < 2 and self.rng.random() < 0.5:
            return "import", self.import_one
        roll = self.rng.random()
        if roll < 0.45:
            return "edit", self.edit
        if roll < 0.62:
            return "complete", self.complete
        if roll < 0.72:
            return "reopen", self.reopen
        return "sign", self.sign


def _refusal(operation: str, error: KnownError) -> dict[str, Any]:
    reason = error.message.code if error.message is not None else type(error).__name__
    return {"op": operation, "refused": reason, "en": str(error), "zh": error.message_zh}


def _run_client(url: str, name: str, role: str, source: Path, journal: Path, seconds: float, seed: int) -> None:
    """The forked client: operations until its time is up, each written to ``journal`` once it returned.
    Never returns (exit status 0, or 3 after writing what crashed it)."""
    status = 0
    with journal.open("w", encoding="utf-8", buffering=1) as out:
        try:
            db = open_database(url)
            auth.authenticate(db, name, PASSWORD)  # this connection acts as ``name`` only (db.principal)
            client = _Client(db, name, role, source, random.Random(seed))
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                operation, run = client.next_operation()
                try:
                    entry = run() or {"op": operation, "nothing to do": True}
                except KnownError as error:
                    entry = _refusal(operation, error)
                out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            db.close()
        except BaseException:
            out.write(json.dumps({"crash": traceback.format_exc()}, ensure_ascii=False) + "\n")
            status = 3
    os._exit(status)


# --- the run ---------------------------------------------------------------------------------------------------


def _set_up(url: str, folder: Path) -> Path:
    """The company, the accounts (four officers, four managers) and three drafts; the exchange file of an
    answered inspection, which the clients import when drafts run short."""
    db = open_database(url)
    try:
        inspection_id, _ = helpers.answered(db)
        source = folder / "inspection.json"
        source.write_text(json.dumps(export_document(db, inspection_id), ensure_ascii=False), encoding="utf-8")
        first, _ = ACCOUNTS[4]
        create_account(db, "setup", first, "manager", PASSWORD)
        for name, role in ACCOUNTS:
            if name != first:
                create_account(db, first, name, role, PASSWORD, actor_password=PASSWORD)
        for _ in range(2):
            import_file(db, first, source)
    finally:
        db.close()
    return source


def _run_clients(url: str, source: Path, folder: Path) -> list[dict[str, Any]]:
    journals = []
    children: dict[int, str] = {}
    for index, (name, role) in enumerate(ACCOUNTS):
        journal = folder / f"client-{index}.jsonl"
        journals.append(journal)
        pid = os.fork()
        if pid == 0:
            _run_client(url, name, role, source, journal, SECONDS, seed=1000 + index)
        children[pid] = name
    give_up = time.monotonic() + SECONDS + 600  # a client that never finishes is a hang: stop it and say so
    hung = []
    for pid, name in children.items():
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                assert os.waitstatus_to_exitcode(status) == 0, f"client {name} crashed: {_crashes(journals)}"
                break
            if time.monotonic() > give_up:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                hung.append(name)
                break
            time.sleep(0.2)
    assert not hung, f"clients {hung} were still running ten minutes after their time was up"
    entries = []
    for index, journal in enumerate(journals):
        for line in journal.read_text(encoding="utf-8").splitlines():
            entries.append({**json.loads(line), "client": ACCOUNTS[index][0]})
    return entries


def _crashes(journals: list[Path]) -> str:
    return "\n".join(
        line
        for journal in journals
        if journal.exists()
        for line in journal.read_text("utf-8").splitlines()
        if "crash" in line
    )


def _is_chinese(text_: str) -> bool:
    return any(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in text_)


def _check_refusal(entry: dict[str, Any]) -> None:
    english, chinese = entry["en"], entry["zh"]
    assert english.strip() and "\n" not in english.strip(), entry
    assert _is_chinese(chinese) and chinese != english and "\n" not in chinese.strip(), entry
    for words in RAW_WORDS:
        assert words.lower() not in english.lower() and words.lower() not in chinese.lower(), entry


def _database_state(url: str) -> dict[str, Any]:
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            state: dict[str, Any] = {
                "status": dict(connection.execute(text("SELECT id, status FROM inspections")).fetchall()),
                "record_hash": dict(connection.execute(text("SELECT id, record_hash FROM inspections")).fetchall()),
                "notes": {
                    (row[0], row[1]): row[2]
                    for row in connection.execute(text("SELECT inspection_id, item_id, note FROM item_responses"))
                },
                "signatures": connection.execute(
                    text("SELECT inspection_id, meaning, signer_name, record_hash FROM signatures")
                ).fetchall(),
                "audit": connection.execute(
                    text("SELECT seq, hash, action, table_name, row_id, inspection_id, new FROM audit_log")
                ).fetchall(),
                "workbooks": dict(
                    connection.execute(
                        text("SELECT inspection_id, data FROM report_files WHERE kind = 'xlsx'")
                    ).fetchall()
                ),
            }
        with db.session() as session:
            chain = verify_chain(session)
        assert chain.ok, chain.reason
        state["chain entries"] = chain.entries
    finally:
        db.close()
    return state


def _report_number(workbook: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                if len(row) > 1 and row[0] == "报告编号":
                    return str(row[1])
    finally:
        book.close()
    raise AssertionError("the workbook has no 报告编号")


def _check_nothing_lost(entries: list[dict[str, Any]], state: dict[str, Any]) -> dict[str, int]:
    """Every change a client believes it committed is in the database and the audit trail; nothing is twice."""
    audit = state["audit"]
    notes_in_trail = Counter(
        (row.row_id, (row.new or {}).get("note"))
        for row in audit
        if row.table_name == "item_responses" and row.action == "update" and "note" in (row.new or {})
    )
    db_notes = state["notes"]
    lost = duplicates = 0
    committed = [e for e in entries if "refused" not in e and "nothing to do" not in e and "crash" not in e]
    # Saves of one inspection: each got its own version; the newest save of an item is what the item holds.
    versions = Counter((e["inspection"], e["version"]) for e in committed if "version" in e)
    duplicates += sum(count - 1 for count in versions.values() if count > 1)
    assert duplicates == 0, [key for key, count in versions.items() if count > 1]
    newest: dict[tuple[int, str], dict[str, Any]] = {}
    for entry in (e for e in committed if e["op"] == "edit"):
        key = (entry["inspection"], entry["item"])
        if key not in newest or entry["version"] > newest[key]["version"]:
            newest[key] = entry
    trail_notes = {note for (_, note) in notes_in_trail}
    for entry in (e for e in committed if e["op"] == "edit"):
        if entry["note"] not in trail_notes:
            lost += 1
    for key, entry in newest.items():
        if db_notes.get(key) != entry["note"]:
            lost += 1
    assert lost == 0, f"{lost} saved notes are not in the database or the trail"
    assert all(count == 1 for (_, note), count in notes_in_trail.items() if note and "第" in note), "a note saved twice"
    # Completions, reopenings and imports: each has its entry in the trail.
    events = Counter((row.action, row.inspection_id, json.dumps(row.new, sort_keys=True)) for row in audit)
    inserted = {row.row_id for row in audit if row.table_name == "inspections" and row.action == "insert"}
    for entry in committed:
        if entry["op"] == "complete":
            assert events[("complete", entry["inspection"], json.dumps({"record_hash": entry["hash"]}))] >= 1, entry
        elif entry["op"] == "import":
            assert entry["inspection"] in inserted and entry["inspection"] in state["status"], entry
        elif entry["op"] == "reopen":
            assert any(
                row.inspection_id == entry["inspection"]
                and row.table_name == "inspections"
                and row.action == "update"
                and (row.new or {}).get("status") == "draft"
                for row in audit
            ), entry
    # Signatures: each one a client made is stored, once, for the record it signed.
    stored = Counter((row.inspection_id, row.meaning) for row in state["signatures"])
    assert all(count == 1 for count in stored.values()), stored
    claimed = Counter((e["inspection"], e["meaning"]) for e in committed if e["op"] == "sign")
    assert all(count == 1 for count in claimed.values()), claimed
    by_key = {(row.inspection_id, row.meaning): row for row in state["signatures"]}
    for entry in (e for e in committed if e["op"] == "sign"):
        row = by_key.get((entry["inspection"], entry["meaning"]))
        assert row is not None, f"a signature a client made is lost: {entry}"
        assert (row.signer_name, row.record_hash) == (entry["client"], entry["hash"]), (row, entry)
        assert state["record_hash"][entry["inspection"]] == entry["hash"], f"signed one record, stored another: {entry}"
    # The trail: one entry per sequence number, no gap, no repeated hash; report numbers once each.
    seqs = sorted(row.seq for row in audit)
    assert seqs == list(range(1, len(seqs) + 1)) and len({row.hash for row in audit}) == len(audit)
    numbers = Counter(_report_number(data) for data in state["workbooks"].values())
    assert all(count == 1 for count in numbers.values()), numbers
    return {"lost": lost, "duplicates": duplicates, "signed reports": len(numbers), "audit entries": len(audit)}


@pytest.mark.hostile
@pytest.mark.postgres
def test_eight_clients_on_postgresql(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUGONG_TMP", str(tmp_path / "private"))
    source = _set_up(pg_url, tmp_path)
    entries = _run_clients(pg_url, source, tmp_path)
    refused = [e for e in entries if "refused" in e]
    for entry in refused:
        _check_refusal(entry)
    state = _database_state(pg_url)
    figures = _check_nothing_lost(entries, state)
    audit_verify = fugong("--db", pg_url, "audit", "verify")
    assert audit_verify.returncode == 0, audit_verify
    finished = sorted(i for i, status in state["status"].items() if status != "draft")
    for inspection_id in finished:
        check = fugong("--db", pg_url, "verify-record", str(inspection_id))
        assert check.returncode == 0, (inspection_id, check.stdout, check.stderr)
    tried = [e for e in entries if "nothing to do" not in e]
    committed = Counter(e["op"] for e in tried if "refused" not in e)
    reasons = Counter(e["refused"] for e in refused)
    assert sum(committed.values()) > 0 and committed["edit"] > 0, committed
    record_figure(
        "concurrency",
        f"PostgreSQL, 8 clients, {SECONDS:g} s",
        {
            "operations tried": len(tried),
            "committed": sum(committed.values()),
            **{f"committed {op}": count for op, count in sorted(committed.items())},
            "refused": len(refused),
            **{f"refused {reason}": count for reason, count in reasons.most_common()},
            **figures,
            "records verified": len(finished),
        },
    )


# --- the signing races, replayed one step at a time ----------------------------------------------------------


def _signable(url: str) -> int:
    """A completed inspection, the accounts 王经理 and 周经理 (managers) and 张三 (officer)."""
    db = open_database(url)
    try:
        inspection_id, version = helpers.answered(db)
        create_account(db, "setup", "王经理", "manager", PASSWORD)
        for name, role in (("周经理", "manager"), ("张三", "officer")):
            create_account(db, "王经理", name, role, PASSWORD, actor_password=PASSWORD)
    finally:
        db.close()
    officer = _logged_in(url, "张三")
    inspections.complete(officer, "张三", inspection_id, version)
    officer.close()
    return inspection_id


def _logged_in(url: str, name: str) -> Database:
    """A client of its own: a connection on which ``name`` logged in."""
    db = open_database(url)
    auth.authenticate(db, name, PASSWORD)
    return db


def _stored_signatures(db: Database, inspection_id: int) -> list[tuple[str, str]]:
    with db.engine.connect() as connection:
        query = text("SELECT meaning, signer_name FROM signatures WHERE inspection_id = :i ORDER BY id")
        return [(row[0], row[1]) for row in connection.execute(query, {"i": inspection_id})]


def _said_in_both_languages(error: KnownError) -> None:
    _check_refusal({"en": str(error), "zh": error.message_zh})


def test_a_record_changed_while_the_inspector_signs_is_not_signed(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The signature is made from the record as read before signing; another client reopens the record,
    changes a note and completes it again before the signature is stored. Storing it would sign one record
    and lock another (the signature's hash and the report would not match the record): refused instead."""
    inspection_id = _signable(db_url)
    db, other = _logged_in(db_url, "张三"), _logged_in(db_url, "周经理")
    made = signing._first_signature

    def another_client_meanwhile(*args: Any, **kwargs: Any) -> dict[str, bytes]:
        files = made(*args, **kwargs)
        inspections.reopen(other, "周经理", inspection_id, "补充说明")
        version = inspections.load_inspection(other, inspection_id).version
        version = inspections.save_answer(
            other, "周经理", inspection_id, version, "GN-02", Answer(Result.PASS, note="已补充")
        )
        inspections.complete(other, "周经理", inspection_id, version)
        return files

    monkeypatch.setattr(signing, "_first_signature", another_client_meanwhile)
    with pytest.raises(RecordLockedError) as refused:
        signing.sign(db, inspection_id, "张三", PASSWORD, "inspector")
    assert refused.value.message is not None and refused.value.message.code == "sign.changed_while_signing"
    _said_in_both_languages(refused.value)
    assert _stored_signatures(db, inspection_id) == []
    assert inspections.load_inspection(db, inspection_id).status == "completed"
    monkeypatch.setattr(signing, "_first_signature", made)  # signing again signs the record as it now is
    done = signing.sign(db, inspection_id, "张三", PASSWORD, "inspector")
    assert done.record_hash == inspections.load_inspection(db, inspection_id).record_hash
    db.close()
    other.close()
    check = fugong("--db", db_url, "verify-record", str(inspection_id))
    assert check.returncode == 0, check


@pytest.mark.parametrize("files_read", ["after", "before"])
def test_two_managers_approving_at_once_get_one_signature_and_a_sentence(
    db_url: str, monkeypatch: pytest.MonkeyPatch, files_read: str
) -> None:
    """周经理 approves while 王经理's approval is being made: 王经理's is refused in words and the record keeps one
    approval. ``files_read`` says whether 周经理's lands after 王经理 read the signed files (caught under the
    row lock; it was a raw unique-constraint error of the driver) or before (caught when the files are read; it
    was the PDF library's "Signature_Approver appears to be filled already", found by the eight-client test at
    stop 24)."""
    inspection_id = _signable(db_url)
    officer, db, other = (_logged_in(db_url, name) for name in ("张三", "王经理", "周经理"))
    signing.sign(officer, inspection_id, "张三", PASSWORD, "inspector")
    officer.close()
    step = "_countersignature" if files_read == "after" else "stored_reports"
    real = getattr(signing, step)
    raced: list[str] = []

    def approve_meanwhile() -> None:
        if not raced:  # once: 周经理's own approval goes through the same steps
            raced.append("周经理")
            signing.sign(other, inspection_id, "周经理", PASSWORD, "approver")

    def another_manager_meanwhile(*args: Any, **kwargs: Any) -> Any:
        if files_read == "before":
            approve_meanwhile()
        result = real(*args, **kwargs)
        if files_read == "after":
            approve_meanwhile()
        return result

    monkeypatch.setattr(signing, step, another_manager_meanwhile)
    with pytest.raises(RecordLockedError) as refused:
        signing.sign(db, inspection_id, "王经理", PASSWORD, "approver")
    _said_in_both_languages(refused.value)
    assert "already has" in str(refused.value)
    assert _stored_signatures(db, inspection_id) == [("inspector", "张三"), ("approver", "周经理")]
    db.close()
    other.close()
    check = fugong("--db", db_url, "verify-record", str(inspection_id))
    assert check.returncode == 0, check
