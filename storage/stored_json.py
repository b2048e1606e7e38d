"""JSON columns as someone with the database file may have left them.

The application only ever writes an object (or, for an answer's findings, a list of objects) into its JSON
columns. Raw SQL can write anything: text that is not JSON (``'{"a":'``), which SQLAlchemy's own reader turns
into a ``JSONDecodeError`` in the middle of a query, or JSON of another shape (a list, a string, a number) that
a reader then indexes as an object. The engine reads every JSON value through :func:`json_deserializer`, which
hands back an :class:`Unreadable` marker instead of raising, and the readers ask :func:`mapping` /
:func:`objects` for the shape they expect: whatever else is there is an alteration, to refuse or report in
words (``storage.errors.AlteredRecordError``), never a traceback. A NULL in a nullable column (records from
before a column existed) is no alteration.

PostgreSQL's ``json`` columns refuse invalid JSON themselves; a wrong shape they take like SQLite does.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Boolean
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

MAPPING = "mapping"  # a JSON object
OBJECTS = "objects"  # a JSON array of objects

# The shape the application writes into each JSON column (tests/storage/test_json_tamper.py checks that every
# JSON column of the schema is named here).
SHAPES: dict[tuple[str, str], str] = {
    ("inspections", "catalogs"): MAPPING,
    ("inspections", "company_snapshot"): MAPPING,
    ("item_responses", "measurements"): MAPPING,
    ("item_responses", "findings"): OBJECTS,
    ("audit_log", "old"): MAPPING,
    ("audit_log", "new"): MAPPING,
    ("day_signoffs", "summary"): MAPPING,
    ("site_day_signoffs", "record"): MAPPING,
    ("import_mappings", "mapping"): MAPPING,
    ("retention_runs", "removed"): MAPPING,
    ("canteen_plans", "settings"): MAPPING,
}


class Unreadable:
    """A JSON column's stored text that is not JSON at all (``text``: its first characters, for a log)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text[:60]

    def __repr__(self) -> str:
        return f"Unreadable({self.text!r})"


def json_deserializer(stored: str | bytes) -> Any:
    """The engine's reader of JSON columns: the value, or :class:`Unreadable` for text that is not JSON (or
    nested past what the parser takes)."""
    try:
        return json.loads(stored)
    except (ValueError, RecursionError):
        return Unreadable(stored if isinstance(stored, str) else repr(stored))


def readable(value: Any) -> bool:
    """Whether the stored value was JSON at all (of whatever shape)."""
    return not isinstance(value, Unreadable)


def mapping(value: Any) -> dict[str, Any] | None:
    """The stored object, or None when the column holds NULL or anything that is not an object."""
    return value if isinstance(value, dict) else None


def objects(value: Any) -> list[dict[str, Any]] | None:
    """The stored list of objects, or None when the column holds NULL or anything else."""
    if isinstance(value, list) and all(isinstance(element, dict) for element in value):
        return value
    return None


def fits(value: Any, shape: str) -> bool:
    """Whether ``value`` has ``shape`` (:data:`MAPPING` or :data:`OBJECTS`)."""
    return (mapping(value) if shape == MAPPING else objects(value)) is not None


def altered_columns(row: Any) -> list[tuple[str, int, str]]:
    """The JSON columns of an ORM ``row`` that hold what the application never writes: (table, row id, column)
    for each. A NULL where the column allows one is fine."""
    table = type(row).__table__
    found: list[tuple[str, int, str]] = []
    for column in table.columns:
        if not isinstance(column.type, JSON):
            continue
        value = getattr(row, column.key)
        if value is None and column.nullable:
            continue
        if not fits(value, SHAPES.get((table.name, column.name), MAPPING)):
            found.append((table.name, row.id, column.name))
    return found


def described(found: list[tuple[str, int, str]]) -> tuple[str, str]:
    """What :func:`altered_columns` found, in English and in Chinese (table and column names are the database's
    own, quoted in the Chinese line as names, not words to translate)."""
    english = "; ".join(f"{table} row {row_id}: {column} cannot be read" for table, row_id, column in found)
    chinese = "；".join(f"“{table}”第 {row_id} 行的“{column}”列无法读取" for table, row_id, column in found)
    return english, chinese


class ValidJson(FunctionElement[bool]):
    """In a query: whether a JSON column's stored text is JSON at all. SQLite's ``json_extract`` raises
    "malformed JSON" on anything else (the whole query fails), so a query that reads inside a JSON column
    guards the read with this. PostgreSQL's ``json`` columns hold only JSON: always true there."""

    type = Boolean()
    inherit_cache = True
    name = "json_valid"


@compiles(ValidJson)
def _valid_json(element: ValidJson, compiler: SQLCompiler, **kw: Any) -> str:
    return "true"


@compiles(ValidJson, "sqlite")
def _valid_json_sqlite(element: ValidJson, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_valid({compiler.process(element.clauses, **kw)})"
