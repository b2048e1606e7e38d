"""The shipped catalogs: complete, cited, and checked against the source texts."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from checklist.catalog import OFFICIAL_ORDER, ResponseType, catalog_version, official_catalogs
from checklist.rules import RULES
from checklist.texts import HEADER_LINES, cited_passage, shipped_texts, text_of


@pytest.fixture(scope="module")
def catalogs():  # type: ignore[no-untyped-def]
    return official_catalogs()


def test_all_six_catalogs_ship_in_order(catalogs) -> None:  # type: ignore[no-untyped-def]
    assert tuple(catalogs) == OFFICIAL_ORDER


@pytest.mark.parametrize(
    ("catalog_id", "expected"),
    [
        ("GN", [f"GN-{n:02d}" for n in range(1, 17)]),
        ("BJTG", [f"BJTG-{n:02d}" for n in range(1, 13)]),
        ("BJHQ", [f"BJHQ-{n}" for n in range(1, 7)]),
        ("NHC", [f"NHC-{n}" for n in range(1, 7)]),
    ],
)
def test_numbered_items_are_all_there(catalogs, catalog_id: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    ids = [item.id for item in catalogs[catalog_id].items]
    for item_id in expected:
        assert item_id in ids
    if catalog_id == "GN":
        assert ids == expected  # exactly the sixteen items （一）…（十六）


def test_gn_items_follow_the_numbered_clauses(catalogs) -> None:  # type: ignore[no-untyped-def]
    numerals = [
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "十三",
        "十四",
        "十五",
        "十六",
    ]
    for item, numeral in zip(catalogs["GN"].items, numerals, strict=True):
        assert item.clause_zh.endswith(f"（{numeral}）"), item.id


def test_every_item_is_cited_and_bilingual(catalogs) -> None:  # type: ignore[no-untyped-def]
    for catalog in catalogs.values():
        assert catalog.document.date.year == 2020
        for item in catalog.items:
            assert item.clause_zh and item.clause_en and item.source_lines
            assert re.search(r"[\u4e00-\u9fff]", item.requirement_zh), item.id
            assert re.search(r"[A-Za-z]", item.requirement_en), item.id
            assert item.guidance_zh and item.guidance_en


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_requirements_quote_the_cited_lines(catalogs) -> None:  # type: ignore[no-untyped-def]
    """Each requirement's quoted fragments stand in the shipped official text at (or right around) its cited
    lines; the texts are package data, so this needs nothing outside the repository."""
    for catalog in catalogs.values():
        lines = text_of(catalog.document.source).lines
        for item in catalog.items:
            first, _, last = item.source_lines.partition("-")
            start, end = int(first), int(last or first)
            assert HEADER_LINES < start <= end <= len(lines), f"{item.id}: lines {item.source_lines} outside the text"
            window = _squash("".join(lines[max(HEADER_LINES, start - 4) : end + 3]))
            fragments = [f for f in re.split(r"……|…", _squash(item.requirement_zh)) if len(f) >= 6]
            assert fragments, item.id
            # Sub-items and the 六个到位 append a short label of their own; the first fragment is quoted.
            assert fragments[0][:12] in window, f"{item.id}: {fragments[0][:12]!r} not at lines {item.source_lines}"


def test_numeric_rules_are_attached_where_the_sources_put_them(catalogs) -> None:  # type: ignore[no-untyped-def]
    gn, bjhq, bjtg = catalogs["GN"], catalogs["BJHQ"], catalogs["BJTG"]
    assert "dormitory.gn" in gn.item("GN-07").rules
    assert gn.item("GN-07").response is ResponseType.TABLE
    assert "temperature.twice_daily" in gn.item("GN-01").rules
    assert "dormitory.beijing" in bjhq.item("BJHQ-3").rules
    assert {"temperature.morning_afternoon", "observation.14_days"} <= set(bjhq.item("BJHQ-2").rules)
    assert "dormitory.beijing" in bjtg.item("BJTG-08").rules
    assert "attendance.half" in bjtg.item("BJTG-09").rules
    assert "observation.14_days" in bjtg.item("BJTG-03").rules
    used = {rule for c in catalogs.values() for item in c.items for rule in item.rules}
    assert used == set(RULES), "every rule of the engine is used by some item"


def test_limits_in_the_requirement_text_match_the_rules(catalogs) -> None:  # type: ignore[no-untyped-def]
    assert "每间不超过6人，人均不少于2.5平方米" in catalogs["GN"].item("GN-07").requirement_zh
    text = _squash(catalogs["BJHQ"].item("BJHQ-3").requirement_zh)
    for fragment in ("不少于4平方米", "不得超过6人", "不得少于5平方米", "不得超过2人", "不得设置上下床"):
        assert fragment in text
    assert "50%" in _squash(catalogs["BJTG"].item("BJTG-09").requirement_zh)


def test_every_cited_document_ships_with_a_complete_header(catalogs) -> None:  # type: ignore[no-untyped-def]
    texts = shipped_texts()
    for catalog in catalogs.values():
        text = text_of(catalog.document.source)
        assert catalog.document.source == f"texts/{text.key}.txt"
        assert text.name_zh == catalog.document.name_zh
        assert text.number == catalog.document.number
        assert text.issuer == catalog.document.issuer_zh
        assert text.date == catalog.document.date.isoformat()
    assert "gjjt" in texts  # the public-transport guideline the disinfectant reference method cites
    folder = resources.files("resources") / "texts"
    for entry in folder.iterdir():
        entry.read_bytes().decode("utf-8")  # strictly UTF-8


def test_archived_catalogs_still_find_their_clauses(catalogs) -> None:  # type: ignore[no-untyped-def]
    """1.0.0 catalogs cited lines of the source collection; they map to the same passages of the shipped files."""
    for catalog in catalogs.values():
        old = catalog_version(catalog.id, "1.0.0")
        assert old.document.source.startswith("seeds/")
        for old_item in old.items:
            new_item = catalog.item(old_item.id)  # ids never change
            then = cited_passage(old.document.source, old_item.source_lines)
            now = cited_passage(catalog.document.source, new_item.source_lines)
            assert (then.text.key, then.first, then.last) == (now.text.key, now.first, now.last), old_item.id
