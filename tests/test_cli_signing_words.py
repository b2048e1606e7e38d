"""Signing and verifying speak one language at a time: ``fugong sign``, ``fugong verify`` and
``fugong verify-record`` (and the lines the audit window shows, the same check lines) carry no 检查人, 审核 or
待审核签署 in English and no English words in Chinese — the sign-off's words come from the catalogue in the
run's language. Judged by the word check the other command-line language tests use."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.signing import FileSigner, Verification, _check_signers
from storage.db import open_database
from tests.cli import fugong
from tests.keys import create_account
from tests.storage import helpers
from tests.test_cli_words import assert_in_language, wrong_words

MANAGER, OFFICER = ("王经理", "manager-secret"), ("张三", "officer-secret")


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FUGONG_LANG", request.param)
    return str(request.param)


def _ready_to_sign(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'sign.sqlite3'}"
    db = open_database(url)
    inspection_id, _ = helpers.answered(db)
    create_account(db, "setup", MANAGER[0], "manager", MANAGER[1])
    create_account(db, MANAGER[0], OFFICER[0], "officer", OFFICER[1], MANAGER[1])
    db.close()
    done = fugong("--db", url, "complete", str(inspection_id), "--user", OFFICER[0], stdin=OFFICER[1] + "\n")
    assert done.returncode == 0, done
    return url, inspection_id


def test_sign_and_verify_print_one_language(language: str, tmp_path: Path) -> None:
    url, record = _ready_to_sign(tmp_path)
    ident = str(record)

    def run(*argv: str, stdin: str = "", status: int = 0) -> str:
        result = fugong("--db", url, *argv, stdin=stdin)
        assert result.returncode == status, (argv, result)
        assert_in_language(result, language, " ".join(argv))
        return result.stdout + result.stderr

    # refusals on the way: a role that may not sign as approver, approval before the inspector
    said = run("sign", ident, "--user", OFFICER[0], "--meaning", "approver", stdin=OFFICER[1] + "\n", status=1)
    assert ("审核" if language == "zh" else "manager's approval") in said
    run("sign", ident, "--user", MANAGER[0], "--meaning", "approver", stdin=MANAGER[1] + "\n", status=1)
    said = run("sign", ident, "--user", OFFICER[0], "--meaning", "inspector", stdin=OFFICER[1] + "\n")
    assert ("检查人" if language == "zh" else "inspector") in said
    run("sign", ident, "--user", OFFICER[0], "--meaning", "inspector", stdin=OFFICER[1] + "\n", status=1)
    half = tmp_path / "half.pdf"
    run("export", ident, "--pdf", str(half))
    said = run("verify", str(half), status=2)  # approval missing: said, and a failure
    assert ("待审核签署" if language == "zh" else "approval missing") in said
    said = run("verify-record", ident)
    run("sign", ident, "--user", MANAGER[0], "--meaning", "approver", stdin=MANAGER[1] + "\n")
    pdf, xlsx = tmp_path / "signed.pdf", tmp_path / "signed.xlsx"
    run("export", ident, "--pdf", str(pdf), "--xlsx", str(xlsx))
    for path in (pdf, xlsx):
        said = run("verify", str(path))
        assert ("单位主要负责人审核" if language == "zh" else "manager's approval") in said
        assert ("两个不同的人" if language == "zh" else "two different people") in said
    said = run("verify-record", ident)
    assert said.strip()


def test_the_sign_off_checks_that_fail_in_both_languages() -> None:
    """The lines only a wrong file shows: signatures in the wrong order, too many, only the inspector's."""
    wrong = Verification()
    signers = [
        FileSigner("approver", None, "a", True),
        FileSigner(None, None, "b", True),
        FileSigner("x", None, "c", True),
    ]
    _check_signers(wrong, signers)
    half = Verification()
    _check_signers(half, [FileSigner("inspector", None, "a", True)])
    lines = wrong.results + half.results
    assert len(lines) == 4 and not any(passed for passed, _, _ in lines)
    for _, english, chinese in lines:
        assert not wrong_words(english, "en"), english
        assert not wrong_words(chinese, "zh"), chinese
    assert "inspector" in wrong.results[0][1] and "检查人" in wrong.results[0][2]
