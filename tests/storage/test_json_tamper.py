"""The attacker with a copy of the database file writes invalid JSON (``'{"a":'``) or JSON of the wrong shape (a
list where an object is kept, a string, a number) into a JSON column by raw SQL. Whatever reads the column —
the inspections list, the batch workbook's findings, opening the record, ``verify-record`` (in the core and on
the command line), the audit chain check, the registers' signed days, canteen settings, import mappings and
retention runs — never ends in a traceback, never passes the forged record, and says what it found.

One database is made by the application (a signed and countersigned record, a signed day of the health ledger
and of the ventilation and disinfection log, a canteen plan, an import mapping and a retention run) and copied
for each case; PostgreSQL, whose JSON columns cannot hold invalid JSON, gets the wrong shapes."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from checklist.ledger import HalfDay
from export import trust
from export.ledger_reports import sign_day, verify_day, write_summary
from export.record_check import verify_signed_record
from export.site_reports import sign_log_day, verify_log_day, write_log_day
from storage import canteen, inspections, ledger, ledger_import, ledger_retention, roster, site_log
from storage.audit import verify_chain
from storage.db import Database, open_database
from storage.errors import KnownError
from storage.listing import list_inspections, list_item_results
from tests.cli import fugong
from tests.keys import create_account, sign_and_countersign
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME
from tests.sites.test_canteen import BASE
from tests.storage import helpers
from tests.test_cli_words import wrong_words

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}
LOG_DAY = dt.date(2020, 3, 2)

INVALID = '{"a":'
WRONG_SHAPES = ("[1,2]", '"x"', "5")
VALUES = (INVALID, *WRONG_SHAPES)


@dataclass
class Made:
    folder: Path
    pristine: Path
    trust: Path
    record: int
    audit_seq: int  # an entry of the record's (its completion) with old and new values


def _make(folder: Path, url: str) -> tuple[int, int]:
    db = open_database(url)
    try:
        record, version = helpers.answered(db)
        inspections.complete(db, "officer", record, version)
        sign_and_countersign(db, record, PASSWORDS)
        create_account(db, "王经理", "张安全", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
        db.principal = None
        person = roster.add_employee(db, "张安全", {"name": "赵六"})
        for half, at in ((HalfDay.MORNING, MORNING_TIME), (HalfDay.AFTERNOON, EVENING_TIME)):
            ledger.enter_readings(db, "张安全", DAY, half, [ledger.ReadingEntry(person, "36.5")], now_local=at)
        sign_day(db, DAY, "张安全", PASSWORDS["张三"])
        site_log.set_plan(db, "张安全", {"place": "车间", "kind": "通风", "times_per_day": 1})
        site_log.add_entry(
            db,
            "张安全",
            {
                "place": "车间",
                "at": "2020-03-02 09:00",
                "method": "开窗自然通风",
                "duration_minutes": 30,
                "done_by": "刘姐",
            },
        )
        sign_log_day(db, LOG_DAY, "张安全", PASSWORDS["张三"])
        site = inspections.load_inspection(db, record).site_id
        canteen.save_canteen_settings(db, "张安全", site, BASE)
        db.principal = None
        with db.engine.begin() as connection:  # what an import and a retention run leave (no file needed here)
            connection.execute(
                text("INSERT INTO import_mappings (source, mapping, updated_at) VALUES (:s, :m, :t)"),
                {
                    "s": "东门测温门",
                    "m": '{"name": "姓名", "temperature": "体温", "time": "时间"}',
                    "t": dt.datetime.now(),
                },
            )
            connection.execute(
                text(
                    "INSERT INTO retention_runs (run_at, by, cutoff, reason, removed) VALUES (:t, '王经理', :c, 'days', :r)"
                ),
                {"t": dt.datetime.now(), "c": dt.date(2020, 1, 1), "r": '{"readings": 3, "observations": 1}'},
            )
            seq = connection.execute(
                text("SELECT max(seq) FROM audit_log WHERE inspection_id = :i AND action = 'complete'"), {"i": record}
            ).scalar_one()
        trust.export_trust_file(db, folder / "trust.pem")
        return record, int(seq)
    finally:
        db.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    folder = tmp_path_factory.mktemp("json-tamper")
    live = folder / "made.sqlite3"
    record, seq = _make(folder, f"sqlite:///{live}")
    pristine = folder / "pristine.sqlite3"
    with sqlite3.connect(live) as source, sqlite3.connect(pristine) as target:
        source.backup(target)
    source.close()
    target.close()
    return Made(folder, pristine, folder / "trust.pem", record, seq)


@pytest.fixture
def altered(made: Made, tmp_path: Path) -> Iterator[tuple[Database, str]]:
    """A copy of the made database, open (the test alters it first with :func:`_sql`)."""
    path = tmp_path / "altered.sqlite3"
    shutil.copyfile(made.pristine, path)
    url = f"sqlite:///{path}"
    db = open_database(url)
    yield db, url
    db.close()


def _sql(db: Database, statement: str, **values: object) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement), values)


# the record's JSON columns: (table, column, which row)
RECORD_COLUMNS = (
    ("inspections", "catalogs", "id = :record"),
    ("inspections", "company_snapshot", "id = :record"),
    ("item_responses", "measurements", "inspection_id = :record AND measurements IS NOT NULL"),
    ("item_responses", "findings", "inspection_id = :record AND findings IS NOT NULL"),
)


def _alter_record(db: Database, record: int, table: str, column: str, where: str, value: str) -> None:
    _sql(db, f"UPDATE {table} SET {column} = :v WHERE {where}", v=value, record=record)


def _refused_as_altered(db: Database, record: int) -> KnownError:
    with pytest.raises(KnownError) as refused:
        inspections.load_inspection(db, record)
    said = refused.value
    assert said.message is not None and said.message.code == "inspection.altered", said
    assert "outside" in said.text("en") and "本程序之外" in said.text("zh"), said.text("en")
    return said


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("table", "column", "where"), RECORD_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in RECORD_COLUMNS])
def test_an_altered_record_is_listed_refused_in_a_sentence_and_fails_verification(
    made: Made, altered: tuple[Database, str], table: str, column: str, where: str, value: str
) -> None:
    db, url = altered
    _alter_record(db, made.record, table, column, where, value)
    assert made.record in [row.id for row in list_inspections(db)]  # the list still shows it (and the rest)
    list_item_results(db, final=None)  # the batch workbook's findings are read without a traceback
    _refused_as_altered(db, made.record)
    check = verify_signed_record(db, made.record, made.trust)
    assert not check.ok
    failed = [english for passed, english, _ in check.results if not passed]
    assert any(f"{table} row" in line and f"{column} cannot be read" in line for line in failed), failed
    chinese = [text for passed, _, text in check.results if not passed]
    assert any(f"“{table}”" in line and f"“{column}”列无法读取" in line for line in chinese), chinese
    assert not [word for line in chinese for word in wrong_words(line, "zh")], chinese  # names quoted, no English
    said = fugong("--db", url, "verify-record", str(made.record), "--trust", str(made.trust))
    assert said.returncode == 2, said
    assert column in said.stdout + said.stderr and "Traceback" not in said.stdout + said.stderr, said
    with db.session() as session:
        assert verify_chain(session).ok  # the trail itself was not touched


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("column", ["old", "new"])
def test_an_altered_audit_entry_is_named_by_the_chain_check(
    made: Made, altered: tuple[Database, str], column: str, value: str
) -> None:
    db, url = altered
    _sql(db, f"UPDATE audit_log SET {column} = :v WHERE seq = :s", v=value, s=made.audit_seq)
    with db.session() as session:
        report = verify_chain(session)
    assert not report.ok and report.first_broken == made.audit_seq, report
    assert str(made.audit_seq) in report.reason, report.reason
    said = fugong("--db", url, "audit", "verify")
    assert said.returncode == 2 and str(made.audit_seq) in said.stderr, said
    shown = fugong("--db", url, "audit", "log", "--inspection", str(made.record))
    assert shown.returncode == 0, shown
    assert "无法读取修改的值" in shown.stdout or "the values cannot be read" in shown.stdout, shown.stdout
    check = verify_signed_record(db, made.record, made.trust)
    assert not check.ok
    said = fugong("--db", url, "verify-record", str(made.record), "--trust", str(made.trust))
    assert said.returncode == 2 and "Traceback" not in said.stdout + said.stderr, said


def test_an_altered_audit_entry_re_hashed_is_still_named(made: Made, altered: tuple[Database, str]) -> None:
    """The attacker recomputes every hash after writing a list into an entry's ``new``: nothing the application
    writes has that shape, so the chain check still names the entry."""
    from tests.signing.test_tamper_sql import recompute_plain_hashes

    db, _ = altered
    _sql(db, "UPDATE audit_log SET new = '[1,2]' WHERE seq = :s", s=made.audit_seq)
    recompute_plain_hashes(db, made.record)
    with db.session() as session:
        report = verify_chain(session)
    assert not report.ok and report.first_broken == made.audit_seq, report


def test_a_null_in_a_nullable_json_column_still_opens(made: Made, altered: tuple[Database, str]) -> None:
    """Records completed before schema 0017 have no company copy, and answers without measurements or findings
    hold NULL: that is no alteration."""
    db, _ = altered
    _sql(db, "UPDATE item_responses SET measurements = NULL, findings = NULL WHERE inspection_id = :r", r=made.record)
    _sql(db, "UPDATE inspections SET company_snapshot = NULL WHERE id = :r", r=made.record)
    loaded = inspections.load_inspection(db, made.record)
    assert loaded.id == made.record and loaded.company_snapshot is None


def test_the_untouched_record_opens_and_verifies(made: Made, altered: tuple[Database, str]) -> None:
    db, _ = altered
    assert inspections.load_inspection(db, made.record).id == made.record
    assert verify_signed_record(db, made.record, made.trust).ok


# a signed day of each register: (table, column, the refusal's message code)
SIGNED_DAYS = {
    "ledger": ("day_signoffs", "summary", "ledger.day_altered"),
    "log": ("site_day_signoffs", "record", "site_log.day_altered"),
}


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("register", list(SIGNED_DAYS))
def test_an_altered_signed_day_is_refused_and_fails_verification(
    altered: tuple[Database, str], register: str, value: str, tmp_path: Path
) -> None:
    db, _ = altered
    table, column, code = SIGNED_DAYS[register]
    _sql(db, f"UPDATE {table} SET {column} = :v", v=value)
    if register == "ledger":
        reads = [lambda: ledger.summary_view(db, DAY), lambda: write_summary(db, DAY, json_path=tmp_path / "day.json")]
    else:
        reads = [lambda: write_log_day(db, LOG_DAY, tmp_path / "log.pdf")]
    for read in reads:
        with pytest.raises(KnownError) as refused:
            read()
        assert refused.value.message is not None and refused.value.message.code == code
        assert "outside the application" in refused.value.text("en") and "本程序之外" in refused.value.text("zh")
    checks = verify_day(db, DAY) if register == "ledger" else verify_log_day(db, LOG_DAY)
    assert [c.ok for c in checks] == [False] and f"{table} row 1: {column}" in checks[0].what_en, checks
    assert f"“{table}”第 1 行的“{column}”列无法读取" in checks[0].what_zh, checks
    assert not wrong_words(checks[0].what_zh, "zh"), checks


@pytest.mark.parametrize("value", VALUES)
def test_altered_canteen_settings_start_again_from_the_defaults(
    made: Made, altered: tuple[Database, str], value: str
) -> None:
    db, _ = altered
    site = inspections.load_inspection(db, made.record).site_id
    assert canteen.load_canteen_settings(db, site) is not None
    _sql(db, "UPDATE canteen_plans SET settings = :v", v=value)
    assert canteen.load_canteen_settings(db, site) is None


@pytest.mark.parametrize("value", VALUES)
def test_an_altered_import_mapping_is_forgotten_not_followed(altered: tuple[Database, str], value: str) -> None:
    db, _ = altered
    header = ["姓名", "体温", "时间"]
    assert ledger_import.import_sources(db) == {"东门测温门": {"name": "姓名", "temperature": "体温", "time": "时间"}}
    _sql(db, "UPDATE import_mappings SET mapping = :v", v=value)
    assert ledger_import.import_sources(db) == {}
    assert ledger_import.suggested_mapping(db, header, "东门测温门") == {
        "name": "姓名",
        "temperature": "体温",
        "time": "时间",
    }  # found by the headers, as for a new source


@pytest.mark.parametrize("value", VALUES)
def test_an_altered_retention_run_is_listed_with_its_counts_unknown(altered: tuple[Database, str], value: str) -> None:
    db, _ = altered
    assert [(r.readings, r.observations) for r in ledger_retention.retention_runs(db)] == [(3, 1)]
    _sql(db, "UPDATE retention_runs SET removed = :v", v=value)
    runs = ledger_retention.retention_runs(db)
    assert len(runs) == 1 and runs[0].altered and (runs[0].readings, runs[0].observations) == (0, 0)


# PostgreSQL: a json column refuses invalid JSON, but takes any shape.


@pytest.fixture(scope="module")
def pg_made(tmp_path_factory: pytest.TempPathFactory, pg_available: bool) -> Iterator[tuple[str, int]]:
    if not pg_available:
        pytest.skip("FUGONG_SKIP_POSTGRES=1")
    from tests.conftest import fresh_pg_database

    databases = fresh_pg_database(copy_of_the_migrated_template=True)
    url = next(databases)
    db = open_database(url)
    try:
        record, version = helpers.answered(db)
        inspections.complete(db, "officer", record, version)
    finally:
        db.close()
    yield url, record
    databases.close()


@pytest.mark.postgres
@pytest.mark.parametrize("value", WRONG_SHAPES)
@pytest.mark.parametrize(("table", "column", "where"), RECORD_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in RECORD_COLUMNS])
def test_a_wrong_shape_on_postgresql_is_refused_and_fails_verification(
    pg_made: tuple[str, int], table: str, column: str, where: str, value: str
) -> None:
    from storage.verification import verify_record

    url, record = pg_made
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            kept = connection.execute(
                text(f"SELECT id, CAST({column} AS text) FROM {table} WHERE {where}"), {"record": record}
            ).all()
        try:
            _sql(db, f"UPDATE {table} SET {column} = CAST(:v AS json) WHERE {where}", v=value, record=record)
            assert record in [row.id for row in list_inspections(db)]
            list_item_results(db, final=None)
            _refused_as_altered(db, record)
            check = verify_record(db, record)
            assert not check.ok and any(table in e and column in e for ok, e, _ in check.results if not ok), check
        finally:
            for row_id, stored in kept:
                _sql(db, f"UPDATE {table} SET {column} = CAST(:v AS json) WHERE id = :i", v=stored, i=row_id)
        assert inspections.load_inspection(db, record).id == record
    finally:
        db.close()


def test_every_json_column_has_its_shape_named() -> None:
    """A JSON column added later is read with the shape it is written in (storage.stored_json.SHAPES), or this
    fails; and a column named there exists."""
    from sqlalchemy import JSON

    from storage import stored_json
    from storage.models import Base

    columns = {
        (table.name, column.name)
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, JSON)
    }
    assert columns == set(stored_json.SHAPES)
