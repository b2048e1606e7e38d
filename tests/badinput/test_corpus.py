"""The bad-input corpus (``tests/data/bad/manifest.json``): every file is fed to the command that takes it,
in-process through ``desktop.cli.main.main``, and must be refused with exit status 1 (2 where ``verify``
reports a failed check) and one sentence containing the manifest's words, with the database unchanged.

Photos have no command of their own: they go through ``storage.photos.check_attachment``, which the service
layer calls when a file is attached. The figures (inputs tried, refused cleanly, crashes, garbage accepted)
are printed at the end of the run and in ``docs/reliability.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import main
from export.signing import create_account
from storage.backup import backup
from storage.db import open_database
from storage.errors import InvalidInputError
from storage.photos import check_attachment
from tests.ledger.test_ledger_import import HOSTILE as HOSTILE_LEDGER_FILES
from tests.storage import helpers

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES: list[dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
FIGURES: Counter[str] = Counter()
PASSWORD = "corpus-secret"


def _id(case: dict[str, Any]) -> str:
    return str(case.get("file") or case["derive"])


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A database holding the corpus company (so a file naming it differently is refused), a completed
    inspection, a manager and an officer; plus a good backup of it for the restore variants."""
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "live.sqlite3"
    db = open_database(f"sqlite:///{path}")
    helpers.completed(db)
    from argon2 import PasswordHasher

    from storage import auth

    with pytest.MonkeyPatch.context() as patch:  # the tests' hasher (conftest): a login then rehashes nothing
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        auth.create_user(db, "setup", "王经理", "manager", PASSWORD)
        auth.create_user(db, "王经理", "张三", "officer", PASSWORD)
    good = folder / "good-backup.sqlite3"
    backup(db, good)
    db.close()
    assert create_account is not None
    return {"url": f"sqlite:///{path}", "path": path, "good": good, "folder": folder}


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a WAL-mode database (copying the file alone can miss what is in its WAL)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dest:
        src.backup(dest)
    src.close()
    dest.close()


