"""Checklist catalogs: the schema the data files in ``resources/catalogs`` must follow.

A catalog encodes one official document (e.g. 《企事业单位复工复产疫情防控措施指南》) as a list of
checklist items, each citing its clause. The files are TOML (read with the standard library's
``tomllib``) and are validated here with pydantic; every error names the file, the item and the field.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from checklist.company import CompanyType
from checklist.rules import RULES, TABLE_KINDS, MeasurementKind

CATALOG_SCHEMA = "fugong.catalog/1"
ITEM_ID = re.compile(r"^(?P<catalog>[A-Z][A-Z0-9]{1,7})-(?P<number>\d+)(?:\.(?P<sub>\d+))?$")


class ResponseType(StrEnum):
    """How the officer answers an item (every item also gets a pass / fail / N-A result)."""

    PASS_FAIL = "pass_fail"
    NUMBER = "number"
    COUNT = "count"
    DATE = "date"
    TEXT = "text"
    TABLE = "table"


class Evidence(StrEnum):
    NONE = "none"
    PHOTO = "photo"
    DOCUMENT = "document"
    PHOTO_OR_DOCUMENT = "photo_or_document"


class Severity(StrEnum):
    """``critical`` failures are listed as severe in the summary and the report."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"


NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Measurement(_Strict):
    """A value the officer measures or counts on site for one item."""

    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    kind: MeasurementKind
    unit: str = ""
    unit_en: str = ""  # the unit in English words where it differs ("人" → "people"); else ``unit``
    label_zh: NonEmpty
    label_en: NonEmpty

    @property
    def unit_english(self) -> str:
        return self.unit_en or self.unit


EARLIEST_DATE = dt.date(2019, 12, 1)  # the epidemic-control rules these catalogs encode are not older


def _plausible_date(value: dt.date) -> dt.date:
    latest = dt.date.today() + dt.timedelta(days=1)
    if not EARLIEST_DATE <= value <= latest:
        raise ValueError(f"{value} is outside the plausible range {EARLIEST_DATE} to {latest}")
    return value


class Document(_Strict):
    """The official document a catalog encodes."""

    name_zh: NonEmpty
    name_en: NonEmpty
    issuer_zh: NonEmpty
    issuer_en: NonEmpty
    number: str = ""  # 文号, where the document has one
    date: dt.date
    # The shipped official text, "texts/<key>.txt" (catalogs of version 1.0.0, kept in the archive, named the
    # source collection instead: "seeds/<file>.txt:<first>-<last>"; checklist.texts maps those lines).
    source: Annotated[str, Field(pattern=r"^(texts/[a-z0-9_]+\.txt|seeds/\S+\.txt:\d+-\d+)$")]

    _date = field_validator("date")(_plausible_date)


class Section(_Strict):
    id: NonEmpty
    title_zh: NonEmpty
    title_en: NonEmpty


