"""Restore takes only a complete, current, verified 复工自查 database; a foreign database is never changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storage import listing
from storage.backup import backup, restore
from storage.db import open_database
from storage.errors import ForeignDatabaseError, InvalidInputError
from tests.storage import helpers


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backup")
    db = open_database(f"sqlite:///{folder / 'live.sqlite3'}")
    helpers.completed(db)
    target = folder / "good.sqlite3"
    backup(db, target)
    db.close()
    return target


def _variant(good: Path, tmp_path: Path, *statements: str) -> Path:
    path = tmp_path / "variant.sqlite3"
    shutil.copy(good, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    return path


LOOK_ALIKE = (
    "CREATE TABLE IF NOT EXISTS alembic_version (version_num TEXT)",
    "CREATE TABLE IF NOT EXISTS inspections (id INTEGER, status TEXT)",
    "CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER)",
)


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (("UPDATE alembic_version SET version_num = '9999'",), "schema revision 9999"),
        (("UPDATE alembic_version SET version_num = '0004'",), "schema revision 0004"),
        (("DELETE FROM alembic_version",), "schema revision none"),
        (("DROP TABLE users",), "tables users are missing"),
        (("DROP TABLE dormitory_rooms", "DROP TABLE corrective_actions"), "are missing"),
        (("UPDATE item_responses SET note = '签署后改过' WHERE item_id = 'GN-01'",), "was changed after"),
        (("UPDATE inspections SET date = '2020-01-01'",), "was changed after"),
        (("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2",), "audit trail of the backup is broken"),
        (("DELETE FROM audit_log WHERE seq = 3",), "audit trail of the backup is broken"),
        (("UPDATE inspections SET date = 'not a date'",), "cannot be read as a 复工自查 database"),
    ],
)
def test_restore_refuses_and_keeps_the_live_database(
    good_backup: Path, tmp_path: Path, statements: tuple[str, ...], message: str
) -> None:
    source = _variant(good_backup, tmp_path, *statements)
    live_path = tmp_path / "live.sqlite3"
    live = open_database(f"sqlite:///{live_path}")
    helpers.draft(live)
    before = listing.count_inspections(live)
    with pytest.raises(InvalidInputError) as refused:
        restore(live, source)
    assert message in str(refused.value) and "nothing was restored" in str(refused.value), str(refused.value)
    assert "没有恢复任何内容" in refused.value.message_zh
    assert listing.count_inspections(live) == before
    assert not list(tmp_path.glob("live.before-restore-*"))
    live.close()


def test_look_alike_and_foreign_files_are_refused(tmp_path: Path) -> None:
    live = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    look_alike = tmp_path / "look.sqlite3"
    connection = sqlite3.connect(look_alike)
    for statement in LOOK_ALIKE:
        connection.execute(statement)
    connection.execute("INSERT INTO alembic_version VALUES ('0005')")
    connection.commit()
    connection.close()
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    for source, message in ((look_alike, "incomplete"), (text, "not an SQLite database"), (tmp_path / "no", "exist")):
        with pytest.raises(InvalidInputError, match=message):
            restore(live, source)
    live.close()


def test_a_good_backup_restores(good_backup: Path, tmp_path: Path) -> None:
    live = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    kept = restore(live, good_backup)
    assert kept.exists()
    again = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    assert listing.count_inspections(again) == 1
    again.close()


def test_a_foreign_database_is_never_migrated(tmp_path: Path) -> None:
    path = tmp_path / "someone-elses.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO recipes (name) VALUES ('饺子')")
    connection.commit()
    connection.close()
    original = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="not a 复工自查 database") as refused:
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == original  # not even switched to WAL mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["someone-elses.sqlite3"]
    assert "recipes" in str(refused.value) and "未作任何改动" in refused.value.message_zh
    connection = sqlite3.connect(path)
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    rows = connection.execute("SELECT name FROM recipes").fetchall()
    connection.close()
    assert tables == ["recipes"] and rows == [("饺子",)]


@pytest.mark.postgres
@pytest.mark.real_migrations
def test_a_foreign_postgres_database_is_never_migrated(db_url: str) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id INTEGER PRIMARY KEY, amount NUMERIC)"))
    with pytest.raises(ForeignDatabaseError, match="payroll"):
        open_database(db_url)
    assert inspect(engine).get_table_names() == ["payroll"]
    engine.dispose()


def test_an_empty_database_is_still_set_up(tmp_path: Path) -> None:
    (tmp_path / "new.sqlite3").touch()  # an empty file, as a fresh installation or an administrator leaves it
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert listing.count_inspections(db) == 0
    db.close()
