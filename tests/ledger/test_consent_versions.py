"""Notice versions are versions, not text (10 > 9, 1.10 > 1.9, 1 = 1.0), checked on input with one bilingual
sentence, and the notice in force is a manager's setting: audited, and everyone whose consent is to an older
version is then shown as needing consent again. Core only, no Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select

from checklist.ledger import (
    ConsentState,
    HalfDay,
    LedgerError,
    consent_state,
    newest_notice_version,
    normalise_notice_version,
    notice_at_least,
    notice_version_key,
)
from storage import ledger, roster
from storage.db import Database
from storage.errors import InvalidInputError, PermissionDeniedError
from storage.ledger_models import ConsentRecord
from storage.models import AuditEntry
from tests.ledger.helpers import people

TODAY = dt.date(2026, 11, 30)

numbers = st.lists(st.integers(min_value=0, max_value=999_999), min_size=1, max_size=4)


def _significant(parts: list[int]) -> tuple[int, ...]:
    kept = list(parts)
    while len(kept) > 1 and kept[-1] == 0:
        kept.pop()
    return tuple(kept)


@st.composite
def written(draw: st.DrawFn, parts: list[int]) -> str:
    """``parts`` written as a user might: dots or hyphens, leading zeros, full-width digits, spaces around."""
    pieces = []
    for number in parts:
        text = str(number)
        text = "0" * draw(st.integers(0, 6 - len(text))) + text
        if draw(st.booleans()):
            text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        pieces.append(text)
    out = pieces[0]
    for piece in pieces[1:]:
        out += draw(st.sampled_from([".", "-", "．"])) + piece
    return " " * draw(st.integers(0, 2)) + out


@given(st.data(), numbers, numbers)
def test_versions_order_as_their_numbers_never_as_text(data: st.DataObject, a: list[int], b: list[int]) -> None:
    first, second = data.draw(written(a)), data.draw(written(b))
    assert notice_version_key(first) == _significant(a)
    assert notice_at_least(first, second) == (_significant(a) >= _significant(b))
    assert notice_at_least(second, first) == (_significant(b) >= _significant(a))
    newest = newest_notice_version([first, second])
    assert newest is not None and notice_version_key(newest) == max(_significant(a), _significant(b))


@given(numbers)
def test_a_normalised_version_reads_back_as_the_same_version(parts: list[int]) -> None:
    text = ".".join(str(n) for n in parts)
    assert normalise_notice_version(text) == text and notice_version_key(text) == _significant(parts)


@pytest.mark.parametrize(
    ("older", "newer"),
    [("9", "10"), ("1.9", "1.10"), ("2", "2020-02"), ("2020-02", "2020-11"), ("2020-12", "2021-1"), ("1.0", "1.0.1")],
)
def test_the_orderings_text_gets_wrong(older: str, newer: str) -> None:
    assert notice_at_least(newer, older) and not notice_at_least(older, newer)
    assert newest_notice_version([newer, older]) == newer and newest_notice_version([older, newer]) == newer
    assert consent_state([older], newer) is ConsentState.OUTDATED
    assert consent_state([older, newer], newer) is ConsentState.CURRENT
    assert consent_state([newer], older) is ConsentState.CURRENT
    assert consent_state([], older) is ConsentState.NONE


def test_equal_versions_written_differently() -> None:
    assert notice_at_least("1", "1.0") and notice_at_least("1.0.0", "1")
    assert notice_at_least("2020-2", "2020.02") and notice_at_least("２０２０－０２", "2020-2")


@pytest.mark.parametrize("text", ["v2", "第二版", "1..2", "1.2.3.4.5", "1234567", "2a", "1.", "-1", "1,2", "1 2"])
def test_a_text_that_is_not_a_version_is_refused_in_one_sentence_each_language(text: str) -> None:
    with pytest.raises(LedgerError) as refused:
        normalise_notice_version(text)
    assert refused.value.field == "notice_version"
    assert refused.value.message_zh.count("。") == 0 and "不是版本号" in refused.value.message_zh
    assert "1、1.2 或 2020-02" in refused.value.message_zh
    assert "is not a version number" in refused.value.message_en and "1, 1.2 or 2020-02" in refused.value.message_en
    assert notice_version_key(text) is None  # a record of such a text (made before versions were checked)…
    assert not notice_at_least(text, "1") and not notice_at_least("1", text)  # …covers nothing


def test_a_consent_with_a_version_that_is_not_one_is_refused(db: Database) -> None:
    ids = people(db)
    with pytest.raises(InvalidInputError) as refused:
        roster.record_consent(db, "officer", ids["张三"], TODAY, "第二版", today=TODAY)
    assert refused.value.message_zh == (
        "告知书版本“第二版”不是版本号：请写以点或连字符分隔的数字，如 1、1.2 或 2020-02；没有修改任何数据"
    )
    assert str(refused.value).startswith("Notice version “第二版” is not a version number")
    with db.session() as session:
        assert session.scalars(select(ConsentRecord)).all() == []


def test_the_same_version_written_differently_corrects_the_date(db: Database) -> None:
    ids = people(db)
    first = roster.record_consent(db, "officer", ids["张三"], dt.date(2026, 11, 2), "1.0", today=TODAY)
    assert roster.record_consent(db, "officer", ids["张三"], dt.date(2026, 11, 3), " 1 ", today=TODAY) == first
    assert [(r.notice_version, r.consented_on) for r in roster.consent_records(db, ids["张三"])] == [
        ("1.0", dt.date(2026, 11, 3))
    ]


def test_consent_to_9_does_not_cover_notice_10_but_consent_to_10_covers_9(db: Database) -> None:
    ids = people(db)
    roster.record_consent(db, "officer", ids["张三"], dt.date(2026, 11, 2), "9", today=TODAY)
    roster.record_consent(db, "officer", ids["李四"], dt.date(2026, 11, 2), "10", today=TODAY)
    roster.record_consent(db, "officer", ids["王五"], dt.date(2026, 11, 2), "9", today=TODAY)
    roster.record_consent(db, "officer", ids["王五"], dt.date(2026, 11, 3), "10", today=TODAY)
    roster.set_notice(db, "boss", "9")
    assert roster.get_employee(db, ids["张三"]).consent_current
    assert roster.get_employee(db, ids["李四"]).consent_current
    roster.set_notice(db, "boss", "10")
    zhang, li, wang = (roster.get_employee(db, ids[n]) for n in ("张三", "李四", "王五"))
    assert (zhang.consent_version, zhang.consent_current) == ("9", False)  # text would have said "9" > "10"
    assert (li.consent_version, li.consent_current) == ("10", True)
    assert (wang.consent_version, wang.consent_current) == ("10", True)  # the newest by version, not by text
    lacking = roster.list_employees(db, without_consent_to="10")
    assert [p.name for p in lacking.rows] == ["张三", "赵六", "孙七"] and lacking.total == 3
    assert roster.list_employees(db, without_consent_to="9.5").total == 3
    assert roster.list_employees(db, without_consent_to="9").total == 2
    assert roster.needing_consent(db) == 3


def test_a_record_older_than_version_checks_counts_as_needing_consent_again(db: Database) -> None:
    ids = people(db)
    with db.session() as session, session.begin():
        session.execute(
            insert(ConsentRecord).values(
                employee_id=ids["张三"],
                consented_on=TODAY,
                notice_version="A版",
                purpose="epidemic_control",
                recorded_by="officer",
            )
        )
    person = roster.get_employee(db, ids["张三"])
    assert (person.consent_version, person.consent_current) == ("A版", False)
    assert roster.needing_consent(db) == 5


def test_only_a_manager_sets_the_notice_and_it_is_audited(db: Database) -> None:
    ids = people(db)
    roster.record_consent(db, "officer", ids["张三"], TODAY, "1.0", today=TODAY)
    assert roster.current_notice(db) == roster.NoticeView("1.0", "")
    assert roster.needing_consent(db) == 4
    for who in ("officer", "auditor"):
        with pytest.raises(PermissionDeniedError):
            roster.set_notice(db, who, "2")
    with pytest.raises(InvalidInputError) as refused:
        roster.set_notice(db, "boss", "v2")
    assert "不是版本号" in refused.value.message_zh and "没有修改任何数据" in refused.value.message_zh
    with pytest.raises(InvalidInputError, match="control characters"):
        roster.set_notice(db, "boss", "2", "见员工手册\x1b[2J")
    with pytest.raises(InvalidInputError, match="longer than 20000"):
        roster.set_notice(db, "boss", "2", "字" * 20_001)
    assert roster.current_notice(db) == roster.NoticeView("1.0", "")

    assert roster.set_notice(db, "boss", "２．０", "见《员工手册》第 5 章（2020 年 3 月版）") == roster.NoticeView(
        "2.0", "见《员工手册》第 5 章（2020 年 3 月版）"
    )
    assert roster.current_notice(db).version == "2.0" and ledger.get_settings(db).notice_version == "2.0"
    assert not roster.get_employee(db, ids["张三"]).consent_current
    assert roster.needing_consent(db) == 5
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "ledger_settings").order_by(AuditEntry.id)
        ).all()
    assert entries[-1].actor == "boss" and entries[-1].at is not None
    assert entries[-1].old is not None and entries[-1].new is not None
    assert entries[-1].old["notice_version"] == "1.0" and entries[-1].new["notice_version"] == "2.0"
    assert entries[-1].new["notice_text"] == "见《员工手册》第 5 章（2020 年 3 月版）"
    roster.record_consent(db, "officer", ids["张三"], TODAY, "2", today=TODAY)
    assert roster.get_employee(db, ids["张三"]).consent_current and roster.needing_consent(db) == 4


def test_consent_needed_again_blocks_no_reading(db: Database) -> None:
    """The core's decision: an outdated consent is shown, and the twice-daily check still goes in (GN 一)."""
    ids = people(db)
    roster.record_consent(db, "officer", ids["张三"], TODAY, "1.0", today=TODAY)
    roster.set_notice(db, "boss", "2")
    entry = [ledger.ReadingEntry(ids["张三"], "36.5")]
    ledger.enter_readings(db, "officer", TODAY, HalfDay.MORNING, entry, now_local=dt.datetime(2026, 11, 30, 9))
    assert ledger.day_grid(db, TODAY, search="张三").rows[0].morning is not None
