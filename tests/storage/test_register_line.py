"""``inspections.put_register_line``: how every register (health ledger, disinfection log, isolation area) puts
its evidence into a draft's item — the one line of the note with its prefix replaced, only the measurements
the item asks for, the officer's own result and override reason kept; an item the inspection lacks refused in
words with nothing written."""

from __future__ import annotations

import pytest

from checklist.evaluation import Answer, Result
from storage import inspections
from storage.db import open_database
from storage.errors import NotFoundError
from tests.storage import helpers


def test_the_line_is_replaced_the_asked_measurements_stored_and_the_officers_answer_kept(db_url: str) -> None:
    db = open_database(db_url)
    try:
        inspection_id, version = helpers.draft(db, ("GN",))
        officer = Answer(Result.PASS, {"checks_per_day": 2}, "夜班另有记录", "抽查 3 人\n【台账】旧的一行")
        version = inspections.save_answer(db, "officer", inspection_id, version, "GN-01", officer)
        version = inspections.put_register_line(
            db,
            "officer",
            inspection_id,
            version,
            "GN-01",
            "【台账】",
            "上下午各测 1 次",
            {"checks_per_day": 1, "not_an_input_of_gn01": 7},
        )
        stored = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-01"]
        assert stored.note == "抽查 3 人\n【台账】上下午各测 1 次"  # the old line replaced, the officer's kept
        assert stored.measurements == {"checks_per_day": 1}  # what GN-01 does not ask for is left out
        assert stored.result == "pass" and stored.override_reason == "夜班另有记录"
        assert inspections.load_inspection(db, inspection_id).version == version
    finally:
        db.close()


def test_an_item_the_inspection_lacks_is_refused_in_both_languages_and_nothing_is_written(db_url: str) -> None:
    db = open_database(db_url)
    try:
        inspection_id, version = helpers.draft(db, ("GN",))
        with pytest.raises(NotFoundError) as refused:
            inspections.put_register_line(db, "officer", inspection_id, version, "BJHQ-2", "【台账】", "一行")
        assert str(refused.value) == f"inspection {inspection_id} has no item BJHQ-2"
        assert refused.value.message_zh == f"检查记录 #{inspection_id} 没有条目 BJHQ-2"
        assert inspections.load_inspection(db, inspection_id).version == version
    finally:
        db.close()