class Item(_Strict):
    """One checklist item, quoting or closely paraphrasing its source clause."""

    id: NonEmpty
    section: NonEmpty
    title_zh: NonEmpty
    title_en: NonEmpty
    requirement_zh: NonEmpty
    requirement_en: NonEmpty
    clause_zh: NonEmpty  # e.g. "二、（七）"
    clause_en: NonEmpty  # e.g. "Part 2, item (7)"
    source_lines: Annotated[str, Field(pattern=r"^\d+(-\d+)?$")]
    guidance_zh: NonEmpty
    guidance_en: NonEmpty
    # 建议做法 / good practice: what the on-site guidance asks beyond the clause, kept apart from what the rule
    # requires so that no one mistakes it for an obligation.
    good_practice_zh: str = ""
    good_practice_en: str = ""
    # The company types the item applies to (an obligation for malls or hotels only); empty: every company.
    company_types: tuple[CompanyType, ...] = ()
    response: ResponseType
    evidence: Evidence
    severity: Severity
    rules: tuple[str, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    table: str = ""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ITEM_ID.match(value):
            raise ValueError(f"item id {value!r} is not of the form CAT-01 or CAT-3.2")
        return value

    @field_validator("rules")
    @classmethod
    def _rules_known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for rule_id in value:
            if rule_id not in RULES:
                raise ValueError(f"unknown rule {rule_id!r}; known rules: {', '.join(sorted(RULES))}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        keys = [m.key for m in self.measurements]
        if len(keys) != len(set(keys)):
            raise ValueError("measurement keys repeat")
        if self.response is ResponseType.TABLE:
            if self.table not in TABLE_KINDS:
                raise ValueError(f"response 'table' needs table = one of {sorted(TABLE_KINDS)}")
        elif self.table:
            raise ValueError("'table' is only allowed with response = 'table'")
        measured = (ResponseType.NUMBER, ResponseType.COUNT, ResponseType.DATE, ResponseType.TEXT)
        if self.response in measured and not self.measurements:
            raise ValueError(f"response {self.response.value!r} needs at least one measurement")
        if bool(self.good_practice_zh) != bool(self.good_practice_en):
            raise ValueError("good practice needs both good_practice_zh and good_practice_en")
        for rule_id in self.rules:
            rule = RULES[rule_id]
            if rule.table and rule.table != self.table:
                raise ValueError(f"rule {rule_id!r} reads the {rule.table!r} table, but the item has none")
            for key, kind in rule.inputs.items():
                found = next((m for m in self.measurements if m.key == key), None)
                if found is None and key in rule.optional:
                    continue
                if found is None:
                    raise ValueError(f"rule {rule_id!r} needs measurement {key!r}")
                if found.kind is not kind:
                    raise ValueError(f"rule {rule_id!r} needs {key!r} of kind {kind.value!r}, not {found.kind.value!r}")
        return self

    def applies_to(self, company_type: CompanyType | str | None) -> bool:
        """Whether the item concerns a company of this type (an unknown type: every item is shown)."""
        return not self.company_types or company_type is None or company_type in self.company_types

    @property
    def catalog_id(self) -> str:
        match = ITEM_ID.match(self.id)
        assert match is not None  # checked by the validator
        return match["catalog"]

    @property
    def number(self) -> tuple[int, int]:
        """Sort key: (item number, sub-number)."""
        match = ITEM_ID.match(self.id)
        assert match is not None
        return int(match["number"]), int(match["sub"] or 0)


class Catalog(_Strict):
    """A versioned, citable encoding of one official document."""

    schema_: Annotated[str, Field(alias="schema")]
    id: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]{1,7}$")]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    date: dt.date  # date of this catalog version
    title_zh: NonEmpty
    title_en: NonEmpty
    document: Document
    sections: tuple[Section, ...] = Field(min_length=1)
    items: tuple[Item, ...] = Field(min_length=1)

    _date = field_validator("date")(_plausible_date)

    @field_validator("schema_")
    @classmethod
    def _schema(cls, value: str) -> str:
        if value != CATALOG_SCHEMA:
            raise ValueError(f"schema must be {CATALOG_SCHEMA!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        section_ids = [s.id for s in self.sections]
        if len(section_ids) != len(set(section_ids)):
            raise ValueError("section ids repeat")
        seen: set[str] = set()
        previous: tuple[int, int] = (0, 0)
        for index, item in enumerate(self.items):
            where = f"items[{index}] ({item.id})"
            if item.catalog_id != self.id:
                raise ValueError(f"{where}: id must start with {self.id}-")
            if item.id in seen:
                raise ValueError(f"{where}: id repeats")
            if item.section not in section_ids:
                raise ValueError(f"{where}.section: unknown section {item.section!r}")
            if item.number <= previous:
                raise ValueError(f"{where}.id: items must be in ascending order")
            seen.add(item.id)
            previous = item.number
        return self

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


class CatalogError(Exception):
    """A catalog file that cannot be used; the message names the file, the item and the field."""


def _describe(error: dict[str, Any], data: dict[str, Any]) -> str:
    """Turn one pydantic error into "items[3] (GN-04).severity: Input should be ..."."""
    parts: list[str] = []
    node: Any = data
    for step in error["loc"]:
        if isinstance(step, int):
            parts.append(f"[{step}]")
            if isinstance(node, list) and 0 <= step < len(node):
                node = node[step]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    parts.append(f" ({node['id']})")
            else:
                node = None
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    where = "".join(parts) or "(file)"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}"


MAX_CATALOG_CHARS = 2_000_000
MAX_CATALOG_INT = 2**53  # larger integers cannot be held exactly in JSON, SQLite or a float


def _first_huge_number(data: object, where: str = "") -> str | None:
    """The path of the first integer beyond ±2^53 in parsed TOML (iteratively: depth is unbounded here)."""
    pending: list[tuple[str, object]] = [(where, data)]
    while pending:
        path, node = pending.pop()
        if isinstance(node, dict):
            pending.extend((f"{path}.{key}" if path else str(key), value) for key, value in node.items())
        elif isinstance(node, list):
            pending.extend((f"{path}[{index}]", value) for index, value in enumerate(node))
        elif isinstance(node, int) and not isinstance(node, bool) and abs(node) > MAX_CATALOG_INT:
            return path
    return None


def parse_catalog(text: str, origin: str) -> Catalog:
    """Parse and validate catalog TOML text; ``origin`` names the file in error messages."""
    if len(text) > MAX_CATALOG_CHARS:
        raise CatalogError(
            f"{origin}: {len(text):,} characters is too large for a catalog (at most {MAX_CATALOG_CHARS:,})"
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{origin}: not valid TOML: {exc}") from None
    except RecursionError:
        raise CatalogError(f"{origin}: not a catalog: the TOML is nested too deeply to be read") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits (Python's int conversion limit)
        raise CatalogError(f"{origin}: not valid TOML: {exc}") from None
    big = _first_huge_number(data)
    if big is not None:
        raise CatalogError(f"{origin}: {big}: the number is too large for a catalog")
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        lines = [_describe(dict(e), data) for e in exc.errors()]
        raise CatalogError(f"{origin}: " + "; ".join(lines)) from None


def load_catalog_file(path: Path) -> Catalog:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read: {exc}") from None
    return parse_catalog(text, str(path))


# The order in which the official catalogs are offered: the core ones first.
OFFICIAL_ORDER = ("GN", "BJHQ", "BJTG", "NHC", "LK28", "BJ4F")


def official_catalogs() -> dict[str, Catalog]:
    """The catalogs shipped in ``resources/catalogs``, keyed by id, core catalogs first.

    The files are parsed once per process (~60 ms for the six; evaluating or exporting an inspection asks for
    them several times). Catalogs are frozen, so sharing them is safe; each caller gets its own mapping."""
    return dict(_shipped_catalogs())


@functools.cache
def _shipped_catalogs() -> dict[str, Catalog]:
    folder = resources.files("resources") / "catalogs"
    found: dict[str, Catalog] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            catalog = parse_catalog(entry.read_text(encoding="utf-8"), f"resources/catalogs/{entry.name}")
            if catalog.id in found:
                raise CatalogError(f"resources/catalogs/{entry.name}: catalog id {catalog.id} appears twice")
            found[catalog.id] = catalog
    rank = {cid: i for i, cid in enumerate(OFFICIAL_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def catalog_version(catalog_id: str, version: str) -> Catalog:
    """A catalog as it was at ``version``: the shipped one, or an earlier version kept in
    ``resources/catalogs/archive/<id>-<version>.toml`` so that old inspections are evaluated by the items they
    were made with."""
    current = _shipped_catalogs().get(catalog_id)
    if current is not None and current.version == version:
        return current
    archived = resources.files("resources") / "catalogs" / "archive" / f"{catalog_id.lower()}-{version}.toml"
    if not archived.is_file():
        raise CatalogError(f"catalog {catalog_id} version {version} is not shipped with this version of 复工自查")
    catalog = parse_catalog(archived.read_text(encoding="utf-8"), f"resources/catalogs/archive/{archived.name}")
    if (catalog.id, catalog.version) != (catalog_id, version):
        raise CatalogError(f"resources/catalogs/archive/{archived.name} holds {catalog.id} {catalog.version}")
    return catalog


def for_company(catalogs: Iterable[Catalog], company_type: str | None) -> list[Catalog]:
    """The catalogs with only the items that concern a company of this type (what an officer is shown)."""
    return [
        catalog.model_copy(update={"items": tuple(item for item in catalog.items if item.applies_to(company_type))})
        for catalog in catalogs
    ]


def items_of(catalogs: Iterable[Catalog]) -> list[Item]:
    return [item for catalog in catalogs for item in catalog.items]
