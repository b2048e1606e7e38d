"""What the 每日汇总 page reads (:func:`storage.ledger.summary_view`): the counts and the first page of each list of
a day not signed off — the headline counting every flagged person even when the list is cut for the page — and
the signed record of a signed day, on both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from checklist.ledger import HalfDay
from export.ledger_reports import sign_day, summary_record
from storage import ledger, roster
from storage.db import Database, open_database
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME, keepers

pytestmark = pytest.mark.postgres

PASSWORD = "correct horse 1"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """张三 and 李四 with a fever morning and afternoon, 王五 checked in the morning only, 赵六 not at all."""
    database = open_database(db_url)
    keepers(database, PASSWORD)
    ids = [roster.add_employee(database, "张安全", {"name": name}) for name in ("张三", "李四", "王五", "赵六")]
    morning = [
        ledger.ReadingEntry(ids[0], "38.2"),
        ledger.ReadingEntry(ids[1], "38.0"),
        ledger.ReadingEntry(ids[2], "36.5"),
    ]
    afternoon = [ledger.ReadingEntry(ids[0], "38.4"), ledger.ReadingEntry(ids[1], "37.9")]
    ledger.enter_readings(database, "张安全", DAY, HalfDay.MORNING, morning, now_local=MORNING_TIME)
    ledger.enter_readings(database, "张安全", DAY, HalfDay.AFTERNOON, afternoon, now_local=EVENING_TIME)
    yield database
    database.close()


def test_a_day_not_signed_shows_the_counts_and_a_page_of_each_list(db: Database) -> None:
    view = ledger.summary_view(db, DAY, page=1)
    summary = view.summary
    assert summary is not None and view.signed is None and view.signed_by is None
    assert (summary.headcount, summary.checked_morning, summary.checked_afternoon) == (4, 3, 2)
    assert summary.missing_count == 2 and [m.name for m in summary.missing] == ["王五"]
    assert view.flagged_total == 4 and [r.name for r in summary.flagged] == ["张三"]
    # the headline counts both people with a fever, not the one the page lists
    assert "发热或有症状 2 人" in summary.headline()[0] and "2 with fever" in summary.headline()[1]
    whole = ledger.summary_view(db, DAY).summary
    assert whole is not None and len(whole.flagged) == 4 and whole.headline() == summary.headline()
    # the page's headline is the exported record's
    assert summary.headline()[0] == summary_record(db, DAY)["headline_zh"]
    second = ledger.flagged_readings(db, DAY, offset=1, limit=1)
    assert second.total == 4 and [(r.name, r.half) for r in second.rows] == [("张三", HalfDay.AFTERNOON)]


def test_a_signed_day_shows_its_signed_record(db: Database) -> None:
    sign_day(db, DAY, "张安全", PASSWORD)
    view = ledger.summary_view(db, DAY)
    assert view.summary is None and view.signed_by == "张安全" and view.signed_at is not None
    assert view.signed == ledger.sealed_day(db, DAY).summary
    assert view.signed is not None and [m["name"] for m in view.signed["missing"]] == ["王五", "赵六"]


def test_a_page_is_one_to_the_page_maximum(db: Database) -> None:
    from storage.errors import InvalidInputError

    with pytest.raises(InvalidInputError):
        ledger.summary_view(db, DAY, page=0)


def test_counts_changed_by_hand_are_told_from_the_readings_and_the_view_counts_those(db: Database) -> None:
    from sqlalchemy import text

    assert ledger.recounted_day(db, DAY) == ((3, 2, 2), (3, 2, 2))
    with db.engine.begin() as connection:  # 王五's afternoon made to look taken
        connection.execute(
            text("UPDATE reading_day_counts SET afternoon = afternoon + 1, complete = complete + 1 WHERE day = :d"),
            {"d": DAY.toordinal()},
        )
    kept, counted = ledger.recounted_day(db, DAY)
    assert kept == (3, 3, 3) and counted == (3, 2, 2)
    trusting = ledger.summary_view(db, DAY).summary
    assert trusting is not None and trusting.missing_count == 1  # what the kept counts say
    recounted = ledger.summary_view(db, DAY, counted=counted).summary
    assert recounted is not None and recounted.missing_count == 2 and recounted.checked_afternoon == 2
    assert [m.name for m in recounted.missing] == ["王五", "赵六"]
    # the page's next pages of the missing list, with the readings' counts and with the kept ones
    assert ledger.missing_readings(db, DAY, offset=1, limit=1).rows == []
    honest = ledger.missing_readings(db, DAY, offset=1, limit=1, counted=counted)
    assert honest.total == 2 and [m.name for m in honest.rows] == ["赵六"]
    assert ledger.recounted_day(db, DAY + dt.timedelta(days=1)) == ((0, 0, 0), (0, 0, 0))
