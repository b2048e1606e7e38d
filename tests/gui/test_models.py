"""Every item model passes Qt's model tester; the inspections list handles a large history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from checklist.catalog import official_catalogs
from checklist.evaluation import Answer, Result, evaluate_inspection
from desktop.audit.models import AuditRecordsModel, AuditTrailModel, RecordColumn, RecordRow, TrailColumn, TrailRow
from desktop.editor.inspection import EvidenceInfo
from desktop.editor.navigator import ItemIdRole, NavigatorModel
from desktop.editor.photos import EvidenceModel
from desktop.editor.rooms import RoomColumn, RoomTableModel, room_verdicts
from desktop.editor.signatures import SignatureColumn, SignatureRow, SignaturesModel
from desktop.editor.summary import SectionCounts, SectionCountsModel
from desktop.inspections.model import Column, InspectionFilterProxy, InspectionTableModel
from desktop.inspections.view import InspectionsPage
from tests.gui.helpers import make_photo
from tests.samples import inspection_history

ROOMS = [
    {
        "name": "A101",
        "area_m2": 18.0,
        "occupants": 6,
        "location": "above_ground",
        "has_window": True,
        "bunk_beds": False,
    },
    {"name": "B1", "area_m2": 8.0, "occupants": 2, "location": "underground", "has_window": False, "bunk_beds": True},
]


def test_inspection_models(qtmodeltester: ModelTester) -> None:
    model = InspectionTableModel()
    model.set_rows(inspection_history(50))
    qtmodeltester.check(model)
    proxy = InspectionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status("draft")
    proxy.set_text("企业1")
    qtmodeltester.check(proxy)
    proxy.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_navigator_model(qtmodeltester: ModelTester) -> None:
    catalogs = list(official_catalogs().values())[:2]
    evaluation = evaluate_inspection(catalogs, {"GN-01": Answer(Result.FAIL)}, ROOMS)
    model = NavigatorModel()
    model.set_catalogs(catalogs, evaluation.outcomes)
    qtmodeltester.check(model)
    index = model.index_of_item("GN-01")
    assert index.data(ItemIdRole) == "GN-01"
    assert model.parent(index).data().startswith("一、")
    model.set_outcomes(evaluation.outcomes)
    qtmodeltester.check(model)


def test_the_navigator_counts_follow_new_outcomes() -> None:
    """A catalog row's count and colour are worked out once per set of outcomes (the view asks for them on
    every paint) and follow each new set."""
    catalog = next(iter(official_catalogs().values()))
    total = len(catalog.items)
    model = NavigatorModel()

    def shown(answers: dict[str, Answer]) -> tuple[str, bool]:
        """The catalog row's count and whether it is red, after these answers; checked against the outcomes."""
        outcomes = evaluate_inspection([catalog], answers, ROOMS).outcomes
        model.set_outcomes(outcomes)
        answered = sum(1 for item in catalog.items if outcomes[item.id].result is not None)
        row = model.index(0, 1)
        assert row.data() == f"{answered}/{total}"
        return row.data(), row.data(Qt.ItemDataRole.ForegroundRole) is not None

    unanswered = evaluate_inspection([catalog], {}, ROOMS).outcomes
    model.set_catalogs([catalog], unanswered)
    before, red = shown({})
    assert not red
    first, second = [item.id for item in catalog.items if unanswered[item.id].result is None][:2]
    answers = {first: Answer(Result.PASS), second: Answer(Result.FAIL)}
    after, red = shown(answers)
    assert red and after != before
    assert model.index_of_item(second).siblingAtColumn(1).data() == "不合格"
    again, red = shown({first: Answer(Result.PASS)})
    assert not red and again not in (before, after)


