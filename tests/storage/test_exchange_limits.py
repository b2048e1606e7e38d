"""Import → export with values at and around every limit, typed as JSON numbers and as text: each verdict is
right, and each refused value names its measurement (issue 13's acceptance path)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from storage.db import open_database
from storage.errors import InvalidInputError
from storage.exchange import export_document, import_file
from tests.storage.test_exchange_cli import MINIMAL

# (catalogs, item, measurements, expected derived result); text values are read by the one number rule.
CASES: list[tuple[list[str], str, dict[str, Any], str | None]] = [
    (["GN"], "GN-01", {"checks_per_day": "1"}, "fail"),
    (["GN"], "GN-01", {"checks_per_day": "2"}, "pass"),
    (["GN"], "GN-01", {"checks_per_day": 3}, "pass"),
    (["BJHQ"], "BJHQ-2", {"min_observation_days": "13"}, "fail"),
    (["BJHQ"], "BJHQ-2", {"min_observation_days": 14}, "pass"),
    (["BJHQ"], "BJHQ-2", {"morning_check": True, "afternoon_check": False}, "fail"),
    (["BJHQ"], "BJHQ-2", {"morning_check": True, "afternoon_check": True}, "pass"),
    (["BJTG"], "BJTG-09", {"dense_enterprise": True, "on_site_staff": "750", "total_staff": "1,500"}, "pass"),
    (["BJTG"], "BJTG-09", {"dense_enterprise": True, "on_site_staff": "751", "total_staff": "1,500"}, "fail"),
    (["BJTG"], "BJTG-09", {"dense_enterprise": True, "on_site_staff": "1,000", "total_staff": "1,500"}, "fail"),
    (["BJTG"], "BJTG-09", {"on_site_staff": "1,000", "total_staff": "1,500"}, None),  # "dense?" unanswered
    (["BJTG"], "BJTG-09", {"dense_enterprise": False, "on_site_staff": 1400, "total_staff": 1500}, None),
    (["GN"], "GN-06", {"chlorine_mg_per_l": "1,000", "contact_minutes": "30"}, None),  # reference method only
]


def _file(tmp_path: Path, catalogs: list[str], responses: list[dict[str, Any]], rooms: list[dict[str, Any]]) -> Path:
    data = copy.deepcopy(MINIMAL)
    data["inspection"]["catalogs"] = catalogs
    data["inspection"]["responses"] = responses
    data["inspection"]["dormitory_rooms"] = rooms
    data["inspection"]["corrective_actions"] = []
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _exported(sqlite_url: str, path: Path) -> dict[str, Any]:
    db = open_database(sqlite_url)
    try:
        return export_document(db, import_file(db, "importer", path))
    finally:
        db.close()


@pytest.mark.parametrize(("catalogs", "item", "values", "expected"), CASES)
def test_verdicts_survive_import_and_export(
    sqlite_url: str, tmp_path: Path, catalogs: list[str], item: str, values: dict[str, Any], expected: str | None
) -> None:
    document = _exported(sqlite_url, _file(tmp_path, catalogs, [{"item": item, "measurements": values}], []))
    response = next(r for r in document["inspection"]["responses"] if r["item"] == item)
    assert response["derived"] == expected
    for finding in response["findings"]:
        cited = {part.split(" ")[0] for part in finding["citation"].split("; ")}
        assert cited <= {*catalogs, "公共交通防控指引（2.0版）"}


@pytest.mark.parametrize(
    ("area", "occupants", "gn", "beijing"),
    [
        ("15", 6, "pass", "fail"),  # 2.5 m² per person: at the national limit
        ("14.99", 6, "fail", "fail"),
        ("24", "6", "pass", "pass"),  # 4 m² per person: at the Beijing limit
        ("23.99", 6, "pass", "fail"),
        (18, 7, "fail", "fail"),  # 7 people
        ("1,000", 6, "pass", "pass"),  # a thousand square metres, not one
    ],
)
def test_dormitory_rooms_typed_as_text_are_read_by_the_rule(
    sqlite_url: str, tmp_path: Path, area: Any, occupants: Any, gn: str, beijing: str
) -> None:
    room = {"name": "A101", "area_m2": area, "occupants": occupants}
    document = _exported(sqlite_url, _file(tmp_path, ["GN", "BJHQ"], [], [room]))
    derived = {r["item"]: r["derived"] for r in document["inspection"]["responses"]}
    assert (derived["GN-07"], derived["BJHQ-3"]) == (gn, beijing)


@pytest.mark.parametrize(
    ("responses", "rooms", "named"),
    [
        ([{"item": "GN-01", "measurements": {"checks_per_day": "1e9"}}], [], "measurements.checks_per_day"),
        ([{"item": "GN-01", "measurements": {"checks_per_day": 100}}], [], "measurements.checks_per_day"),
        ([{"item": "GN-06", "measurements": {"chlorine_mg_per_l": "37,5"}}], [], "measurements.chlorine_mg_per_l"),
        ([{"item": "GN-06", "measurements": {"contact_minutes": 1e6}}], [], "measurements.contact_minutes"),
        ([], [{"name": "A101", "area_m2": "37,5", "occupants": 2}], "area_m2"),
        ([], [{"name": "A101", "area_m2": 20, "occupants": "-5"}], "occupants"),
        ([], [{"name": "A101", "area_m2": 20000, "occupants": 2}], "area_m2"),
    ],
)
def test_refused_values_name_their_measurement_and_nothing_is_stored(
    sqlite_url: str, tmp_path: Path, responses: list[dict[str, Any]], rooms: list[dict[str, Any]], named: str
) -> None:
    db = open_database(sqlite_url)
    try:
        with pytest.raises(InvalidInputError) as caught:
            import_file(db, "importer", _file(tmp_path, ["GN"], responses, rooms))
        assert named in str(caught.value)
    finally:
        db.close()
