"""Malformed or inconsistent catalog files are rejected with the file, the item and the field named."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from checklist.catalog import CatalogError, load_catalog_file, parse_catalog
from tests.cli import fugong

GN_TEXT = (resources.files("resources") / "catalogs" / "gn.toml").read_text(encoding="utf-8")


def broken(old: str, new: str, count: int = 1) -> str:
    assert old in GN_TEXT, old
    return GN_TEXT.replace(old, new, count)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (broken('severity = "critical"', 'severity = "urgent"'), ["items[0] (GN-01).severity", "critical"]),
        (broken('id = "GN-02"', 'id = "GN-01"'), ["GN-01", "repeats"]),
        (broken('id = "GN-02"', 'id = "gn-2"'), ["items[1]", ".id", "not of the form"]),
        (broken('id = "GN-03"', 'id = "XX-03"'), ["items[2] (XX-03)", "must start with GN-"]),
        (
            broken('rules = ["temperature.twice_daily"]', 'rules = ["temperature.thrice"]'),
            ["items[0] (GN-01).rules", "unknown rule"],
        ),
        (broken('key = "checks_per_day"', 'key = "checks"'), ["GN-01", "needs measurement 'checks_per_day'"]),
        (broken('kind = "count"', 'kind = "number"'), ["GN-01", "of kind 'count'"]),
        (broken('table = "dormitory_rooms"', 'table = "beds"'), ["GN-07", "table"]),
        (broken('section = "1"', 'section = "9"'), ["items[0] (GN-01).section", "unknown section"]),
        (broken('schema = "fugong.catalog/1"', 'schema = "fugong.catalog/9"'), ["schema"]),
        (broken('version = "1.1.0"', 'version = "one"'), ["version"]),
        (broken("title_zh", "titel_zh"), ["Extra inputs"]),
        (broken('good_practice_en = "The area', 'good_practice_fr = "The area'), ["GN-14", "Extra inputs"]),
        (broken('source = "texts/gn.txt"', 'source = "../shared/seeds/x.txt"'), ["document.source"]),
        (
            broken('severity = "critical"', 'company_types = ["airport"]\nseverity = "critical"'),
            ["GN-01", "company_types"],
        ),
        ("id = \n", ["not valid TOML"]),
        ('schema = "fugong.catalog/1"\nid = "X1"\n', ["version", "Field required"]),
    ],
)
def test_malformed_catalog_is_rejected_naming_the_place(text: str, expected: list[str]) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, "my.toml")
    message = str(caught.value)
    assert message.startswith("my.toml: ")
    for part in expected:
        assert part in message


def test_items_out_of_order_are_rejected() -> None:
    text = GN_TEXT.replace('id = "GN-02"', 'id = "GN-TMP"').replace('id = "GN-03"', 'id = "GN-02"')
    text = text.replace('id = "GN-TMP"', 'id = "GN-03"')
    with pytest.raises(CatalogError, match=r"items\[2\] \(GN-02\)\.id: items must be in ascending order"):
        parse_catalog(text, "gn.toml")


def test_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"title = '\xe9'")
    with pytest.raises(CatalogError, match=r"latin1\.toml: cannot read"):
        load_catalog_file(path)


def test_cli_lists_all_catalogs_with_counts() -> None:
    done = fugong("catalogs", "list")
    assert done.returncode == 0, done.stderr
    for catalog_id in ("GN", "BJHQ", "BJTG", "NHC", "LK28", "BJ4F"):
        assert f"\n{catalog_id} " in "\n" + done.stdout
    assert " 16 " in done.stdout.splitlines()[1]


def test_cli_shows_gn_as_json_with_citations() -> None:
    import json

    done = fugong("catalogs", "show", "GN", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["items"]) == 16
    assert data["document"]["number"] == "国发明电〔2020〕4号"
    assert all(item["clause_zh"] for item in data["items"])


def test_cli_validate_accepts_good_and_rejects_broken_file(tmp_path: Path) -> None:
    good = tmp_path / "gn.toml"
    good.write_text(GN_TEXT, encoding="utf-8")
    assert fugong("catalogs", "validate", str(good)).returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(broken('severity = "critical"', 'severity = "urgent"'), encoding="utf-8")
    done = fugong("catalogs", "validate", str(bad))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.toml" in lines[0] and "GN-01" in lines[0] and "severity" in lines[0]


def test_cli_unknown_catalog_is_one_line_error() -> None:
    done = fugong("catalogs", "show", "XYZ")
    assert done.returncode == 1
    assert done.stderr.strip() == "fugong: no catalog 'XYZ'; known: GN, BJHQ, BJTG, NHC, LK28, BJ4F"


def test_catalog_versions_are_found_current_or_archived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist import catalog as catalog_module
    from checklist.catalog import catalog_version

    assert catalog_version("GN", "1.0.0").version == "1.0.0"  # archived
    assert catalog_version("GN", "1.1.0").version == "1.1.0"  # shipped
    with pytest.raises(CatalogError, match=r"GN version 0\.9\.0 is not shipped"):
        catalog_version("GN", "0.9.0")
    archive = tmp_path / "catalogs" / "archive"
    archive.mkdir(parents=True)
    (archive / "gn-0.9.0.toml").write_text(GN_TEXT.replace('version = "1.1.0"', 'version = "0.9.0"'), encoding="utf-8")
    monkeypatch.setattr(catalog_module.resources, "files", lambda package: tmp_path)
    old = catalog_version("GN", "0.9.0")
    assert old.version == "0.9.0" and len(old.items) == 16