def test_room_model(qtmodeltester: ModelTester) -> None:
    catalogs = list(official_catalogs().values())[:2]
    evaluation = evaluate_inspection(catalogs, {}, ROOMS)
    model = RoomTableModel()
    model.set_rows(ROOMS)
    items = [("GN-07", evaluation.outcomes["GN-07"].findings), ("BJHQ-3", evaluation.outcomes["BJHQ-3"].findings)]
    model.set_verdict_columns([item for item, _ in items])
    model.set_verdicts(room_verdicts(ROOMS, items, evaluation.room_errors))
    qtmodeltester.check(model)
    assert model.index(1, len(RoomColumn) + 1).data().startswith("不合格")  # underground, 2 people, bunk beds
    assert model.setData(model.index(0, RoomColumn.OCCUPANTS), 4)
    assert model.rows()[0]["occupants"] == 4


def test_evidence_and_summary_models(qtmodeltester: ModelTester, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = make_photo(tmp_path / "p.png").read_bytes()
    evidence = EvidenceModel()
    evidence.set_evidence(
        [
            EvidenceInfo(1, "GN-03", "p.png", "image/png", photo),
            EvidenceInfo(2, "GN-03", "a.pdf", "application/pdf", b"%PDF"),
        ]
    )
    qtmodeltester.check(evidence)
    assert not evidence.index(0).data(Qt.ItemDataRole.DecorationRole).isNull()
    counts = SectionCountsModel()
    counts.set_rows([SectionCounts("GN", "一、加强员工健康监测", 1, 1, 0, 0), SectionCounts("BJHQ", "三", 0, 0, 1, 2)])
    qtmodeltester.check(counts)


def test_signature_and_audit_models(qtmodeltester: ModelTester) -> None:
    signed_at = dt.datetime(2020, 3, 2, 8, 30, 5)
    signatures = SignaturesModel()
    signatures.set_rows(
        [
            SignatureRow("张伟", "officer", "inspector", signed_at, "a" * 64, True),
            SignatureRow("王经理", "manager", "approver", signed_at, "a" * 64, False),
        ]
    )
    qtmodeltester.check(signatures)
    assert signatures.index(1, SignatureColumn.MEANING).data() == "单位主要负责人审核"
    assert signatures.index(0, SignatureColumn.UTC).data() == "2020-03-02 08:30:05 UTC"

    records = AuditRecordsModel()
    records.set_rows(
        [
            RecordRow(1, "企业 / 场所", dt.date(2020, 3, 2), "张伟", "signed", ("inspector", "approver")),
            RecordRow(2, "企业", dt.date(2020, 3, 3), "张伟", "signed", ("inspector",)),
            RecordRow(3, "企业", dt.date(2020, 3, 4), "张伟", "draft", ()),
        ]
    )
    qtmodeltester.check(records)
    records.set_check(2, False)
    qtmodeltester.check(records)
    assert [records.index(r, RecordColumn.SIGNATURES).data() for r in range(3)] == [
        "已审核（检查人 + 单位主要负责人）",
        "检查人已签署，待审核",
        "未签署",
    ]
    assert records.index(1, RecordColumn.CHECK).data() == "验证失败"

    trail = AuditTrailModel()
    at = dt.datetime(2020, 3, 2, 8, 0, 0)
    trail.set_rows(
        [
            TrailRow(1, at, "张伟", "insert", "inspections", 1, None, {"id": 1, "status": "draft"}, ""),
            TrailRow(2, at, "张伟", "update", "item_responses", 7, {"result": None}, {"result": "pass"}, ""),
            TrailRow(3, at, "张伟", "sign", "inspections", 1, None, {"record_hash": "b" * 64}, "以检查人身份签署"),
        ]
    )
    trail.set_broken(2)
    qtmodeltester.check(trail)
    assert trail.index(1, TrailColumn.CHANGE).data() == "结果：— → 合格"
    assert trail.index(2, TrailColumn.CHANGE).data() == "记录哈希＝bbbbbbbbbbbb…"
    assert trail.index(0, TrailColumn.CHANGE).data() == "状态＝草稿"
    # The entries store what changed, not a sentence: the same entries read in English for an English reader.
    from desktop.common import i18n

    i18n.install_language(i18n.ENGLISH)
    assert trail.index(0, TrailColumn.CHANGE).data() == "status=draft"
    assert trail.index(1, TrailColumn.CHANGE).data() == "result: — → pass"
    i18n.install_language(i18n.CHINESE)
    assert trail.index(1, TrailColumn.SEQ).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert trail.index(0, TrailColumn.SEQ).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_large_history_is_shown_sorted_and_filtered(qtbot: QtBot) -> None:
    """50 000 inspections: all shown, sorted by place, filtered by status and typed text. How fast this is
    is measured in bench/bench_list.py, not here."""
    rows = inspection_history(50_000)
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.set_rows(rows)
    assert page.proxy.rowCount() == 50_000
    page.table.sortByColumn(Column.PLACE, Qt.SortOrder.AscendingOrder)
    places = [(row.company, row.site) for row in (page.proxy.row_at(r) for r in range(page.proxy.rowCount()))]
    assert places == sorted(places) and places[0] != places[-1]
    page.status_filter.setCurrentIndex(1)
    qtbot.keyClicks(page.text_filter, "12")
    expected = {
        row.id
        for row in rows
        if row.sign_off == "draft" and "12" in f"{row.id} {row.company} {row.site} {row.inspector}".casefold()
    }
    shown = {page.proxy.row_at(r).id for r in range(page.proxy.rowCount())}
    assert shown == expected and len(expected) > 100


def test_the_selection_follows_its_inspection_through_sorting_and_filtering(qtbot: QtBot) -> None:
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.show()
    page.set_rows(inspection_history(300))
    assert page.select_id(120)
    page.table.sortByColumn(Column.PLACE, Qt.SortOrder.AscendingOrder)
    assert page.selected_id() == 120
    page.table.sortByColumn(Column.ID, Qt.SortOrder.DescendingOrder)
    assert page.selected_id() == 120 and page.proxy.row_at(0).id == 300
    qtbot.keyClicks(page.text_filter, "12")  # 120 stays in, at another row
    assert page.selected_id() == 120 and page.proxy.rowCount() < 300
    qtbot.keyClicks(page.text_filter, "9")  # "129": 120 is filtered out, nothing is selected
    assert page.selected_id() is None
    assert [page.proxy.row_at(r).id for r in range(page.proxy.rowCount())] == [129]
    page.text_filter.clear()
    assert page.proxy.rowCount() == 300 and page.selected_id() is None


def test_accounts_model(qtmodeltester: ModelTester) -> None:
    from desktop.accounts.manage import AccountColumn, AccountRow, AccountsModel

    model = AccountsModel()
    model.set_rows([AccountRow("王经理", "manager", True, True), AccountRow("张三", "officer", True, False)])
    qtmodeltester.check(model)
    assert model.index(1, AccountColumn.STATE).data() == "已停用"
    assert model.index(1, AccountColumn.ROLE).data() == "安全员"
    assert model.index(1, AccountColumn.NAME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, AccountColumn.NAME).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_status_filter_offers_the_stages_the_status_column_shows(qtbot: QtBot) -> None:
    """The column says 待检查人签署 / 待审核签署 / 已审核; the filter offers those and shows the rows that say them."""
    import dataclasses

    from checklist.workflow import InspectionStatus, Meaning

    base = inspection_history(9)
    rows = [
        dataclasses.replace(base[0], id=1, status=InspectionStatus.DRAFT),
        dataclasses.replace(base[1], id=2, status=InspectionStatus.COMPLETED),
        dataclasses.replace(base[2], id=3, status=InspectionStatus.SIGNED, signed=(Meaning.INSPECTOR,)),
        dataclasses.replace(
            base[3], id=4, status=InspectionStatus.SIGNED, signed=(Meaning.INSPECTOR, Meaning.APPROVER)
        ),
    ]
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.set_rows(rows)
    offered = [page.status_filter.itemText(i) for i in range(page.status_filter.count())]
    assert offered == ["全部状态", "草稿", "待检查人签署", "待审核签署", "已审核"]
    for index, expected_id in ((2, 2), (3, 3), (4, 4), (1, 1)):
        page.status_filter.setCurrentIndex(index)
        shown = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
        assert [row.id for row in shown] == [expected_id]
        assert page.proxy.index(0, Column.STATUS).data() == offered[index]