def _digest(path: Path) -> str:
    """Everything the database holds, as SQL: equal digests mean nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode("utf-8")).hexdigest()
    finally:
        connection.close()


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)  # the account's password, as a script would give it
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                status = main(argv)
            except SystemExit as exit_:  # argparse
                status = int(exit_.code or 0)
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def _input_file(case: dict[str, Any], tmp_path: Path) -> Path:
    recipe = case.get("recipe")
    if recipe is None:
        return CORPUS / case["file"]
    text = (
        case.get("prefix", "")
        + recipe["head"] * recipe["times"]
        + recipe["middle"]
        + recipe["tail"] * recipe["times"]
        + case.get("suffix", "")
    )
    path = tmp_path / Path(case["file"]).name
    path.write_text(text, encoding="utf-8")
    return path


def _judge(case: dict[str, Any], status: int, stdout: str, stderr: str) -> None:
    """Refused cleanly, or count what went wrong (and fail)."""
    FIGURES["inputs tried"] += 1
    if "Traceback" in stderr or "unexpected error" in stderr:
        FIGURES["crashes"] += 1
        pytest.fail(f"crash: {stderr[-600:]}")
    expected_exit = case.get("exit", 1)
    if status == 0:
        if case.get("may_be_valid") or case.get("valid"):
            FIGURES["valid inputs accepted"] += 1
            return
        FIGURES["garbage accepted"] += 1
        pytest.fail(f"accepted: {stdout[-300:]}")
    if expected_exit is not None:
        assert status == expected_exit, (status, stderr, stdout)
    else:
        assert status in (1, 2), (status, stderr)
    words = case.get("expect")
    if status == 1:
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("fugong: "), stderr
        said = lines[0]
    else:  # verify: the report names the failed check
        said = stdout
        assert "FAIL" in stdout and not stderr.strip(), (stdout, stderr)
    if words:
        assert words in said, said
    FIGURES["refused cleanly"] += 1


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "import"], ids=_id)
def test_exchange_file(case: dict[str, Any], corpus_db: dict[str, Any], tmp_path: Path) -> None:
    before = _digest(corpus_db["path"])
    status, out, err = _run(
        ["--db", corpus_db["url"], "import", str(_input_file(case, tmp_path)), "--user", "张三"], PASSWORD + "\n"
    )
    if case.get("valid"):
        assert status == 0, err
        FIGURES["inputs tried"] += 1
        FIGURES["valid inputs accepted"] += 1
        return
    _judge(case, status, out, err)
    assert _digest(corpus_db["path"]) == before, "a refused import changed the database"


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "catalog"], ids=_id)
def test_catalog_file(case: dict[str, Any], tmp_path: Path) -> None:
    status, out, err = _run(["catalogs", "validate", str(_input_file(case, tmp_path))])
    _judge(case, status, out, err)


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "verify"], ids=_id)
def test_verify_input(case: dict[str, Any]) -> None:
    base = CORPUS / "verify" / "base"
    if case.get("trust"):
        argv = ["verify", str(base / "report.pdf"), "--trust", str(CORPUS / case["file"])]
    else:
        argv = ["verify", str(CORPUS / case["file"]), "--trust", str(base / "trust.pem")]
    status, out, err = _run(argv)
    _judge(case, status, out, err)


@pytest.mark.parametrize("name", ["report.pdf", "report.xlsx"])
def test_the_verify_base_verifies(name: str) -> None:
    """The genuine files the verify cases and the byte flips damage verify by themselves with their trust file:
    a base that fails already (it did once, made before signatures carried their meaning) makes every flip
    "detected" and tests nothing. Regenerate it with ``tests/data/bad/make_verify_base.py``. (Its certificates
    are valid for five years from when it was made; verification is at the current time.)"""
    base = CORPUS / "verify" / "base"
    status, out, err = _run(["verify", str(base / name), "--trust", str(base / "trust.pem")])
    assert (status, err) == (0, ""), (status, err, out)
    lines = out.splitlines()
    assert lines and all(line.startswith("OK ") for line in lines), out
    assert sum("intact, chains to the anchor" in line for line in lines) == 2, out
    assert any("inspector: 张三 holds the role officer" in line for line in lines), out
    assert any("manager's approval: 王经理 holds the role manager" in line for line in lines), out


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "restore"], ids=_id)
def test_restore_input(case: dict[str, Any], corpus_db: dict[str, Any], tmp_path: Path) -> None:
    if "derive" in case:
        source = tmp_path / f"{case['derive']}.sqlite3"
        _copy(corpus_db["good"], source)
        connection = sqlite3.connect(source)
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in case["sql"]:
            connection.execute(statement)
        connection.commit()
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()
    else:
        source = tmp_path / Path(case["file"]).name
        shutil.copy(CORPUS / case["file"], source)  # restore must not change even the file it reads
    live = tmp_path / "live.sqlite3"
    _copy(corpus_db["path"], live)
    before = _digest(live)
    status, out, err = _run(["--db", f"sqlite:///{live}", "restore", str(source), "--user", "王经理"], PASSWORD + "\n")
    _judge(case, status, out, err)
    assert _digest(live) == before and not list(tmp_path.glob("live.before-restore-*"))


@pytest.mark.hostile
@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "photo"], ids=_id)
def test_photo(case: dict[str, Any]) -> None:
    path = CORPUS / case["file"]
    FIGURES["inputs tried"] += 1
    try:
        check_attachment(path.name, path.read_bytes())
    except InvalidInputError as refused:
        assert case["expect"] in str(refused) and "\n" not in str(refused), str(refused)
        assert refused.message_zh != str(refused)  # said in Chinese too
        FIGURES["refused cleanly"] += 1
        return
    except Exception as error:
        FIGURES["crashes"] += 1
        pytest.fail(f"crash: {error!r}")
    FIGURES["garbage accepted"] += 1
    pytest.fail("accepted")


def test_the_corpus_is_large_enough() -> None:
    kinds = Counter(case["kind"] for case in CASES)
    assert sum(kinds.values()) >= 200 and set(kinds) == {"import", "catalog", "verify", "restore", "photo"}
    stored = [p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("make_corpus.py", "manifest.json")]
    assert len(stored) >= 200  # files a reviewer can open, besides the recipes and derived variants


# The health ledger's imports: the hostile files of tests/ledger/test_ledger_import.py (made at run time: an
# oversized one is not kept in the repository), each through the command that takes it, as a script would.
LEDGER_FILES = sorted(HOSTILE_LEDGER_FILES)


@pytest.mark.hostile
@pytest.mark.parametrize("command", ["roster", "readings"])
@pytest.mark.parametrize("case", LEDGER_FILES)
def test_ledger_import_file(case: str, command: str, corpus_db: dict[str, Any], tmp_path: Path) -> None:
    make, words = HOSTILE_LEDGER_FILES[case]
    before = _digest(corpus_db["path"])
    status, out, err = _run(
        ["--db", corpus_db["url"], command, "import", str(make(tmp_path)), "--user", "王经理"], PASSWORD + "\n"
    )
    _judge({"expect": words}, status, out, err)
    assert _digest(corpus_db["path"]) == before, "a refused import changed the database"
